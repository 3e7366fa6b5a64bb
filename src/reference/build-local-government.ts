import { GO_LIVE } from './build-hierarchy.ts';
import { REFERENCE_FILES as F } from './files.ts';
import type { ParsedReference } from './parse-reference.ts';
import type { Quarantine } from './quarantine.ts';
import { organisation, type RegistrySnapshot, relationship } from './snapshot.ts';

const LA_TYPES: Record<string, string> = {
  E06: 'Unitary authority',
  E08: 'Metropolitan district',
  E09: 'London borough',
  E10: 'County',
};

/**
 * The July 2015 LSOA lookup merges three 2013 CCGs into 13T (Newcastle Gateshead). Split it back by
 * local authority: Gateshead is 00F; Newcastle holds both 00G and 00H, which the lookup cannot tell
 * apart, so those small areas keep both codes and a note (SOURCES.md, derived/ccg_hwb_overlap_lsoa).
 */
const MERGED_2015: Record<string, Record<string, readonly string[]>> = {
  '13T': { E08000037: ['00F'], E08000021: ['00G', '00H'] },
};

/**
 * Health and wellbeing boards (one per upper-tier local authority, HSCA 2012 s194), CCG↔HWB overlaps,
 * small-area assignments for the coverage rule, local Healthwatch, and the CCG boundaries.
 */
export function buildLocalGovernment(p: ParsedReference, s: RegistrySnapshot, q: Quarantine): void {
  const county = new Map(p.ladCounty.map((r) => [r.ladCode, r]));
  const utlaOf = (ladCode: string, ladName: string) => {
    const c = county.get(ladCode);
    // Districts in a shire county (E10) have the county as their upper tier; metropolitan districts
    // (E08) and London boroughs (E09) are upper-tier themselves, as are unitaries (not in the lookup).
    return c?.countyCode.startsWith('E10')
      ? { code: c.countyCode, name: c.countyName }
      : { code: ladCode, name: ladName };
  };

  const hwbs = new Map<string, string>();
  const ccgCounts = new Map<string, Map<string, number>>();
  for (const row of p.lsoaLookup) {
    const utla = utlaOf(row.ladCode, row.ladName);
    hwbs.set(utla.code, utla.name);
    const split = MERGED_2015[row.ccgCode];
    const ccgCodes = split ? split[row.ladCode] : [row.ccgCode];
    if (!ccgCodes) {
      q.reject(
        F.lsoaLookup,
        row.line,
        `CCG ${row.ccgCode} in ${row.ladName} cannot be mapped back to a 2013 CCG`,
      );
      continue;
    }
    s.areaAssignments.push({
      lsoaCode: row.lsoaCode,
      lsoaName: row.lsoaName,
      ccgCodes,
      ladCode: row.ladCode,
      ladName: row.ladName,
      utlaCode: utla.code,
      note:
        ccgCodes.length > 1
          ? `The July 2015 lookup merges ${ccgCodes.join(' and ')} into ${row.ccgCode}; the 2013 split of these small areas is not published there.`
          : null,
      source: F.lsoaLookup,
    });
    for (const ccg of ccgCodes) {
      const counts = ccgCounts.get(ccg) ?? new Map<string, number>();
      counts.set(utla.code, (counts.get(utla.code) ?? 0) + 1);
      ccgCounts.set(ccg, counts);
    }
  }

  for (const [code, laName] of [...hwbs].sort()) {
    s.addOrganisation(
      organisation({
        code,
        orgType: 'hwb',
        name: `${laName} Health and Wellbeing Board`,
        shortName: laName,
        onsCode: code,
        openDate: GO_LIVE,
        source: `${F.lsoaLookup}; ${F.ladCounty}`,
        attributes: { localAuthority: laName, localAuthorityType: LA_TYPES[code.slice(0, 3)] ?? 'Unknown' },
      }),
    );
    // One local Healthwatch per upper-tier authority (HSCA 2012 s183); names and codes are ours.
    const hw = `HW-${code}`;
    s.addOrganisation(
      organisation({
        code: hw,
        orgType: 'healthwatch',
        name: `Healthwatch ${laName}`,
        openDate: GO_LIVE,
        provenance: 'illustrative',
        provenanceNote:
          'One local Healthwatch per upper-tier local authority went live on 1 Apr 2013 [C]; this name and code are generated, not taken from a register.',
        source: 'generated from the HWB list',
      }),
    );
    s.addRelationship(
      relationship({
        kind: 'healthwatch_for',
        fromCode: hw,
        toCode: code,
        startDate: GO_LIVE,
        provenance: 'illustrative',
        source: 'generated',
      }),
    );
  }

  for (const [ccg, counts] of [...ccgCounts].sort(([a], [b]) => a.localeCompare(b))) {
    if (!s.organisations.has(ccg)) {
      q.reject(F.lsoaLookup, 0, `CCG ${ccg} in the lookup is not an April 2013 CCG`);
      continue;
    }
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    for (const [hwb, n] of counts) {
      s.addRelationship(
        relationship({
          kind: 'overlaps_hwb',
          fromCode: ccg,
          toCode: hwb,
          startDate: GO_LIVE,
          share: (n / total).toFixed(4),
          source: F.lsoaLookup,
          provenanceNote: `${n} of the CCG's ${total} LSOAs (July 2015 ONS lookup): a proxy for its population share.`,
        }),
      );
    }
  }

  s.boundaries.push({
    code: 'ccg-2013',
    objectName: p.ccgBoundaries.objectName,
    topology: p.ccgBoundaries.topology,
    source: F.ccgBoundaries,
  });
  const onsCodes = new Set(
    [...s.organisations.values()].filter((o) => o.orgType === 'ccg' && o.onsCode).map((o) => o.onsCode),
  );
  p.ccgBoundaries.ids.forEach((id, i) => {
    if (!onsCodes.has(id)) q.reject(F.ccgBoundaries, i + 1, `boundary ${id} matches no April 2013 CCG`);
  });
}
