/**
 * Shapes of the governance API's JSON answers, as the web client reads them. The records themselves
 * are the governance module's own types; only the envelopes the service builds are declared here
 * (see src/modules/governance/service.ts).
 */
import type {
  ConstitutionContent,
  ConstitutionVersion,
} from '../../../modules/governance/constitution-model.ts';
import type {
  AgendaItem,
  AttendeeCategory,
  ConflictManagement,
  DeclarantCapacity,
  DeclaredEntity,
  EntityRef,
  GiftHospitalityAssessment,
  GiftHospitalityEntry,
  GovernanceViolation,
  GoverningBodyRole,
  InterestDeclaration,
  InterestType,
  MeetingConflictPlan,
  NilReturn,
  QuorumFallback,
  QuorumRule,
  RegisterPopulationMember,
  Severity,
} from '../../../modules/governance/model.ts';
import type {
  Breach,
  ItemOutcome,
  Meeting,
  MeetingBody,
  MeetingStatus,
  ProcurementDecision,
} from '../../../modules/governance/records.ts';

export type {
  AgendaItem,
  AttendeeCategory,
  Breach,
  ConflictManagement,
  ConstitutionContent,
  ConstitutionVersion,
  DeclarantCapacity,
  DeclaredEntity,
  EntityRef,
  GiftHospitalityAssessment,
  GiftHospitalityEntry,
  GovernanceViolation,
  GoverningBodyRole,
  InterestDeclaration,
  InterestType,
  ItemOutcome,
  Meeting,
  MeetingBody,
  MeetingConflictPlan,
  MeetingStatus,
  NilReturn,
  ProcurementDecision,
  QuorumFallback,
  QuorumRule,
  RegisterPopulationMember,
  Severity,
};

/** Person ids to names, as the meeting answers carry them. */
export type Names = Readonly<Record<string, string>>;

export interface GoverningBodyMember {
  readonly personId: string;
  readonly name: string;
  readonly roles: readonly GoverningBodyRole[];
  readonly startDate: string;
  readonly termEndDate: string | null;
  readonly synthetic: boolean;
}

/** GET /api/ccgs/:code/governing-body */
export interface GoverningBodyResponse {
  readonly asAt: string;
  readonly ccgCode: string;
  readonly ccgName: string;
  readonly synthetic: boolean;
  readonly members: readonly GoverningBodyMember[];
}

/** GET /api/ccgs/:code/governance/compliance */
export interface ComplianceResponse {
  readonly asAt: string;
  readonly ccgCode: string;
  readonly ccgName: string;
  readonly synthetic: boolean;
  readonly hasGoverningBody: boolean;
  readonly counts: { readonly error: number; readonly warning: number };
  readonly governingBody: readonly GovernanceViolation[];
  readonly register: readonly GovernanceViolation[];
  readonly gifts: readonly GiftHospitalityAssessment[];
  readonly constitution: readonly GovernanceViolation[];
}

export interface NationalComplianceItem {
  readonly ccgCode: string;
  readonly ccgName: string;
  readonly synthetic: boolean;
  readonly error: number;
  readonly warning: number;
  readonly governingBodyErrors: number;
  readonly ruleIds: readonly string[];
}

export interface RuleTally {
  readonly ruleId: string;
  readonly severity: Severity;
  /** How many CCGs break the rule at least once. */
  readonly ccgs: number;
  readonly legalRef: string;
}

/** GET /api/governance/compliance */
export interface NationalComplianceResponse {
  readonly asAt: string;
  readonly ccgs: number;
  readonly ccgsWithErrors: number;
  readonly items: readonly NationalComplianceItem[];
  readonly byRule: readonly RuleTally[];
}

export interface PublicRegisterEntry {
  readonly declarationId: string;
  readonly name: string;
  readonly capacity: DeclarantCapacity;
  readonly interestType: InterestType;
  readonly description: string;
  readonly entity: DeclaredEntity | null;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly synthetic: boolean;
}

/** GET /api/ccgs/:code/register-of-interests */
export interface PublicRegisterResponse {
  readonly asAt: string;
  readonly ccgCode: string;
  readonly ccgName: string;
  readonly synthetic: boolean;
  readonly entries: readonly PublicRegisterEntry[];
}

export type InternalDeclaration = InterestDeclaration & {
  readonly name: string | null;
  readonly synthetic: boolean;
  /** On the published register on the date (current, or ended within the publication window). */
  readonly publiclyVisible?: boolean;
  /** Until when the entry must be kept after it ends; null while current. */
  readonly retainUntil?: string | null;
};

