/**
 * The PostgreSQL comparison path of the activity benchmark (issue #5, "Performance", comparison (a)):
 * the same attribute + price + aggregate as the DuckDB engine, done in plain PostgreSQL SQL on the same
 * data, the way a commissioning analyst with a PostgreSQL warehouse would do it today.
 *
 * 1. A fresh schema on the server, with the small tables the pass joins (ref_ccg, ref_practice,
 *    ref_lsoa, tariff_price, tariff_mff; their DuckDB primary keys) and the activity table, typed from
 *    DuckDB's column types.
 * 2. The same rows: exported from DuckDB to CSV and loaded with server-side COPY (or COPY FROM STDIN
 *    through the client when the server cannot read the files), then ANALYZE (loadMs, not part of the
 *    comparison).
 * 3. The pipeline's own SQL (pipeline.ts monthlyQuery: who-pays/sql.ts → pricing/sql.ts → monthly
 *    aggregate), translated to PostgreSQL by postgres-dialect.ts, into a results table
 *    (attributePriceAggregateMs). The very same DuckDB statement runs on DuckDB over the same rows
 *    (duckdbMs), so the two times are of one computation.
 * 4. The check: both monthly results must have the same rows at the grain, the same counts and the same
 *    money to the penny; otherwise it throws with the first differing rows. No time is reported for a
 *    different computation.
 */
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { ActivityEngine } from '../src/modules/activity/engine.ts';
import { monthlyQuery } from '../src/modules/activity/pipeline.ts';
import type { PricingOptions } from '../src/modules/activity/pricing/model.ts';
import { writeTariffTables } from '../src/modules/activity/pricing/sql.ts';
import type { WhoPaysSwitches } from '../src/modules/activity/who-pays/rules/model.ts';
import { type Analytics, sqlString } from '../src/platform/analytics/duckdb.ts';
import { copyFromFile } from './postgres-copy.ts';
import { toPostgres } from './postgres-dialect.ts';

export interface PostgresPathOptions {
  /**
   * The server. A local superuser loads fastest (server-side COPY reads the CSV files); any other
   * server is loaded through the client (COPY FROM STDIN).
   */
  readonly databaseUrl: string;
  /** Loaded activity (Parquet in the layout + emergency_readmission_30d + load_id). */
  readonly activityFiles: readonly string[];
  /** The DuckDB engine with the reference tables (openActivityEngine). */
  readonly engine: ActivityEngine;
  readonly switches: WhoPaysSwitches;
  readonly pricing: PricingOptions;
  /** Where the CSV exports (removed afterwards) and the translated SQL go. */
  readonly workDir: string;
  /**
   * Session settings for the PostgreSQL run, merged over DEFAULT_POSTGRES_SETTINGS (pass
   * `{ jit: 'on' }` to measure a stock server's JIT as well).
   */
  readonly settings?: Readonly<Record<string, string>>;
  /**
   * Also run the statement under the server's own settings (RESET of every setting above: JIT on,
   * work_mem 4MB on a stock PostgreSQL 15), after the tuned run, and check it gives the same rows.
   */
  readonly alsoStockSettings?: boolean;
  /** False: skip server-side COPY and stream every file through the client. Default true. */
  readonly serverSideCopy?: boolean;
  /** Keep the schema on the server afterwards (to look at it). Default: dropped. */
  readonly keepSchema?: boolean;
}

export interface PostgresPathResult {
  /** Export to CSV + CREATE + COPY + keys + ANALYZE, ms. Not part of the comparison. */
  readonly loadMs: number;
  /** The attribute + price + aggregate statement on PostgreSQL (CREATE TABLE … AS), ms. */
  readonly attributePriceAggregateMs: number;
  /** The same statement on DuckDB, over the same rows, in the same run (CREATE TEMP TABLE … AS), ms. */
  readonly duckdbMs: number;
  /**
   * The same statement under the server's own settings (alsoStockSettings), ms, with the settings it
   * ran under; null when not asked for.
   */
  readonly stock: null | { readonly ms: number; readonly settings: Readonly<Record<string, string>> };
  /** Activity rows the pass read. */
  readonly rows: number;
  /** The monthly result both engines agreed on (checked row by row). */
  readonly monthly: {
    readonly rows: number;
    readonly activity: number;
    readonly unpriced: number;
    /** Pounds. */
    readonly value: number;
  };
  readonly postgres: {
    readonly serverVersion: string;
    readonly schema: string;
    readonly settings: Readonly<Record<string, string>>;
    /** The translated statement, kept for inspection. */
    readonly sqlFile: string;
    /** Server-side COPY, or the client's COPY FROM STDIN when the server could not read the files (why). */
    readonly load: { readonly method: 'server_copy' | 'client_copy'; readonly why: string | null };
  };
}

