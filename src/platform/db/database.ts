import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Config } from '../config.ts';
import { SET_APP_ROLE } from './app-role.ts';
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
 * otherwise embedded PGlite in `dataDir`. Runs pending migrations as the connecting role, then
 * switches every connection to the application role (app-role.ts), which cannot change the audit log.
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  options: { migrate?: boolean } = {},
): Promise<DatabaseHandle> {
  const migrate = options.migrate !== false;
  if (config.databaseUrl) {
    if (migrate) await migratePostgres(config.databaseUrl);
    return openPostgres(config.databaseUrl);
  }
  const handle = await openPglite(config.dataDir);
  try {
    if (migrate) await migrateToLatest(handle.db);
    await sql.raw(SET_APP_ROLE).execute(handle.db);
  } catch (err) {
    await handle.close();
    throw err;
  }
  return handle;
}

/** Migrations run on a connection of their own, as the owner, before the app role is taken. */
async function migratePostgres(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
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
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({
      pool,
      onCreateConnection: async (connection) => {
        await connection.executeQuery(CompiledQuery.raw(SET_APP_ROLE));
      },
    }),
  });
  const safe = new URL(url);
  safe.password = '';
  return {
    db,
    backend: 'postgres',
    location: `PostgreSQL at ${safe.host}${safe.pathname}`,
    close: () => db.destroy(),
  };
}
