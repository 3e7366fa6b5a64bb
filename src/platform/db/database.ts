import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { migrateToLatest } from './migrate.ts';
import type { DB } from './schema.ts';
import { TYPE_PARSERS } from './type-parsers.ts';

export type Database = Kysely<DB>;

export interface DatabaseHandle {
  readonly db: Database;
  readonly backend: 'pglite' | 'postgres';
  /** Human-readable location, never including a password. */
  readonly location: string;
  close(): Promise<void>;
}

/**
 * Opens the one database the platform uses: a real PostgreSQL server when `databaseUrl` is set,
 * otherwise embedded PGlite in `dataDir`. Runs pending migrations before returning.
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  options: { migrate?: boolean } = {},
): Promise<DatabaseHandle> {
  const handle = config.databaseUrl ? openPostgres(config.databaseUrl) : await openPglite(config.dataDir);
  if (options.migrate !== false) {
    try {
      await migrateToLatest(handle.db);
    } catch (err) {
      await handle.close();
      throw err;
    }
  }
  return handle;
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const inMemory = dataDir === 'memory://' || dataDir === '';
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(inMemory ? {} : { dataDir }),
    parsers: TYPE_PARSERS,
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    backend: 'pglite',
    location: inMemory ? 'PGlite (in memory)' : `PGlite at ${dataDir}`,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

function openPostgres(url: string): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: 8,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        TYPE_PARSERS[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client can be cut off by the server (restart, admin shutdown): without a listener that
  // 'error' event would crash the process. The pool replaces the client on the next query.
  pool.on('error', (err) => console.error(`PostgreSQL idle connection error: ${err.message}`));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const safe = new URL(url);
  safe.password = '';
  return {
    db,
    backend: 'postgres',
    location: `PostgreSQL at ${safe.host}${safe.pathname}`,
    close: () => db.destroy(),
  };
}
