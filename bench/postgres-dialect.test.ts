import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActivityEngine, openActivityEngine } from '../src/modules/activity/engine.ts';
import { activityLayout } from '../src/modules/activity/layout.ts';
import { loadActivityFile } from '../src/modules/activity/load/load-activity.ts';
import { monthlyQuery } from '../src/modules/activity/pipeline.ts';
import { loadTariff } from '../src/modules/activity/pricing/definitions.ts';
import type { PricingOptions } from '../src/modules/activity/pricing/model.ts';
import { writeTariffTables } from '../src/modules/activity/pricing/sql.ts';
import { ActivityStore } from '../src/modules/activity/store.ts';
import { loadWhoPaysDefinitions } from '../src/modules/activity/who-pays/definitions.ts';
import { SWITCH_OPTIONS, type WhoPaysSwitches } from '../src/modules/activity/who-pays/rules/model.ts';
import { Analytics, sqlString } from '../src/platform/analytics/duckdb.ts';
import { REFERENCE_DIR } from '../test/support/paths.ts';
import { postgresType } from './activity-postgres.ts';
import { type ColumnResolver, DialectError, parseSql, renderSql, toPostgres } from './postgres-dialect.ts';

const noColumns: ColumnResolver = async (sql) => {
  throw new Error(`no catalogue in this test: ${sql}`);
};

describe('parseSql / renderSql', () => {
  it.each([
    'select \'it\'\'s // [x] exclude\' as v, "odd ""name""" from t -- a comment\n where x[1] = (2)',
    'select [1, 2][1] from t',
  ])('round-trips %s', (sql) => {
    expect(renderSql(parseSql(sql))).toBe(sql);
  });
});

describe('toPostgres rewrites (text)', () => {
  it.each([
    ['list_contains', 'select list_contains([1, 2], x) from t', 'select (x = any(array[1, 2])) from t'],
    [
      'list literal subscript',
      "select ['a', 'b'][k + 1] as v from t",
      "select (array['a', 'b'])[k + 1] as v from t",
    ],
    ['a column subscript stays', 'select a[1] from t', 'select a[1] from t'],
    ['date_diff in days', "select date_diff('day', a, b) from t", 'select ((b)::date - (a)::date) from t'],
    ['strftime', "select strftime(d, '%Y-%m') from t", "select to_char(d, 'YYYY-MM') from t"],
    [
      'strptime',
      "select strptime(s, '%Y-%m-%d') from t",
      "select to_timestamp(s, 'YYYY-MM-DD')::timestamp from t",
    ],
    [
      'month and year',
      'select month(d), year(d) from t',
      'select extract(month from d)::bigint, extract(year from d)::bigint from t',
    ],
    ['sign', 'select sign(x) * 2 from t', 'select sign(x)::integer * 2 from t'],
    [
      'make_date',
      'select make_date(y, m // 100, 1) from t',
      'select make_date((y)::integer, (m / 100)::integer, (1)::integer) from t',
    ],
    ['integer division', 'select (a * b + 5000) // 10000 from t', 'select (a * b + 5000) / 10000 from t'],
    ['true division', 'select a / 100 from t', 'select a / (100)::double precision from t'],
    [
      'division by a call with a cast',
      'select a / sum(b)::bigint from t',
      'select a / (sum(b)::bigint)::double precision from t',
    ],
    [
      'division by a negated cast',
      'select x / -y::bigint from t',
      'select x / (-y::bigint)::double precision from t',
    ],
    [
      'division by a typed literal',
      "select x / interval '1 day' from t",
      "select x / (interval '1 day')::double precision from t",
    ],
    [
      'division by a CASE',
      'select a / case when c then 2 else 3 end as v from t',
      'select a / (case when c then 2 else 3 end)::double precision as v from t',
    ],
    [
      'DuckDB types',
      'select x::DOUBLE, cast(y as hugeint), z::double precision from t',
      'select x::double precision, cast(y as numeric), z::double precision from t',
    ],
    [
      'group by all',
      'select a, b, count(*) as n, sum(c) / 2 as s from t group by all',
      'select a, b, count(*) as n, sum(c) / (2)::double precision as s from t group by 1, 2',
    ],
    ['group by all of aggregates only', 'select count(*) from t group by all', 'select count(*) from t '],
    [
      'derived table alias',
      'select * from (select 1) where true',
      'select * from (select 1) as __derived_1 where true',
    ],
    [
      'existing alias kept',
      'select * from (select 1) s join (select 2) as u on true',
      'select * from (select 1) s join (select 2) as u on true',
    ],
    [
      'strings, names and comments untouched',
      'select \'a // b [1]\' as "x / y" -- list_contains(\n from t',
      'select \'a // b [1]\' as "x / y" -- list_contains(\n from t',
    ],
    ['a qualified function name stays', 'select s.strftime(x) from t', 'select s.strftime(x) from t'],
  ])('%s', async (_name, duckdb, postgres) => {
    expect(await toPostgres(duckdb, noColumns)).toBe(postgres);
  });

  it('expands a star with exclude from the columns DuckDB reports, keeping the WITH for the probe', async () => {
    const probes: string[] = [];
    const columnsOf: ColumnResolver = async (sql) => {
      probes.push(sql);
      return ['a', 'b', 'Mixed Case', 'order', 'c'];
    };
    const out = await toPostgres(
      'with t as (select 1) select r.* exclude (b, c), 5 as e from t as r where r.a > 0',
      columnsOf,
    );
    expect(out).toBe(
      'with t as (select 1) select r.a, r."Mixed Case", r."order", 5 as e from t as r where r.a > 0',
    );
    expect(probes).toEqual(['with t as (select 1)  select r.* from t as r ']);
  });
});