/** GET /api/ccgs/:code/register-of-interests/internal */
export interface InternalRegisterResponse {
  readonly asAt: string;
  readonly ccgCode: string;
  readonly population: readonly RegisterPopulationMember[];
  readonly declarations: readonly InternalDeclaration[];
  readonly nilReturns: readonly NilReturn[];
  readonly violations: readonly GovernanceViolation[];
}

/** POST /api/ccgs/:code/declarations */
export interface NewDeclarationResponse {
  readonly declaration: InterestDeclaration;
  readonly violations: readonly GovernanceViolation[];
}

/** GET /api/ccgs/:code/constitution */
export interface ConstitutionResponse {
  readonly asAt: string;
  readonly ccgName: string;
  readonly constitution: ConstitutionVersion;
  readonly memberNames: Readonly<Record<string, string>>;
}

/** GET /api/ccgs/:code/constitution/versions */
export interface ConstitutionVersionsResponse {
  readonly ccgCode: string;
  readonly versions: readonly ConstitutionVersion[];
}

/** POST /api/ccgs/:code/constitution/variations */
export interface VariationResponse {
  readonly version: ConstitutionVersion;
  readonly warnings: readonly GovernanceViolation[];
}

export interface MeetingSummary {
  readonly meetingId: string;
  readonly body: MeetingBody;
  readonly date: string;
  readonly status: MeetingStatus;
  /** How many agenda items. */
  readonly items: number;
  readonly publishedAt: string | null;
  readonly synthetic: boolean;
}

/** GET /api/ccgs/:code/meetings and /meetings/internal */
export interface MeetingsResponse {
  readonly ccgCode: string;
  readonly items: readonly MeetingSummary[];
}

/** GET /api/meetings/:id */
export interface MeetingResponse {
  readonly meeting: Meeting & { readonly names: Names };
}

/** GET /api/meetings/:id/conflict-plan */
export interface ConflictPlanResponse {
  readonly plan: MeetingConflictPlan & { readonly names: Names };
}

export interface PublishedItem {
  readonly itemId: string;
  readonly title: string;
  readonly part: 'public' | 'private';
  readonly privateReason: string | null;
  readonly chairedBy: string | null;
  readonly quorate: boolean | null;
  readonly conflicts: readonly {
    readonly name: string;
    readonly management: ConflictManagement;
    readonly note: string;
  }[];
  readonly discussion: string | null;
  readonly decision: string | null;
  readonly votes: { readonly for: number; readonly against: number; readonly abstain: number } | null;
}

/** GET /api/meetings/:id/minutes (and the answer to POST …/publish) */
export interface PublishedMinutes {
  readonly meetingId: string;
  readonly ccgCode: string;
  readonly body: MeetingBody;
  readonly date: string;
  readonly publishedAt: string | null;
  readonly synthetic: boolean;
  readonly present: readonly string[];
  readonly chair: string;
  readonly declarationsAtMeeting: readonly {
    readonly name: string;
    readonly interestType: InterestType;
    readonly description: string;
    readonly entity: DeclaredEntity | null;
  }[];
  readonly items: readonly PublishedItem[];
}

/** GET /api/ccgs/:code/procurement-decisions */
export interface ProcurementDecisionsResponse {
  readonly ccgCode: string;
  readonly items: readonly ProcurementDecision[];
}

/** POST /api/ccgs/:code/meetings */
export interface NewMeetingBody {
  readonly body: MeetingBody;
  readonly date: string;
  readonly part: 'public' | 'private';
  readonly chairPersonId: string;
  readonly deputyChairPersonId: string | null;
  readonly quorum: QuorumRule;
  readonly agendaItems: readonly AgendaItem[];
  readonly attendees: readonly {
    readonly personId: string;
    readonly voting: boolean;
    readonly categories: readonly AttendeeCategory[];
  }[];
}

/** POST /api/meetings/:id/outcome */
export interface OutcomeBody {
  readonly presentPersonIds: readonly string[];
  readonly declarationsAtMeeting: readonly {
    readonly personId: string;
    readonly capacity: DeclarantCapacity;
    readonly interestType: InterestType;
    readonly description: string;
    readonly entity: DeclaredEntity | null;
  }[];
  readonly items: readonly ItemOutcome[];
}
