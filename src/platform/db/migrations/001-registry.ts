import { type Kysely, sql } from 'kysely';

/**
 * The registry: organisations, their effective-dated relationships (the ODS shape, DESIGN habit 3),
 * registered list sizes by sex and age band, the small-area assignments used for the coverage rule,
 * and the dated structural events (joins, moves, mergers) that change memberships.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisation')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('org_type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('ons_code', 'text')
    .addColumn('postcode', 'text')
    .addColumn('open_date', 'date')
    .addColumn('close_date', 'date')
    .addColumn('provenance', 'text', (c) => c.notNull().check(sql`provenance in ('sourced', 'illustrative')`))
    .addColumn('provenance_note', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('attributes', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex('organisation_type_idx').on('organisation').column('org_type').execute();
  await db.schema.createIndex('organisation_ons_idx').on('organisation').column('ons_code').execute();

  await db.schema
    .createTable('structural_event')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'date', (c) => c.notNull())
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('relationship')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_code', 'text', (c) => c.notNull().references('organisation.code'))
    .addColumn('to_code', 'text', (c) => c.notNull().references('organisation.code'))
    .addColumn('start_date', 'date', (c) => c.notNull())
    // Inclusive last day; null means still in force.
    .addColumn('end_date', 'date')
    .addColumn('share', 'numeric')
    .addColumn('provenance', 'text', (c) => c.notNull().check(sql`provenance in ('sourced', 'illustrative')`))
    .addColumn('provenance_note', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('event_id', 'integer', (c) => c.references('structural_event.id'))
    .addCheckConstraint('relationship_period', sql`end_date is null or end_date >= start_date`)
    .execute();
  await db.schema
    .createIndex('relationship_natural_key')
    .on('relationship')
    .columns(['kind', 'from_code', 'to_code', 'start_date'])
    .unique()
    .execute();
  await db.schema
    .createIndex('relationship_to_idx')
    .on('relationship')
    .columns(['to_code', 'kind'])
    .execute();
  await db.schema
    .createIndex('relationship_from_idx')
    .on('relationship')
    .columns(['from_code', 'kind'])
    .execute();

  await db.schema
    .createTable('list_size')
    .addColumn('practice_code', 'text', (c) => c.notNull().references('organisation.code'))
    .addColumn('quarter_start', 'date', (c) => c.notNull())
    .addColumn('quarter_end', 'date', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull().check(sql`sex in ('male', 'female')`))
    .addColumn('age_band', 'text', (c) => c.notNull())
    .addColumn('patients', 'integer', (c) => c.notNull().check(sql`patients >= 0`))
    .addPrimaryKeyConstraint('list_size_pk', ['practice_code', 'quarter_start', 'sex', 'age_band'])
    .execute();
  await db.schema.createIndex('list_size_quarter_idx').on('list_size').columns(['quarter_start']).execute();

  await db.schema
    .createTable('area_assignment')
    .addColumn('lsoa_code', 'text', (c) => c.primaryKey())
    .addColumn('lsoa_name', 'text', (c) => c.notNull())
    // The CCGs the small area belongs to: one normally; more where the source cannot tell them apart.
    .addColumn('ccg_codes', sql`text[]`, (c) => c.notNull())
    .addColumn('lad_code', 'text', (c) => c.notNull())
    .addColumn('lad_name', 'text', (c) => c.notNull())
    .addColumn('utla_code', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();

  // Boundary topologies as imported (validated TopoJSON), served to the map.
  await db.schema
    .createTable('boundary_set')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('object_name', 'text', (c) => c.notNull())
    .addColumn('topology', 'jsonb', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'boundary_set',
    'area_assignment',
    'list_size',
    'relationship',
    'structural_event',
    'organisation',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