/**
 * PostgreSQL tuned for this statement, so the comparison never flatters DuckDB. work_mem 1GB lets each
 * of the parallel workers hash-aggregate its ~450k monthly groups in memory (~330 MB each at scale
 * 0.1); at 256MB PostgreSQL sorted the 12M rows instead, spilling ~400 MB per worker to disk, and took
 * 22.5 s against 16.1–16.5 s (measured on this machine, EXPLAIN ANALYZE; one worker fewer or
 * hash_mem_multiplier 4 changed nothing). JIT is off because at the small scales the path runs at,
 * compiling this statement's ~160 CASE-heavy expressions can cost more than it saves (about 20 s per
 * run was measured at scale 0.01). The benchmark also runs the statement under the server's own
 * settings (alsoStockSettings) and reports both.
 */
export const DEFAULT_POSTGRES_SETTINGS: Readonly<Record<string, string>> = { work_mem: '1GB', jit: 'off' };

/** The relation name the activity rows have in both engines (a temp view in DuckDB, a table in PostgreSQL). */
const ACTIVITY_TABLE = 'bench_activity';
/** The small tables monthlyQuery joins; the activity table comes last (it is the big one). */
const SMALL_TABLES = ['ref_ccg', 'ref_practice', 'ref_lsoa', 'tariff_price', 'tariff_mff'] as const;
const DUCKDB_RESULT = 'bench_pg_duckdb_monthly';
const POSTGRES_RESULT_IN_DUCKDB = 'bench_pg_postgres_monthly';
const POSTGRES_RESULT = 'monthly_result';
/** Rows fetched from PostgreSQL per round trip when bringing its result over for the check. */
const FETCH_ROWS = 20_000;

/**
 * The statement again under the server's own values of `names` (RESET), timed, into a second table
 * that must hold exactly the rows of the tuned run's (EXCEPT ALL both ways, on the server).
 */
async function runStock(client: pg.Client, postgresSql: string, names: readonly string[]) {
  for (const name of names) await client.query(`reset ${quoteIdent(name)}`);
  const used: Record<string, string> = {};
  for (const name of names) {
    used[name] = (await client.query<{ v: string }>('select current_setting($1) as v', [name])).rows[0]!.v;
  }
  const t0 = performance.now();
  await client.query(`create table ${POSTGRES_RESULT}_stock as ${postgresSql}`);
  const ms = elapsed(t0);
  const differing = await client.query<{ n: string }>(
    `select count(*) as n from ((table ${POSTGRES_RESULT} except all table ${POSTGRES_RESULT}_stock)
       union all (table ${POSTGRES_RESULT}_stock except all table ${POSTGRES_RESULT})) d`,
  );
  if (Number(differing.rows[0]!.n) !== 0) {
    throw new Error(`PostgreSQL under its own settings gave ${differing.rows[0]!.n} different monthly rows`);
  }
  return { ms, settings: used };
}

