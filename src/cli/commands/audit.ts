import { auditQuery } from '../../platform/audit/audit-routes.ts';
import { queryAudit } from '../../platform/audit/query-audit.ts';
import { recordAudit } from '../../platform/audit/record-audit.ts';
import { systemActor } from '../../platform/audit/system-actor.ts';
import type { Config } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';
import { printJson, printTable } from '../table.ts';
import { withPlatform } from './with-platform.ts';

/**
 * `commissioner audit`: the audit log, newest first, filtered like GET /api/audit (same schema, so both
 * reject the same input the same way). Reading the log is itself recorded.
 */
export async function auditCommand(config: Config, opts: Record<string, unknown>) {
  const parsed = auditQuery.safeParse({
    actor: opts.actor,
    org: opts.org,
    since: opts.since,
    until: opts.until,
    outcome: opts.outcome,
    action: opts.action,
    limit: opts.limit,
    offset: opts.offset,
  });
  if (!parsed.success) {
    throw AppError.validation(
      parsed.error.issues.map((i) => ({ path: `--${i.path.join('.')}`, message: i.message })),
    );
  }
  await withPlatform(config, async ({ database }) => {
    const result = await queryAudit(database.db, parsed.data);
    await recordAudit(database.db, {
      ...systemActor('cli'),
      action: 'read',
      record: 'audit_log',
      classification: 'organisation_internal',
      outcome: 'allowed',
      detail: { returned: result.items.length },
    });
    if (opts.json) return printJson({ ...result, limit: parsed.data.limit, offset: parsed.data.offset });
    printTable(result.items, [
      ['when', (e) => e.occurredAt],
      ['who', (e) => e.actorName ?? e.actorType],
      ['as', (e) => (e.actingRole ? `${e.actingRole}@${e.actingOrg ?? 'platform'}` : '')],
      ['action', (e) => e.action],
      ['record', (e) => e.record],
      ['owner', (e) => e.ownerOrg],
      ['outcome', (e) => e.outcome],
      ['from', (e) => e.ip],
      ['request', (e) => e.requestId],
      ['reason', (e) => e.reason],
    ]);
    console.log(`\n${result.items.length} of ${result.total} events.`);
  });
}
