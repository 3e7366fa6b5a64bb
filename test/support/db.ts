import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../../src/platform/db/database.ts';
import { adminUrl, databaseUrlFor } from './postgres.ts';

export interface DatabaseSettings {
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
}

export interface ProvisionedDatabase {
  /** The settings that open this database (in this process or in a CLI child process). */
  readonly settings: DatabaseSettings;
  /** Deletes the database. Close every handle on it first. */
  dispose(): Promise<void>;
}

export interface TestDatabase extends DatabaseHandle {
  readonly settings: DatabaseSettings;
}

let counter = 0;

/**
 * A database of the test's own on the back end the run uses (PGlite by default, PostgreSQL with
 * DATABASE_URL), not yet opened. `withReference` copies the reference-loaded template made by the
 * global setup; otherwise it is empty (migrations run when it is opened).
 */
export async function provisionTestDatabase(options: {
  withReference: boolean;
}): Promise<ProvisionedDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `commissioner_test_${process.pid}_${++counter}_${Date.now() % 100000}`;
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    try {
      await admin.query(
        options.withReference
          ? `create database ${name} template ${inject('templateDb')}`
          : `create database ${name}`,
      );
    } finally {
      await admin.end();
    }
    return {
      settings: { databaseUrl: databaseUrlFor(url, name), dataDir: '' },
      dispose: async () => {
        const drop = new pg.Client({ connectionString: adminUrl(url) });
        await drop.connect();
        await drop.query(`drop database if exists ${name} with (force)`).finally(() => drop.end());
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'commissioner-test-'));
  const dataDir = path.join(dir, 'pglite');
  if (options.withReference) cpSync(inject('templateDir'), dataDir, { recursive: true });
  return {
    settings: { databaseUrl: undefined, dataDir },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A provisioned database, opened; `close()` also deletes it. Call it in afterAll. */
export async function openTestDatabase(options: { withReference: boolean }): Promise<TestDatabase> {
  const provisioned = await provisionTestDatabase(options);
  const handle = await openDatabase(provisioned.settings);
  return {
    ...handle,
    settings: provisioned.settings,
    close: async () => {
      await handle.close();
      await provisioned.dispose();
    },
  };
}
