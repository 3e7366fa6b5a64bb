import type { ReferenceFileKey, ReferenceSet } from './files.ts';
import { REFERENCE_FILES } from './files.ts';
import { parseListSize } from './parse-list-size.ts';
import { parseOds } from './parse-ods.ts';
import {
  parseAreaTeamCodes,
  parseCcgAreaTeamRegion,
  parseCcgNames,
  parseLadCounty,
  parseLsoaLookup,
  parsePctSha,
  parsePcts,
  parsePracticeLocations,
  parseShas,
} from './parse-ons.ts';
import {
  parseCsuCodes,
  parseCsuSupport,
  parseCsuSupportUnconfirmed,
  parseHubs,
  parseSenates,
  parseSenatesUnconfirmed,
} from './parse-structure-extra.ts';
import { parseTopojson } from './parse-topojson.ts';
import type { Quarantine } from './quarantine.ts';

/** The object inside eng_ccg_2013.topojson that holds the 211 CCG polygons. */
export const CCG_BOUNDARY_OBJECT = 'CCG_APR_2013_EN_BGC_WGS84';

/** Every raw file, parsed and row-validated (rows that fail are in the quarantine). */
export function parseReference(
  set: ReferenceSet,
  q: Quarantine,
  onFile: (key: ReferenceFileKey) => void = () => {},
) {
  const label = (key: ReferenceFileKey) => REFERENCE_FILES[key];
  const step = <T>(key: ReferenceFileKey, parse: (file: string, label: string) => T): T => {
    onFile(key);
    return parse(set.files[key], label(key));
  };
  return {
    listSize: step('listSize', (f, l) => parseListSize(f, l, q)),
    epraccur: step('epraccur', (f, l) => parseOds(f, l, 'epraccur', q)),
    eccg: step('eccg', (f, l) => parseOds(f, l, 'eccg', q)),
    etr: step('etr', (f, l) => parseOds(f, l, 'etr', q)),
    ccgNames: step('ccgNames', (f, l) => parseCcgNames(f, l, q)),
    ccgAreaTeamRegion: step('ccgAreaTeamRegion', (f, l) => parseCcgAreaTeamRegion(f, l, q)),
    areaTeamCodes: step('areaTeamCodes', (f, l) => parseAreaTeamCodes(f, l, q)),
    pct: step('pct', (f, l) => parsePcts(f, l, q)),
    sha: step('sha', (f, l) => parseShas(f, l, q)),
    pctSha: step('pctSha', (f, l) => parsePctSha(f, l, q)),
    lsoaLookup: step('lsoaLookup', (f, l) => parseLsoaLookup(f, l, q)),
    ladCounty: step('ladCounty', (f, l) => parseLadCounty(f, l, q)),
    ccgBoundaries: step('ccgBoundaries', (f, l) => parseTopojson(f, l, CCG_BOUNDARY_OBJECT, q)),
    practiceLocations: step('practiceLocations', (f, l) => parsePracticeLocations(f, l, q)),
    senates: step('senates', (f, l) => parseSenates(f, l, q)),
    senatesUnconfirmed: step('senatesUnconfirmed', (f, l) => parseSenatesUnconfirmed(f, l, q)),
    csus: step('csus', (f, l) => parseCsuSupport(f, l, q)),
    csusUnconfirmed: step('csusUnconfirmed', (f, l) => parseCsuSupportUnconfirmed(f, l, q)),
    csuCodes: step('csuCodes', (f, l) => parseCsuCodes(f, l, q)),
    hubs: step('hubs', (f, l) => parseHubs(f, l, q)),
  };
}

export type ParsedReference = ReturnType<typeof parseReference>;
