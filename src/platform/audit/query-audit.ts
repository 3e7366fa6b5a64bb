import type { Database } from '../db/database.ts';
import type { AuditEvent, AuditOutcome } from './model.ts';

export interface AuditFilter {
  /** Username, token name or id, or `cli:<user>`: matches the actor's name or id exactly. */
  readonly actor?: string;
  /** An organisation code: events by someone acting at it, or touching its records. */
  readonly org?: string;
  /** ISO date or timestamp, inclusive. */
  readonly since?: string;
  /** ISO date or timestamp, exclusive. */
  readonly until?: string;
  readonly outcome?: AuditOutcome;
  readonly action?: string;
  readonly limit: number;
  readonly offset: number;
}

/** Reads the audit log, newest first (the read side; record-audit.ts is the only write). */
export async function queryAudit(
  db: Database,
  filter: AuditFilter,
): Promise<{ total: number; items: AuditEvent[] }> {
  let q = db.selectFrom('audit_event');
  if (filter.actor)
    q = q.where((eb) => eb.or([eb('actor_name', '=', filter.actor!), eb('actor_id', '=', filter.actor!)]));
  if (filter.org)
    q = q.where((eb) => eb.or([eb('acting_org', '=', filter.org!), eb('owner_org', '=', filter.org!)]));
  if (filter.since) q = q.where('occurred_at', '>=', filter.since);
  if (filter.until) q = q.where('occurred_at', '<', filter.until);
  if (filter.outcome) q = q.where('outcome', '=', filter.outcome);
  if (filter.action) q = q.where('action', '=', filter.action);
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q.selectAll().orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute();
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at,
      actorType: r.actor_type,
      actorId: r.actor_id,
      actorName: r.actor_name,
      actingRole: r.acting_role,
      actingOrg: r.acting_org,
      action: r.action,
      route: r.route,
      record: r.record,
      classification: r.classification,
      ownerOrg: r.owner_org,
      outcome: r.outcome,
      reason: r.reason,
      status: r.status,
      ip: r.ip,
      requestId: r.request_id,
      detail: r.detail,
    })),
  };
}
