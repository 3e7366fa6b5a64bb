import { GO_LIVE } from './build-hierarchy.ts';
import { CSU_MAPPING_FILE, loadCsuMapping } from './csu-mapping.ts';
import { REFERENCE_FILES as F } from './files.ts';
import type { ParsedReference } from './parse-reference.ts';
import type { Quarantine } from './quarantine.ts';
import { organisation, type RegistrySnapshot, relationship, slug } from './snapshot.ts';

/** The four condition areas of the strategic clinical networks (england.nhs.uk 2012/07 [C]). */
export const NETWORK_CONDITION_AREAS = [
  ['CANCER', 'Cancer'],
  ['CARDIOVASCULAR', 'Cardiovascular (cardiac, stroke, renal, diabetes)'],
  ['MATERNITY-CHILDREN', 'Maternity, children and young people'],
  ['MENTAL-HEALTH', 'Mental health, dementia and neurological conditions'],
] as const;

/** CSUs, clinical senates and networks, commissioning hubs, and the two regulators. */
export function buildSupport(p: ParsedReference, s: RegistrySnapshot, q: Quarantine): void {
  buildCsus(p, s, q);
  buildSenates(p, s);
  const areaTeams = [...s.organisations.values()].filter((o) => o.orgType === 'area_team').map((o) => o.code);
  for (const [key, name] of NETWORK_CONDITION_AREAS) {
    const code = `SCN-${key}`;
    s.addOrganisation(
      organisation({
        code,
        orgType: 'clinical_network',
        name: `${name} Strategic Clinical Network`,
        openDate: GO_LIVE,
        source: 'structure-extra.md §2',
        provenanceNote:
          'The four condition areas are confirmed; each ran in all 12 senate geographies with a shared support team. Network codes are local.',
      }),
    );
    for (const at of areaTeams) {
      s.addRelationship(
        relationship({
          kind: 'covers',
          fromCode: code,
          toCode: at,
          startDate: GO_LIVE,
          source: 'structure-extra.md §2',
        }),
      );
    }
  }
  for (const hub of p.hubs) {
    s.addOrganisation(
      organisation({
        code: hub.code,
        orgType: 'commissioning_hub',
        name: hub.name,
        openDate: GO_LIVE,
        source: F.hubs,
        provenanceNote: hub.kind,
        attributes: { kind: hub.kind },
      }),
    );
    if (hub.areaTeamCode && s.organisations.has(hub.areaTeamCode)) {
      const sourced = hub.linkStatus === 'by name';
      s.addRelationship(
        relationship({
          kind: 'hosted_by',
          fromCode: hub.code,
          toCode: hub.areaTeamCode,
          startDate: GO_LIVE,
          source: F.hubs,
          provenance: sourced ? 'sourced' : 'illustrative',
          provenanceNote: hub.linkStatus,
        }),
      );
    }
  }
  s.addOrganisation(
    organisation({
      code: 'MONITOR',
      orgType: 'monitor',
      name: 'Monitor',
      source: 'domain/REFERENCE.md',
      provenanceNote:
        'Sector regulator for health services in England (HSCA 2012 Part 3). Local code: no ODS code in the reference files.',
    }),
  );
  s.addOrganisation(
    organisation({
      code: 'CQC',
      orgType: 'cqc',
      name: 'Care Quality Commission',
      source: 'domain/REFERENCE.md',
      provenanceNote:
        'Quality regulator (Health and Social Care Act 2008). Local code: no ODS code in the reference files.',
    }),
  );
}

