import { type Kysely, sql } from 'kysely';
import { APP_ROLE } from '../app-role.ts';

/**
 * CCG authorisation and assurance (issue #6). Each CCG's lifecycle state (a snapshot of the pure state
 * machine's state) and its dated history of transitions, which is append-only like the audit log; the
 * applications with their self-certification, evidence documents (metadata only), desktop review scores
 * by named assessors, 360° survey responses, site visits and moderation; annual assessments (s14Z16)
 * with the HWBs' responses; intervention records (s14Z21) and manual evidence for their triggers.
 * Nested records are JSONB in the shapes of src/modules/authorisation/*-model.ts; `synthetic` marks the
 * demo's generated rows. Who recorded a row is a JSON Recorder (kind, id, name).
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('auth_ccg')
    .addColumn('ccg_code', 'text', (c) => c.primaryKey().references('organisation.code'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('state', 'jsonb', (c) => c.notNull())
    // How many history entries the snapshot includes: a writer must hold the row and append seq = events + 1.
    .addColumn('events', 'integer', (c) => c.notNull())
    .addColumn('provenance', 'jsonb')
    .addColumn('synthetic', 'boolean', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('auth_history')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('ccg_code', 'text', (c) => c.notNull().references('auth_ccg.ccg_code'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('event_kind', 'text', (c) => c.notNull())
    .addColumn('event_date', 'date', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('event', 'jsonb', (c) => c.notNull())
    .addColumn('actor', 'jsonb', (c) => c.notNull())
    .addColumn('evidence_refs', sql`text[]`, (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('provenance', 'jsonb')
    .addColumn('synthetic', 'boolean', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('auth_history_seq', ['ccg_code', 'seq'])
    .execute();
  await sql`
    create function auth_history_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'the authorisation history is append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`create trigger auth_history_no_change before update or delete on auth_history
            for each row execute function auth_history_append_only()`.execute(db);
  await sql`create trigger auth_history_no_truncate before truncate on auth_history
            for each statement execute function auth_history_append_only()`.execute(db);

  await db.schema
    .createTable('auth_application')
    .addColumn('application_id', 'text', (c) => c.primaryKey())
    .addColumn('ccg_code', 'text', (c) => c.notNull().references('organisation.code'))
    .addColumn('wave', 'integer', (c) => c.notNull().check(sql`wave between 1 and 4`))
    .addColumn('criteria_version', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'submitted', 'decided', 'deferred')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'jsonb', (c) => c.notNull())
    .addColumn('submitted_on', 'date')
    .addColumn('submitted_by', 'jsonb')
    .addColumn('synthetic', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_application_ccg').on('auth_application').column('ccg_code').execute();

  await db.schema
    .createTable('auth_self_certification')
    .addColumn('application_id', 'text', (c) => c.notNull().references('auth_application.application_id'))
    .addColumn('criterion_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('certified_by', 'jsonb', (c) => c.notNull())
    .addColumn('certified_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('auth_self_certification_pk', ['application_id', 'criterion_id'])
    .execute();

  await db.schema
    .createTable('auth_evidence_document')
    .addColumn('document_id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('auth_application.application_id'))
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('added_by', 'jsonb', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull())
    .addColumn('synthetic', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('auth_evidence_document_application')
    .on('auth_evidence_document')
    .column('application_id')
    .execute();

  // Every score is kept; each named assessor's latest per criterion is the one that counts.
  await db.schema
    .createTable('auth_desktop_score')
    .addColumn('score_id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('application_id', 'text', (c) => c.notNull().references('auth_application.application_id'))
    .addColumn('criterion_id', 'text', (c) => c.notNull())
    .addColumn('score', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('assessor', 'jsonb', (c) => c.notNull())
    .addColumn('scored_at', 'timestamptz', (c) => c.notNull())
    .addColumn('synthetic', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('auth_desktop_score_application')
    .on('auth_desktop_score')
    .columns(['application_id', 'criterion_id'])
    .execute();

  await db.schema
    .createTable('auth_survey_response')
    .addColumn('response_id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('auth_application.application_id'))
    .addColumn('respondent_type', 'text', (c) => c.notNull())
    .addColumn('received_on', 'date', (c) => c.notNull())
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('recorded_by', 'jsonb', (c) => c.notNull())
    .addColumn('synthetic', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('auth_survey_response_application')
    .on('auth_survey_response')
    .column('application_id')
    .execute();

  await db.schema
    .createTable('auth_site_visit')
    .addColumn('visit_id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) => c.notNull().references('auth_application.application_id'))
    .addColumn('visited_on', 'date', (c) => c.notNull())
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('recorded_by', 'jsonb', (c) => c.notNull())
    .addColumn('synthetic', 'boolean', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('auth_moderation')
    .addColumn('moderation_id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('application_id', 'text', (c) => c.notNull().references('auth_application.application_id'))
    .addColumn('criterion_id', 'text')
    .addColumn('domain', 'integer')
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('met', 'not_met')`))
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('moderated_by', 'jsonb', (c) => c.notNull())
    .addColumn('moderated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('auth_moderation_target', sql`(criterion_id is null) <> (domain is null)`)
    .execute();

  await db.schema
    .createTable('auth_annual_assessment')
    .addColumn('assessment_id', 'text', (c) => c.primaryKey())
    .addColumn('ccg_code', 'text', (c) => c.notNull().references('organisation.code'))
    .addColumn('financial_year', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('consulting', 'published')`))
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('published_on', 'date')
    .addColumn('synthetic', 'boolean', (c) => c.notNull())
    .addUniqueConstraint('auth_annual_assessment_year', ['ccg_code', 'financial_year'])
    .execute();

  await db.schema
    .createTable('auth_intervention')
    .addColumn('intervention_id', 'text', (c) => c.primaryKey())
    .addColumn('ccg_code', 'text', (c) => c.notNull().references('organisation.code'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'in_force', 'lifted')`))
    .addColumn('opened_on', 'date', (c) => c.notNull())
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('synthetic', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_intervention_ccg').on('auth_intervention').column('ccg_code').execute();

  // Evidence for triggers whose module does not exist yet (finance, outcomes), entered by hand.
  await db.schema
    .createTable('auth_trigger_evidence')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('ccg_code', 'text', (c) => c.notNull().references('organisation.code'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('finance', 'outcomes')`))
    .addColumn('as_at', 'date', (c) => c.notNull())
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull())
    .execute();

  // The default privileges of migration 003 grant the app role DML on these tables; the history is
  // append-only for it, as the audit log is (the trigger above refuses the rest to everyone).
  await sql`revoke update, delete, truncate on auth_history from ${sql.id(APP_ROLE)}`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'auth_trigger_evidence',
    'auth_intervention',
    'auth_annual_assessment',
    'auth_moderation',
    'auth_site_visit',
    'auth_survey_response',
    'auth_desktop_score',
    'auth_evidence_document',
    'auth_self_certification',
    'auth_application',
    'auth_history',
    'auth_ccg',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await sql`drop function if exists auth_history_append_only()`.execute(db);
}
