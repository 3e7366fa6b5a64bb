import { GO_LIVE } from './build-hierarchy.ts';
import { titleCase } from './fields.ts';
import { REFERENCE_FILES as F } from './files.ts';
import type { OdsRow } from './parse-ods.ts';
import type { ParsedReference } from './parse-reference.ts';
import { dayBefore, organisation, type RegistrySnapshot, relationship } from './snapshot.ts';

interface Membership {
  readonly ccgCode: string;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly source: string;
  readonly note: string | null;
}

const later = (a: string, b: string | null | undefined) => (b && b > a ? b : a);

/**
 * Resolves a practice's CCG memberships from the April–June 2013 list-size file and the ODS epraccur
 * extract (about 2015), which records the commissioner and the date the practice joined it.
 * - Listed under a CCG: a member from 1 April 2013 (or its opening), until it closed, or until the day
 *   before epraccur says it joined another CCG (e.g. the 2015 Newcastle Gateshead merger).
 * - Listed under a legacy parent (a PCT, hub, trust or council): a member of epraccur's commissioner
 *   from the later of 1 April 2013 and the join date, if that commissioner is a CCG; otherwise no
 *   membership is recorded, and the structural check reports the practice.
 */
export function resolveMemberships(
  listCcg: string | null,
  listParent: string,
  e: OdsRow | undefined,
  isCcg: (code: string) => boolean,
): Membership[] {
  if (listCcg) {
    const start = later(GO_LIVE, e?.openDate);
    const closed = e?.closeDate && e.closeDate >= start ? e.closeDate : null;
    const moved =
      e && e.commissioner !== listCcg && isCcg(e.commissioner) && e.joinDate && e.joinDate > start;
    if (!moved) {
      const conflict = e?.commissioner && e.commissioner !== listCcg;
      const note = conflict
        ? `epraccur (2015) gives commissioner ${e.commissioner} from ${e.joinDate ?? 'an unknown date'}`
        : null;
      return [{ ccgCode: listCcg, startDate: start, endDate: closed, source: F.listSize, note }];
    }
    const firstEnd = dayBefore(e.joinDate!);
    return [
      {
        ccgCode: listCcg,
        startDate: start,
        endDate: closed && closed < firstEnd ? closed : firstEnd,
        source: F.listSize,
        note: null,
      },
      {
        ccgCode: e.commissioner,
        startDate: e.joinDate!,
        endDate: e.leftDate ?? e.closeDate,
        source: F.epraccur,
        note: `joined ${e.commissioner} on ${e.joinDate} (epraccur)`,
      },
    ];
  }
  if (!e || !isCcg(e.commissioner)) return [];
  const start = later(later(GO_LIVE, e.openDate), e.joinDate);
  const end = e.leftDate ?? e.closeDate;
  if (end && end < start) return [];
  return [
    {
      ccgCode: e.commissioner,
      startDate: start,
      endDate: end,
      source: F.epraccur,
      note: `listed under legacy parent ${listParent} in the Apr–Jun 2013 list-size file; CCG and join date from epraccur`,
    },
  ];
}

/** Practices from the list-size file, enriched from epraccur, with memberships and list sizes. */
export function buildPractices(p: ParsedReference, s: RegistrySnapshot): void {
  const epraccur = new Map(p.epraccur.map((r) => [r.code, r]));
  const locations = new Map(p.practiceLocations.map((r) => [r.code, r]));
  const ccgs2013 = new Set(p.ccgNames.map((c) => c.odsCode));
  const isCcg = (code: string) => s.organisations.get(code)?.orgType === 'ccg';

  for (const row of p.listSize.rows) {
    const e = epraccur.get(row.practiceCode);
    const where = locations.get(row.practiceCode);
    const parent3 = row.parentCode.slice(0, 3);
    const listCcg =
      row.parentCode.length === 5 && row.parentCode.endsWith('00') && ccgs2013.has(parent3) ? parent3 : null;
    s.addOrganisation(
      organisation({
        code: row.practiceCode,
        orgType: 'gp_practice',
        name: titleCase(row.practiceName),
        postcode: e?.postcode || null,
        openDate: e?.openDate ?? null,
        closeDate: e?.closeDate ?? null,
        source: e ? `${F.listSize}; ${F.epraccur}` : F.listSize,
        provenanceNote: e ? null : 'Not in the 2015 epraccur extract: no address or dates held.',
        attributes: {
          publishedName: row.practiceName,
          address: e?.address ?? [],
          listParentCode: row.parentCode,
          listParentName: row.parentName,
          listAreaTeamCode: row.areaTeamCode,
          odsStatus: e?.status ?? null,
          prescribingSetting: e?.prescribingSetting ?? null,
          lat: where?.lat ?? null,
          lon: where?.lon ?? null,
        },
      }),
    );
    for (const m of resolveMemberships(listCcg, row.parentCode, e, isCcg)) {
      s.addRelationship(
        relationship({
          kind: 'member_of',
          fromCode: row.practiceCode,
          toCode: m.ccgCode,
          startDate: m.startDate,
          endDate: m.endDate,
          source: m.source,
          provenanceNote: m.note,
        }),
      );
    }
    if (row.total > 0) {
      for (const b of row.bands) {
        s.listSizes.push({
          practiceCode: row.practiceCode,
          quarterStart: p.listSize.quarterStart,
          quarterEnd: p.listSize.quarterEnd,
          sex: b.sex,
          ageBand: b.ageBand,
          patients: b.patients,
        });
      }
    }
  }
}
