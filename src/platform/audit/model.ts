/** Types of the audit log (issue #3): one append-only row per audited event. */

export const AUDIT_OUTCOMES = ['allowed', 'denied', 'error'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export type AuditActorType = 'person' | 'api_token' | 'anonymous' | 'system';

/**
 * One event to record: who (acting as which role at which organisation), did what to which record,
 * when, from where, and the outcome. Never put patient-level values in any field: records are named by
 * code or pseudonym only.
 */
export interface AuditEntry {
  readonly actorType: AuditActorType;
  /** Person id, token id, or for `system` the process (e.g. `cli`). */
  readonly actorId?: string | null;
  /** Username, token name, attempted username of a failed sign-in, or `cli:<os user>`. */
  readonly actorName?: string | null;
  readonly actingRole?: string | null;
  readonly actingOrg?: string | null;
  /** `read`, `write`, `re_identify`, `sign_in`, `import`, `role_grant`… */
  readonly action: string;
  /** `GET /api/audit` for HTTP requests; null for CLI and imports. */
  readonly route?: string | null;
  /** What was touched, e.g. `/api/access/organisations/00C/people`, `patient:<pseudonym>`, `import_run:3`. */
  readonly record?: string | null;
  readonly classification?: string | null;
  readonly ownerOrg?: string | null;
  readonly outcome: AuditOutcome;
  readonly reason?: string | null;
  readonly status?: number | null;
  readonly ip?: string | null;
  readonly requestId?: string | null;
  /** Counts and codes only. */
  readonly detail?: Readonly<Record<string, unknown>>;
  /** Defaults to the database's now(). */
  readonly occurredAt?: string;
}

export interface AuditEvent extends Required<Omit<AuditEntry, 'occurredAt' | 'detail'>> {
  readonly id: number;
  readonly occurredAt: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

/**
 * The outcome of a finished request: refused (401, 403, 429) is `denied`; a server failure, or a
 * request that failed before the policy decided anything (e.g. invalid input), is `error`.
 */
export function auditOutcome(status: number, decided: boolean): AuditOutcome {
  if (status === 401 || status === 403 || status === 429) return 'denied';
  if (status >= 500 || (!decided && status >= 400)) return 'error';
  return 'allowed';
}
