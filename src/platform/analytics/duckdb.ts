import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';

/**
 * The analytics engine: DuckDB, in memory or on a file, reading and writing Parquet.
 *
 * One connection per engine. DuckDB parallelises each query itself, so callers run statements one
 * after another. `memoryLimit` makes big sorts and joins spill to `tempDirectory` instead of failing.
 */
export interface AnalyticsOptions {
  /** A database file, or omitted for an in-memory engine. */
  readonly path?: string;
  readonly threads?: number;
  /** DuckDB syntax, e.g. '8GB'. */
  readonly memoryLimit?: string;
  readonly tempDirectory?: string;
}

export type Row = Record<string, unknown>;

export class Analytics {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
  ) {}

  static async open(options: AnalyticsOptions = {}): Promise<Analytics> {
    const settings: Record<string, string> = {};
    if (options.threads) settings.threads = String(options.threads);
    if (options.memoryLimit) settings.memory_limit = options.memoryLimit;
    if (options.tempDirectory) settings.temp_directory = options.tempDirectory;
    const instance = await DuckDBInstance.create(options.path ?? ':memory:', settings);
    const connection = await instance.connect();
    return new Analytics(instance, connection);
  }

  /** Runs a statement (or several separated by semicolons) for its effect. */
  async run(sql: string, params?: readonly DuckDBValue[]): Promise<void> {
    await this.connection.run(sql, params ? [...params] : undefined);
  }

  /** Runs a query and returns its rows as plain JS objects (bigint → number where safe). Small results only. */
  async all<T extends Row = Row>(sql: string, params?: readonly DuckDBValue[]): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, params ? [...params] : undefined);
    return reader.getRowObjectsJS().map((row) => normalise(row) as T);
  }

  async one<T extends Row = Row>(sql: string, params?: readonly DuckDBValue[]): Promise<T> {
    const rows = await this.all<T>(sql, params);
    if (rows.length !== 1) throw new Error(`expected one row, got ${rows.length}: ${sql.slice(0, 120)}`);
    return rows[0] as T;
  }

  /**
   * Loads JS rows into an existing table through the appender: every value goes in as text to a
   * staging table, and one INSERT … SELECT casts it to the table's column types (a bad value fails
   * the whole insert). Fast enough for reference tables of a few hundred thousand rows.
   */
  async insertRows(
    table: string,
    columns: readonly string[],
    rows: readonly (readonly unknown[])[],
  ): Promise<void> {
    if (rows.length === 0) return;
    const staging = `staging_${table.replace(/\W/g, '_')}`;
    await this.run(
      `create or replace temp table ${staging} (${columns.map((c) => `${c} varchar`).join(', ')})`,
    );
    const appender = await this.connection.createAppender(staging);
    for (const row of rows) {
      for (const value of row) {
        if (value === null || value === undefined) appender.appendNull();
        else appender.appendVarchar(String(value));
      }
      appender.endRow();
    }
    appender.closeSync();
    await this.run(
      `insert into ${table} (${columns.join(', ')}) select ${columns.join(', ')} from ${staging}`,
    );
    await this.run(`drop table ${staging}`);
  }

  /**
   * Runs a long statement and reports DuckDB's own progress estimate (0–100) every `everyMs`, so the
   * CLI and the UI can show a bar while a scan over millions of rows runs.
   */
  async runWithProgress(sql: string, onProgress: (percent: number) => void, everyMs = 250): Promise<void> {
    const timer = setInterval(() => {
      const p = this.connection.progress.percentage;
      if (p >= 0) onProgress(Math.min(100, p));
    }, everyMs);
    try {
      await this.connection.run(sql);
      onProgress(100);
    } finally {
      clearInterval(timer);
    }
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.run('begin transaction');
    try {
      const result = await work();
      await this.run('commit');
      return result;
    } catch (error) {
      await this.run('rollback');
      throw error;
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

function normalise(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    out[key] =
      typeof value === 'bigint' &&
      value <= BigInt(Number.MAX_SAFE_INTEGER) &&
      value >= BigInt(Number.MIN_SAFE_INTEGER)
        ? Number(value)
        : value;
  }
  return out;
}

/** Quotes a string literal for DuckDB SQL (paths, codes from definitions). */
export function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
