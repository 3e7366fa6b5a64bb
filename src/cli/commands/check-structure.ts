import { asAtQuery } from '../../modules/organisations/schemas.ts';
import type { Config } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';
import { printJson, printTable } from '../table.ts';
import { withPlatform } from './with-platform.ts';

/** Prints every structural-rule violation; exits 1 when there are errors, so scripts can gate on it. */
export async function checkStructureCommand(
  config: Config,
  opts: { asAt: string; json?: boolean; errorsOnly?: boolean },
) {
  const parsed = asAtQuery.safeParse({ asAt: opts.asAt });
  if (!parsed.success)
    throw AppError.validation([{ path: '--as-at', message: parsed.error.issues[0]!.message }]);
  await withPlatform(config, async ({ services }) => {
    const result = await services.organisations.violations(parsed.data.asAt);
    const items = opts.errorsOnly ? result.items.filter((v) => v.severity === 'error') : result.items;
    if (opts.json) {
      printJson({ ...result, items });
    } else {
      printTable(items, [
        ['severity', (v) => v.severity],
        ['rule', (v) => v.ruleId],
        ['subject', (v) => `${v.subjectType} ${v.subjectCode}`],
        ['message', (v) => v.message],
      ]);
      console.log(
        `\nAs at ${result.asAt}: ${result.counts.error} errors, ${result.counts.warning} warnings.`,
      );
    }
    if (result.counts.error > 0) process.exitCode = 1;
  });
}
