/** The authorisation API's answers, as the web app reads them (shapes from src/modules/authorisation). */
import type {
  Application,
  DesktopScore,
  EvidenceDocument,
  Moderation,
  ScaleEntry,
  SelfCertification,
  SiteVisit,
  SurveyResponse,
  SurveySummary,
} from '../../../modules/authorisation/assessment-model.ts';
import type {
  AnnualAssessment,
  AssuranceDefinitions,
  Intervention,
} from '../../../modules/authorisation/assurance-model.ts';
import type {
  AuthorisationDomain,
  AuthorisationEvent,
  CcgAuthorisationSummary,
  DomainNumber,
  FactBasis,
  FactProvenance,
  LifecycleStatus,
  LinkedEvidenceResult,
  LinkedEvidenceStatus,
  SummaryCondition,
  SummaryDirection,
  SummaryJuly2013,
  SupportLevel,
  WaveNumber,
} from '../../../modules/authorisation/model.ts';

export type {
  AnnualAssessment,
  Application,
  AuthorisationEvent,
  CcgAuthorisationSummary,
  DesktopScore,
  EvidenceDocument,
  FactBasis,
  FactProvenance,
  Intervention,
  LifecycleStatus,
  Moderation,
  ScaleEntry,
  SelfCertification,
  SiteVisit,
  SummaryCondition,
  SummaryDirection,
  SummaryJuly2013,
  SupportLevel,
  SurveyResponse,
};

export interface WaveTally {
  readonly wave: WaveNumber;
  readonly ccgs: number;
  readonly authorised: number;
  readonly withConditions: number;
  readonly underDirections: number;
}

export interface DomainTally {
  readonly domain: DomainNumber;
  readonly conditions: number;
}

export interface AuthorisationStatusResponse {
  readonly totals: {
    readonly ccgs: number;
    readonly authorised: number;
    readonly withConditions: number;
    readonly notAuthorised: number;
    readonly underDirectionsAtGoLive: number;
    readonly conditionsLiftedInJuly2013Review: number;
    readonly underDirectionsAfterJuly2013: number;
  };
  readonly current: {
    readonly authorised: number;
    readonly withConditions: number;
    readonly notAuthorisedUnderDirections: number;
    readonly openConditions: number;
    readonly underDirections: number;
  };
  readonly byWave: readonly WaveTally[];
  readonly conditionsByDomain: readonly DomainTally[];
  readonly items: readonly CcgAuthorisationSummary[];
}

export interface CcgAuthorisationResponse {
  readonly authorisation: CcgAuthorisationSummary;
}

export type EvidenceStatus = LinkedEvidenceStatus | 'none';

export interface LinkedEvidence {
  readonly criterionId: string;
  readonly status: EvidenceStatus;
  readonly links: readonly LinkedEvidenceResult[];
}

export interface ReadinessCriterion {
  readonly id: string;
  readonly domain: DomainNumber;
  readonly wording: string;
  readonly provenance: 'real' | 'reconstructed';
  readonly evidence: LinkedEvidence;
}

export interface ReadinessResponse {
  readonly ccgCode: string;
  readonly ccgName: string;
  readonly asAt: string;
  readonly criteriaVersion: string;
  readonly summary: {
    readonly criteria: number;
    readonly met: number;
    readonly gaps: number;
    readonly manual: number;
    readonly noData: number;
    readonly notLinked: number;
  };
  readonly criteria: readonly ReadinessCriterion[];
}

export interface AssessmentCriterion {
  readonly id: string;
  readonly domain: DomainNumber;
  readonly wording: string;
  readonly provenance: 'real' | 'reconstructed';
  readonly selfCertification: SelfCertification | null;
  readonly documents: readonly EvidenceDocument[];
  readonly linkedEvidence: LinkedEvidence | null;
  readonly scores: readonly DesktopScore[];
  readonly meets: boolean | null;
  readonly moderated: 'met' | 'not_met' | null;
}

export interface AssessmentProblem {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

export interface AssessmentResponse {
  readonly ccgCode: string;
  readonly ccgName: string;
  readonly lifecycleStatus: LifecycleStatus;
  readonly application: Application | null;
  /** Scores are taken while the application is submitted, not yet decided. */
  readonly open: boolean;
  readonly criteria: readonly AssessmentCriterion[];
  readonly documents?: readonly EvidenceDocument[];
  readonly scores?: readonly DesktopScore[];
  readonly survey: { readonly summary: SurveySummary; readonly responses: readonly SurveyResponse[] } | null;
  readonly siteVisits?: readonly SiteVisit[];
  readonly moderation?: readonly Moderation[];
  readonly moderationReadiness?: readonly AssessmentProblem[];
  readonly scale?: readonly ScaleEntry[];
  /** The organisation whose assessors record this CCG's assessment (its area team). */
  readonly assessorOrg: string;
}

export interface DefinitionsResponse {
  readonly criteriaVersion: string;
  readonly domains: readonly AuthorisationDomain[];
  readonly criteria: readonly {
    readonly id: string;
    readonly domain: DomainNumber;
    readonly wording: string;
    readonly provenance: 'real' | 'reconstructed';
  }[];
  readonly supportLevels: readonly SupportLevel[];
  readonly assurance: AssuranceDefinitions;
}

export interface HistoryEntry {
  readonly seq: number;
  readonly date: string;
  readonly from: LifecycleStatus;
  readonly to: LifecycleStatus;
  readonly event: AuthorisationEvent;
  readonly actor: { readonly kind: string; readonly id: string; readonly name: string };
  readonly evidenceRefs: readonly string[];
  readonly reason: string;
  readonly provenance: FactProvenance | null;
  readonly synthetic: boolean;
  readonly recordedAt: string;
}

export interface HistoryResponse {
  readonly ccgCode: string;
  readonly ccgName: string;
  readonly status: LifecycleStatus;
  readonly items: readonly HistoryEntry[];
}

export interface PublishedAssessment {
  readonly assessmentId: string;
  readonly financialYear: string;
  readonly rating: string | null;
  readonly summary: string | null;
  readonly findings: readonly { readonly duty: string; readonly finding: string }[];
  readonly publishedOn: string | null;
  readonly hwbViews: readonly {
    readonly hwbCode: string;
    readonly hwbName: string;
    readonly view: string | null;
    readonly comments: string | null;
    readonly respondedOn: string | null;
  }[];
  readonly synthetic: boolean;
}

export interface PublishedAssessmentsResponse {
  readonly ccgCode: string;
  readonly items: readonly PublishedAssessment[];
}

export interface InterventionsResponse {
  readonly ccgCode: string;
  readonly items: readonly Intervention[];
}

export type { AnnualAssessment as AnnualAssessmentRecord };