function buildCsus(p: ParsedReference, s: RegistrySnapshot, q: Quarantine): void {
  const codeByName = new Map<string, string>();
  for (const csu of p.csuCodes.filter((c) => c.existedApril2013)) {
    const code = csu.odsCode ?? `CSU-${slug(csu.name.replace(/^NHS /, '').replace(/ CSU.*$/, ''))}`;
    codeByName.set(csu.name, code);
    s.addOrganisation(
      organisation({
        code,
        orgType: 'csu',
        name: csu.name.replace(/ CSU\b/, ' Commissioning Support Unit'),
        shortName: csu.name,
        openDate: GO_LIVE,
        source: F.csuCodes,
        provenanceNote:
          [csu.odsCode ? null : 'ODS code not found; local code used.', csu.note].filter(Boolean).join(' ') ||
          null,
      }),
    );
  }
  const assigned = new Set<string>();
  const add = (rows: typeof p.csus, label: string, provenance: 'sourced' | 'illustrative') => {
    for (const r of rows) {
      const csu = codeByName.get(r.csuName);
      if (!csu) {
        q.reject(label, r.line, `CSU "${r.csuName}" is not one of the CSUs of April 2013 in ${F.csuCodes}`);
        continue;
      }
      if (!s.organisations.has(r.ccgCode) || assigned.has(r.ccgCode)) {
        q.reject(
          label,
          r.line,
          assigned.has(r.ccgCode)
            ? `CCG ${r.ccgCode} already has a CSU`
            : `CCG ${r.ccgCode} is not an April 2013 CCG`,
        );
        continue;
      }
      assigned.add(r.ccgCode);
      s.addRelationship(
        relationship({
          kind: 'supports',
          fromCode: csu,
          toCode: r.ccgCode,
          startDate: GO_LIVE,
          source: label,
          provenance,
          provenanceNote: r.basis,
        }),
      );
    }
  };
  add(p.csus, F.csus, 'sourced');
  add(p.csusUnconfirmed, F.csusUnconfirmed, 'illustrative');

  const mapping = loadCsuMapping();
  const ccgAreaTeams = s.relationships.filter((r) => r.kind === 'in_area_team');
  for (const r of ccgAreaTeams) {
    if (assigned.has(r.fromCode)) continue;
    const csu = codeByName.get(mapping.mapping[r.toCode] ?? '');
    if (!csu) throw new Error(`${CSU_MAPPING_FILE}: no CSU for area team ${r.toCode}`);
    s.addRelationship(
      relationship({
        kind: 'supports',
        fromCode: csu,
        toCode: r.fromCode,
        startDate: GO_LIVE,
        source: CSU_MAPPING_FILE,
        provenance: 'illustrative',
        provenanceNote: `No sourced CSU for this CCG: assigned the CSU of its area team ${r.toCode} by ${CSU_MAPPING_FILE}.`,
      }),
    );
  }
}

function buildSenates(p: ParsedReference, s: RegistrySnapshot): void {
  const sourcedNames = new Set(p.senates.map((r) => r.senateName));
  const rows = [
    ...p.senates.map((r) => ({ ...r, provenance: 'sourced' as const, label: F.senates })),
    ...p.senatesUnconfirmed.map((r) => ({
      ...r,
      provenance: 'illustrative' as const,
      label: F.senatesUnconfirmed,
    })),
  ];
  for (const name of [...new Set(rows.map((r) => r.senateName))]) {
    const sourced = sourcedNames.has(name);
    s.addOrganisation(
      organisation({
        code: `SEN-${slug(name)}`,
        orgType: 'clinical_senate',
        name: `${name} Clinical Senate`,
        openDate: GO_LIVE,
        source: sourced ? F.senates : F.senatesUnconfirmed,
        provenance: sourced ? 'sourced' : 'illustrative',
        provenanceNote: sourced
          ? 'Senate and at least part of its footprint sourced (structure-extra.md §1). Code is local.'
          : 'Twelve senates are confirmed; this one’s name and footprint are inferred (structure-extra.md §1). Code is local.',
      }),
    );
  }
  for (const r of rows) {
    s.addRelationship(
      relationship({
        kind: 'covers',
        fromCode: `SEN-${slug(r.senateName)}`,
        toCode: r.areaTeamCode,
        startDate: GO_LIVE,
        source: r.label,
        provenance: r.provenance,
        provenanceNote: r.basis,
      }),
    );
  }
  // Hosts confirmed in structure-extra.md §1: Wessex and Thames Valley area teams host their senates.
  for (const [senate, at] of [
    ['Wessex', 'Q70'],
    ['Thames Valley', 'Q69'],
  ] as const) {
    if (sourcedNames.has(senate)) {
      s.addRelationship(
        relationship({
          kind: 'hosted_by',
          fromCode: `SEN-${slug(senate)}`,
          toCode: at,
          startDate: GO_LIVE,
          source: 'structure-extra.md §1',
        }),
      );
    }
  }
}
