import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_DIR } from '../../../test/support/paths.ts';
import {
  type ActivityReference,
  loadActivityReference,
  writeReferenceTables,
} from '../../modules/activity/reference-tables.ts';
import { Analytics, sqlString } from '../../platform/analytics/duckdb.ts';
import { AGE_BANDS, bandBounds } from './age-bands.ts';
import { type ListCell, listCounts, orderCells } from './cells.ts';
import { loadSyntheticDefinitions } from './definitions.ts';
import { generateSyntheticEngland, type SyntheticEnglandResult } from './generate.ts';
import { readLayoutColumns } from './layout-columns.ts';
import { REFERENCE_COSTS_FILE } from './tables.ts';

/**
 * Generates synthetic England at a small scale (four runs: the one every check reads, the same again
 * on one thread, the same in several chunks, and another seed) and checks the output against the
 * real reference data, the layout and the definitions.
 */

const SCALE = 0.002;
const SEED = 11;
const defs = loadSyntheticDefinitions();
const layout = readLayoutColumns();
const root = mkdtempSync(path.join(os.tmpdir(), 'synth-england-test-'));
let ref: ActivityReference;
let main: SyntheticEnglandResult;
let again: SyntheticEnglandResult;
let chunked: SyntheticEnglandResult;
let otherSeed: SyntheticEnglandResult;
let db: Analytics;

const run = (dir: string, extra: { seed?: number; threads?: number; maxPeoplePerChunk?: number } = {}) =>
  generateSyntheticEngland({
    referenceDir: REFERENCE_DIR,
    outDir: path.join(root, dir),
    scale: SCALE,
    seed: extra.seed ?? SEED,
    threads: extra.threads ?? 2,
    maxPeoplePerChunk: extra.maxPeoplePerChunk,
    memoryLimit: '2GB',
    reference: ref,
  });
const list = (files: readonly string[]) => `[${files.map(sqlString).join(', ')}]`;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const one = <T extends Record<string, unknown>>(sql: string) => db.one<T>(sql);

beforeAll(async () => {
  ref = loadActivityReference(REFERENCE_DIR);
  main = await run('main');
  again = await run('again', { threads: 1 });
  chunked = await run('chunked', { maxPeoplePerChunk: 40_000 });
  otherSeed = await run('other-seed', { seed: SEED + 1 });
  db = await Analytics.open({ threads: 2 });
  await writeReferenceTables(db, ref);
  await db.run(`
    create view people as select * from read_parquet(${list(main.files.people)});
    create view activity as select * from read_parquet(${list(main.files.activity)});
    create table costs as select * from read_csv(${sqlString(path.join(REFERENCE_DIR, REFERENCE_COSTS_FILE))},
      header = true, all_varchar = true);
    create table local_prices as select p.pod, p.currencyCode as code
      from (select unnest(prices) as p from read_json(${sqlString(LOCAL_PRICES_FILE)}));
  `);
}, 600_000);

/** The local currencies the tariff prices: community and mental health rows must use one of them. */
const LOCAL_PRICES_FILE = path.join(
  import.meta.dirname,
  '../../../definitions/tariff/2013-14/local-prices.json',
);

