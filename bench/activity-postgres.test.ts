import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActivityEngine, openActivityEngine } from '../src/modules/activity/engine.ts';
import { loadActivityFile } from '../src/modules/activity/load/load-activity.ts';
import type { PricingOptions } from '../src/modules/activity/pricing/model.ts';
import { ActivityStore } from '../src/modules/activity/store.ts';
import { loadWhoPaysDefinitions } from '../src/modules/activity/who-pays/definitions.ts';
import { SWITCH_OPTIONS, type WhoPaysSwitches } from '../src/modules/activity/who-pays/rules/model.ts';
import { Analytics } from '../src/platform/analytics/duckdb.ts';
import { generateSyntheticEngland } from '../src/synth/england/generate.ts';
import { REFERENCE_DIR } from '../test/support/paths.ts';
import { assertSameMonthly, type PostgresPathResult, runPostgresPath } from './activity-postgres.ts';

type Row = [month: string, payer: string | null, activity: number, value: number];

/** The check itself, on DuckDB tables: it must pass equal results and fail every kind of difference. */
describe('assertSameMonthly', () => {
  let duck: Analytics;
  beforeAll(async () => {
    duck = await Analytics.open({ threads: 1 });
  });
  afterAll(() => duck?.close());

  const base: Row[] = [
    ['2013-04', '02N', 10, 1234.56],
    ['2013-04', null, 2, 99.99],
    ['2013-05', '02N', 7, 0],
  ];
  const change = (i: number, row: Row): Row[] => base.map((r, k) => (k === i ? row : r));

  it.each<[string, Row[], Row[], RegExp | null]>([
    ['identical results', base, base, null],
    ['the same rows in another order', base, [...base].reverse(), null],
    ['money less than half a penny apart', base, change(0, ['2013-04', '02N', 10, 1234.5649]), null],
    [
      'money a penny apart',
      base,
      change(0, ['2013-04', '02N', 10, 1234.57]),
      /differ in 1 rows[\s\S]*"different"/,
    ],
    ['a count apart', base, change(2, ['2013-05', '02N', 8, 0]), /differ in 1 rows/],
    ['a NULL key against a code', base, change(1, ['2013-04', '03A', 2, 99.99]), /differ in 2 rows/],
    ['a row only in PostgreSQL', base, [...base, ['2013-06', '02N', 1, 1]], /only in PostgreSQL/],
    ['a row only in DuckDB', base, base.slice(1), /only in DuckDB/],
    ['an empty PostgreSQL result', base, [], /differ in 3 rows \(DuckDB 3 rows, PostgreSQL 0/],
  ])('%s', async (_name, duckdbRows, postgresRows, error) => {
    for (const [table, rows] of [
      ['t_duckdb', duckdbRows],
      ['t_postgres', postgresRows],
    ] as const) {
      await duck.run(
        `create or replace table ${table} (month varchar, payer_code varchar, activity bigint, value double)`,
      );
      await duck.insertRows(table, ['month', 'payer_code', 'activity', 'value'], rows);
    }
    const check = assertSameMonthly(duck, 't_duckdb', 't_postgres');
    if (error) await expect(check).rejects.toThrow(error);
    else await expect(check).resolves.toBeUndefined();
  });

  it('refuses results with different columns', async () => {
    await duck.run('create or replace table t_duckdb (month varchar, activity bigint)');
    await duck.run('create or replace table t_postgres (month varchar, activity integer)');
    await expect(assertSameMonthly(duck, 't_duckdb', 't_postgres')).rejects.toThrow(/different columns/);
  });
});

/**
 * The PostgreSQL path end to end on a real PostgreSQL (the suite's second run, with DATABASE_URL):
 * synthetic England at scale 0.001, loaded, then attribute + price + aggregate on PostgreSQL checked
 * against DuckDB, under the default switches and under every switch set the other way.
 */
describe('runPostgresPath', () => {
  const databaseUrl = process.env.DATABASE_URL;
  let work: string;
  let ae: ActivityEngine;
  let files: string[];
  let loadedRows: number;

  beforeAll(async () => {
    if (!databaseUrl) return;
    work = mkdtempSync(path.join(os.tmpdir(), 'bench-activity-postgres-'));
    chmodSync(work, 0o755); // the server reads the CSV exports from here
    ae = await openActivityEngine({ referenceDir: REFERENCE_DIR, memoryLimit: '2GB' });
    const generated = await generateSyntheticEngland({
      referenceDir: REFERENCE_DIR,
      reference: ae.reference,
      outDir: path.join(work, 'generated'),
      scale: 0.001,
      seed: 5,
      memoryLimit: '2GB',
    });
    const store = new ActivityStore(path.join(work, 'store'));
    for (const file of generated.files.activity)
      await loadActivityFile(ae.engine, store, file, { synthetic: true });
    files = store.activityFiles();
    loadedRows = store.loads().reduce((n, l) => n + l.accepted, 0);
  }, 180_000);

  afterAll(() => {
    ae?.engine.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const run = (switches: WhoPaysSwitches, pricing: PricingOptions, serverSideCopy: boolean) =>
    runPostgresPath({
      databaseUrl: databaseUrl!,
      activityFiles: files,
      engine: ae,
      switches,
      pricing,
      workDir: path.join(work, 'postgres'),
      serverSideCopy,
    });

  const expectAgreed = async (result: PostgresPathResult, serverSideCopy: boolean) => {
    expect(result.rows).toBe(loadedRows);
    expect(result.rows).toBeGreaterThan(50_000);
    expect(result.monthly.activity).toBe(result.rows);
    expect(result.monthly.rows).toBeGreaterThan(0);
    for (const ms of [result.loadMs, result.attributePriceAggregateMs, result.duckdbMs]) {
      expect(Number.isFinite(ms) && ms > 0).toBe(true);
    }
    expect(result.postgres.serverVersion).toMatch(/^\d+/);
    if (serverSideCopy) {
      // This suite's server is local and runs as a superuser: it reads the exports itself.
      expect(result.postgres.load).toEqual({ method: 'server_copy', why: null });
    } else expect(result.postgres.load.method).toBe('client_copy');
    // The schema is gone afterwards.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const left = await client
      .query('select 1 from information_schema.schemata where schema_name = $1', [result.postgres.schema])
      .finally(() => client.end());
    expect(left.rowCount).toBe(0);
  };

  let defaults: PostgresPathResult;

  it.skipIf(!databaseUrl)('agrees with DuckDB under the default switches', async () => {
    defaults = await run(loadWhoPaysDefinitions().defaultSwitches, ae.tariff.defaults, true);
    await expectAgreed(defaults, true);
  });

  it.skipIf(!databaseUrl)(
    'agrees with DuckDB with every switch set the other way (loaded through the client)',
    async () => {
      const standard = loadWhoPaysDefinitions().defaultSwitches;
      const flipped = Object.fromEntries(
        Object.entries(SWITCH_OPTIONS).map(([name, options]) => [
          name,
          options.find((o) => o !== standard[name as keyof WhoPaysSwitches]),
        ]),
      ) as WhoPaysSwitches;
      const p = ae.tariff.defaults;
      const pricing: PricingOptions = {
        ...p,
        shortStayEmergency:
          p.shortStayEmergency === 'single_price' ? 'reference_cost_short_stay' : 'single_price',
        applyMff: !p.applyMff,
        bptMissingCriteria: p.bptMissingCriteria === 'not_met' ? 'no_adjustment' : 'not_met',
      };
      const result = await run(flipped, pricing, false);
      await expectAgreed(result, false);
      // A different computation: the MFF alone moves the money.
      if (defaults) expect(result.monthly.value).not.toBe(defaults.monthly.value);
    },
  );
});