describe('toPostgres refuses what it cannot translate', () => {
  it.each([
    [
      'a DuckDB table function',
      "select * from read_parquet('x.parquet') as i",
      /read_parquet\(\) is DuckDB-only/,
    ],
    ['date_diff in months', "select date_diff('month', a, b) from t", /only 'day'/],
    ['an unknown strftime piece', "select strftime(d, '%j') from t", /'%j' is not translated/],
    ['a format that is not a literal', 'select strftime(d, f) from t', /must be a string literal/],
    ['try_cast', 'select try_cast(x as integer) from t', /try_cast/],
    ['an unknown type', 'select x::ubigint from t', /type 'ubigint'/],
    ['order by all', 'select a from t order by all', /order by all/],
    ['group by all over a star', 'select * from t group by all', /over a star/],
    ['qualify', 'select a from t qualify row_number() over () = 1', /'qualify' is DuckDB-only/],
    ['a struct literal', "select {'a': 1} as s", /struct/],
    ['an unclosed paren', 'select (1', /unclosed '\('/],
    ['an unbalanced paren', 'select 1)', /unbalanced '\)'/],
    ['an unterminated string', "select 'abc", /unterminated string/],
    ['a wrong number of arguments', 'select list_contains(x) from t', /takes 2 arguments/],
    ['nothing after a division', 'select a /', /nothing after/],
  ])('%s', async (_name, duckdb, message) => {
    await expect(toPostgres(duckdb, noColumns)).rejects.toThrow(DialectError);
    await expect(toPostgres(duckdb, noColumns)).rejects.toThrow(message);
  });

  it('refuses an exclude of a column the star does not have', async () => {
    await expect(toPostgres('select * exclude (zz) from t', async () => ['a', 'b'])).rejects.toThrow(
      /does not have: zz/,
    );
  });

  it('reports a star whose columns cannot be listed', async () => {
    await expect(toPostgres('select * exclude (a) from t', noColumns)).rejects.toThrow(
      /cannot list the columns/,
    );
  });
});