afterAll(() => {
  db?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('people', () => {
  it('on the list number round(scale × 56,025,327), the real list size', async () => {
    const listed = ref.listSizes.reduce((t, l) => t + l.patients, 0);
    expect(listed).toBe(56_025_327);
    const r = await one<{ n: number }>(`select count(*) as n from people where on_list`);
    expect(r.n).toBe(Math.floor(SCALE * listed + 0.5));
    expect(main.people).toBe((await one<{ n: number }>('select count(*) as n from people')).n);
  });

  it('follow the rounding rule in every practice × sex × age band cell', async () => {
    const cells = orderCells(ref.listSizes as readonly ListCell[]);
    const expected = listCounts(
      cells.map((c) => c.patients),
      SCALE,
    );
    const actual = new Map(
      (
        await db.all<{ k: string; n: number }>(
          `select source_practice_code || '|' || sex || '|' || age_band as k, count(*) as n
           from people where on_list group by all`,
        )
      ).map((r) => [r.k, r.n]),
    );
    let checked = 0;
    cells.forEach((c, i) => {
      const n = actual.get(`${c.practiceCode}|${c.sex}|${c.ageBand}`) ?? 0;
      if (n !== expected[i])
        throw new Error(`${c.practiceCode} ${c.sex} ${c.ageBand}: ${n} people, rule says ${expected[i]}`);
      checked++;
    });
    expect(checked).toBe(cells.length);
    expect([...actual.values()].reduce((t, n) => t + n, 0)).toBe(expected.reduce((t, n) => t + n, 0));
  });

  it('have single-year ages within their band and unique pseudonyms', async () => {
    const max = defs.population.ages.openBand.maximumAge;
    for (const band of AGE_BANDS) {
      const [lo, hi] = bandBounds(band, max);
      const r = await one<{ n: number; bad: number }>(
        `select count(*) as n, count(*) filter (where age < ${lo} or age > ${hi}) as bad from people where age_band = '${band}'`,
      );
      expect(r.n).toBeGreaterThan(0);
      expect(r.bad).toBe(0);
    }
    const ids = await one<{ n: number; d: number }>(
      `select count(*) as n, count(distinct pseudonym) as d from people`,
    );
    expect(ids.d).toBe(ids.n);
  });

  it('live in real LSOAs (England residents only), in the CCG the lookup gives', async () => {
    const r = await one<Record<string, number>>(`
      select
        count(*) filter (where residence_country = 'england' and lsoa_code is null) as england_without,
        count(*) filter (where residence_country <> 'england' and lsoa_code is not null) as abroad_with,
        count(*) filter (where lsoa_code is not null and l.lsoa_code is null) as unknown_lsoa,
        -- one of the LSOA's 2013 CCGs (Newcastle's small areas lay in 00G or 00H: the lookup does not say which)
        count(*) filter (where l.lsoa_code is not null
          and not list_contains(string_split(l.ccg_codes, ' or '), residence_ccg_code)) as wrong_ccg
      from people p left join ref_lsoa l using (lsoa_code)`);
    expect(r).toEqual({ england_without: 0, abroad_with: 0, unknown_lsoa: 0, wrong_ccg: 0 });
  });

  it('live across a CCG border in a share within the configured range', async () => {
    const { minShare, maxShare } = defs.population.residence.crossBorder;
    const pools = Object.entries(defs.population.residence.lsoaPoolOverrides);
    const pooled = pools.length
      ? `case gp.home_ccg ${pools.map(([from, to]) => `when '${from}' then '${to}'`).join(' ')} end`
      : 'null';
    const r = await one<{ share: number; inside_other: number }>(`
      select avg(cross_border::INTEGER) as share,
        count(*) filter (where not cross_border and residence_ccg_code <> gp.home_ccg
          and residence_ccg_code is distinct from (${pooled})) as inside_other
      from people p join (select practice_code, coalesce(ccg_code, '') as home_ccg from ref_practice) gp
        on gp.practice_code = p.source_practice_code
      where residence_country = 'england' and on_list and looked_after_placing_ccg is null and placement_setting is null
        and p.practice_code = p.source_practice_code and gp.home_ccg <> ''`);
    expect(r.share).toBeGreaterThanOrEqual(minShare);
    expect(r.share).toBeLessThanOrEqual(maxShare);
    expect(r.inside_other).toBe(0);
  });

  it('have long-term conditions at about the real QOF prevalence, rising with age', async () => {
    const qof = await one<{ hyp: number }>(`
      select sum(prevalence::DOUBLE * ccg_listsize::DOUBLE) / sum(ccg_listsize::DOUBLE) / 100 as hyp
      from read_csv(${sqlString(path.join(REFERENCE_DIR, 'openprescribing', 'qof_1314_prevalencebyccg.csv'))}, all_varchar = true)
      where indicator_group = 'HYP'`);
    const r = await one<Record<string, number>>(`
      select avg(list_contains(conditions, 'HYP')::INTEGER) as hyp,
        avg(list_contains(conditions, 'HYP')::INTEGER) filter (where age_band = '25-34') as hyp_25,
        avg(list_contains(conditions, 'HYP')::INTEGER) filter (where age_band = '55-64') as hyp_55,
        avg(list_contains(conditions, 'HYP')::INTEGER) filter (where age_band = '75+') as hyp_75,
        avg(list_contains(conditions, 'DEM')::INTEGER) filter (where age_band = '75+') as dem_75,
        avg(list_contains(conditions, 'DEM')::INTEGER) filter (where age_band = '45-54') as dem_45,
        count(*) filter (where condition_count <> len(conditions)) as bad_count,
        (select count(distinct c) from (select unnest(conditions) as c from people)) as groups
      from people
      where on_list`);
    expect(r.hyp! / qof.hyp).toBeGreaterThan(0.9);
    expect(r.hyp! / qof.hyp).toBeLessThan(1.1);
    expect(r.hyp_25).toBeLessThan(r.hyp_55!);
    expect(r.hyp_55).toBeLessThan(r.hyp_75!);
    expect(r.dem_45).toBeLessThan(r.dem_75!);
    expect(r.bad_count).toBe(0);
    expect(r.groups).toBe(defs.population.conditions.groups.length);
  });

  it('include every special cohort, each consistent with its definition', async () => {
    const r = await one<Record<string, number>>(`
      select
        count(*) filter (where care_home) as care_home,
        count(*) filter (where placement_setting = 'care_home') as placed_care_home,
        count(*) filter (where placement_setting = 'independent_hospital') as placed_independent_hospital,
        count(*) filter (where placement_setting = 'supported_living') as placed_supported_living,
        count(*) filter (where looked_after_placing_ccg is not null) as looked_after,
        count(*) filter (where temporary_resident_practice_code is not null) as temporary,
        count(*) filter (where cohort = 'unregistered') as unregistered,
        count(*) filter (where cohort = 'overseas_visitor') as overseas,
        count(*) filter (where detained_in = 'prison') as prisoners,
        count(*) filter (where armed_forces = 'serving') as serving,
        count(*) filter (where armed_forces = 'dms_family') as dms_family,
        count(*) filter (where residence_country = 'wales') as welsh,
        count(*) filter (where residence_country = 'scotland') as scottish,
        count(*) filter (where s117_responsible_ccg is not null) as s117
      from people`);
    for (const [cohort, n] of Object.entries(r)) expect(n, cohort).toBeGreaterThan(0);

    const bad = await one<Record<string, number>>(`
      select
        count(*) filter (where looked_after_placing_ccg is not null and (age > 17 or residence_ccg_code = looked_after_placing_ccg))
          as looked_after_not_placed_out,
        count(*) filter (where placement_setting is not null and placement_placing_ccg = practice_ccg_code) as placed_by_own_ccg,
        count(*) filter (where cohort = 'overseas_visitor' and (residence_country <> 'abroad' or practice_code is not null))
          as overseas_registered,
        count(*) filter (where cohort = 'unregistered' and (practice_code is not null or lsoa_code is null)) as unregistered_wrong,
        count(*) filter (where detained_in in ('prison', 'yoi') and practice_code not in
          (select practice_code from ref_practice where prescribing_setting in ('25', '16'))) as prisoner_not_at_prison,
        count(*) filter (where temporary_resident_practice_code is not null and (temporary_to < temporary_from
          or (select ccg_code from ref_practice where practice_code = temporary_resident_practice_code) = practice_ccg_code))
          as temporary_wrong,
        count(*) filter (where s117_responsible_ccg is not null and not list_contains(conditions, 'MH')) as s117_without_smi
      from people`);
    expect(bad).toEqual({
      looked_after_not_placed_out: 0,
      placed_by_own_ccg: 0,
      overseas_registered: 0,
      unregistered_wrong: 0,
      prisoner_not_at_prison: 0,
      temporary_wrong: 0,
      s117_without_smi: 0,
    });
  });
});

describe('activity', () => {
  it('has exactly the layout columns and types, in order', async () => {
    const columns = await db.all<{ column_name: string; column_type: string }>('describe activity');
    expect(columns.map((c) => [c.column_name, c.column_type])).toEqual(layout.map((c) => [c.name, c.type]));
  });

  it('has about 2.1 rows per person (120 million at England scale), every point of delivery present', async () => {
    expect(main.activity / main.people).toBeGreaterThan(1.9);
    expect(main.activity / main.people).toBeLessThan(2.4);
    const r = await db.all<{ pod: string; n: number }>(
      `select point_of_delivery as pod, count(*) as n from activity group by all`,
    );
    expect(new Set(r.map((x) => x.pod))).toEqual(
      new Set(['EL', 'DC', 'NEL', 'MAT', 'OPFA', 'OPFU', 'AE', 'COM', 'MH']),
    );
    expect(r.reduce((t, x) => t + x.n, 0)).toBe(main.activity);
  });

  it('has every row valid against layout.json', async () => {
    const checks: string[] = [];
    for (const c of layout) {
      if (c.required) checks.push(`count(*) filter (where ${c.name} is null) as ${c.name}_missing`);
      if (c.values) {
        checks.push(
          `count(*) filter (where ${c.name} not in (${c.values.map(sqlString).join(', ')})) as ${c.name}_not_allowed`,
        );
      }
    }
    const r = await one<Record<string, number>>(`select ${checks.join(', ')} from activity`);
    expect(Object.entries(r).filter(([, n]) => n > 0)).toEqual([]);

    const rules = await one<Record<string, number>>(`
      select
        count(*) filter (where activity_start_date not between DATE '2013-04-01' and DATE '2014-03-31') as start_outside_year,
        count(*) filter (where activity_end_date < activity_start_date) as end_before_start,
        count(*) filter (where (activity_type = 'apc') <> (activity_end_date is not null)) as end_date_wrong,
        count(*) filter (where (activity_type = 'apc') <> (admission_method is not null)) as method_wrong,
        count(*) filter (where (activity_type = 'ae') <> (ae_department_type is not null)) as ae_type_wrong,
        count(*) filter (where age_at_activity_date not between 0 and 120) as age_wrong,
        count(*) filter (where point_of_delivery = 'MAT' and person_stated_gender_code <> '2') as maternity_not_women,
        count(*) filter (where activity_type <> case point_of_delivery when 'OPFA' then 'op' when 'OPFU' then 'op'
          when 'AE' then 'ae' when 'COM' then 'community' when 'MH' then 'mental_health' else 'apc' end) as type_pod_mismatch,
        count(*) filter (where provider_code not in (select provider_code from ref_trust)) as unknown_provider,
        count(*) filter (where site_ccg_code not in (select ccg_code from ref_ccg)) as unknown_site_ccg,
        count(*) filter (where general_medical_practice_code not in (select practice_code from ref_practice)) as unknown_practice,
        count(*) filter (where temporary_resident_practice_code not in (select practice_code from ref_practice)) as unknown_temporary,
        count(*) filter (where lsoa_of_residence not in (select lsoa_code from ref_lsoa)) as unknown_lsoa,
        count(*) filter (where service_category not in (${[...defs.serviceCategories].map(sqlString).join(', ')})) as unknown_service,
        count(*) - count(distinct activity_id) as duplicate_ids
      from activity`);
    expect(Object.entries(rules).filter(([, n]) => n > 0)).toEqual([]);
  });

  it('uses real HRGs, each on the reference-cost sheet of its point of delivery', async () => {
    const r = await one<Record<string, number>>(`
      select
        count(*) filter (where activity_type = 'apc' and not exists (select 1 from costs c where c.currency_code = a.hrg_code
          and c.sheet = case a.point_of_delivery when 'EL' then 'EL' when 'DC' then 'DC' else 'NEL' end)) as admitted,
        count(*) filter (where activity_type = 'op' and not exists (select 1 from costs c where c.sheet = 'CL'
          and c.currency_code = a.hrg_code and c.service_code = a.treatment_function_code)) as outpatients,
        count(*) filter (where activity_type = 'op' and hrg_code not in ('WF01A', 'WF01B', 'WF02A', 'WF02B')) as op_codes,
        count(*) filter (where point_of_delivery = 'OPFA' and hrg_code not in ('WF01B', 'WF02B')) as op_first,
        count(*) filter (where activity_type = 'ae' and not exists (select 1 from costs c where c.sheet = 'EM'
          and c.currency_code = a.hrg_code and c.service_code = 'T' || a.ae_department_type || 'A')) as ae,
        count(*) filter (where point_of_delivery = 'MAT' and hrg_code not like 'NZ%') as maternity,
        count(*) filter (where activity_type in ('community', 'mental_health') and not exists (select 1 from local_prices l
          where l.pod = a.point_of_delivery and l.code = a.hrg_code))
          as local_currency
      from activity a`);
    expect(r).toEqual({
      admitted: 0,
      outpatients: 0,
      op_codes: 0,
      op_first: 0,
      ae: 0,
      maternity: 0,
      local_currency: 0,
    });
  });

  it('sets best-practice criteria only in BPT areas, met for a share of them', async () => {
    const bptHrgs = Object.entries(defs.caseMix.bestPracticeTariffAreas)
      .filter(([k]) => k !== 'basis')
      .flatMap(([, codes]) => codes as string[]);
    const r = await one<Record<string, number>>(`
      select count(*) filter (where best_practice_criteria_met is not null and hrg_code not in (${bptHrgs.map(sqlString).join(', ')}))
          as outside_areas,
        count(*) filter (where best_practice_criteria_met) as met,
        count(*) filter (where not best_practice_criteria_met) as not_met
      from activity`);
    expect(r.outside_areas).toBe(0);
    expect(r.met).toBeGreaterThan(0);
    expect(r.not_met).toBeGreaterThan(0);
  });

  it('has emergency readmissions within 30 days at the same provider, and the rule’s exclusions', async () => {
    const r = await one<Record<string, number>>(`
      with readmissions as (
        select distinct re.activity_id, re.hrg_code, re.admission_source, re.age_at_activity_date,
          ix.point_of_delivery as index_pod, ix.discharge_method as index_discharge
        from activity re join activity ix on ix.patient_pseudonym = re.patient_pseudonym
          and ix.provider_code = re.provider_code and ix.activity_type = 'apc' and ix.activity_id <> re.activity_id
          and re.activity_start_date between ix.activity_end_date and ix.activity_end_date + 29
          and re.activity_start_date >= ix.activity_start_date
        where re.admission_method like '2%')
      select count(*) as readmissions,
        count(*) filter (where index_pod = 'MAT' and hrg_code like 'NZ26%') as after_maternity,
        count(*) filter (where index_discharge = '2') as after_self_discharge,
        count(*) filter (where admission_source = '51') as transfers_in,
        count(*) filter (where age_at_activity_date < 4) as under_4
      from readmissions`);
    for (const [what, n] of Object.entries(r)) expect(n, what).toBeGreaterThan(0);
    expect(r.readmissions).toBeGreaterThanOrEqual(main.readmissions * 0.9);
  });

  it('carries the cohort flags the Who Pays rules need', async () => {
    const r = await one<Record<string, number>>(`
      select
        count(*) filter (where detained_in is not null) as detained,
        count(*) filter (where armed_forces in ('serving', 'dms_family')) as armed_forces,
        count(*) filter (where placement_setting is not null and placement_planned_service) as planned_placement,
        count(*) filter (where placement_setting is not null and not placement_planned_service) as unplanned_placement,
        count(*) filter (where placement_setting = 'supported_living') as supported_living,
        count(*) filter (where looked_after_placing_ccg is not null) as looked_after,
        count(*) filter (where temporary_resident_practice_code is not null) as temporary,
        count(*) filter (where s117_responsible_ccg is not null) as s117,
        count(*) filter (where residence_country = 'abroad') as overseas,
        count(*) filter (where residence_country in ('wales', 'scotland')) as other_uk,
        count(*) filter (where general_medical_practice_code is null and residence_country = 'england') as unregistered,
        count(*) filter (where activity_type = 'ae' and site_ccg_code <> coalesce(
          (select ccg_code from ref_practice p where p.practice_code = a.general_medical_practice_code), '')) as ae_away,
        count(*) filter (where service_category = 'specialised') as specialised,
        count(*) filter (where service_category like 'public_health_la_%') as local_authority,
        count(*) filter (where s117_responsible_ccg is not null and activity_type <> 'mental_health') as s117_outside_mh
      from activity a`);
    const { s117_outside_mh, ...present } = r;
    for (const [what, n] of Object.entries(present)) expect(n, what).toBeGreaterThan(0);
    expect(s117_outside_mh).toBe(0);
  });
});

describe('determinism', () => {
  it('gives byte-identical Parquet for the same seed and scale (even on another thread count)', () => {
    expect(again.files.people.map(sha)).toEqual(main.files.people.map(sha));
    expect(again.files.activity.map(sha)).toEqual(main.files.activity.map(sha));
    expect(sha(again.manifest)).toBe(sha(main.manifest));
  });

  it('gives the same rows whatever the chunking', async () => {
    expect(chunked.files.people.length).toBeGreaterThan(1);
    for (const kind of ['people', 'activity'] as const) {
      const r = await one<{ a: number; b: number }>(`
        select (select count(*) from (select * from read_parquet(${list(main.files[kind])})
                 except all select * from read_parquet(${list(chunked.files[kind])}))) as a,
               (select count(*) from (select * from read_parquet(${list(chunked.files[kind])})
                 except all select * from read_parquet(${list(main.files[kind])}))) as b`);
      expect(r, kind).toEqual({ a: 0, b: 0 });
    }
  });

  it('gives different output for another seed', async () => {
    expect(otherSeed.files.people.map(sha)).not.toEqual(main.files.people.map(sha));
    expect(otherSeed.files.activity.map(sha)).not.toEqual(main.files.activity.map(sha));
    const r = await one<{ same: number }>(`
      select count(*) as same from read_parquet(${list(main.files.people)}) a
      join read_parquet(${list(otherSeed.files.people)}) b using (person_id)
      where a.pseudonym = b.pseudonym`);
    expect(r.same).toBe(0);
    expect(otherSeed.people).toBe(main.people);
  });
});

describe('options', () => {
  it.each([
    { options: { scale: 0 }, message: /scale: must be a number from 0.0001 to 1/ },
    { options: { scale: 2 }, message: /scale/ },
    { options: { seed: -1 }, message: /seed: must be a whole number/ },
    { options: { seed: 1.5 }, message: /seed/ },
    { options: { threads: 0 }, message: /threads/ },
    { options: { memoryLimit: 'lots' }, message: /memoryLimit/ },
  ])('rejects $options', async ({ options, message }) => {
    await expect(
      generateSyntheticEngland({
        referenceDir: REFERENCE_DIR,
        outDir: path.join(root, 'bad'),
        scale: 0.001,
        seed: 1,
        ...options,
      }),
    ).rejects.toThrow(message);
  });
});
