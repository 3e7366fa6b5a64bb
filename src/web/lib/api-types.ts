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
