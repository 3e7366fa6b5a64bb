import type { Analytics } from '../../platform/analytics/duckdb.ts';
import { buildRegistry } from '../../reference/build-registry.ts';
import { locateReferenceFiles } from '../../reference/files.ts';
import { parseReference } from '../../reference/parse-reference.ts';
import { Quarantine } from '../../reference/quarantine.ts';
import type { RegistrySnapshot } from '../../reference/snapshot.ts';

/** The date the small reference tables describe: the go-live of the 2013 system. */
export const ACTIVITY_REFERENCE_DATE = '2013-04-01';

export interface ReferencePractice {
  readonly code: string;
  /** The CCG the practice was a member of on the reference date; null if none (e.g. a prison practice). */
  readonly ccgCode: string | null;
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
  /** The 2013 CCG of the small area (the first where the 2015 lookup merges several). */
  readonly ccgCode: string;
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
  for (const r of s.relationships) {
    if (r.kind === 'member_of' && inForce(r.startDate, r.endDate)) memberOf.set(r.fromCode, r.toCode);
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
      ladCode: a.ladCode,
      utlaCode: a.utlaCode,
    }))
    .filter((a) => a.ccgCode !== '')
    .sort((a, b) => a.lsoaCode.localeCompare(b.lsoaCode));
  return { ccgs, practices, listSizes, lsoas, trusts: locateTrusts(s, practices) };
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
    create or replace table ref_list_size (practice_code varchar, sex varchar, age_band varchar, patients integer);
    create or replace table ref_lsoa (lsoa_code varchar primary key, ccg_code varchar not null, lad_code varchar,
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
  await engine.insertRows(
    'ref_list_size',
    ['practice_code', 'sex', 'age_band', 'patients'],
    ref.listSizes.map((l) => [l.practiceCode, l.sex, l.ageBand, l.patients]),
  );
  await engine.insertRows(
    'ref_lsoa',
    ['lsoa_code', 'ccg_code', 'lad_code', 'utla_code'],
    ref.lsoas.map((l) => [l.lsoaCode, l.ccgCode, l.ladCode, l.utlaCode]),
  );
  await engine.insertRows(
    'ref_trust',
    ['provider_code', 'provider_name', 'postcode', 'lat', 'lon', 'host_ccg_code'],
    ref.trusts.map((t) => [t.code, t.name, t.postcode, t.lat, t.lon, t.hostCcgCode]),
  );
}
