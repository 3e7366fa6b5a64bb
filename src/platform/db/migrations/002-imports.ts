import { type Kysely, sql } from 'kysely';

/**
 * Import runs: one row per successful import, keyed by a hash of its inputs so that a repeated import
 * is a no-op, and the rows it quarantined with file, line and reason so nothing is lost silently.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('import_run')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('importer', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('taken', 'integer', (c) => c.notNull())
    .addColumn('rejected', 'integer', (c) => c.notNull())
    .addColumn('summary', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('import_run_hash')
    .on('import_run')
    .columns(['importer', 'content_hash'])
    .unique()
    .execute();

  await db.schema
    .createTable('import_rejection')
    .addColumn('run_id', 'integer', (c) => c.notNull().references('import_run.id'))
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('line', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('import_rejection_run').on('import_rejection').column('run_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('import_rejection').ifExists().execute();
  await db.schema.dropTable('import_run').ifExists().execute();
}
