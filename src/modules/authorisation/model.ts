/**
 * Types of CCG authorisation by the NHS Commissioning Board (2012–13) and the assurance after it:
 * the criteria, support levels and waves as versioned data, the lifecycle of one CCG, the demo of the
 * real waves, intervention triggers (s14Z21) and HWB recusals. Plain readonly data shared by rules,
 * repository, service, routes, CLI and web. Dates are ISO `YYYY-MM-DD` strings.
 */
import type { ConflictManagement, ItemConflict } from '../governance/model.ts';
import type { StructuralEvent } from '../organisations/model.ts';

// ---- definition files (definitions/authorisation/*.json) -----------------------------------------

/** `partial`: some entries are confirmed and others are not; each entry says which. */
export type DefinitionConfidence = 'confirmed' | 'partial' | 'unconfirmed';

/** The metadata every authorisation definition file carries at its top level. */
export interface DefinitionMetadata {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly confidence: DefinitionConfidence;
  readonly effective_from: string;
  readonly effective_to: string | null;
  readonly reviewed_on: string;
  readonly notes: readonly string[];
}

/**
 * How a fact is known: stated in a cited source, reasoned from such facts, made up for the demo, or
 * recorded through the platform by a named person (not demo data).
 */
export type FactBasis = 'real' | 'inferred' | 'synthetic' | 'recorded';

export interface FactProvenance {
  readonly basis: FactBasis;
  /** The source (`real`), the reasoning and its sources (`inferred`), or how it was drawn (`synthetic`). */
  readonly source: string;
}

// ---- criteria (definitions/authorisation/criteria.json) -------------------------------------------

export const DOMAIN_NUMBERS = [1, 2, 3, 4, 5, 6] as const;
export type DomainNumber = (typeof DOMAIN_NUMBERS)[number];

