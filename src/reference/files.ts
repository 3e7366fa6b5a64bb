import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../platform/errors.ts';

/**
 * The raw public files the reference import reads, relative to the reference folder
 * (../shared/data/reference; SOURCES.md there describes each). The derived/ joins are NOT read:
 * the importer rebuilds them from these raw files.
 */
export const REFERENCE_FILES = {
  listSize: 'openprescribing/list_sizes/Patient_List_Size_2013_04-06.csv',
  epraccur: 'openprescribing/epraccur_2015-09.csv',
  eccg: 'openprescribing/eccg_2016-02.csv',
  etr: 'trusts/etr_c2015-16.csv',
  ccgNames: 'openprescribing/CCG_APR_2013.csv',
  ccgAreaTeamRegion: 'openprescribing/CCG13_NHSAT13_NHSCR13_EW_LU.csv',
  areaTeamCodes: 'openprescribing/at.csv',
  pct: 'openprescribing/PCO_2012.csv',
  sha: 'openprescribing/SHA_2012.csv',
  pctSha: 'openprescribing/PCO12_SHA12_EN_LU.csv',
  lsoaLookup: 'ons/LSOA11_CCG15_LAD15_EN_LU_Jul2015.csv',
  ladCounty: 'ons/LAD15_CTY15_EN_LU_Dec2015.csv',
  ccgBoundaries: 'geo/eng_ccg_2013.topojson',
  practiceLocations: 'practices/practice_lat_lon_2013-11.csv',
  senates: 'structure-extra/senates_2013.csv',
  senatesUnconfirmed: 'structure-extra/senates_2013_unconfirmed.csv',
  csus: 'structure-extra/csus_2013.csv',
  csusUnconfirmed: 'structure-extra/csus_2013_unconfirmed.csv',
  csuCodes: 'structure-extra/csu_ods_codes.csv',
  hubs: 'structure-extra/commissioning_hub_codes.csv',
} as const;

export type ReferenceFileKey = keyof typeof REFERENCE_FILES;

export interface ReferenceSet {
  readonly dir: string;
  readonly files: Readonly<Record<ReferenceFileKey, string>>;
  /** sha256 over every file's name and bytes: the same inputs give the same hash. */
  readonly contentHash: string;
}

/** Resolves the reference folder, failing with every missing file named at once. */
export function locateReferenceFiles(dir: string): ReferenceSet {
  const absolute = path.resolve(dir);
  const missing = Object.entries(REFERENCE_FILES)
    .filter(([, rel]) => !existsSync(path.join(absolute, rel)))
    .map(([key, rel]) => ({
      path: key,
      message: `missing file ${path.join(absolute, rel)}`,
      code: 'missing_file',
    }));
  if (missing.length) throw AppError.validation(missing, `Reference data folder ${absolute} is incomplete`);

  const hash = createHash('sha256');
  const files = {} as Record<ReferenceFileKey, string>;
  for (const [key, rel] of Object.entries(REFERENCE_FILES) as [ReferenceFileKey, string][]) {
    files[key] = path.join(absolute, rel);
    hash.update(rel).update('\0').update(readFileSync(files[key])).update('\0');
  }
  return { dir: absolute, files, contentHash: hash.digest('hex') };
}
