/**
 * Shapes of the API's JSON responses, as the web client reads them. Domain types come from the
 * organisations model; only the envelopes are declared here.
 */
import type {
  MembershipPeriod,
  Organisation,
  OrgType,
  Population,
  Provenance,
  RelatedOrganisation,
  Violation,
} from '../../modules/organisations/model.ts';

export type {
  MembershipPeriod,
  Organisation,
  OrgType,
  Population,
  Provenance,
  RelatedOrganisation,
  Violation,
};

export interface OrganisationSummary {
  readonly code: string;
  readonly orgType: OrgType;
  readonly name: string;
  readonly provenance: Provenance;
  readonly openDate: string | null;
  readonly closeDate: string | null;
}

export interface OrganisationSearchResponse {
  readonly asAt: string;
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly items: readonly OrganisationSummary[];
}

export interface OrganisationDetailResponse {
  readonly asAt: string;
  readonly organisation: Organisation;
  readonly related: readonly RelatedOrganisation[];
}

export interface MemberPractice {
  readonly code: string;
  readonly name: string;
  readonly postcode: string | null;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly registeredPatients: number;
}

export interface MembersResponse {
  readonly asAt: string;
  readonly quarterStart: string | null;
  readonly quarterEnd: string | null;
  readonly total: number;
  readonly withPatients: number;
  readonly items: readonly MemberPractice[];
}

export interface HistoryResponse {
  readonly code: string;
  readonly memberships: readonly MembershipPeriod[];
  readonly relationships: readonly RelatedOrganisation[];
}

export interface MapCcg {
  readonly code: string;
  readonly onsCode: string | null;
  readonly name: string;
  readonly shortName: string | null;
  readonly areaTeamCode: string | null;
  readonly areaTeamName: string | null;
  readonly regionCode: string | null;
  readonly regionName: string | null;
  readonly memberPractices: number;
  readonly practicesWithPatients: number;
  readonly registeredPatients: number;
}

export interface MapCcgsResponse {
  readonly asAt: string;
  readonly quarterStart: string | null;
  readonly quarterEnd: string | null;
  readonly items: readonly MapCcg[];
}

export interface ViolationsResponse {
  readonly asAt: string;
  readonly counts: { readonly error: number; readonly warning: number };
  readonly items: readonly Violation[];
}

/** RFC 9457 problem details, as every API error is sent. */
export interface ProblemDetails {
  readonly type?: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly problems?: readonly { readonly path: string; readonly message: string; readonly code?: string }[];
}

// ---- sign-in, accounts, API tokens and the audit log (issue #3) ---------------------------------

export interface PersonView {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
}

/** A role a person holds at an organisation (or, with no organisation, on the platform itself). */
export interface RoleView {
  readonly assignmentId: number;
  readonly role: string;
  readonly title: string;
  readonly orgCode: string | null;
  readonly orgName: string | null;
  readonly orgType: string | null;
  readonly startDate: string;
  /** Last day (inclusive); null for open-ended. */
  readonly endDate: string | null;
  /** In force today. */
  readonly current: boolean;
}

/** POST /api/auth/sign-in, and the signed-in form of GET /api/auth/session. */
export interface SessionBody {
  readonly person: PersonView;
  readonly roles: readonly RoleView[];
  /** Echo in the x-csrf-token header on every write. */
  readonly csrfToken: string;
  /** The absolute end of the session. */
  readonly expiresAt: string;
  /** When the session ends if idle from now on. */
  readonly endsAt: string;
  /** Signed in with a one-time password: the person should choose their own. */
  readonly passwordChangeRequired: boolean;
}

export type SessionResponse =
  | { readonly authenticated: false }
  | ({ readonly authenticated: true; readonly kind: 'person' } & SessionBody)
  | {
      readonly authenticated: true;
      readonly kind: 'api_token';
      readonly token: {
        readonly id: number;
        readonly name: string;
        readonly orgCode: string;
        readonly permissions: readonly string[];
      };
    };

/** GET /api/access/roles: the public role book. */
export interface RoleBookEntry {
  readonly id: string;
  readonly title: string;
  readonly orgTypes: readonly string[];
  /** `action:classification:scope`, e.g. `read:organisation_internal:own`. */
  readonly grants: readonly string[];
  readonly description: string;
  readonly legalRef: string;
  readonly confidence: 'confirmed' | 'unconfirmed';
}

export interface RoleBookResponse {
  readonly items: readonly RoleBookEntry[];
}

export interface ApiToken {
  readonly id: number;
  /** The first characters of the token, to recognise it by. */
  readonly prefix: string;
  readonly name: string;
  readonly orgCode: string;
  readonly permissions: readonly string[];
  readonly createdBy: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly revokedBy: string | null;
  readonly lastUsedAt: string | null;
}

export interface ApiTokenListResponse {
  readonly items: readonly ApiToken[];
}

/** POST /api/access/organisations/:code/api-tokens: the secret is in this answer only. */
export interface IssuedApiToken extends ApiToken {
  readonly token: string;
  readonly notice: string;
}

export type AuditOutcome = 'allowed' | 'denied' | 'error';

export interface AuditEvent {
  readonly id: number;
  readonly occurredAt: string;
  readonly actorType: string;
  readonly actorId: string | null;
  readonly actorName: string | null;
  readonly actingRole: string | null;
  readonly actingOrg: string | null;
  readonly action: string;
  readonly route: string | null;
  readonly record: string | null;
  readonly classification: string | null;
  readonly ownerOrg: string | null;
  readonly outcome: AuditOutcome;
  readonly reason: string | null;
  readonly status: number | null;
  readonly ip: string | null;
  readonly requestId: string | null;
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface AuditResponse {
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly items: readonly AuditEvent[];
}
