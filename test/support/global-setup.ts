import { rmSync } from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../../src/platform/db/database.ts';
import { importReference } from '../../src/reference/import-reference.ts';
import { REFERENCE_DIR, TEMPLATE_DB, TEMPLATE_DIR } from './paths.ts';
import { adminUrl, databaseUrlFor } from './postgres.ts';

/**
 * Imports the real reference data once per test run into a template that each test database is
 * copied from. With DATABASE_URL the suite runs against that PostgreSQL server instead of PGlite.
 */
export default async function setup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: adminUrl(url) });
    await admin.connect();
    try {
      await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
      await admin.query(`create database ${TEMPLATE_DB}`);
    } finally {
      await admin.end();
    }
    const handle = await openDatabase({ databaseUrl: databaseUrlFor(url, TEMPLATE_DB), dataDir: '' });
    try {
      await importReference(handle.db, REFERENCE_DIR);
    } finally {
      await handle.close();
    }
    return;
  }
  rmSync(TEMPLATE_DIR, { recursive: true, force: true });
  const handle = await openDatabase({ databaseUrl: undefined, dataDir: TEMPLATE_DIR });
  try {
    await importReference(handle.db, REFERENCE_DIR);
  } finally {
    await handle.close();
  }
}