/** The same expression on DuckDB and, translated, on PostgreSQL (PGlite) gives the same value. */
describe('toPostgres keeps the meaning (DuckDB against PGlite)', () => {
  let duck: Analytics;
  let pglite: PGlite;
  const columnsOf: ColumnResolver = async (sql) =>
    (await duck.all<{ column_name: string }>(`describe ${sql}`)).map((r) => r.column_name);
  const plain = (rows: Record<string, unknown>[]) =>
    rows.map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
    );

  beforeAll(async () => {
    duck = await Analytics.open({ threads: 1 });
    pglite = await PGlite.create();
  });
  afterAll(async () => {
    duck?.close();
    await pglite?.close();
  });

  it.each([
    ["list_contains(['a', 'b'], 'b')", true],
    ["list_contains(['a', 'b'], 'c')", false],
    ["['x', 'y', 'z'][2]", 'y'],
    ["date_diff('day', date '2013-04-01', date '2013-05-01')", 30],
    ["strftime(date '2013-07-09', '%Y-%m')", '2013-07'],
    ["strftime(strptime('2013-07', '%Y-%m'), '%Y-%m-%d')", '2013-07-01'],
    ["month(date '2013-07-09') * 100 + year(date '2014-01-01') - 2000", 714],
    ["strftime(make_date(201307 // 100, 201307 % 100, 1), '%Y-%m')", '2013-07'],
    ["year(date '2013-07-09') * 100 + month(date '2013-07-09')", 201307],
    ['7 // 2', 3],
    ['-7 // 2', -3],
    ['7 / 2', 3.5],
    ['1 / case when true then 4 else 2 end', 0.25],
    ['10 / 4 * 2', 5],
    ['cast(5 as double) / 2', 2.5],
    ['sign(cast(-5 as bigint)) * ((abs(cast(-12345 as bigint) * 2500) + 5000) // 10000)', -3086],
  ])('%s', async (expression, expected) => {
    const sql = `select ${expression} as v`;
    const fromDuckdb = plain(await duck.all(sql));
    const fromPostgres = plain(
      (await pglite.query<Record<string, unknown>>(await toPostgres(sql, columnsOf))).rows,
    );
    expect(fromDuckdb).toEqual([{ v: expected }]);
    expect(fromPostgres).toEqual(fromDuckdb);
  });

  it.each([
    [
      'group by all and a derived table without alias',
      "select k, count(*) as n, sum(x) / 100.0 as pounds from (select * from (values ('a', 1), ('a', 2), ('b', 3)) as v(k, x)) group by all order by k",
    ],
    ['star exclude', 'select * exclude (b) from (select 1 as a, 2 as b, 3 as c)'],
    [
      'qualified star exclude in a WITH',
      'with t as (select 1 as a, 2 as b) select t.* exclude (a), 5 as e from t',
    ],
  ])('%s', async (_name, sql) => {
    const fromDuckdb = plain(await duck.all(sql));
    const fromPostgres = plain(
      (await pglite.query<Record<string, unknown>>(await toPostgres(sql, columnsOf))).rows,
    );
    expect(fromDuckdb.length).toBeGreaterThan(0);
    expect(fromPostgres).toEqual(fromDuckdb);
  });
});

/**
 * The pipeline's monthlyQuery under every switch setting, on DuckDB and translated on PostgreSQL
 * (PGlite), over the same few rows stored by the real activity loader (so with every column it
 * derives): the same monthly rows, counts and pence. A handful of rows reaches few branches; the run
 * with data on a real PostgreSQL 15 is activity-postgres.test.ts.
 */