export const EVIDENCE_TYPES = [
  'document',
  'self_certification',
  'desktop_review',
  'stakeholder_survey',
  'site_visit',
  'platform_link',
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** The platform checks that can supply evidence, by module; `available: false` on a link: not built yet. */
export const PLATFORM_CHECKS = {
  governance: ['governing_body_compliance', 'constitution_completeness', 'conflicts_of_interest'],
  organisations: ['commissioning_support', 'collaborative_arrangements'],
  involvement: ['ppi_arrangements'],
  planning: ['plans_vs_jhws', 'commissioning_plan'],
  finance: ['financial_plan', 'financial_position'],
  outcomes: ['outcomes_framework_alignment'],
} as const;
export type PlatformModule = keyof typeof PLATFORM_CHECKS;
export type PlatformCheck = (typeof PLATFORM_CHECKS)[PlatformModule][number];

/** Evidence a criterion takes from a platform module, linked rather than re-typed. */
export interface PlatformEvidenceLink {
  readonly module: PlatformModule;
  readonly check: PlatformCheck;
  /** False while the module does not exist: the criterion takes manual evidence meanwhile. */
  readonly available: boolean;
  /** `partial`: the check covers part of the criterion; an assessor judges the rest. */
  readonly coverage: 'full' | 'partial';
  /** The module's rule ids whose errors count against the criterion (governance rule book ids). */
  readonly ruleIds: readonly string[];
  readonly note: string;
}

export interface AuthorisationDomain {
  readonly domain: DomainNumber;
  readonly title: string;
  readonly shortTitle: string;
  readonly wordingConfidence: 'confirmed' | 'unconfirmed';
  readonly source: string;
}

export interface EvidenceTypeDefinition {
  readonly type: EvidenceType;
  readonly description: string;
  readonly source: string;
}

interface CriterionBase {
  /** Sub-domain number plus a capital letter, e.g. `3.1.1C`, `6.4G`. */
  readonly id: string;
  readonly domain: DomainNumber;
  /** The id without its letter, e.g. `3.1.1`. */
  readonly subDomain: string;
  readonly wording: string;
  readonly acceptedEvidence: readonly EvidenceType[];
  readonly platformEvidence: readonly PlatformEvidenceLink[];
}

/** One of the criteria recovered with id and wording (AUTHORISATION.md §2), quoted exactly. */
export interface RealCriterion extends CriterionBase {
  readonly provenance: 'real';
  readonly source: string;
  /** The stored source copy breaks off inside the wording. */
  readonly truncated: boolean;
}

/** A criterion reconstructed within the real numbering: never the official text. */
export interface ReconstructedCriterion extends CriterionBase {
  readonly provenance: 'reconstructed';
  readonly reasoning: string;
  readonly disclaimer: string;
  /** A recovered criterion text without a number that this entry gives a place, if any. */
  readonly basedOnText: { readonly text: string; readonly source: string } | null;
}

export type AuthorisationCriterion = RealCriterion | ReconstructedCriterion;

export interface CriteriaVersionChanges {
  readonly from: string;
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly confidence: 'confirmed' | 'unconfirmed';
  readonly source: string;
}

export interface CriteriaVersion {
  readonly version: string;
  readonly title: string;
  readonly source: string;
  readonly effective_from: string;
  readonly effective_to: string | null;
  readonly criteriaCount: number;
  /** What differs from the previous version; `null` for the first. */
  readonly changesFromPrevious: CriteriaVersionChanges | null;
  readonly criterionIds: readonly string[];
  /** The version's criteria, resolved from the catalogue by the loader, in catalogue order. */
  readonly criteria: readonly AuthorisationCriterion[];
}

/** The file holds each criterion once (the catalogue) and each version lists its criterion ids. */
export interface CriteriaDefinitions extends DefinitionMetadata {
  readonly idFormat: string;
  readonly evidenceTypes: readonly EvidenceTypeDefinition[];
  readonly domains: readonly AuthorisationDomain[];
  readonly versions: readonly CriteriaVersion[];
  readonly criteria: readonly AuthorisationCriterion[];
}

// ---- support levels (definitions/authorisation/support-levels.json) ------------------------------

export const SUPPORT_LEVEL_NUMBERS = [1, 2, 3, 4, 5, 6] as const;
export type SupportLevelNumber = (typeof SUPPORT_LEVEL_NUMBERS)[number];
export type RomanNumeral = 'I' | 'II' | 'III' | 'IV' | 'V' | 'VI';

export interface SupportLevel {
  readonly level: SupportLevelNumber;
  readonly roman: RomanNumeral;
  readonly definition: string;
  /** The source's own words, where it has them. */
  readonly quote: string | null;
  readonly definitionConfidence: 'confirmed' | 'unconfirmed';
  readonly definitionSource: string;
  /** Whether a condition at this level comes with legal directions (not a condition only). */
  readonly bringsDirections: boolean;
  readonly directionsBasis: 'confirmed' | 'inferred';
  readonly directionsSource: string;
}

export interface SupportLevelDefinitions extends DefinitionMetadata {
  /** The power under which authorisation-stage conditions and directions are given. */
  readonly legalBasis: { readonly conditionsAndDirections: string; readonly laterIntervention: string };
  readonly levels: readonly SupportLevel[];
  readonly discrepancies: readonly string[];
}

// ---- waves (definitions/authorisation/waves.json) -------------------------------------------------

export const WAVE_NUMBERS = [1, 2, 3, 4] as const;
export type WaveNumber = (typeof WAVE_NUMBERS)[number];

export interface WaveResult {
  /** CCGs decided in the wave. */
  readonly authorised: number;
  readonly withoutConditions: number;
  /** Including those also under directions. */
  readonly withConditions: number;
  readonly withDirections: number;
}

export interface WaveDefinition {
  readonly wave: WaveNumber;
  readonly applicationDeadline: string;
  readonly plannedSize: number;
  readonly announcedOn: string;
  /** `month`: the source gives only the month; `announcedOn` is then its last day. */
  readonly announcedPrecision: 'day' | 'month';
  readonly result: WaveResult;
  /** Conditions per CCG with conditions but no directions, where a source gives the range. */
  readonly conditionsPerCcg: { readonly min: number; readonly max: number; readonly source: string } | null;
  readonly source: string;
}

export interface ConditionsReview {
  readonly id: string;
  /** `YYYY-MM`: the sources give the month. */
  readonly month: string;
  readonly conditionsLiftedFrom: number;
  readonly stillWithConditions: number;
  readonly directionsBefore: number;
  readonly directionsAfter: number;
  readonly source: string;
}

export type DemoOutcome = 'authorised' | 'authorised_with_conditions';
/** Where a CCG's conditions stood after the July 2013 review. */
export type July2013Status = 'no_conditions' | 'lifted_before_review' | 'lifted_in_review' | 'remaining';

export interface SourcedFact<T> {
  readonly value: T;
  readonly basis: 'real' | 'inferred';
  readonly source: string;
}

export interface KnownCondition {
  /** `null`: the source gives the level (or the fact) but not the criterion. */
  readonly criterionId: string | null;
  /** `null`: the source gives the criterion but not the level (or it is cut off). */
  readonly supportLevel: SupportLevelNumber | null;
  readonly basis: 'real' | 'inferred';
  readonly source: string;
}

export type DirectionExerciser =
  | { readonly kind: 'board' }
  | { readonly kind: 'ccg'; readonly ccgCode: string; readonly ccgName: string };

export interface KnownDirection {
  readonly description: string;
  readonly exercisedBy: DirectionExerciser;
  readonly source: string;
}

/** What the sources say about one named CCG; every fact carries its basis and source. */
export interface NamedCcgFacts {
  /** The name as the source writes it. */
  readonly sourceName: string;
  /** The April 2013 name (CCG_APR_2013.csv), which the demo matches. */
  readonly ccgName: string;
  readonly odsCode: string;
  readonly wave?: SourcedFact<WaveNumber>;
  readonly outcome?: SourcedFact<DemoOutcome>;
  readonly directionsAtGoLive?: SourcedFact<boolean>;
  readonly conditionCount?: SourcedFact<number>;
  readonly knownConditions?: readonly KnownCondition[];
  /** The domains the CCG's other (unrecovered) conditions lie in, where a source says. */
  readonly otherConditionDomains?: SourcedFact<readonly DomainNumber[]>;
  readonly knownDirections?: readonly KnownDirection[];
  readonly july2013?: SourcedFact<July2013Status>;
  readonly directionsAfterJuly2013?: SourcedFact<boolean>;
  readonly note?: string;
}

/** Weights for the synthetic parts of the demo, each explained. */
export interface DemoAssumptions {
  readonly conditionDomainWeights: Readonly<Record<`${DomainNumber}`, number>>;
  readonly conditionDomainWeightsSource: string;
  /** Weights of levels I–III for conditions without directions. */
  readonly levelWeightsWithoutDirections: Readonly<Record<'1' | '2' | '3', number>>;
  /** Weights of levels IV–VI for the condition that brings a CCG's directions. */
  readonly levelWeightsWithDirections: Readonly<Record<'4' | '5' | '6', number>>;
  readonly levelWeightsSource: string;
  /** Conditions per CCG where no source gives the wave's range. */
  readonly conditionCountWhereUnknown: {
    readonly min: number;
    readonly max: number;
    readonly source: string;
  };
}

export interface WaveDefinitions extends DefinitionMetadata {
  /** The day CCGs were established and statutory accountability passed from PCTs (1 April 2013). */
  readonly establishmentDate: string;
  readonly establishmentSource: string;
  readonly waves: readonly WaveDefinition[];
  readonly totals: WaveResult & { readonly ccgs: number; readonly source: string };
  readonly reviews: readonly ConditionsReview[];
  readonly namedCcgs: readonly NamedCcgFacts[];
  readonly demoAssumptions: DemoAssumptions;
}

// ---- intervention triggers (definitions/authorisation/intervention-triggers.json) ----------------

export const INTERVENTION_TRIGGER_IDS = [
  'INT-GOV-ERRORS',
  'INT-GOV-STATUTORY',
  'INT-FIN-OVERSPEND',
  'INT-FIN-SURPLUS',
  'INT-OUT-FAILURES',
] as const;
export type InterventionTriggerId = (typeof INTERVENTION_TRIGGER_IDS)[number];
export type TriggerSource = 'governance' | 'finance' | 'outcomes';

export interface InterventionTriggerDefinition {
  readonly id: InterventionTriggerId;
  readonly title: string;
  readonly source: TriggerSource;
  readonly legalRef: string;
  /** Where the threshold comes from, or why it is unconfirmed. */
  readonly thresholdSource: string;
  readonly confidence: 'confirmed' | 'unconfirmed';
  /** The switch: an unconfirmed trigger can be turned off without a code change. */
  readonly enabled: boolean;
  readonly parameters: Readonly<Record<string, number | string | boolean | readonly string[]>>;
}

export interface InterventionTriggerDefinitions extends DefinitionMetadata {
  readonly triggers: readonly InterventionTriggerDefinition[];
}

/** What the governance compliance panel found for the CCG on the date. */
export interface GovernanceFindings {
  readonly asAt: string;
  readonly errorCount: number;
  readonly warningCount: number;
  /** Rule ids with at least one error. */
  readonly errorRuleIds: readonly string[];
}

/** The finance module's view (money in pence); `null` on the input while that module does not exist. */
export interface FinancialPosition {
  readonly asAt: string;
  readonly financialYear: string;
  readonly allocationPence: number;
  readonly forecastOutturnPence: number;
}

export interface OutcomeFailure {
  readonly indicatorId: string;
  readonly description: string;
}

/** Outcome indicators significantly worse than expected; `null` while no outcomes module exists. */
export interface OutcomeFailures {
  readonly asAt: string;
  readonly indicatorsAssessed: number;
  readonly failures: readonly OutcomeFailure[];
}

export interface InterventionInput {
  readonly ccgCode: string;
  readonly governance: GovernanceFindings | null;
  readonly financial: FinancialPosition | null;
  readonly outcomes: OutcomeFailures | null;
}

export type TriggerStatus = 'raised' | 'not_raised' | 'no_data' | 'switched_off';

export interface TriggerResult {
  readonly triggerId: InterventionTriggerId;
  readonly title: string;
  readonly status: TriggerStatus;
  readonly legalRef: string;
  readonly confidence: 'confirmed' | 'unconfirmed';
  /** One sentence a reader can check: what was found against what threshold. */
  readonly evidence: string;
  readonly thresholds: InterventionTriggerDefinition['parameters'];
  readonly detail: Readonly<Record<string, unknown>>;
}

export interface InterventionAssessment {
  readonly ccgCode: string;
  readonly results: readonly TriggerResult[];
  readonly raised: readonly TriggerResult[];
}

// ---- lifecycle of one CCG -------------------------------------------------------------------------

export const LIFECYCLE_STATUSES = [
  'emerging',
  'pathfinder',
  'applicant',
  'established_authorised',
  'established_with_conditions',
  'established_not_authorised_under_directions',
  'merged',
  'dissolved',
] as const;
export type LifecycleStatus = (typeof LIFECYCLE_STATUSES)[number];

/** The pathfinder test; each flag needs evidence. */
export interface PathfinderEvidence {
  readonly gpLeadership: boolean;
  readonly localAuthorityEngagement: boolean;
  readonly qippContribution: boolean;
  readonly note: string;
}

export interface AuthorisationCondition {
  readonly conditionId: string;
  readonly criterionIds: readonly string[];
  readonly domain: DomainNumber;
  readonly supportLevel: SupportLevelNumber;
  readonly reviewDate: string;
  readonly description: string;
  /** `null` while the condition stands. */
  readonly liftedOn: string | null;
}

export interface AuthorisationDirection {
  readonly directionId: string;
  /** The functions the direction covers, in words (e.g. "commissioning from Kettering General"). */
  readonly functions: readonly string[];
  readonly exercisedBy: DirectionExerciser;
  readonly legalBasis: 'ccg_regs_reg_8' | 's14Z21';
  readonly givenOn: string;
  readonly liftedOn: string | null;
}

/** A condition or direction as a decision gives it: not yet lifted. */
export type ConditionInput = Omit<AuthorisationCondition, 'liftedOn'>;
export type DirectionInput = Omit<AuthorisationDirection, 'liftedOn' | 'givenOn' | 'legalBasis'>;

export type DecisionOutcome = 'authorise' | 'authorise_with_conditions' | 'not_authorised_with_directions';

/** The registry's structural events, reused by name: a merger, a dissolution, or a membership change. */
export type RegistryEvent = StructuralEvent;

export type AuthorisationEvent =
  | {
      readonly kind: 'pathfinder_approval';
      readonly date: string;
      readonly evidence: PathfinderEvidence;
      /** The PCT delegating a budget; statutory accountability stays with it until establishment. */
      readonly delegatingPctCode: string | null;
    }
  | { readonly kind: 'apply_in_wave'; readonly date: string; readonly wave: WaveNumber }
  | {
      readonly kind: 'decision';
      readonly date: string;
      readonly outcome: DecisionOutcome;
      readonly conditions: readonly ConditionInput[];
      readonly directions: readonly DirectionInput[];
    }
  | { readonly kind: 'lift_condition'; readonly date: string; readonly conditionId: string }
  | {
      /**
       * The Board reviews a standing condition (CCG Regs 2012 reg 8: keep under review, vary or remove):
       * its support level, review date and wording. Raising it to a level that brings directions gives
       * them in the same event.
       */
      readonly kind: 'vary_condition';
      readonly date: string;
      readonly conditionId: string;
      readonly supportLevel: SupportLevelNumber;
      readonly reviewDate: string;
      readonly description: string;
      readonly directions: readonly DirectionInput[];
    }
  | {
      readonly kind: 'vary_directions';
      readonly date: string;
      readonly directionId: string;
      readonly functions: readonly string[];
      readonly exercisedBy: DirectionExerciser;
    }
  | { readonly kind: 'lift_directions'; readonly date: string; readonly directionIds: readonly string[] }
  | RegistryEvent;

export type AuthorisationEventKind = AuthorisationEvent['kind'];

export interface LifecycleHistoryEntry {
  readonly date: string;
  readonly from: LifecycleStatus;
  readonly to: LifecycleStatus;
  readonly event: AuthorisationEvent;
}

export interface PathfinderRecord {
  readonly approvedOn: string;
  readonly evidence: PathfinderEvidence;
  readonly delegatingPctCode: string | null;
  /** The last day the PCT holds statutory accountability (the day before establishment). */
  readonly pctAccountableUntil: string;
}

export interface ApplicationRecord {
  readonly wave: WaveNumber;
  readonly applicationDeadline: string;
  readonly submittedOn: string;
  /** Earlier waves the CCG applied in and deferred from (e.g. Liverpool, wave 1 to wave 4). */
  readonly deferredFrom: readonly WaveNumber[];
}

export interface DecisionRecord {
  readonly decidedOn: string;
  readonly outcome: DecisionOutcome;
  /** The later of the decision date and the establishment date. */
  readonly establishedOn: string;
}

interface StateBase {
  readonly ccgCode: string;
  /** Every accepted event in order; append-only. */
  readonly history: readonly LifecycleHistoryEntry[];
}

export type CcgAuthorisationState =
  | (StateBase & { readonly status: 'emerging' })
  | (StateBase & { readonly status: 'pathfinder'; readonly pathfinder: PathfinderRecord })
  | (StateBase & {
      readonly status: 'applicant';
      readonly pathfinder: PathfinderRecord;
      readonly application: ApplicationRecord;
    })
  | (StateBase & {
      readonly status: 'established_authorised';
      readonly application: ApplicationRecord;
      readonly decision: DecisionRecord;
      /** Conditions and directions it once had, all lifted. */
      readonly conditions: readonly AuthorisationCondition[];
      readonly directions: readonly AuthorisationDirection[];
    })
  | (StateBase & {
      readonly status: 'established_with_conditions';
      readonly application: ApplicationRecord;
      readonly decision: DecisionRecord;
      readonly conditions: readonly AuthorisationCondition[];
      /** Directions underpinning conditions at levels that bring them (empty when none do). */
      readonly directions: readonly AuthorisationDirection[];
    })
  | (StateBase & {
      readonly status: 'established_not_authorised_under_directions';
      readonly application: ApplicationRecord;
      readonly decision: DecisionRecord;
      readonly conditions: readonly AuthorisationCondition[];
      readonly directions: readonly AuthorisationDirection[];
    })
  | (StateBase & {
      readonly status: 'merged';
      readonly mergedOn: string;
      readonly successorCode: string;
      readonly predecessorStatus: LifecycleStatus;
    })
  | (StateBase & {
      readonly status: 'dissolved';
      readonly dissolvedOn: string;
      readonly predecessorStatus: LifecycleStatus;
    });

/** A state without its history: the stored snapshot (the history is stored row by row). */
export type StateSnapshot = CcgAuthorisationState extends infer S
  ? S extends CcgAuthorisationState
    ? Omit<S, 'history'>
    : never
  : never;

/** What the lifecycle reads from the definitions; loaded once by the caller. */
export interface LifecycleContext {
  readonly waves: readonly Pick<WaveDefinition, 'wave' | 'applicationDeadline'>[];
  readonly establishmentDate: string;
  readonly supportLevels: readonly Pick<SupportLevel, 'level' | 'bringsDirections'>[];
  /** The criteria of the version in force (id and domain). */
  readonly criteria: readonly Pick<AuthorisationCriterion, 'id' | 'domain'>[];
}

export interface LifecycleProblem {
  readonly code: string;
  readonly message: string;
}

export type TransitionResult =
  | { readonly ok: true; readonly next: CcgAuthorisationState }
  | { readonly ok: false; readonly problems: readonly LifecycleProblem[] };

// ---- demo of the real waves ----------------------------------------------------------------------

export interface DemoCondition {
  readonly criterionId: string;
  readonly domain: DomainNumber;
  readonly supportLevel: SupportLevelNumber;
  readonly criterion: FactProvenance;
  readonly level: FactProvenance;
}

export interface DemoCcgAuthorisation {
  readonly code: string;
  readonly name: string;
  readonly wave: WaveNumber;
  readonly outcome: DemoOutcome;
  readonly conditionCount: number;
  readonly conditions: readonly DemoCondition[];
  readonly directionsAtGoLive: boolean;
  readonly knownDirections: readonly KnownDirection[];
  readonly july2013: July2013Status;
  readonly conditionsLiftedInJuly2013Review: boolean;
  readonly directionsAfterJuly2013: boolean;
  /** Per field, whether it is real (with its source), inferred or synthetic. */
  readonly provenance: {
    readonly wave: FactProvenance;
    readonly outcome: FactProvenance;
    readonly conditionCount: FactProvenance;
    readonly directionsAtGoLive: FactProvenance;
    readonly july2013: FactProvenance;
    readonly directionsAfterJuly2013: FactProvenance;
  };
  /** True when any field is synthetic. */
  readonly synthetic: boolean;
}

/** The reference facts the demo reproduces, as loaded from the definitions. */
export interface DemoReferenceFacts {
  readonly waves: WaveDefinitions;
  readonly supportLevels: readonly Pick<SupportLevel, 'level' | 'bringsDirections'>[];
  /** The criteria of the version the conditions cite. */
  readonly criteria: readonly Pick<AuthorisationCriterion, 'id' | 'domain'>[];
}

// ---- HWB recusal -----------------------------------------------------------------------------------

/** A period for which a person represents a CCG on the HWB (HSCA 2012 s194(2)(e)). */
export interface CcgRepresentation {
  readonly ccgCode: string;
  readonly startDate: string;
  readonly endDate: string | null;
}

export interface HwbAttendee {
  readonly personId: string;
  readonly name: string;
  readonly voting: boolean;
  readonly represents: readonly CcgRepresentation[];
}

export interface HwbReadinessItem {
  readonly itemId: string;
  readonly title: string;
  /** The CCGs whose readiness (authorisation or assurance) the item discusses. */
  readonly ccgCodes: readonly string[];
  readonly decision: boolean;
}

/** A governance item conflict that comes from representing the CCG, not from a declared interest. */
export interface HwbRepresentationConflict extends Omit<ItemConflict, 'declarationId'> {
  readonly basis: 'represents_ccg';
  readonly ccgCode: string;
}

export interface HwbItemRecusals {
  readonly itemId: string;
  readonly conflicts: readonly HwbRepresentationConflict[];
  /** As on the governance item plan: the management per conflicted attendee. */
  readonly recusals: readonly { readonly personId: string; readonly management: ConflictManagement }[];
}

// ---- evidence linked from the platform -------------------------------------------------------------

/** What the registry shows for a CCG on a date (organisations module). */
export interface RegistryEvidence {
  readonly asAt: string;
  /** CSUs with a `supports` relationship to the CCG. */
  readonly supportingCsuCodes: readonly string[];
  /** HWBs the CCG's area overlaps (`overlaps_hwb`). */
  readonly overlappingHwbCodes: readonly string[];
  readonly areaTeamCode: string | null;
}

/**
 * - met: the linked check finds nothing against the criterion;
 * - gap: it finds a failure (the criterion's watched rules have errors, or the registry lacks the link);
 * - no_data: the module exists but supplied nothing for this CCG;
 * - manual: the module is not built yet, so an assessor takes manual evidence.
 */
export type LinkedEvidenceStatus = 'met' | 'gap' | 'no_data' | 'manual';

export interface LinkedEvidenceResult {
  readonly module: PlatformModule;
  readonly check: PlatformCheck;
  readonly status: LinkedEvidenceStatus;
  readonly coverage: 'full' | 'partial';
  readonly failingRuleIds: readonly string[];
  readonly message: string;
}

export interface CriterionEvidenceStatus {
  readonly criterionId: string;
  /** `none`: the criterion has no platform link; otherwise the worst of its links. */
  readonly status: LinkedEvidenceStatus | 'none';
  readonly links: readonly LinkedEvidenceResult[];
}

// ---- the Board's record of each CCG, as stored (national board, CCG pages) -------------------------

export const SUMMARY_FIELDS = [
  'wave',
  'outcome',
  'conditionCount',
  'directionsAtGoLive',
  'july2013',
  'directionsAfterJuly2013',
] as const;
export type SummaryField = (typeof SUMMARY_FIELDS)[number];

/** Per field, condition and direction: where the stored fact comes from (the demo says; recorded data is `recorded`). */
export interface StoredProvenance {
  readonly fields: Readonly<Record<SummaryField, FactProvenance>>;
  readonly conditions: Readonly<
    Record<string, { readonly criterion: FactProvenance; readonly level: FactProvenance }>
  >;
  readonly directions: Readonly<Record<string, FactProvenance>>;
}

/** Where the CCG's conditions stood after the July 2013 review; a CCG decided after it has its own. */
export type SummaryJuly2013 = July2013Status | 'decided_after_review';

export type SummaryOutcome = 'authorised' | 'authorised_with_conditions' | 'not_authorised';

export interface SummaryCondition extends AuthorisationCondition {
  /** The first criterion the condition cites (most cite one). */
  readonly criterionId: string;
  readonly criterion: FactProvenance;
  readonly level: FactProvenance;
}

export interface SummaryDirection extends AuthorisationDirection {
  readonly provenance: FactProvenance;
}

/** One CCG's authorisation as the Board's stored record shows it, each field with its provenance. */
export interface CcgAuthorisationSummary {
  readonly code: string;
  readonly name: string;
  /** The lifecycle state now. */
  readonly status: LifecycleStatus;
  readonly wave: WaveNumber;
  /** The first decision's outcome (the 2012–13 result for the demo). */
  readonly outcome: SummaryOutcome;
  readonly decidedOn: string;
  readonly establishedOn: string;
  /** Conditions given by the decisions (lifted ones included). */
  readonly conditionCount: number;
  readonly openConditions: number;
  readonly conditions: readonly SummaryCondition[];
  readonly directions: readonly SummaryDirection[];
  readonly directionsAtGoLive: boolean;
  readonly july2013: SummaryJuly2013;
  readonly conditionsLiftedInJuly2013Review: boolean;
  readonly directionsAfterJuly2013: boolean;
  readonly provenance: Readonly<Record<SummaryField, FactProvenance>>;
  /** True when any field, condition or direction is synthetic. */
  readonly synthetic: boolean;
}
