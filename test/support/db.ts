import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/database.ts';
import { TEMPLATE_DB, TEMPLATE_DIR } from './paths.ts';
import { adminUrl, databaseUrlFor } from './postgres.ts';

export interface TestDatabase extends DatabaseHandle {
  /** The settings that open this same database again (e.g. for a CLI run in a child process). */
  readonly settings: { databaseUrl: string | undefined; dataDir: string };
}

let counter = 0;

/**
 * A database of the test's own, on the back end the run uses (PGlite by default, PostgreSQL with
 * DATABASE_URL). `withReference` copies the reference-loaded template made by the global setup;
 * otherwise the database is empty but migrated. Always `close()` it (in afterAll).
 */
export async function openTestDatabase(options: { withReference: boolean }): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `commissioner_test_${process.pid}_${++counter}_${Date.now() % 100000}`;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    try {
      await admin.query(
        options.withReference ? `create database ${name} template ${TEMPLATE_DB}` : `create database ${name}`,
      );
    } finally {
      await admin.end();
    }
    const settings = { databaseUrl: databaseUrlFor(url, name), dataDir: '' };
    const handle = await openDatabase(settings);
    return {
      ...handle,
      settings,
      close: async () => {
        await handle.close();
        const drop = new pg.Client({ connectionString: adminUrl(url) });
        await drop.connect();
        await drop.query(`drop database if exists ${name} with (force)`).finally(() => drop.end());
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'commissioner-test-'));
  const dataDir = path.join(dir, 'pglite');
  if (options.withReference) cpSync(TEMPLATE_DIR, dataDir, { recursive: true });
  const settings = { databaseUrl: undefined, dataDir };
  const handle = await openDatabase(settings);
  return {
    ...handle,
    settings,
    close: async () => {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
