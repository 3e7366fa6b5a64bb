/**
 * Types of an authorisation application and its assessment (2012–13): the definitions of
 * definitions/authorisation/assessment.json, and the records a CCG, its assessors and the Board keep —
 * self-certification, evidence documents, desktop review scores by named assessors, the 360° stakeholder
 * survey, site-visit notes and moderation. Dates are ISO `YYYY-MM-DD`; timestamps ISO strings.
 */
import type { DefinitionMetadata, DomainNumber, WaveNumber } from './model.ts';

// ---- definitions (definitions/authorisation/assessment.json) --------------------------------------

/** A check that can be switched off, or a threshold that can be changed, without a code change. */
export interface Switch {
  readonly enabled: boolean;
  readonly confidence: 'confirmed' | 'unconfirmed';
  readonly source: string;
}
export interface Parameter extends Switch {
  readonly value: number;
}

export interface ScaleEntry {
  readonly id: string;
  readonly label: string;
  /** Whether this answer counts as the criterion being met. */
  readonly meets: boolean;
}

export interface EvidenceDocumentType {
  readonly id: string;
  readonly label: string;
  readonly confidence: 'confirmed' | 'unconfirmed';
  readonly source: string;
}

export interface RespondentType {
  readonly id: string;
  readonly label: string;
  /** The survey must hear from at least one respondent of this type before moderation. */
  readonly required: boolean;
  readonly source: string;
}

export interface SurveyQuestion {
  readonly id: string;
  readonly topic: 'experience' | 'potential';
  readonly text: string;
}

export interface AssessmentDefinitions extends DefinitionMetadata {
  readonly selfCertification: {
    readonly statuses: readonly ScaleEntry[];
    readonly confidence: 'confirmed' | 'unconfirmed';
    readonly source: string;
    readonly everyCriterionBeforeSubmission: Switch;
  };
  readonly evidenceDocuments: {
    readonly types: readonly EvidenceDocumentType[];
    readonly maximumDocuments: Parameter;
    readonly maximumMinutesPerCommittee: Parameter;
  };
  readonly desktopReview: {
    readonly scale: readonly ScaleEntry[];
    readonly confidence: 'confirmed' | 'unconfirmed';
    readonly source: string;
    readonly minimumAssessorsPerCriterion: Parameter;
  };
  readonly stakeholderSurvey: {
    readonly targetRespondents: Parameter;
    readonly minimumRespondents: Parameter;
    readonly respondentTypes: readonly RespondentType[];
    readonly answerScale: readonly { readonly value: number; readonly label: string }[];
    readonly questions: readonly SurveyQuestion[];
    readonly questionsConfidence: 'confirmed' | 'unconfirmed';
    readonly questionsSource: string;
  };
  readonly siteVisit: {
    readonly flags: readonly { readonly id: 'green' | 'red'; readonly label: string }[];
    readonly source: string;
  };
  readonly moderation: {
    readonly outcomes: readonly { readonly id: ModerationOutcome; readonly label: string }[];
    readonly source: string;
    readonly everyUnmetCriterionIsACondition: Switch;
    readonly completeAssessmentFirst: Switch;
  };
}

// ---- records ------------------------------------------------------------------------------------

/** Who recorded something: a signed-in person (named) or an API token; `system` for the demo seed. */
export interface Recorder {
  readonly kind: 'person' | 'api_token' | 'system';
  /** Username, token name, or the seed's name. */
  readonly id: string;
  /** The person's display name when recorded (assessors are named), else the id. */
  readonly name: string;
}

/**
 * - draft: the CCG is preparing it;
 * - submitted: in the wave, being assessed;
 * - decided: the Board has decided (the lifecycle history holds the decision);
 * - deferred: superseded by an application in a later wave.
 */
export type ApplicationStatus = 'draft' | 'submitted' | 'decided' | 'deferred';

