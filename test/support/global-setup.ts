import { rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { seedAuthorisationDemo } from '../../src/modules/authorisation/demo-seed.ts';
import { seedGovernanceDemo } from '../../src/modules/governance/demo-seed.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { importReference } from '../../src/reference/import-reference.ts';
import { REFERENCE_DIR, REPO_ROOT } from './paths.ts';
import { adminUrl, databaseUrlFor } from './postgres.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's reference-loaded PGlite data directory. */
    templateDir: string;
    /** This run's reference-loaded template database on PostgreSQL. */
    templateDb: string;
  }
}

/**
 * Imports the real reference data once per test run into a template that each test database is
 * copied from. With DATABASE_URL the suite runs against that PostgreSQL server instead of PGlite.
 * The template is named after this process, so two runs on one machine never share one.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const templateDb = `commissioner_test_template_${process.pid}`;
  const templateDir = path.join(REPO_ROOT, '.data', `test-template-${process.pid}`);
  project.provide('templateDb', templateDb);
  project.provide('templateDir', templateDir);

  const url = process.env.DATABASE_URL;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl(url!) });
    await client.connect();
    await client.query(statement).finally(() => client.end());
  };

  if (url) {
    await admin(`drop database if exists ${templateDb} with (force)`);
    await admin(`create database ${templateDb}`);
  }
  rmSync(templateDir, { recursive: true, force: true });
  const handle = await openDatabase(
    url
      ? { databaseUrl: databaseUrlFor(url, templateDb), dataDir: '' }
      : { databaseUrl: undefined, dataDir: templateDir },
  );
  try {
    await importReference(handle.db, REFERENCE_DIR);
    // Every test database starts with the synthetic governance demo data, as `npm start` gives it.
    await seedGovernanceDemo(handle.db);
    // …and the authorisation demo: the 211 CCGs' 2012–13 waves and outcomes, stored as lifecycle history.
    await seedAuthorisationDemo(handle.db);
  } finally {
    await handle.close();
  }
  return async () => {
    rmSync(templateDir, { recursive: true, force: true });
    if (url) await admin(`drop database if exists ${templateDb} with (force)`);
  };
}
