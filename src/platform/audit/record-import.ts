import type { ImportResult } from '../../reference/import-reference.ts';
import type { Database } from '../db/database.ts';
import { recordAudit } from './record-audit.ts';
import { systemActor } from './system-actor.ts';

/** One audit row per import run (never one per imported row), with its counts. */
export function recordImportAudit(
  db: Database,
  importer: string,
  result: Pick<ImportResult, 'status' | 'runId' | 'taken' | 'rejected' | 'contentHash'>,
  by: 'cli' | 'serve',
): Promise<number> {
  return recordAudit(db, {
    ...systemActor(by),
    action: 'import',
    record: `import_run:${result.runId}`,
    outcome: 'allowed',
    reason: result.status === 'unchanged' ? 'same files as an earlier run: nothing written' : null,
    detail: {
      importer,
      status: result.status,
      taken: result.taken,
      rejected: result.rejected,
      contentHash: result.contentHash,
    },
  });
}

/** An import that failed (it wrote nothing: imports run in one transaction) is recorded too. */
export function recordImportFailure(
  db: Database,
  importer: string,
  err: unknown,
  by: 'cli' | 'serve',
): Promise<number> {
  const message = err instanceof Error ? err.message : String(err);
  return recordAudit(db, {
    ...systemActor(by),
    action: 'import',
    record: `importer:${importer}`,
    outcome: 'error',
    reason: message.slice(0, 500),
    detail: { importer },
  });
}
