import type { Analytics } from '../../platform/analytics/duckdb.ts';
import { buildRegistry } from '../../reference/build-registry.ts';
import { locateReferenceFiles } from '../../reference/files.ts';
import { parseReference } from '../../reference/parse-reference.ts';
import { Quarantine } from '../../reference/quarantine.ts';
import type { RegistrySnapshot } from '../../reference/snapshot.ts';
import { addDays } from '../governance/rules/dates.ts';

/** The date the small reference tables describe: the go-live of the 2013 system. */
export const ACTIVITY_REFERENCE_DATE = '2013-04-01';

/** A period of a practice's membership of a CCG (inclusive dates; `to` null: still a member). */
export interface PracticeMembership {
  readonly ccgCode: string;
  readonly from: string;
  readonly to: string | null;
}

export interface ReferencePractice {
  readonly code: string;
  /** The CCG the practice was a member of on the reference date; null if none (e.g. a prison practice). */
  readonly ccgCode: string | null;
  /**
   * Every period of its CCG membership, oldest first, never overlapping: practices joined, left and
   * moved between CCGs during 2013/14, and "Who Pays?" reads the membership on the day of the care.
   */
  readonly memberships: readonly PracticeMembership[];
  readonly postcode: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  /** ODS prescribing setting (4 GP practice, 25 prison, 16 YOI, 19 IRC, …), '' when unknown. */
  readonly prescribingSetting: string;
}

export interface ReferenceListSize {
  readonly practiceCode: string;
  readonly sex: 'male' | 'female';
  readonly ageBand: string;
  readonly patients: number;
}

export interface ReferenceLsoa {
  readonly lsoaCode: string;
  /**
   * A 2013 CCG of the small area, for drawing synthetic residences: the first of `ccgCodes` where the
   * 2015 lookup merges several. "Who Pays?" reads residenceCcg instead.
   */
  readonly ccgCode: string;
  /** Every 2013 CCG the small area may lie in: one, or several where the published lookup merges them (Newcastle: 00G, 00H). */
  readonly ccgCodes: readonly string[];
  readonly ladCode: string;
  /** Upper-tier local authority: the public-health commissioner and the HWB. */
  readonly utlaCode: string;
}

export interface ReferenceTrust {
  readonly code: string;
  readonly name: string;
  readonly postcode: string | null;
  /** Estimated: the mean position of practices in the trust's postcode district (or area). Null if none. */
  readonly lat: number | null;
  readonly lon: number | null;
  /** The CCG whose practices are nearest the estimated position: the "host" CCG of the trust's sites. */
  readonly hostCcgCode: string | null;
}

/** Small tables that activity generation, attribution and pricing join to. Built in memory, no database. */
export interface ActivityReference {
  readonly ccgs: readonly { readonly code: string; readonly name: string }[];
  readonly practices: readonly ReferencePractice[];
  readonly listSizes: readonly ReferenceListSize[];
  readonly lsoas: readonly ReferenceLsoa[];
  readonly trusts: readonly ReferenceTrust[];
}

/** Reads the raw reference files in `dir` (about 4 s) and derives the activity reference tables. */
export function loadActivityReference(dir: string): ActivityReference {
  const quarantine = new Quarantine();
  const snapshot = buildRegistry(parseReference(locateReferenceFiles(dir), quarantine), quarantine);
  return activityReferenceFrom(snapshot);
}

