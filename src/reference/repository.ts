import { sql } from 'kysely';
import type { Database } from '../platform/db/database.ts';
import type { Rejection } from './quarantine.ts';
import type { RegistrySnapshot } from './snapshot.ts';

/** The only SQL of the reference import. Every insert is idempotent on its natural key. */

/** Rows per bulk statement: big enough to be fast, small enough to keep PGlite's memory flat. */
const CHUNK = 10_000;

export type Progress = (done: number, total: number) => void;

export async function findImportRun(db: Database, importer: string, contentHash: string) {
  return db
    .selectFrom('import_run')
    .selectAll()
    .where('importer', '=', importer)
    .where('content_hash', '=', contentHash)
    .executeTakeFirst();
}

async function inChunks<T>(
  rows: readonly T[],
  write: (chunk: readonly T[]) => Promise<unknown>,
  progress: Progress,
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await write(rows.slice(i, i + CHUNK));
    progress(Math.min(i + CHUNK, rows.length), rows.length);
  }
  if (rows.length === 0) progress(0, 0);
}

export async function writeSnapshot(
  db: Database,
  s: RegistrySnapshot,
  progress: (table: string) => Progress,
): Promise<void> {
  const orgs = [...s.organisations.values()];
  await inChunks(
    orgs,
    (c) =>
      sql`
      insert into organisation (code, org_type, name, short_name, ons_code, postcode, open_date, close_date,
                                provenance, provenance_note, source, attributes)
      select code, org_type, name, short_name, ons_code, postcode, open_date, close_date,
             provenance, provenance_note, source, attributes::jsonb
      from unnest(${c.map((o) => o.code)}::text[], ${c.map((o) => o.orgType)}::text[], ${c.map((o) => o.name)}::text[],
                  ${c.map((o) => o.shortName)}::text[], ${c.map((o) => o.onsCode)}::text[], ${c.map((o) => o.postcode)}::text[],
                  ${c.map((o) => o.openDate)}::date[], ${c.map((o) => o.closeDate)}::date[], ${c.map((o) => o.provenance)}::text[],
                  ${c.map((o) => o.provenanceNote)}::text[], ${c.map((o) => o.source)}::text[],
                  ${c.map((o) => JSON.stringify(o.attributes))}::text[])
        as t(code, org_type, name, short_name, ons_code, postcode, open_date, close_date, provenance, provenance_note, source, attributes)
      on conflict (code) do nothing`.execute(db),
    progress('organisations'),
  );

  await inChunks(
    s.relationships,
    (c) =>
      sql`
      insert into relationship (kind, from_code, to_code, start_date, end_date, share, provenance, provenance_note, source)
      select * from unnest(${c.map((r) => r.kind)}::text[], ${c.map((r) => r.fromCode)}::text[], ${c.map((r) => r.toCode)}::text[],
                           ${c.map((r) => r.startDate)}::date[], ${c.map((r) => r.endDate)}::date[], ${c.map((r) => r.share)}::numeric[],
                           ${c.map((r) => r.provenance)}::text[], ${c.map((r) => r.provenanceNote)}::text[], ${c.map((r) => r.source)}::text[])
      on conflict (kind, from_code, to_code, start_date) do nothing`.execute(db),
    progress('relationships'),
  );

  await inChunks(
    s.listSizes,
    (c) =>
      sql`
      insert into list_size (practice_code, quarter_start, quarter_end, sex, age_band, patients)
      select * from unnest(${c.map((r) => r.practiceCode)}::text[], ${c.map((r) => r.quarterStart)}::date[],
                           ${c.map((r) => r.quarterEnd)}::date[], ${c.map((r) => r.sex)}::text[],
                           ${c.map((r) => r.ageBand)}::text[], ${c.map((r) => r.patients)}::int[])
      on conflict do nothing`.execute(db),
    progress('list sizes'),
  );

  await inChunks(
    s.areaAssignments,
    (c) =>
      sql`
      insert into area_assignment (lsoa_code, lsoa_name, ccg_codes, lad_code, lad_name, utla_code, note, source)
      select lsoa_code, lsoa_name, string_to_array(ccg_codes, ','), lad_code, lad_name, utla_code, note, source
      from unnest(${c.map((r) => r.lsoaCode)}::text[], ${c.map((r) => r.lsoaName)}::text[],
                  ${c.map((r) => r.ccgCodes.join(','))}::text[], ${c.map((r) => r.ladCode)}::text[],
                  ${c.map((r) => r.ladName)}::text[], ${c.map((r) => r.utlaCode)}::text[],
                  ${c.map((r) => r.note)}::text[], ${c.map((r) => r.source)}::text[])
        as t(lsoa_code, lsoa_name, ccg_codes, lad_code, lad_name, utla_code, note, source)
      on conflict (lsoa_code) do nothing`.execute(db),
    progress('small areas'),
  );

  for (const b of s.boundaries) {
    await db
      .insertInto('boundary_set')
      .values({
        code: b.code,
        object_name: b.objectName,
        topology: JSON.stringify(b.topology),
        source: b.source,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
  }
  progress('boundaries')(s.boundaries.length, s.boundaries.length);
}

export async function recordImportRun(
  db: Database,
  run: {
    importer: string;
    contentHash: string;
    startedAt: string;
    taken: number;
    rejections: readonly Rejection[];
    summary: Record<string, unknown>;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('import_run')
    .values({
      importer: run.importer,
      content_hash: run.contentHash,
      started_at: run.startedAt,
      taken: run.taken,
      rejected: run.rejections.length,
      summary: JSON.stringify(run.summary),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const r = run.rejections;
  if (r.length) {
    await sql`
      insert into import_rejection (run_id, file, line, reason)
      select ${id}, * from unnest(${r.map((x) => x.file)}::text[], ${r.map((x) => x.line)}::int[], ${r.map((x) => x.reason)}::text[])`.execute(
      db,
    );
  }
  return id;
}

export async function listImportRuns(db: Database) {
  return db.selectFrom('import_run').selectAll().orderBy('id', 'desc').execute();
}

export async function listRejections(db: Database, runId: number) {
  return db
    .selectFrom('import_rejection')
    .selectAll()
    .where('run_id', '=', runId)
    .orderBy('file')
    .orderBy('line')
    .execute();
}
