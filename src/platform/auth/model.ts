/**
 * Types of access control (issue #3): plain readonly data shared by the policy, the services, the
 * HTTP hooks, the CLI and the tests. Dates are ISO `YYYY-MM-DD`; an `endDate` is the inclusive last day
 * and `null` means still in force.
 */
import type { Classification } from '../http/route-access.ts';

export type { Classification };

export const ACTIONS = ['read', 'write'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Whose records a grant reaches:
 * - `own`: records owned by the organisation the role is held at;
 * - `board`: records of any CCG or practice, and of the Board itself (roles at the NHS Commissioning
 *   Board, its regions and area teams only);
 * - `overlapping_ccgs`: records of the CCGs that overlap the HWB the role is held at;
 * - `platform`: records of the platform itself, owned by no organisation (accounts, audit log,
 *   imports), for platform roles only.
 */
export const SCOPES = ['own', 'board', 'overlapping_ccgs', 'platform'] as const;
export type Scope = (typeof SCOPES)[number];

export interface Grant {
  readonly action: Action;
  readonly classification: Classification;
  readonly scope: Scope;
}

/** One entry of the role book (definitions/access/roles.json). */
export interface RoleDefinition {
  readonly id: string;
  readonly title: string;
  /** Organisation types the role may be held at; empty for a platform role (held at no organisation). */
  readonly orgTypes: readonly string[];
  readonly grants: readonly Grant[];
  readonly description: string;
  readonly legalRef: string;
  readonly source: string;
  readonly confidence: 'confirmed' | 'unconfirmed';
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly reviewedOn: string;
}

export interface RoleBook {
  readonly roles: ReadonlyMap<string, RoleDefinition>;
}

/** A role a person holds at an organisation, with the organisation's type resolved from the registry. */
export interface RoleHolding {
  readonly assignmentId: number;
  readonly role: string;
  /** Null for a platform role. */
  readonly orgCode: string | null;
  readonly orgType: string | null;
  readonly startDate: string;
  readonly endDate: string | null;
}

/** `read:organisation_internal` and the like: what an API token may do at its one organisation. */
export type Permission = `${Action}:${Classification}`;

export type Actor =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'person';
      readonly personId: number;
      readonly username: string;
      readonly roles: readonly RoleHolding[];
    }
  | {
      readonly kind: 'api_token';
      readonly tokenId: number;
      readonly name: string;
      readonly orgCode: string;
      readonly orgType: string;
      readonly permissions: readonly string[];
    };

/** What a request touches, as its route declares it (http/route-access.ts). */
export interface AccessRequest {
  readonly action: Action;
  readonly classification: Classification;
  /** The organisation owning the record; null for the platform's own records. */
  readonly ownerOrg: string | null;
}

/** Registry facts about the owning organisation, looked up by the caller (the policy does no IO). */
export interface OwnerFacts {
  readonly code: string;
  readonly orgType: string;
  /** HWBs the owner overlaps on `asAt` (empty unless the owner is a CCG). */
  readonly overlappingHwbs: ReadonlySet<string>;
}

export interface PolicyContext {
  /** Today, from the injected clock: roles and relationships are read as at this date. */
  readonly asAt: string;
  readonly roleBook: RoleBook;
  /** Facts about `request.ownerOrg`; null when there is no owner or it is not in the registry. */
  readonly owner: OwnerFacts | null;
}

/** Which role (or token) at which organisation an allowed request was granted through. */
export interface Via {
  readonly role: string;
  readonly orgCode: string | null;
}

export interface Decision {
  readonly allow: boolean;
  /** A stable rule id, e.g. `public-read`, `grant`, `identifiable-own-practice-only`. */
  readonly rule: string;
  readonly reason: string;
  readonly via: Via | null;
}
