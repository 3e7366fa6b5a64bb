import { titleCase } from './fields.ts';
import { REFERENCE_FILES as F } from './files.ts';
import type { ParsedReference } from './parse-reference.ts';
import type { Quarantine } from './quarantine.ts';
import { organisation, type RegistrySnapshot, relationship } from './snapshot.ts';

/** The day the Board's commissioning structure, CCGs and area teams went live (REFERENCE.md §13 [C]). */
export const GO_LIVE = '2013-04-01';
export const BOARD_CODE = 'NHSCB';

/**
 * The Board → 4 regions → 27 area teams → 211 CCGs, from the NHSBSA list-size file (which alone has
 * the 27 area teams, including London's three) and the ONS names and codes.
 */
export function buildHierarchy(p: ParsedReference, s: RegistrySnapshot, q: Quarantine): void {
  s.addOrganisation(
    organisation({
      code: BOARD_CODE,
      orgType: 'commissioning_board',
      name: 'NHS Commissioning Board',
      shortName: 'NHS England',
      openDate: '2012-10-01',
      source: 'domain/REFERENCE.md §13',
      provenanceNote:
        'Established 1 Oct 2012; used the name NHS England from 2013 [C]. Its ODS code is not in the reference files, so a local code is used.',
    }),
  );

  const ccgOns = new Map(p.ccgNames.map((c) => [c.odsCode, c]));
  const onsLookup = new Map(p.ccgAreaTeamRegion.map((c) => [c.ccgOnsCode, c]));
  const atNames = new Map(p.areaTeamCodes.map((a) => [a.odsCode, a.name]));
  const eccg = new Map(p.eccg.map((c) => [c.code, c]));

  // Regions, area teams and each CCG's area team, as the list-size file places the CCG's practices.
  const regionOf = new Map<string, { name: string; onsCode: string | null; onsName: string | null }>();
  const areaTeamOf = new Map<string, { name: string; regionCode: string }>();
  const ccgAreaTeam = new Map<string, string>();
  for (const row of p.listSize.rows) {
    const ccg = row.parentCode.slice(0, 3);
    if (row.parentCode.length !== 5 || !row.parentCode.endsWith('00') || !ccgOns.has(ccg)) continue;
    const previous = ccgAreaTeam.get(ccg);
    if (previous && previous !== row.areaTeamCode) {
      q.reject(
        F.listSize,
        row.line,
        `CCG ${ccg} is under area team ${row.areaTeamCode} here but ${previous} elsewhere`,
      );
      continue;
    }
    ccgAreaTeam.set(ccg, row.areaTeamCode);
    areaTeamOf.set(row.areaTeamCode, { name: row.areaTeamName, regionCode: row.regionCode });
    const ons = onsLookup.get(ccgOns.get(ccg)!.onsCode);
    regionOf.set(row.regionCode, {
      name: row.regionName,
      onsCode: ons?.regionOnsCode ?? null,
      onsName: ons?.regionName ?? null,
    });
  }

  for (const [code, r] of [...regionOf].sort()) {
    s.addOrganisation(
      organisation({
        code,
        orgType: 'region',
        name: r.onsName ?? titleCase(r.name),
        onsCode: r.onsCode,
        openDate: GO_LIVE,
        source: `${F.listSize}; ${F.ccgAreaTeamRegion}`,
      }),
    );
    s.addRelationship(
      relationship({
        kind: 'part_of',
        fromCode: code,
        toCode: BOARD_CODE,
        startDate: GO_LIVE,
        source: F.listSize,
      }),
    );
  }

  for (const [code, at] of [...areaTeamOf].sort()) {
    const onsName = atNames.get(code);
    s.addOrganisation(
      organisation({
        code,
        orgType: 'area_team',
        name: onsName ? `${onsName} Area Team` : titleCase(at.name),
        onsCode: p.areaTeamCodes.find((a) => a.odsCode === code)?.onsCode ?? null,
        openDate: GO_LIVE,
        source: onsName ? `${F.listSize}; ${F.areaTeamCodes}` : F.listSize,
        provenanceNote: onsName
          ? null
          : 'Name as the NHSBSA list-size file gives it; REFERENCE.md marks the London area team names unconfirmed, and ONS treats London as one team (E39000018).',
      }),
    );
    s.addRelationship(
      relationship({
        kind: 'in_region',
        fromCode: code,
        toCode: at.regionCode,
        startDate: GO_LIVE,
        source: F.listSize,
      }),
    );
  }

  for (const c of p.ccgNames) {
    const ods = eccg.get(c.odsCode);
    if (!ccgAreaTeam.has(c.odsCode)) {
      q.reject(
        F.ccgNames,
        c.line,
        `CCG ${c.odsCode} has no practices in ${F.listSize}, so its area team is unknown`,
      );
      continue;
    }
    s.addOrganisation(
      organisation({
        code: c.odsCode,
        orgType: 'ccg',
        // ONS names omit the suffix; the statutory name ends "Clinical Commissioning Group" (CCG Regs reg 3).
        name: `${c.name} Clinical Commissioning Group`,
        shortName: `${c.name} CCG`,
        onsCode: c.onsCode,
        postcode: ods?.postcode || null,
        openDate: ods?.openDate ?? GO_LIVE,
        closeDate: ods?.closeDate ?? null,
        source: `${F.ccgNames}; ${F.eccg}`,
        attributes: ods ? { address: ods.address } : {},
      }),
    );
    s.addRelationship(
      relationship({
        kind: 'in_area_team',
        fromCode: c.odsCode,
        toCode: ccgAreaTeam.get(c.odsCode)!,
        startDate: ods?.openDate ?? GO_LIVE,
        endDate: ods?.closeDate ?? null,
        source: F.listSize,
      }),
    );
  }

  // CCGs that opened after April 2013 (e.g. 13T Newcastle Gateshead, 2015), so later memberships
  // from epraccur have somewhere to point. Their 2015 area teams are not part of this registry.
  for (const c of p.eccg) {
    if (s.organisations.has(c.code) || !/ CCG$/.test(c.name) || !/^\d\d[A-Z]$/.test(c.code)) continue;
    s.addOrganisation(
      organisation({
        code: c.code,
        orgType: 'ccg',
        name: `${titleCase(c.name.replace(/ CCG$/, ''))} Clinical Commissioning Group`,
        shortName: titleCase(c.name),
        postcode: c.postcode || null,
        openDate: c.openDate,
        closeDate: c.closeDate,
        source: F.eccg,
        provenanceNote:
          'A CCG established after April 2013 (ODS eccg, Feb 2016); its area team is not recorded here.',
        attributes: { address: c.address },
      }),
    );
  }
}