/** DuckDB column type → PostgreSQL column type. */
export function postgresType(duckdbType: string): string {
  const t = duckdbType.toUpperCase();
  const decimal = t.match(/^DECIMAL\((\d+),\s*(\d+)\)$/);
  if (decimal) return `numeric(${decimal[1]}, ${decimal[2]})`;
  const map: Record<string, string> = {
    VARCHAR: 'text',
    BOOLEAN: 'boolean',
    TINYINT: 'smallint',
    SMALLINT: 'smallint',
    INTEGER: 'integer',
    BIGINT: 'bigint',
    HUGEINT: 'numeric',
    DOUBLE: 'double precision',
    FLOAT: 'real',
    DATE: 'date',
    TIMESTAMP: 'timestamp',
    'TIMESTAMP WITH TIME ZONE': 'timestamptz',
  };
  const pgType = map[t];
  if (!pgType) throw new Error(`no PostgreSQL type for the DuckDB type ${duckdbType}`);
  return pgType;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const elapsed = (t0: number) => Math.round(performance.now() - t0);

interface ColumnInfo {
  readonly name: string;
  readonly type: string;
}

/**
 * Runs the PostgreSQL path and checks it against DuckDB (see the module comment). Throws if the server
 * cannot be reached, if the SQL cannot be translated, or if the two results differ. In the DuckDB
 * engine it (re)writes tariff_price and tariff_mff from engine.tariff and uses, then drops, the temp
 * objects bench_activity, bench_pg_duckdb_monthly and bench_pg_postgres_monthly.
 */
export async function runPostgresPath(options: PostgresPathOptions): Promise<PostgresPathResult> {
  if (options.activityFiles.length === 0) throw new Error('runPostgresPath: activityFiles is empty');
  const missing = options.activityFiles.filter((f) => !existsSync(f));
  if (missing.length) throw new Error(`runPostgresPath: no such activity file: ${missing.join(', ')}`);
  const duck = options.engine.engine;
  const settings = { ...DEFAULT_POSTGRES_SETTINGS, ...options.settings };
  const schema = `activity_bench_${Date.now()}_${Math.random().toString(16).slice(2, 8)}`;
  const dir = path.resolve(options.workDir, schema);

  const columnsOf = async (sql: string) =>
    (await duck.all<{ column_name: string }>(`describe ${sql}`)).map((r) => r.column_name);
  const describe = async (relation: string): Promise<ColumnInfo[]> =>
    (await duck.all<{ column_name: string; column_type: string }>(`describe select * from ${relation}`)).map(
      (r) => ({ name: r.column_name, type: r.column_type }),
    );

  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  let schemaCreated = false;
  try {
    // The server process (another OS user) should read the CSVs: a world-readable directory of its own
    // (if a parent directory keeps it out, the load falls back to streaming through the client).
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o755);
    await writeTariffTables(duck, options.engine.tariff);
    await duck.run(
      `create or replace temp view ${ACTIVITY_TABLE} as
       select * from read_parquet([${options.activityFiles.map((f) => sqlString(path.resolve(f))).join(', ')}])`,
    );
    const duckdbSql = monthlyQuery(ACTIVITY_TABLE, options.switches, options.pricing);
    // A statement DuckDB itself cannot bind (say, files without the columns the loader derives) is not a
    // translation problem: say so before translating.
    await columnsOf(duckdbSql).catch((error: Error) => {
      throw new Error(
        `the pipeline's monthlyQuery does not bind on DuckDB over ${options.activityFiles.join(', ')}: ${error.message}`,
      );
    });
    const postgresSql = await toPostgres(duckdbSql, columnsOf);
    const sqlFile = path.join(options.workDir, `${schema}.monthly.postgres.sql`);
    writeFileSync(
      sqlFile,
      `-- The activity pipeline's monthlyQuery, translated from DuckDB by bench/postgres-dialect.ts.\n${postgresSql}\n`,
    );

    const serverVersion = (await client.query<{ v: string }>("select current_setting('server_version') as v"))
      .rows[0]!.v;
    await client.query(`create schema ${quoteIdent(schema)}`);
    schemaCreated = true;
    await client.query(`set search_path to ${quoteIdent(schema)}`);
    for (const [name, value] of Object.entries(settings)) {
      await client.query('select set_config($1, $2, false)', [name, value]);
    }

    // 2. Load (not compared).
    const t0 = performance.now();
    let rows = 0;
    const load: LoadMethod =
      options.serverSideCopy === false
        ? { method: 'client_copy', why: 'serverSideCopy: false' }
        : { method: 'server_copy', why: null };
    for (const table of [...SMALL_TABLES, ACTIVITY_TABLE]) {
      const loaded = await copyTable(duck, client, table, dir, await describe(table), load);
      if (table === ACTIVITY_TABLE) rows = loaded;
    }
    await client.query(`analyze ${[...SMALL_TABLES, ACTIVITY_TABLE].map(quoteIdent).join(', ')}`);
    const loadMs = elapsed(t0);
    if (rows === 0) throw new Error('runPostgresPath: the activity files hold no rows: nothing to compare');

    // 3. The pass, on each engine.
    const t1 = performance.now();
    await client.query(`create table ${POSTGRES_RESULT} as ${postgresSql}`);
    const attributePriceAggregateMs = elapsed(t1);
    const t2 = performance.now();
    await duck.run(`create or replace temp table ${DUCKDB_RESULT} as ${duckdbSql}`);
    const duckdbMs = elapsed(t2);
    const stock = options.alsoStockSettings
      ? await runStock(client, postgresSql, Object.keys(settings))
      : null;

    // 4. The check.
    await fetchIntoDuckdb(client, duck, await describe(DUCKDB_RESULT));
    await assertSameMonthly(duck, DUCKDB_RESULT, POSTGRES_RESULT_IN_DUCKDB);
    const totals = await duck.one<{ rows: number; activity: number; unpriced: number; value: number }>(
      `select count(*)::bigint as rows, coalesce(sum(activity), 0)::bigint as activity,
              coalesce(sum(unpriced), 0)::bigint as unpriced, round(coalesce(sum(value), 0), 2)::double as value
       from ${DUCKDB_RESULT}`,
    );
    return {
      loadMs,
      attributePriceAggregateMs,
      duckdbMs,
      stock,
      rows,
      monthly: totals,
      postgres: { serverVersion, schema, settings, sqlFile, load },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    try {
      await duck.run(
        `drop view if exists ${ACTIVITY_TABLE}; drop table if exists ${DUCKDB_RESULT};
         drop table if exists ${POSTGRES_RESULT_IN_DUCKDB}`,
      );
      if (schemaCreated && !options.keepSchema)
        await client.query(`drop schema ${quoteIdent(schema)} cascade`);
    } finally {
      await client.end();
    }
  }
}

/** How the rows reach the server: it reads the CSV itself, or the client streams it (see postgres-copy.ts). */
interface LoadMethod {
  method: 'server_copy' | 'client_copy';
  /** Why the server could not read the files itself. */
  why: string | null;
}

/**
 * Creates `table` on PostgreSQL like DuckDB's (types, primary key) and fills it from a CSV export:
 * server-side COPY, or COPY FROM STDIN through the client once the server has shown it cannot read
 * the files.
 */
async function copyTable(
  duck: Analytics,
  client: pg.Client,
  table: string,
  dir: string,
  columns: readonly ColumnInfo[],
  load: LoadMethod,
): Promise<number> {
  const keys = await duck.all<{ columns: string[] }>(
    `select constraint_column_names as columns from duckdb_constraints()
     where table_name = ? and constraint_type = 'PRIMARY KEY'`,
    [table],
  );
  const names = columns.map((c) => quoteIdent(c.name));
  await client.query(
    `create table ${quoteIdent(table)} (${columns.map((c) => `${quoteIdent(c.name)} ${postgresType(c.type)}`).join(', ')})`,
  );
  const file = path.join(dir, `${table}.csv`);
  // DuckDB writes NULL as an empty field and an empty string as "", which is how PostgreSQL's CSV reads them.
  await duck.run(
    `copy (select ${names.join(', ')} from ${table}) to ${sqlString(file)} (format csv, header true)`,
  );
  const columnList = `${quoteIdent(table)} (${names.join(', ')})`;
  let copied = -1;
  if (load.method === 'server_copy') {
    try {
      const result = await client.query(
        `copy ${columnList} from ${sqlString(file)} with (format csv, header true)`,
      );
      copied = result.rowCount ?? -1;
    } catch (error) {
      // 58P01: the server cannot find the file (another machine); 42501: it may not read it (its OS
      // user cannot enter the directory, or the role is not allowed to read server files).
      const code = (error as { code?: string }).code;
      if (code !== '58P01' && code !== '42501') throw error;
      load.method = 'client_copy';
      load.why = (error as Error).message;
    }
  }
  if (load.method === 'client_copy') {
    copied = await copyFromFile(client, `copy ${columnList} from stdin with (format csv, header true)`, file);
  }
  const expected = (await duck.one<{ n: number }>(`select count(*)::bigint as n from ${table}`)).n;
  if (copied !== expected) throw new Error(`COPY into ${table} took ${copied} rows, DuckDB has ${expected}`);
  const key = keys[0]?.columns;
  if (key?.length) {
    await client.query(
      `alter table ${quoteIdent(table)} add primary key (${key.map(quoteIdent).join(', ')})`,
    );
  }
  return copied;
}

/** Brings PostgreSQL's monthly result into DuckDB (a cursor, FETCH_ROWS at a time). */
async function fetchIntoDuckdb(client: pg.Client, duck: Analytics, columns: readonly ColumnInfo[]) {
  const names = columns.map((c) => c.name);
  await duck.run(
    `create or replace temp table ${POSTGRES_RESULT_IN_DUCKDB} as select * from ${DUCKDB_RESULT} limit 0`,
  );
  await client.query('begin');
  try {
    const fields = (await client.query(`select * from ${POSTGRES_RESULT} limit 0`)).fields.map((f) => f.name);
    if (fields.join(',') !== names.join(',')) {
      throw new Error(
        `PostgreSQL's monthly columns (${fields.join(', ')}) are not DuckDB's (${names.join(', ')})`,
      );
    }
    await client.query(`declare bench_monthly no scroll cursor for select * from ${POSTGRES_RESULT}`);
    for (;;) {
      // Every value as text: bigint and numeric would otherwise arrive in several JS shapes.
      const batch = await client.query({
        text: `fetch ${FETCH_ROWS} from bench_monthly`,
        rowMode: 'array',
        types: TEXT,
      });
      if (batch.rows.length === 0) break;
      await duck.insertRows(POSTGRES_RESULT_IN_DUCKDB, names, batch.rows as unknown[][]);
    }
  } finally {
    await client.query('rollback');
  }
}

/** Type parsers that leave every value as PostgreSQL's text (DuckDB casts it back to the column's type). */
const TEXT = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

/**
 * Two monthly results in DuckDB tables with the same columns: the same rows at the grain (the text
 * columns, NULL matching NULL), the same counts (integer columns) and the same money to the penny
 * (floating or decimal columns, pounds). Throws with the number of differing rows and the first five.
 */
export async function assertSameMonthly(duck: Analytics, duckdbTable: string, postgresTable: string) {
  const describe = async (t: string): Promise<ColumnInfo[]> =>
    (await duck.all<{ column_name: string; column_type: string }>(`describe ${t}`)).map((r) => ({
      name: r.column_name,
      type: r.column_type,
    }));
  const columns = await describe(duckdbTable);
  const other = await describe(postgresTable);
  if (JSON.stringify(columns) !== JSON.stringify(other)) {
    const list = (cs: ColumnInfo[]) => cs.map((c) => `${c.name} ${c.type}`).join(', ');
    throw new Error(`the monthly results have different columns: ${list(columns)} | ${list(other)}`);
  }
  const keys = columns.filter((c) => c.type === 'VARCHAR').map((c) => c.name);
  const counts = columns.filter((c) => ['BIGINT', 'INTEGER', 'HUGEINT'].includes(c.type)).map((c) => c.name);
  const money = columns.filter((c) => c.type === 'DOUBLE' || c.type.startsWith('DECIMAL')).map((c) => c.name);
  const unknown = columns.filter((c) => ![...keys, ...counts, ...money].includes(c.name));
  if (unknown.length || keys.length === 0) {
    throw new Error(
      `cannot compare monthly columns: ${unknown.map((c) => `${c.name} ${c.type}`).join(', ') || 'no key'}`,
    );
  }
  const q = quoteIdent;
  const side = (table: string) =>
    `(select ${[
      ...keys.map(q),
      ...counts.map(q),
      ...money.map((m) => `round(${q(m)} * 100)::bigint as ${q(m)}`),
      'true as __present',
    ].join(', ')} from ${table})`;
  const differs = [
    'd.__present is null',
    'p.__present is null',
    ...[...counts, ...money].map((c) => `d.${q(c)} is distinct from p.${q(c)}`),
  ].join(' or ');
  const diff = `select ${keys.map((k) => `coalesce(d.${q(k)}, p.${q(k)}) as ${q(k)}`).join(', ')},
      case when p.__present is null then 'only in DuckDB' when d.__present is null then 'only in PostgreSQL'
        else 'different' end as difference,
      ${[...counts, ...money].map((c) => `d.${q(c)} as ${q(`duckdb_${c}`)}, p.${q(c)} as ${q(`postgres_${c}`)}`).join(', ')}
    from ${side(duckdbTable)} as d full outer join ${side(postgresTable)} as p
      on ${keys.map((k) => `d.${q(k)} is not distinct from p.${q(k)}`).join(' and ')}
    where ${differs}`;
  const { n } = await duck.one<{ n: number }>(`select count(*)::bigint as n from (${diff})`);
  if (n === 0) return;
  const first = await duck.all(`${diff} order by ${keys.map((_, i) => i + 1).join(', ')} limit 5`);
  const sizes = await duck.one<{ duckdb: number; postgres: number }>(
    `select (select count(*) from ${duckdbTable})::bigint as duckdb,
            (select count(*) from ${postgresTable})::bigint as postgres`,
  );
  throw new Error(
    `PostgreSQL and DuckDB monthly results differ in ${n} rows (DuckDB ${sizes.duckdb} rows, PostgreSQL ` +
      `${sizes.postgres}; money in pence). First differences:\n${first
        .map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : v)))
        .join('\n')}`,
  );
}
