/**
 * Types of the responsible-commissioner ("Who Pays?" 2013) rules: the commissioner, the decision,
 * the switches and the parsed definitions. The facts behind them are in definitions/who-pays/.
 */

export type CommissionerKind = 'ccg' | 'nhs_england' | 'local_authority' | 'phe' | 'undetermined';

/**
 * A commissioner: a CCG by its ODS code (e.g. '02N'), a local authority by the upper-tier authority
 * code of the person's LSOA (null when not known), NHS England and PHE with a null code, and
 * 'undetermined' (null code) when the case cannot name an English commissioner.
 */
export interface Commissioner {
  readonly kind: CommissionerKind;
  readonly code: string | null;
}

/** The rule ids, R0 to R8 (REFERENCE.md §5.1). */
export const WHO_PAYS_RULE_IDS = ['R0', 'R1', 'R2', 'R3', 'R4', 'R5', 'R6', 'R7', 'R8'] as const;
export type WhoPaysRuleId = (typeof WHO_PAYS_RULE_IDS)[number];

/**
 * The order the code evaluates the rules in; the first that applies decides. rules.json records it as
 * `precedence` and the loader checks the two agree (see the notes there for why R7 and R8 come early).
 */
export const EVALUATION_ORDER: readonly WhoPaysRuleId[] = [
  'R0',
  'R1',
  'R7',
  'R8',
  'R2',
  'R3',
  'R4',
  'R5',
  'R6',
];

export interface WhoPaysDecision {
  /** The commissioner responsible for the person for this service. */
  readonly responsible: Commissioner;
  /** Who pays the provider: the responsible commissioner unless a payment rule (s14Z7) moves it. */
  readonly payer: Commissioner;
  readonly ruleId: WhoPaysRuleId;
  readonly reason: string;
}

/** Every switch the rules read, with its options. rules.json documents each and gives its default. */
export const SWITCH_OPTIONS = {
  emergencyPayment: ['host_ccg', 'registering_or_resident_ccg'],
  prisonerEmergencyCare: ['present_ccg', 'nhs_england'],
  detainedPublicHealth: ['nhs_england', 'local_authority'],
  armedForcesEmergencyCare: ['present_ccg', 'nhs_england'],
  veterans: ['normal_rules', 'nhs_england'],
  childPlacementScope: ['all_services', 'planned_services_only'],
  temporaryResident: ['temporary_practice_ccg', 'registered_practice_ccg'],
  crossBorderResidents: ['undetermined', 'registering_ccg_wales_only', 'registering_ccg'],
  noAddress: ['present_ccg', 'undetermined'],
} as const;
export type SwitchName = keyof typeof SWITCH_OPTIONS;
export const SWITCH_NAMES = Object.keys(SWITCH_OPTIONS) as SwitchName[];

/** The switch settings a decision is made under. */
export type WhoPaysSwitches = { readonly [N in SwitchName]: (typeof SWITCH_OPTIONS)[N][number] };

/** The rule each switch belongs to (rules.json must put it there). */
export const SWITCH_RULE: Readonly<Record<SwitchName, WhoPaysRuleId>> = {
  emergencyPayment: 'R1',
  prisonerEmergencyCare: 'R7',
  detainedPublicHealth: 'R7',
  armedForcesEmergencyCare: 'R8',
  veterans: 'R8',
  childPlacementScope: 'R2',
  temporaryResident: 'R4',
  crossBorderResidents: 'R4',
  noAddress: 'R5',
};

export type Confidence = 'confirmed' | 'partial' | 'unconfirmed';
export type CategoryCommissioner = 'ccg' | 'nhs_england' | 'local_authority' | 'phe';

export interface ServiceCategory {
  readonly id: string;
  readonly label: string;
  readonly commissioner: CategoryCommissioner;
  /** A&E or ambulance: rule R1. */
  readonly emergency: boolean;
  readonly legalRef: string;
  readonly source: string;
  readonly confidence: Confidence;
}

export interface SwitchDefinition {
  readonly name: SwitchName;
  readonly title: string;
  readonly confidence: Confidence;
  readonly source: string;
  readonly options: readonly { readonly value: string; readonly meaning: string }[];
  readonly default: string;
  readonly defaultReason: string;
}

export interface RuleDefinition {
  readonly id: WhoPaysRuleId;
  readonly title: string;
  readonly precedence: number;
  readonly legalRefs: readonly string[];
  readonly source: string;
  readonly confidence: Confidence;
  readonly summary: string;
  readonly switches: readonly SwitchDefinition[];
}

/** definitions/who-pays as the rules use it. */
export interface WhoPaysDefinitions {
  /** The first and last dates a case may have (the period these rules model). */
  readonly effectiveFrom: string;
  readonly effectiveTo: string;
  /** In precedence order. */
  readonly rules: readonly RuleDefinition[];
  /** In file order. */
  readonly categories: readonly ServiceCategory[];
  readonly categoryById: ReadonlyMap<string, ServiceCategory>;
  readonly defaultSwitches: WhoPaysSwitches;
}

/**
 * The reference look-ups the rules need, passed in so the rules stay pure (see ../lookups.ts for the
 * implementation over the reference tables).
 */
export interface WhoPaysLookups {
  /**
   * A known practice, with the CCG it was a member of on `date` (YYYY-MM-DD; null: a member of none
   * then, e.g. a prison practice, or one that joined a CCG later in the year).
   */
  practice(code: string, date: string): { readonly ccgCode: string | null } | undefined;
  /** A known 2011 LSOA, with its CCG and upper-tier local authority. */
  /**
   * A known LSOA: its 2013 CCG (null where the published lookup cannot tell which of `ccgCodes` it
   * was) and its upper-tier local authority.
   */
  lsoa(
    code: string,
  ):
    | { readonly ccgCode: string | null; readonly ccgCodes?: readonly string[]; readonly utlaCode: string }
    | undefined;
  isCcg(code: string): boolean;
}
