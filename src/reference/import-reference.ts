import type { Database } from '../platform/db/database.ts';
import { buildRegistry } from './build-registry.ts';
import { locateReferenceFiles, type ReferenceFileKey } from './files.ts';
import { parseReference } from './parse-reference.ts';
import { Quarantine, type Rejection } from './quarantine.ts';
import { findImportRun, recordImportRun, writeSnapshot } from './repository.ts';

export const REFERENCE_IMPORTER = 'reference-2013';

/** What an import reports, to the CLI, the API and the start-up log. */
export interface ImportResult {
  readonly status: 'imported' | 'unchanged';
  readonly runId: number;
  readonly contentHash: string;
  readonly taken: number;
  readonly rejected: number;
  readonly rejections: readonly Rejection[];
  readonly counts: Readonly<Record<string, number>>;
}

/** Progress events: `phase` names the step, `done`/`total` count within it. */
export type ImportProgress = (event: { phase: string; done: number; total: number }) => void;

/**
 * Imports the April 2013 structure from the raw public files in `dir`.
 * - Every row is validated; bad rows are quarantined with file, line and reason, and the rest imported.
 * - The same files imported again change nothing (the run is keyed by a hash of the files, and every
 *   insert is idempotent on its natural key).
 * - Everything is written in one transaction: an import that fails part-way leaves the database as it was.
 */
export async function importReference(
  db: Database,
  dir: string,
  onProgress: ImportProgress = () => {},
  now: () => Date = () => new Date(),
): Promise<ImportResult> {
  const set = locateReferenceFiles(dir);
  const previous = await findImportRun(db, REFERENCE_IMPORTER, set.contentHash);
  if (previous) {
    return {
      status: 'unchanged',
      runId: previous.id,
      contentHash: set.contentHash,
      taken: previous.taken,
      rejected: previous.rejected,
      rejections: [],
      counts: (previous.summary.counts ?? {}) as Record<string, number>,
    };
  }

  const startedAt = now().toISOString();
  const quarantine = new Quarantine();
  const keys = Object.keys(set.files) as ReferenceFileKey[];
  let parsedFiles = 0;
  const parsed = parseReference(set, quarantine, () =>
    onProgress({ phase: 'read files', done: ++parsedFiles, total: keys.length }),
  );
  const snapshot = buildRegistry(parsed, quarantine);

  const counts: Record<string, number> = {};
  for (const o of snapshot.organisations.values()) counts[o.orgType] = (counts[o.orgType] ?? 0) + 1;
  counts.relationships = snapshot.relationships.length;
  counts.list_size_rows = snapshot.listSizes.length;
  counts.small_areas = snapshot.areaAssignments.length;

  const taken =
    snapshot.organisations.size +
    snapshot.relationships.length +
    snapshot.listSizes.length +
    snapshot.areaAssignments.length;
  const runId = await db.transaction().execute(async (trx) => {
    await writeSnapshot(
      trx,
      snapshot,
      (phase) => (done, total) => onProgress({ phase: `write ${phase}`, done, total }),
    );
    return recordImportRun(trx, {
      importer: REFERENCE_IMPORTER,
      contentHash: set.contentHash,
      startedAt,
      taken,
      rejections: quarantine.rejections,
      summary: { dir: set.dir, counts },
    });
  });
  return {
    status: 'imported',
    runId,
    contentHash: set.contentHash,
    taken,
    rejected: quarantine.rejections.length,
    rejections: quarantine.rejections,
    counts,
  };
}
