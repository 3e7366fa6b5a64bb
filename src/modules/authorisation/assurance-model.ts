/**
 * Types of the Board's ongoing assurance of established CCGs: the annual assessment (NHS Act 2006
 * s14Z16) with its HWB consultation and published summary, and intervention records (s14Z21) with their
 * grounds, directions, consultations, reviews and lifting. Definitions come from
 * definitions/authorisation/assurance.json.
 */
import type { Recorder } from './assessment-model.ts';
import type { DefinitionMetadata, HwbAttendee, HwbItemRecusals, InterventionTriggerId } from './model.ts';

export interface AssuranceSwitch {
  readonly enabled: boolean;
  readonly confidence: 'confirmed' | 'unconfirmed';
  readonly source: string;
}

export interface Labelled {
  readonly id: string;
  readonly label: string;
}

export interface InterventionPower {
  readonly id: InterventionPowerId;
  readonly subsection: string;
  readonly title: string;
  /** The direction must name the functions it covers. */
  readonly needsFunctions: boolean;
  /** Any one of these powers must be exercised in the same intervention first. */
  readonly requires: readonly InterventionPowerId[];
  readonly consultation: {
    readonly subsection: string;
    /** Who must be consulted first: the CCG to be directed, or the CCG and its local authorities. */
    readonly who: 'directed_ccg' | 'ccg_and_local_authorities';
    readonly text: string;
  } | null;
}

export const INTERVENTION_POWER_IDS = [
  'discharge_functions',
  'cease_functions',
  'board_exercises',
  'another_ccg_performs',
  'replace_accountable_officer',
  'vary_constitution',
  'dissolve',
  'transfer_scheme',
] as const;
export type InterventionPowerId = (typeof INTERVENTION_POWER_IDS)[number];
export type InterventionGround = 'failing' | 'significant_risk';

export interface AssuranceDefinitions extends DefinitionMetadata {
  readonly annualAssessment: {
    readonly legalRef: string;
    readonly source: string;
    readonly duties: readonly Labelled[];
    readonly dutiesSource: string;
    readonly consultRelevantHwbs: AssuranceSwitch;
    readonly consultationDays: AssuranceSwitch & { readonly value: number };
    readonly hwbViews: readonly Labelled[];
    readonly hwbViewsConfidence: 'confirmed' | 'unconfirmed';
    readonly hwbViewsSource: string;
    readonly ratings: readonly Labelled[];
    readonly ratingsConfidence: 'confirmed' | 'unconfirmed';
    readonly ratingsSource: string;
  };
  readonly intervention: {
    readonly legalRef: string;
    readonly source: string;
    readonly grounds: readonly {
      readonly id: InterventionGround;
      readonly subsection: string;
      readonly text: string;
    }[];
    readonly powers: readonly InterventionPower[];
    readonly requiresNote: string;
  };
}

// ---- annual assessment (s14Z16) -------------------------------------------------------------------

export interface HwbResponse {
  readonly hwbCode: string;
  readonly view: string;
  readonly comments: string;
  readonly respondedOn: string;
  readonly respondedBy: Recorder;
  /** Where the HWB discussed it: the CCG's representatives recused from that discussion. */
  readonly recusals: HwbItemRecusals | null;
}

export interface DutyFinding {
  readonly duty: string;
  readonly finding: string;
}

export interface AnnualAssessment {
  readonly assessmentId: string;
  readonly ccgCode: string;
  /** `YYYY-YY`, e.g. 2013-14. */
  readonly financialYear: string;
  readonly status: 'consulting' | 'published';
  readonly openedOn: string;
  readonly consultationCloses: string;
  /** The relevant HWBs consulted: the CCG's overlaps_hwb relationships when it was opened. */
  readonly hwbCodes: readonly string[];
  readonly responses: readonly HwbResponse[];
  readonly rating: string | null;
  readonly findings: readonly DutyFinding[];
  readonly summary: string | null;
  readonly publishedOn: string | null;
  readonly openedBy: Recorder;
  readonly publishedBy: Recorder | null;
  readonly synthetic: boolean;
}

export interface HwbResponseInput {
  readonly view: string;
  readonly comments: string;
  readonly respondedOn: string;
  /** Who was at the HWB meeting that discussed the CCG, to recuse its representatives. */
  readonly meeting: { readonly date: string; readonly attendees: readonly HwbAttendee[] } | null;
}

// ---- intervention (s14Z21) ------------------------------------------------------------------------

export type FunctionsExercisedBy =
  | { readonly kind: 'ccg_itself' }
  | { readonly kind: 'board' }
  | { readonly kind: 'ccg'; readonly ccgCode: string };

export interface InterventionDirection {
  readonly directionId: string;
  readonly power: InterventionPowerId;
  readonly functions: readonly string[];
  /** Who performs the functions: the CCG itself (s14Z21(2)), the Board (8)(a) or another CCG (8)(b). */
  readonly exercisedBy: FunctionsExercisedBy;
  readonly givenOn: string;
  /** The period the direction is for, where it names an end. */
  readonly until: string | null;
  readonly detail: string;
  readonly liftedOn: string | null;
  readonly variations: readonly {
    readonly variedOn: string;
    readonly functions: readonly string[];
    readonly note: string;
  }[];
}

export interface InterventionConsultation {
  readonly consultationId: string;
  /** The CCG or local authority consulted. */
  readonly consulteeCode: string;
  readonly basis: string;
  readonly consultedOn: string;
  readonly response: string;
}

export interface InterventionReview {
  readonly reviewedOn: string;
  readonly outcome: 'continue' | 'vary' | 'lift';
  readonly note: string;
  readonly reviewedBy: Recorder;
}

/** A trigger raised when the intervention was opened, kept as it was shown (evidence included). */
export interface TriggerSnapshot {
  readonly triggerId: InterventionTriggerId;
  readonly title: string;
  readonly evidence: string;
}

export interface Intervention {
  readonly interventionId: string;
  readonly ccgCode: string;
  /** draft: grounds recorded, nothing given yet; in_force: directions given (published); lifted: all lifted. */
  readonly status: 'draft' | 'in_force' | 'lifted';
  readonly ground: InterventionGround;
  readonly grounds: string;
  readonly triggers: readonly TriggerSnapshot[];
  readonly openedOn: string;
  readonly directions: readonly InterventionDirection[];
  readonly consultations: readonly InterventionConsultation[];
  readonly reviews: readonly InterventionReview[];
  /** The s14Z22 report, where the Board dissolves the CCG. */
  readonly dissolutionReport: string | null;
  readonly liftedOn: string | null;
  readonly openedBy: Recorder;
  readonly synthetic: boolean;
}

/** Evidence for a trigger whose module does not exist yet, entered by hand (finance, outcomes). */
export interface ManualTriggerEvidence {
  readonly source: 'finance' | 'outcomes';
  readonly asAt: string;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly note: string;
  readonly recordedBy: Recorder;
  readonly recordedAt: string;
}
