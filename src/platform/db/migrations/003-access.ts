import { type Kysely, sql } from 'kysely';
import { APP_ROLE } from '../app-role.ts';

/**
 * Access control, audit and patient-data protection (issue #3):
 * - people, their effective-dated roles at organisations, server-side sessions and API tokens
 *   (secrets are stored only as SHA-256 hashes; passwords only as argon2id hashes);
 * - the append-only audit log: a trigger refuses UPDATE, DELETE and TRUNCATE for every role, and the
 *   application's own database role is never granted them;
 * - `patient_identity`: synthetic demo patients only (a check constraint refuses anything else), so the
 *   re-identification path can be exercised for real before the synthetic population exists.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('person')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('username', 'text', (c) =>
      c.notNull().unique().check(sql`username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'`),
    )
    .addColumn('display_name', 'text', (c) => c.notNull())
    // Null: the person cannot sign in with a password (e.g. until an administrator sets one).
    .addColumn('password_hash', 'text')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('disabled_at', 'timestamptz')
    // Lockout state lives in the database so it survives restarts and holds across server processes.
    .addColumn('failed_sign_ins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_sign_in_at', 'timestamptz')
    .addColumn('password_changed_at', 'timestamptz')
    // Set for a generated one-time password until the person chooses their own.
    .addColumn('password_must_change', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();

  await db.schema
    .createTable('role_assignment')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    // Null only for platform roles (system administrator), which belong to no NHS organisation.
    .addColumn('org_code', 'text', (c) => c.references('organisation.code'))
    .addColumn('start_date', 'date', (c) => c.notNull())
    // Inclusive last day; null means still in force. Roles are ended, never deleted.
    .addColumn('end_date', 'date')
    .addColumn('granted_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('role_assignment_period', sql`end_date is null or end_date >= start_date`)
    .execute();
  await db.schema.createIndex('role_assignment_person').on('role_assignment').column('person_id').execute();
  await db.schema.createIndex('role_assignment_org').on('role_assignment').column('org_code').execute();

  await db.schema
    .createTable('auth_session')
    // SHA-256 of the cookie value: a copy of this table does not let anyone sign in.
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('person.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('end_reason', 'text')
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await db.schema.createIndex('auth_session_person').on('auth_session').column('person_id').execute();

  await db.schema
    .createTable('api_token')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    // The first characters of the token, shown in lists so people can tell tokens apart.
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('org_code', 'text', (c) => c.notNull().references('organisation.code'))
    .addColumn('permissions', sql`text[]`, (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'text')
    .addColumn('last_used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('api_token_org').on('api_token').column('org_code').execute();

  await db.schema
    .createTable('audit_event')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('actor_type', 'text', (c) =>
      c.notNull().check(sql`actor_type in ('person', 'api_token', 'anonymous', 'system')`),
    )
    .addColumn('actor_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('acting_role', 'text')
    .addColumn('acting_org', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('route', 'text')
    .addColumn('record', 'text')
    .addColumn('classification', 'text')
    .addColumn('owner_org', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('allowed', 'denied', 'error')`))
    .addColumn('reason', 'text')
    .addColumn('status', 'integer')
    .addColumn('ip', 'text')
    .addColumn('request_id', 'text')
    .addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex('audit_event_time').on('audit_event').column('occurred_at').execute();
  await db.schema.createIndex('audit_event_actor').on('audit_event').column('actor_name').execute();
  await db.schema.createIndex('audit_event_acting_org').on('audit_event').column('acting_org').execute();
  await db.schema.createIndex('audit_event_owner_org').on('audit_event').column('owner_org').execute();
  await db.schema.createIndex('audit_event_request').on('audit_event').column('request_id').execute();

  await sql`
    create function audit_event_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'the audit log is append-only: % on % is refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`create trigger audit_event_no_change before update or delete on audit_event
            for each row execute function audit_event_append_only()`.execute(db);
  await sql`create trigger audit_event_no_truncate before truncate on audit_event
            for each statement execute function audit_event_append_only()`.execute(db);

  await db.schema
    .createTable('patient_identity')
    // HMAC-SHA256 of the NHS number under the deployment's pseudonymisation key.
    .addColumn('pseudonym', 'text', (c) => c.primaryKey())
    .addColumn('nhs_number', 'text', (c) => c.notNull().unique())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'date', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull().check(sql`sex in ('male', 'female')`))
    .addColumn('practice_code', 'text', (c) => c.notNull().references('organisation.code'))
    // Only synthetic identities may be stored here: 999-prefixed NHS numbers are never issued.
    .addColumn('synthetic', 'boolean', (c) => c.notNull().defaultTo(true).check(sql`synthetic`))
    .addColumn('source', 'text', (c) => c.notNull())
    .addCheckConstraint('patient_identity_test_range', sql`nhs_number ~ '^999[0-9]{7}$'`)
    .execute();
  await db.schema
    .createIndex('patient_identity_practice')
    .on('patient_identity')
    .column('practice_code')
    .execute();

  await grantAppRole(db);
}

/** The application's role: DML on the tables it uses, insert-and-read only on the audit log. */
// biome-ignore lint/suspicious/noExplicitAny: see up()
async function grantAppRole(db: Kysely<any>): Promise<void> {
  const role = sql.id(APP_ROLE);
  // Roles are cluster-wide: another database on the same server (or a concurrent migration) may have
  // made it already.
  await sql`
    do $$
    begin
      if not exists (select 1 from pg_roles where rolname = ${sql.lit(APP_ROLE)}) then
        create role ${role} nologin;
      end if;
    exception when duplicate_object or unique_violation then null;
    end $$`.execute(db);
  // A superuser may always `set role`; any other migrating role must be a member.
  await sql`
    do $$
    begin
      if not (select rolsuper from pg_roles where rolname = current_user)
         and not pg_has_role(current_user, ${sql.lit(APP_ROLE)}, 'MEMBER') then
        execute format('grant %I to %I', ${sql.lit(APP_ROLE)}, current_user);
      end if;
    end $$`.execute(db);
  await sql`grant usage on schema public to ${role}`.execute(db);
  await sql`grant select, insert, update, delete on all tables in schema public to ${role}`.execute(db);
  await sql`grant usage, select on all sequences in schema public to ${role}`.execute(db);
  await sql`revoke update, delete, truncate on audit_event from ${role}`.execute(db);
  await sql`revoke all on kysely_migration, kysely_migration_lock from ${role}`.execute(db);
  // Tables made by later migrations (run as this same owner) are usable by the app role too.
  await sql`alter default privileges in schema public grant select, insert, update, delete on tables to ${role}`.execute(
    db,
  );
  await sql`alter default privileges in schema public grant usage, select on sequences to ${role}`.execute(
    db,
  );
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'patient_identity',
    'audit_event',
    'api_token',
    'auth_session',
    'role_assignment',
    'person',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await sql`drop function if exists audit_event_append_only()`.execute(db);
}
