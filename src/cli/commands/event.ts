import { readFileSync } from 'node:fs';
import { structuralEventSchema } from '../../modules/organisations/event-routes.ts';
import type { Config } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';
import { printJson } from '../table.ts';
import { withPlatform } from './with-platform.ts';

/** Records a structural event from a JSON file (the same shape as POST /api/structural-events). */
export async function orgsEventCommand(
  config: Config,
  file: string,
  opts: { dryRun?: boolean; json?: boolean },
) {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw AppError.validation([{ path: file, message: `cannot read JSON: ${(err as Error).message}` }]);
  }
  const parsed = structuralEventSchema.safeParse(raw);
  if (!parsed.success) {
    throw AppError.validation(
      parsed.error.issues.map((i) => ({
        path: `${file}:${i.path.join('.') || '(root)'}`,
        message: i.message,
      })),
    );
  }
  await withPlatform(config, async ({ services }) => {
    const outcome = await services.structuralEvents.record(parsed.data, {
      source: `cli:${file}`,
      dryRun: opts.dryRun,
    });
    if (opts.json) return printJson(outcome);
    console.log(
      `${outcome.dryRun ? 'Dry run: would record' : `Recorded event ${outcome.eventId}:`} ${parsed.data.kind} on ${parsed.data.date}; ` +
        `${outcome.closed} memberships closed, ${outcome.opened} relationships opened` +
        (outcome.organisationsCreated.length ? `, created ${outcome.organisationsCreated.join(', ')}` : '') +
        (outcome.organisationsClosed.length ? `, closed ${outcome.organisationsClosed.join(', ')}` : '') +
        '.',
    );
    for (const w of outcome.warnings) console.log(`  warning ${w.ruleId}: ${w.message}`);
  });
}
