/**
 * What a signed-in person's roles let them do, read from the public role book
 * (GET /api/access/roles), so the app offers only what the access policy would allow. The server
 * still decides every request: this only chooses which links and options to show.
 */
import type { RoleBookEntry, RoleView } from './api-types.ts';

/** Permissions an API token may carry (public needs no token; identifiable patient data is for people only). */
export const TOKEN_PERMISSIONS = [
  'read:organisation_internal',
  'write:organisation_internal',
  'read:commercial_in_confidence',
  'write:commercial_in_confidence',
  'read:pseudonymised_patient',
  'write:pseudonymised_patient',
] as const;

export const PERMISSION_LABELS: Readonly<Record<string, string>> = {
  'read:organisation_internal': 'Read organisation-internal records',
  'write:organisation_internal': 'Write organisation-internal records',
  'read:commercial_in_confidence': 'Read commercial-in-confidence records',
  'write:commercial_in_confidence': 'Write commercial-in-confidence records',
  'read:pseudonymised_patient': 'Read pseudonymised patient-level data',
  'write:pseudonymised_patient': 'Write pseudonymised patient-level data',
};

export function permissionLabel(permission: string): string {
  return PERMISSION_LABELS[permission] ?? permission;
}

function grantsOf(role: string, book: readonly RoleBookEntry[]): readonly string[] | null {
  return book.find((r) => r.id === role)?.grants ?? null;
}

/** Whether a code names the same organisation (the API upper-cases codes). */
export function sameOrg(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a.toUpperCase() === b.toUpperCase();
}

/**
 * Whether the person may read the audit log: a role in force that reads the platform's own records.
 * Without the role book, any platform role (one held at no organisation) is taken to.
 */
export function canReadAuditLog(roles: readonly RoleView[], book: readonly RoleBookEntry[] | null): boolean {
  return roles.some((r) => {
    if (!r.current || r.orgCode !== null) return false;
    const grants = book ? grantsOf(r.role, book) : null;
    return grants === null || grants.includes('read:organisation_internal:platform');
  });
}

export interface TokenOrganisation {
  readonly orgCode: string;
  readonly orgName: string | null;
}

/** Organisations whose API tokens the person may see: each one where a role in force reads internal records. */
export function tokenOrganisations(
  roles: readonly RoleView[],
  book: readonly RoleBookEntry[] | null,
): TokenOrganisation[] {
  const found = new Map<string, TokenOrganisation>();
  for (const r of roles) {
    if (!r.current || r.orgCode === null) continue;
    const grants = book ? grantsOf(r.role, book) : null;
    if (grants !== null && !grants.includes('read:organisation_internal:own')) continue;
    if (!found.has(r.orgCode)) found.set(r.orgCode, { orgCode: r.orgCode, orgName: r.orgName });
  }
  return [...found.values()];
}

/**
 * The token permissions the person holds at `orgCode` through roles in force there (a token never
 * holds more than its issuer). Without the role book, every token permission is offered and the
 * server refuses what is not held.
 */
export function heldTokenPermissions(
  roles: readonly RoleView[],
  book: readonly RoleBookEntry[] | null,
  orgCode: string,
): string[] {
  const here = roles.filter((r) => r.current && sameOrg(r.orgCode, orgCode));
  if (book === null) return here.length ? [...TOKEN_PERMISSIONS] : [];
  const held = new Set<string>();
  for (const r of here) {
    for (const grant of grantsOf(r.role, book) ?? []) {
      const [action, classification, scope] = grant.split(':');
      if (scope === 'own') held.add(`${action}:${classification}`);
    }
  }
  return TOKEN_PERMISSIONS.filter((p) => held.has(p));
}

/** Organisation types that make up the NHS Commissioning Board (its `board` scope reaches every CCG). */
const BOARD_ORG_TYPES: ReadonlySet<string> = new Set(['commissioning_board', 'region', 'area_team']);

/** The Board's own code: the national governance view and constitution decisions are its records. */
export const BOARD_CODE = 'NHSCB';

function holdsGrant(r: RoleView, book: readonly RoleBookEntry[] | null, grant: string): boolean | null {
  const grants = book ? grantsOf(r.role, book) : null;
  return grants === null ? null : grants.includes(grant);
}

/**
 * Whether the person may read the Board's national governance view: a role in force at the Board, a
 * region or an area team that reads internal records across CCGs (or the Board's own). Without the
 * role book, any role in force at the Board, a region or an area team is taken to.
 */
export function canReadNationalGovernance(
  roles: readonly RoleView[],
  book: readonly RoleBookEntry[] | null,
): boolean {
  return roles.some((r) => {
    if (!r.current || r.orgType === null || !BOARD_ORG_TYPES.has(r.orgType)) return false;
    const board = holdsGrant(r, book, 'read:organisation_internal:board');
    const own = sameOrg(r.orgCode, BOARD_CODE) && holdsGrant(r, book, 'read:organisation_internal:own');
    return board === null || board || own === true;
  });
}

/**
 * Whether the person may read a CCG's internal governance records (compliance panel, internal register,
 * draft meetings): a role in force at the CCG itself that reads its internal records, or a Board,
 * region or area team role whose `board` scope reaches every CCG.
 */
export function canReadCcgInternal(
  roles: readonly RoleView[],
  book: readonly RoleBookEntry[] | null,
  ccgCode: string,
): boolean {
  return roles.some((r) => {
    if (!r.current) return false;
    if (sameOrg(r.orgCode, ccgCode)) return holdsGrant(r, book, 'read:organisation_internal:own') !== false;
    if (r.orgType !== null && BOARD_ORG_TYPES.has(r.orgType))
      return holdsGrant(r, book, 'read:organisation_internal:board') !== false;
    return false;
  });
}

/** Whether the person may write a CCG's internal governance records: a role in force at the CCG itself. */
export function canWriteCcgInternal(
  roles: readonly RoleView[],
  book: readonly RoleBookEntry[] | null,
  ccgCode: string,
): boolean {
  return roles.some(
    (r) =>
      r.current &&
      sameOrg(r.orgCode, ccgCode) &&
      holdsGrant(r, book, 'write:organisation_internal:own') !== false,
  );
}

/** Whether the person may decide constitution variations for the Board: a role in force at the Board that writes its records. */
export function canDecideForBoard(
  roles: readonly RoleView[],
  book: readonly RoleBookEntry[] | null,
): boolean {
  return roles.some(
    (r) =>
      r.current &&
      sameOrg(r.orgCode, BOARD_CODE) &&
      holdsGrant(r, book, 'write:organisation_internal:own') !== false,
  );
}
