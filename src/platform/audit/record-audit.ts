import type { Database } from '../db/database.ts';
import type { AuditEntry } from './model.ts';

/**
 * Appends one event to the audit log: the only write to `audit_event` in the code. There is no update
 * or delete path, the schema type refuses `.set()`, and the database refuses both anyway (the app's
 * role holds only INSERT and SELECT; a trigger refuses UPDATE, DELETE and TRUNCATE for every role).
 *
 * Bulk imports call this once per import with counts in `detail`, never once per row.
 */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<number> {
  const row = await db
    .insertInto('audit_event')
    .values({
      ...(entry.occurredAt ? { occurred_at: entry.occurredAt } : {}),
      actor_type: entry.actorType,
      actor_id: entry.actorId ?? null,
      actor_name: entry.actorName ?? null,
      acting_role: entry.actingRole ?? null,
      acting_org: entry.actingOrg ?? null,
      action: entry.action,
      route: entry.route ?? null,
      record: entry.record ?? null,
      classification: entry.classification ?? null,
      owner_org: entry.ownerOrg ?? null,
      outcome: entry.outcome,
      reason: entry.reason ?? null,
      status: entry.status ?? null,
      ip: entry.ip ?? null,
      request_id: entry.requestId ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
