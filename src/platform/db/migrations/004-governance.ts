import { type Kysely, sql } from 'kysely';

/**
 * CCG governance (issue #4): people and appointments, constitution versions, registers of interests,
 * gifts and hospitality, breaches, meetings with their minutes, and the register of procurement
 * decisions. Nested governance records (a person's employments, an agenda) are JSONB in the shapes of
 * src/modules/governance/model.ts; the columns beside them are what queries filter on. `synthetic`
 * marks generated demo rows, which the API and UI label as such.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  // Facts about the CCG the governance checks need that no other module holds yet: the providers it
  // commissions from (reg 12(1), Sch 4 para 8). Contracts will supply this once they exist.
  await db.schema
    .createTable('gov_ccg_context')
    .addColumn('ccg_code', 'text', (c) => c.primaryKey().references('organisation.code'))
    .addColumn('commissioned_provider_codes', sql`text[]`, (c) => c.notNull())
    .addColumn('synthetic', 'boolean', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('gov_person')
    .addColumn('ccg_code', 'text', (c) => c.notNull().references('organisation.code'))
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('synthetic', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('gov_person_pk', ['ccg_code', 'person_id'])
    .execute();

  // Who must be on the register of interests (s14O(1)), in which capacity and when.
  await db.schema
    .createTable('gov_register_member')
    .addColumn('ccg_code', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('capacity', 'text', (c) => c.notNull())
    .addColumn('start_date', 'date', (c) => c.notNull())
    .addColumn('end_date', 'date')
    .addColumn('synthetic', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('gov_register_member_pk', ['ccg_code', 'person_id', 'capacity', 'start_date'])
    .addForeignKeyConstraint('gov_register_member_person', ['ccg_code', 'person_id'], 'gov_person', [
      'ccg_code',
      'person_id',
    ])
    .execute();

  await db.schema
    .createTable('gov_declaration')
    .addColumn('declaration_id', 'text', (c) => c.primaryKey())
    .addColumn('ccg_code', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('synthetic', 'boolean', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addForeignKeyConstraint('gov_declaration_person', ['ccg_code', 'person_id'], 'gov_person', [
      'ccg_code',
      'person_id',
    ])
    .execute();
  await db.schema
    .createIndex('gov_declaration_ccg')
    .on('gov_declaration')
    .columns(['ccg_code', 'person_id'])
    .execute();

  await db.schema
    .createTable('gov_nil_return')
    .addColumn('ccg_code', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('capacity', 'text', (c) => c.notNull())
    .addColumn('returned_on', 'date', (c) => c.notNull())
    .addColumn('synthetic', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('gov_nil_return_pk', ['ccg_code', 'person_id', 'capacity', 'returned_on'])
    .execute();

  await db.schema
    .createTable('gov_gift_hospitality')
    .addColumn('entry_id', 'text', (c) => c.primaryKey())
    .addColumn('ccg_code', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('synthetic', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gov_gift_ccg').on('gov_gift_hospitality').column('ccg_code').execute();

  await db.schema
    .createTable('gov_breach')
    .addColumn('breach_id', 'text', (c) => c.primaryKey())
    .addColumn('ccg_code', 'text', (c) => c.notNull())
    .addColumn('reported_on', 'date', (c) => c.notNull())
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('synthetic', 'boolean', (c) => c.notNull())
    .execute();

  // Versioned constitutions: a variation is a draft until the Board decides it (s14E–s14F).
  await db.schema
    .createTable('gov_constitution')
    .addColumn('ccg_code', 'text', (c) => c.notNull().references('organisation.code'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('effective_from', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'submitted', 'approved', 'rejected')`),
    )
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('synthetic', 'boolean', (c) => c.notNull())
    .addPrimaryKeyConstraint('gov_constitution_pk', ['ccg_code', 'version'])
    .execute();

  await db.schema
    .createTable('gov_meeting')
    .addColumn('meeting_id', 'text', (c) => c.primaryKey())
    .addColumn('ccg_code', 'text', (c) => c.notNull().references('organisation.code'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('date', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'held', 'published')`))
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('minutes', 'jsonb')
    .addColumn('published_at', 'timestamptz')
    .addColumn('synthetic', 'boolean', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gov_meeting_ccg').on('gov_meeting').columns(['ccg_code', 'date']).execute();

  // Decisions about procurement and contracts: who took part, the conflicts, how they were managed.
  await db.schema
    .createTable('gov_procurement_decision')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('ccg_code', 'text', (c) => c.notNull().references('organisation.code'))
    .addColumn('decided_on', 'date', (c) => c.notNull())
    .addColumn('meeting_id', 'text', (c) => c.references('gov_meeting.meeting_id'))
    .addColumn('item_id', 'text')
    .addColumn('record', 'jsonb', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('synthetic', 'boolean', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'gov_procurement_decision',
    'gov_meeting',
    'gov_constitution',
    'gov_breach',
    'gov_gift_hospitality',
    'gov_nil_return',
    'gov_declaration',
    'gov_register_member',
    'gov_person',
    'gov_ccg_context',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
