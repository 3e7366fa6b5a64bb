import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import * as m001 from './migrations/001-registry.ts';
import * as m002 from './migrations/002-imports.ts';
import * as m003 from './migrations/003-access.ts';
import * as m004 from './migrations/004-governance.ts';
import * as m005 from './migrations/005-authorisation.ts';

/** Migrations are listed here, in order, so they run the same from tsx, tests and a bundle. */
const MIGRATIONS: Record<string, Migration> = {
  '001-registry': m001,
  '002-imports': m002,
  '003-access': m003,
  '004-governance': m004,
  '005-authorisation': m005,
};

class StaticProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticProvider() });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const detail = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${detail}`);
  }
}
