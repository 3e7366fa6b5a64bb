/**
 * Types of the organisations registry: plain readonly data shared by rules, repository, service,
 * routes, CLI and web. Dates are ISO `YYYY-MM-DD` strings; an `endDate` is the inclusive last day and
 * `null` means still in force.
 */

export const ORG_TYPES = [
  'commissioning_board',
  'region',
  'area_team',
  'ccg',
  'gp_practice',
  'hwb',
  'csu',
  'clinical_senate',
  'clinical_network',
  'commissioning_hub',
  'healthwatch',
  'monitor',
  'cqc',
  'provider_nhs_trust',
  'provider_foundation_trust',
  'provider_independent',
  'provider_voluntary',
  'pct',
  'pct_cluster',
  'sha',
] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const ORG_TYPE_LABELS: Record<OrgType, string> = {
  commissioning_board: 'NHS Commissioning Board',
  region: 'Region',
  area_team: 'Area team',
  ccg: 'Clinical commissioning group',
  gp_practice: 'GP practice',
  hwb: 'Health and wellbeing board',
  csu: 'Commissioning support unit',
  clinical_senate: 'Clinical senate',
  clinical_network: 'Strategic clinical network',
  commissioning_hub: 'Commissioning hub',
  healthwatch: 'Local Healthwatch',
  monitor: 'Monitor',
  cqc: 'Care Quality Commission',
  provider_nhs_trust: 'NHS trust',
  provider_foundation_trust: 'NHS foundation trust',
  provider_independent: 'Independent sector provider',
  provider_voluntary: 'Voluntary sector provider',
  pct: 'Primary care trust',
  pct_cluster: 'PCT cluster',
  sha: 'Strategic health authority',
};

/**
 * Relationship kinds, each read "from … to":
 * - member_of: practice → CCG
 * - in_area_team: CCG → area team
 * - in_region: area team → region
 * - part_of: region → Board; PCT → SHA; PCT → PCT cluster
 * - overlaps_hwb: CCG → HWB, with `share` (0–1] of the CCG's small areas in that HWB
 * - supports: CSU → CCG
 * - covers: clinical senate or clinical network → area team
 * - hosted_by: commissioning hub, senate or network → the area team hosting it
 * - healthwatch_for: local Healthwatch → HWB
 * - successor_of: successor → predecessor (mergers, renamings)
 */
export const RELATIONSHIP_KINDS = [
  'member_of',
  'in_area_team',
  'in_region',
  'part_of',
  'overlaps_hwb',
  'supports',
  'covers',
  'hosted_by',
  'healthwatch_for',
  'successor_of',
] as const;
export type RelationshipKind = (typeof RELATIONSHIP_KINDS)[number];

/** Whether a row comes from a cited public source or was completed by a documented deterministic mapping. */
export type Provenance = 'sourced' | 'illustrative';

export interface Organisation {
  readonly code: string;
  readonly orgType: OrgType;
  readonly name: string;
  readonly shortName: string | null;
  readonly onsCode: string | null;
  readonly postcode: string | null;
  readonly openDate: string | null;
  readonly closeDate: string | null;
  readonly provenance: Provenance;
  readonly provenanceNote: string | null;
  /** The file or origin the row came from. */
  readonly source: string;
  readonly attributes: Readonly<Record<string, unknown>>;
}

export interface Relationship {
  readonly kind: RelationshipKind;
  readonly fromCode: string;
  readonly toCode: string;
  readonly startDate: string;
  readonly endDate: string | null;
  /** Decimal string, only for overlaps_hwb. */
  readonly share: string | null;
  readonly provenance: Provenance;
  readonly provenanceNote: string | null;
  readonly source: string;
  readonly eventId: number | null;
}

/** A relationship joined with the organisation at its other end, as the API returns it. */
export interface RelatedOrganisation {
  readonly kind: RelationshipKind;
  /** `outgoing`: this organisation is `from`; `incoming`: it is `to`. */
  readonly direction: 'outgoing' | 'incoming';
  readonly code: string;
  readonly name: string;
  readonly orgType: OrgType;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly share: string | null;
  readonly provenance: Provenance;
  readonly provenanceNote: string | null;
}

export const AGE_BANDS = [
  '0-4',
  '5-14',
  '15-24',
  '25-34',
  '35-44',
  '45-54',
  '55-64',
  '65-74',
  '75+',
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export type Sex = 'male' | 'female';

export interface PopulationBand {
  readonly sex: Sex;
  readonly ageBand: AgeBand;
  readonly patients: number;
}

export interface Population {
  readonly code: string;
  /** The list-size quarter used: the one whose period contains the as-at date, else the nearest before it. */
  readonly quarterStart: string;
  readonly quarterEnd: string;
  readonly total: number;
  readonly practices: number;
  readonly bands: readonly PopulationBand[];
  readonly source: string;
}

/** A membership of a practice over time, as the history query returns it. */
export interface MembershipPeriod {
  readonly ccgCode: string;
  readonly ccgName: string;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly source: string;
  readonly eventId: number | null;
}

// ---- structural rules ------------------------------------------------------------------------

export type Severity = 'error' | 'warning';

export interface Violation {
  /** Stable id, e.g. `ORG-PRACTICE-ONE-CCG`. */
  readonly ruleId: string;
  /** Statutory or guidance reference, e.g. `NHS Act 2006 s14A(1) (inserted by HSCA 2012 s25)`. */
  readonly legalRef: string;
  readonly severity: Severity;
  readonly subjectType: OrgType | 'area';
  readonly subjectCode: string;
  readonly message: string;
  /** Extra machine-readable facts (e.g. the CCG codes involved, the shares). */
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** A practice as the membership rule sees it on one date. */
export interface PracticeOnDate {
  readonly code: string;
  readonly name: string;
  /** Holds a primary medical contract on the date (see rules for how this is decided). */
  readonly holdsContract: boolean;
  /** Codes of the CCGs it is a member of on the date (0, 1 or more). */
  readonly ccgCodes: readonly string[];
}

/** A small area (LSOA) and the CCG(s) whose area contains it. */
export interface AreaUnit {
  readonly code: string;
  readonly ccgCodes: readonly string[];
  /** Why the CCG cannot be told apart, where the source merges CCGs (e.g. the 2015 lookup's 13T). */
  readonly note: string | null;
}

export interface CcgLocalAuthorityShare {
  readonly ccgCode: string;
  readonly ccgName: string;
  readonly utlaCode: string;
  readonly utlaName: string;
  /** Share (0–1] of the CCG's small areas in this upper-tier local authority. */
  readonly share: number;
}

// ---- dated structural events -----------------------------------------------------------------

export type StructuralEvent =
  | { readonly kind: 'join'; readonly date: string; readonly practiceCode: string; readonly ccgCode: string }
  | { readonly kind: 'leave'; readonly date: string; readonly practiceCode: string; readonly ccgCode: string }
  | {
      readonly kind: 'move';
      readonly date: string;
      readonly practiceCode: string;
      readonly fromCcgCode: string;
      readonly toCcgCode: string;
    }
  | {
      readonly kind: 'merger';
      readonly date: string;
      /** The CCGs that close the day before `date`. */
      readonly predecessorCodes: readonly string[];
      /** The successor: a new CCG (with `successorName`) or one of the predecessors that continues. */
      readonly successorCode: string;
      readonly successorName?: string;
    }
  | {
      readonly kind: 'dissolution';
      readonly date: string;
      readonly ccgCode: string;
      /** Where each member practice goes: practice code → receiving CCG code. */
      readonly transfers: Readonly<Record<string, string>>;
    };

export type StructuralEventKind = StructuralEvent['kind'];