export function activityReferenceFrom(
  s: RegistrySnapshot,
  asAt = ACTIVITY_REFERENCE_DATE,
): ActivityReference {
  const inForce = (start: string, end: string | null) => start <= asAt && (end === null || end >= asAt);
  const ccgs = [...s.organisations.values()]
    .filter((o) => o.orgType === 'ccg' && (o.openDate === null || o.openDate <= asAt))
    .map((o) => ({ code: o.code, name: o.name }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const memberOf = new Map<string, string>();
  const periods = new Map<string, PracticeMembership[]>();
  for (const r of s.relationships) {
    if (r.kind !== 'member_of') continue;
    if (inForce(r.startDate, r.endDate)) memberOf.set(r.fromCode, r.toCode);
    const list = periods.get(r.fromCode) ?? [];
    list.push({ ccgCode: r.toCode, from: r.startDate, to: r.endDate });
    periods.set(r.fromCode, list);
  }
  const practices: ReferencePractice[] = [...s.organisations.values()]
    .filter((o) => o.orgType === 'gp_practice')
    .map((o) => {
      const a = o.attributes as {
        lat?: number | null;
        lon?: number | null;
        prescribingSetting?: string | null;
      };
      return {
        code: o.code,
        ccgCode: memberOf.get(o.code) ?? null,
        memberships: withoutOverlaps(periods.get(o.code) ?? []),
        postcode: o.postcode ?? null,
        lat: a.lat ?? null,
        lon: a.lon ?? null,
        prescribingSetting: a.prescribingSetting ?? '',
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  const listSizes: ReferenceListSize[] = s.listSizes
    .filter((l) => l.quarterStart === '2013-04-01' && l.patients > 0)
    .map((l) => ({ practiceCode: l.practiceCode, sex: l.sex, ageBand: l.ageBand, patients: l.patients }));
  const lsoas: ReferenceLsoa[] = s.areaAssignments
    .map((a) => ({
      lsoaCode: a.lsoaCode,
      ccgCode: a.ccgCodes[0] ?? '',
      ccgCodes: a.ccgCodes,
      ladCode: a.ladCode,
      utlaCode: a.utlaCode,
    }))
    .filter((a) => a.ccgCode !== '')
    .sort((a, b) => a.lsoaCode.localeCompare(b.lsoaCode));
  return { ccgs, practices, listSizes, lsoas, trusts: locateTrusts(s, practices) };
}

/**
 * Membership periods sorted by start, each ended the day before the next starts if they overlap (the
 * later record wins), so that a practice is a member of at most one CCG on any day.
 */
export function withoutOverlaps(periods: readonly PracticeMembership[]): PracticeMembership[] {
  const sorted = [...periods].sort(
    (a, b) => a.from.localeCompare(b.from) || a.ccgCode.localeCompare(b.ccgCode),
  );
  return sorted.flatMap((p, i) => {
    const next = sorted[i + 1];
    if (!next || (p.to !== null && p.to < next.from)) return [p];
    if (next.from <= p.from) return [];
    return [{ ...p, to: addDays(next.from, -1) }];
  });
}

/** The CCG a practice was a member of on `date` (YYYY-MM-DD), or null. */
export function ccgOnDate(memberships: readonly PracticeMembership[], date: string): string | null {
  return memberships.find((m) => m.from <= date && (m.to === null || date <= m.to))?.ccgCode ?? null;
}

/**
 * The CCG of usual residence an LSOA names for "Who Pays?": its 2013 CCG, or null where the published
 * lookup cannot tell which of several it was (a resident there is decided as undetermined, not guessed).
 */
export function residenceCcg(lsoa: Pick<ReferenceLsoa, 'ccgCodes'>): string | null {
  return lsoa.ccgCodes.length === 1 ? (lsoa.ccgCodes[0] ?? null) : null;
}

const district = (postcode: string) => postcode.trim().toUpperCase().split(/\s+/)[0] ?? '';
const area = (postcode: string) => /^[A-Z]+/.exec(postcode.trim().toUpperCase())?.[0] ?? '';

function locateTrusts(s: RegistrySnapshot, practices: readonly ReferencePractice[]): ReferenceTrust[] {
  const byDistrict = new Map<string, ReferencePractice[]>();
  const byArea = new Map<string, ReferencePractice[]>();
  const located = practices.filter((p) => p.lat !== null && p.lon !== null && p.postcode);
  for (const p of located) {
    const d = district(p.postcode as string);
    const a = area(p.postcode as string);
    if (!byDistrict.has(d)) byDistrict.set(d, []);
    if (!byArea.has(a)) byArea.set(a, []);
    byDistrict.get(d)?.push(p);
    byArea.get(a)?.push(p);
  }
  return [...s.organisations.values()]
    .filter((o) => o.orgType === 'provider_nhs_trust' || o.orgType === 'provider_foundation_trust')
    .filter((o) => o.openDate === null || o.openDate <= ACTIVITY_REFERENCE_DATE)
    .map((o) => {
      const pc = o.postcode ?? '';
      const near = (pc && (byDistrict.get(district(pc)) ?? byArea.get(area(pc)))) || [];
      if (near.length === 0)
        return {
          code: o.code,
          name: o.name,
          postcode: o.postcode ?? null,
          lat: null,
          lon: null,
          hostCcgCode: null,
        };
      const lat = near.reduce((t, p) => t + (p.lat as number), 0) / near.length;
      const lon = near.reduce((t, p) => t + (p.lon as number), 0) / near.length;
      const counts = new Map<string, number>();
      for (const p of near) if (p.ccgCode) counts.set(p.ccgCode, (counts.get(p.ccgCode) ?? 0) + 1);
      const host =
        [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
      return { code: o.code, name: o.name, postcode: o.postcode ?? null, lat, lon, hostCcgCode: host };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** Creates (or replaces) the ref_* tables in an analytics engine. */
export async function writeReferenceTables(engine: Analytics, ref: ActivityReference): Promise<void> {
  await engine.run(`
    create or replace table ref_ccg (ccg_code varchar primary key, ccg_name varchar not null);
    create or replace table ref_practice (practice_code varchar primary key, ccg_code varchar, postcode varchar,
      lat double, lon double, prescribing_setting varchar);
    create or replace table ref_practice_ccg (practice_code varchar not null, ccg_code varchar not null,
      start_date date not null, end_date date);
    create or replace table ref_list_size (practice_code varchar, sex varchar, age_band varchar, patients integer);
    create or replace table ref_lsoa (lsoa_code varchar primary key, ccg_code varchar, ccg_codes varchar, lad_code varchar,
      utla_code varchar);
    create or replace table ref_trust (provider_code varchar primary key, provider_name varchar, postcode varchar,
      lat double, lon double, host_ccg_code varchar);
  `);
  await engine.insertRows(
    'ref_ccg',
    ['ccg_code', 'ccg_name'],
    ref.ccgs.map((c) => [c.code, c.name]),
  );
  await engine.insertRows(
    'ref_practice',
    ['practice_code', 'ccg_code', 'postcode', 'lat', 'lon', 'prescribing_setting'],
    ref.practices.map((p) => [p.code, p.ccgCode, p.postcode, p.lat, p.lon, p.prescribingSetting]),
  );
  await engine.run(
    'create or replace temp table ref_practice_ccg_text (practice_code varchar, ccg_code varchar, start_date varchar, end_date varchar)',
  );
  await engine.insertRows(
    'ref_practice_ccg_text',
    ['practice_code', 'ccg_code', 'start_date', 'end_date'],
    ref.practices.flatMap((p) => p.memberships.map((m) => [p.code, m.ccgCode, m.from, m.to])),
  );
  await engine.run(`insert into ref_practice_ccg
    select practice_code, ccg_code, cast(start_date as date), cast(end_date as date) from ref_practice_ccg_text;
    drop table ref_practice_ccg_text`);
  await engine.insertRows(
    'ref_list_size',
    ['practice_code', 'sex', 'age_band', 'patients'],
    ref.listSizes.map((l) => [l.practiceCode, l.sex, l.ageBand, l.patients]),
  );
  await engine.insertRows(
    'ref_lsoa',
    ['lsoa_code', 'ccg_code', 'ccg_codes', 'lad_code', 'utla_code'],
    ref.lsoas.map((l) => [l.lsoaCode, residenceCcg(l), l.ccgCodes.join(' or '), l.ladCode, l.utlaCode]),
  );
  await engine.insertRows(
    'ref_trust',
    ['provider_code', 'provider_name', 'postcode', 'lat', 'lon', 'host_ccg_code'],
    ref.trusts.map((t) => [t.code, t.name, t.postcode, t.lat, t.lon, t.hostCcgCode]),
  );
}