describe('monthlyQuery translated under every switch', () => {
  let ae: ActivityEngine;
  let pglite: PGlite;
  let work: string;
  const defaults = loadWhoPaysDefinitions().defaultSwitches;
  const columnsOf: ColumnResolver = async (sql) =>
    (await ae.engine.all<{ column_name: string }>(`describe ${sql}`)).map((r) => r.column_name);

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'postgres-dialect-test-'));
    ae = await openActivityEngine({ referenceDir: REFERENCE_DIR, threads: 1, memoryLimit: '1GB' });
    const duck = ae.engine;
    await writeTariffTables(duck, ae.tariff);
    // Three rows with real codes: an elective spell (R4), an A&E attendance (R1), an outpatient visit.
    const pick = async (sql: string) => Object.values(await duck.one(sql))[0] as string;
    const practice = await pick(
      'select practice_code from ref_practice where ccg_code is not null order by 1 limit 1',
    );
    const lsoa = await pick('select lsoa_code from ref_lsoa order by 1 limit 1');
    const ccg = await pick('select ccg_code from ref_ccg order by 1 limit 1');
    const provider = await pick('select provider_code from ref_trust order by 1 limit 1');
    const hrg = (pod: string) =>
      pick(`select currency from tariff_price where point_of_delivery = '${pod}' order by 1 limit 1`);
    const ae01 = await pick(
      "select currency from tariff_price where point_of_delivery = 'AE' and dept_key = '01' limit 1",
    );
    const opfa = await duck.one<{ currency: string; tfc_key: string }>(
      "select currency, tfc_key from tariff_price where point_of_delivery = 'OPFA' order by 1, 2 limit 1",
    );
    const layout = activityLayout().columns.map((c) => c.name);
    const row = (values: Record<string, string>) => layout.map((c) => values[c] ?? '').join(',');
    const common = {
      patient_pseudonym: 'P1',
      age_at_activity_date: '70',
      person_stated_gender_code: '2',
      general_medical_practice_code: practice,
      lsoa_of_residence: lsoa,
      residence_country: 'england',
      site_ccg_code: ccg,
      provider_code: provider,
    };
    const csv = path.join(work, 'activity.csv');
    writeFileSync(
      csv,
      [
        layout.join(','),
        row({
          ...common,
          activity_id: 'T1',
          activity_type: 'apc',
          point_of_delivery: 'EL',
          admission_method: '11',
          activity_start_date: '2013-05-01',
          activity_end_date: '2013-05-03',
          hrg_code: await hrg('EL'),
          treatment_function_code: '100',
          service_category: 'ccg_acute',
        }),
        row({
          ...common,
          activity_id: 'T2',
          activity_type: 'ae',
          point_of_delivery: 'AE',
          activity_start_date: '2013-06-10',
          hrg_code: ae01,
          treatment_function_code: '180',
          service_category: 'emergency_ae',
          ae_department_type: '01',
        }),
        row({
          ...common,
          activity_id: 'T3',
          activity_type: 'op',
          point_of_delivery: 'OPFA',
          activity_start_date: '2013-06-11',
          hrg_code: opfa.currency,
          treatment_function_code: opfa.tfc_key,
          service_category: 'ccg_acute',
        }),
      ].join('\n'),
    );
    const store = new ActivityStore(path.join(work, 'store'));
    const loaded = await loadActivityFile(duck, store, csv);
    expect(loaded.sample).toEqual([]);
    expect(loaded.manifest.accepted).toBe(3);
    await duck.run(
      `create or replace temp view bench_activity as select * from read_parquet(${sqlString(store.activityFiles()[0]!)})`,
    );

    pglite = await PGlite.create();
    for (const table of [
      'ref_ccg',
      'ref_practice',
      'ref_lsoa',
      'tariff_price',
      'tariff_mff',
      'bench_activity',
    ]) {
      const cols = await duck.all<{ column_name: string; column_type: string }>(
        `describe select * from ${table}`,
      );
      await pglite.exec(
        `create table ${table} (${cols.map((c) => `${c.column_name} ${postgresType(c.column_type)}`).join(', ')})`,
      );
      const file = path.join(work, `${table}.csv`);
      await duck.run(`copy (select * from ${table}) to ${sqlString(file)} (format csv, header true)`);
      await pglite.query(`copy ${table} from '/dev/blob' with (format csv, header true)`, [], {
        blob: new Blob([readFileSync(file)]),
      });
    }
  }, 120_000);
  afterAll(async () => {
    ae?.engine.close();
    await pglite?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const tariff = loadTariff();
  const variants: [string, WhoPaysSwitches, PricingOptions][] = [['defaults', defaults, tariff.defaults]];
  for (const [name, options] of Object.entries(SWITCH_OPTIONS)) {
    for (const option of options) {
      if (defaults[name as keyof WhoPaysSwitches] === option) continue;
      variants.push([`${name} = ${option}`, { ...defaults, [name]: option }, tariff.defaults]);
    }
  }
  const p = tariff.defaults;
  const readmissions = {
    ...p.readmissions,
    exclusions: p.readmissions.exclusions.map((e) => ({ ...e, enabled: false })),
  };
  variants.push(
    [
      'shortStayEmergency flipped',
      defaults,
      {
        ...p,
        shortStayEmergency:
          p.shortStayEmergency === 'single_price' ? 'reference_cost_short_stay' : 'single_price',
      },
    ],
    ['applyMff flipped', defaults, { ...p, applyMff: !p.applyMff }],
    [
      'bptMissingCriteria flipped',
      defaults,
      { ...p, bptMissingCriteria: p.bptMissingCriteria === 'not_met' ? 'no_adjustment' : 'not_met' },
    ],
    [
      'no best practice tariff areas',
      defaults,
      { ...p, bptAreas: p.bptAreas.map((a) => ({ ...a, enabled: false })) },
    ],
    ['no readmission exclusions', defaults, { ...p, readmissions }],
  );

  /** Rows as comparable values: every number in hundredths (money in whole pence), rows sorted. */
  const comparable = (rows: Record<string, unknown>[]) =>
    rows
      .map((r) =>
        Object.fromEntries(
          Object.entries(r).map(([k, v]) => [
            k,
            typeof v === 'bigint' || typeof v === 'number' ? Math.round(Number(v) * 100) : v,
          ]),
        ),
      )
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

  it.each(variants)('%s', async (_name, switches, pricing) => {
    const duckdbSql = monthlyQuery('bench_activity', switches, pricing);
    const fromDuckdb = comparable(await ae.engine.all(duckdbSql));
    const result = await pglite.query<Record<string, unknown>>(await toPostgres(duckdbSql, columnsOf));
    expect(fromDuckdb.length).toBeGreaterThan(0);
    expect(result.fields.map((f) => f.name)).toEqual(Object.keys(fromDuckdb[0]!));
    expect(comparable(result.rows)).toEqual(fromDuckdb);
  });
});