export interface Application {
  readonly applicationId: string;
  readonly ccgCode: string;
  readonly wave: WaveNumber;
  readonly criteriaVersion: string;
  readonly status: ApplicationStatus;
  readonly createdAt: string;
  readonly createdBy: Recorder;
  readonly submittedOn: string | null;
  readonly submittedBy: Recorder | null;
  readonly synthetic: boolean;
}

export interface SelfCertification {
  readonly criterionId: string;
  readonly status: string;
  readonly statement: string;
  readonly certifiedBy: Recorder;
  readonly certifiedAt: string;
}

/** An evidence document's metadata; the file itself stays where `reference` points. */
export interface EvidenceDocument {
  readonly documentId: string;
  readonly title: string;
  readonly documentType: string;
  readonly documentDate: string;
  readonly author: string;
  readonly criterionIds: readonly string[];
  /** Where the document is: a URI or a document-management reference. */
  readonly reference: string;
  /** For minutes: the committee they are of (the lessons-learned limit is per committee). */
  readonly committee: string | null;
  readonly addedBy: Recorder;
  readonly addedAt: string;
  readonly synthetic: boolean;
}

export interface DesktopScore {
  readonly scoreId: number;
  readonly criterionId: string;
  readonly score: string;
  readonly rationale: string;
  readonly assessor: Recorder;
  readonly scoredAt: string;
  readonly synthetic: boolean;
}

export interface SurveyResponse {
  readonly responseId: string;
  readonly respondentType: string;
  /** The responding organisation, where it is in the registry (an HWB, a trust, a practice…). */
  readonly respondentOrgCode: string | null;
  readonly respondentName: string;
  /** Question id → answer on the scale. */
  readonly answers: Readonly<Record<string, number>>;
  readonly comment: string;
  readonly receivedOn: string;
  readonly recordedBy: Recorder;
  readonly synthetic: boolean;
}

export interface SiteVisitFlag {
  readonly flag: 'green' | 'red';
  readonly criterionId: string | null;
  readonly note: string;
}

export interface SiteVisit {
  readonly visitId: string;
  readonly visitedOn: string;
  readonly panel: readonly string[];
  readonly notes: string;
  readonly flags: readonly SiteVisitFlag[];
  readonly recordedBy: Recorder;
  readonly synthetic: boolean;
}

export type ModerationOutcome = 'met' | 'not_met';

/** A moderated outcome for one criterion, or for a whole domain (then it applies to each criterion in it). */
export interface Moderation {
  readonly moderationId: number;
  readonly criterionId: string | null;
  readonly domain: DomainNumber | null;
  readonly outcome: ModerationOutcome;
  readonly rationale: string;
  readonly moderatedBy: Recorder;
  readonly moderatedAt: string;
}

export interface AssessmentRecords {
  readonly application: Application;
  readonly selfCertifications: readonly SelfCertification[];
  readonly documents: readonly EvidenceDocument[];
  readonly scores: readonly DesktopScore[];
  readonly survey: readonly SurveyResponse[];
  readonly siteVisits: readonly SiteVisit[];
  readonly moderation: readonly Moderation[];
}

// ---- what the rules make of them ----------------------------------------------------------------

export interface AssessmentProblem {
  readonly code: string;
  readonly path: string;
  readonly message: string;
}

export interface CriterionScores {
  readonly criterionId: string;
  readonly domain: DomainNumber;
  /** Each named assessor's latest score. */
  readonly latest: readonly DesktopScore[];
  /** True when every latest score meets; null when nobody has scored it. */
  readonly meets: boolean | null;
  /** The moderated outcome in force (the criterion's own, else its domain's), if any. */
  readonly moderated: ModerationOutcome | null;
}

export interface SurveySummary {
  readonly respondents: number;
  readonly target: number;
  readonly byType: readonly { readonly type: string; readonly label: string; readonly respondents: number }[];
  readonly byQuestion: readonly {
    readonly questionId: string;
    readonly text: string;
    readonly answers: number;
    /** Mean answer, 2 decimals; null without answers. */
    readonly mean: number | null;
  }[];
}
