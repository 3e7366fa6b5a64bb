import { recordImportAudit, recordImportFailure } from '../../platform/audit/record-import.ts';
import type { Config } from '../../platform/config.ts';
import { importReference, REFERENCE_IMPORTER } from '../../reference/import-reference.ts';
import { importProgressBar } from '../progress.ts';
import { printJson, printTable } from '../table.ts';
import { withPlatform } from './with-platform.ts';

export async function importReferenceCommand(
  config: Config,
  dir: string | undefined,
  opts: { json?: boolean },
) {
  await withPlatform(config, async ({ database }) => {
    const progress = importProgressBar();
    const result = await importReference(
      database.db,
      dir ?? config.referenceDir,
      opts.json ? undefined : progress.onProgress,
    )
      .catch(async (err: unknown) => {
        await recordImportFailure(database.db, REFERENCE_IMPORTER, err, 'cli');
        throw err;
      })
      .finally(progress.stop);
    await recordImportAudit(database.db, REFERENCE_IMPORTER, result, 'cli');
    if (opts.json) return printJson(result);
    if (result.status === 'unchanged') {
      console.log(`Reference data unchanged since import run ${result.runId}: nothing to do.`);
      return;
    }
    console.log(
      `Imported into ${database.location} (run ${result.runId}): took ${result.taken} rows, rejected ${result.rejected}.`,
    );
    printTable(Object.entries(result.counts), [
      ['what', ([k]) => k],
      ['count', ([, v]) => v],
    ]);
    if (result.rejections.length) {
      console.log('\nRejected rows (file:line  reason):');
      for (const r of result.rejections) console.log(`  ${r.file}:${r.line}  ${r.reason}`);
    }
  });
}
