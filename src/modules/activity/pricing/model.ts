/**
 * Types of Payment by Results 2013/14 pricing. Plain readonly data: the definitions loader builds a
 * `Tariff` from definitions/tariff/2013-14, and the pure rules read it.
 *
 * Money is in integer pence throughout (DESIGN habit 8). Rates are in basis points (1 bp = 0.01%,
 * 10000 bp = 1.0), so that the TypeScript rules and the DuckDB SQL do the same integer arithmetic.
 */

/** Points of delivery of the activity layout (definitions/activity/layout.json). */
export const POINTS_OF_DELIVERY = ['EL', 'DC', 'NEL', 'MAT', 'OPFA', 'OPFU', 'AE', 'COM', 'MH'] as const;
export type PointOfDelivery = (typeof POINTS_OF_DELIVERY)[number];

/** Admitted patient care: priced per spell, with excess bed days over the trim point. */
export const ADMITTED_PODS: readonly PointOfDelivery[] = ['EL', 'DC', 'NEL', 'MAT'];
/** Non-elective admissions whose short stays (0–1 days) take the short-stay price when the switch is on. */
export const NON_ELECTIVE_PODS: readonly PointOfDelivery[] = ['NEL', 'MAT'];
export const OUTPATIENT_PODS: readonly PointOfDelivery[] = ['OPFA', 'OPFU'];
/** Non-tariff activity: locally agreed prices (contract Schedule 3A). */
export const LOCAL_PRICE_PODS: readonly PointOfDelivery[] = ['COM', 'MH'];

export type PriceSource = 'national_tariff_derived' | 'local_price' | 'no_price';

/** One price of the tariff: a currency at a point of delivery (and treatment function or A&E type). */
export interface PriceEntry {
  readonly pod: PointOfDelivery;
  readonly currency: string;
  /** Treatment function code for outpatient prices; '' otherwise. */
  readonly treatmentFunction: string;
  /** A&E department type ('01'–'04') for A&E prices; '' otherwise. */
  readonly departmentType: string;
  readonly pricePence: number;
  /** Non-elective spells of 0–1 days (reference-cost NES sheet); null where none. */
  readonly shortStayPricePence: number | null;
  /** Illustrative: spells longer than this many days earn excess bed days. Null: no excess bed days. */
  readonly trimPointDays: number | null;
  readonly excessBedDayPricePence: number | null;
  readonly source: 'national_tariff_derived' | 'local_price';
  /** The label every priced row carries, e.g. "derived from 2013-14 reference costs". */
  readonly label: string;
  /** The best practice tariff area this price belongs to, if any. */
  readonly bptArea: string | null;
}

/** An adjustment of the base price: a share of it (bp, may be negative) plus a fixed amount (pence). */
export interface PriceAdjustment {
  readonly shareOfBaseBp: number;
  readonly fixedPence: number;
}

export interface BptArea {
  readonly id: string;
  readonly title: string;
  readonly enabled: boolean;
  readonly pods: readonly PointOfDelivery[];
  readonly hrgCodes: readonly string[];
  /** The BPT applies only from this age (e.g. fragility hip fracture: 60+); null for any age. */
  readonly minimumAge: number | null;
  readonly criteriaMet: PriceAdjustment;
  readonly criteriaNotMet: PriceAdjustment;
}

/** Layout columns an exclusion condition may test. */
export const CONDITION_FIELDS = [
  'activity_type',
  'point_of_delivery',
  'admission_method',
  'admission_source',
  'discharge_method',
  'age_at_activity_date',
  'residence_country',
  'hrg_code',
  'treatment_function_code',
  'service_category',
] as const;
export type ConditionField = (typeof CONDITION_FIELDS)[number];

/** One test on a row: a value in a list, a code starting with a prefix, a number below a bound, or no national price. */
export type Condition =
  | { readonly field: ConditionField; readonly in: readonly string[] }
  | { readonly field: ConditionField; readonly prefixes: readonly string[] }
  | { readonly field: 'age_at_activity_date'; readonly lessThan: number }
  | { readonly noNationalPrice: true };

export interface ReadmissionExclusion {
  readonly id: string;
  readonly title: string;
  readonly enabled: boolean;
  /** The exclusion applies when ANY of these conditions holds on the readmission row. */
  readonly anyOf: readonly Condition[];
}

export type ShortStayEmergency = 'reference_cost_short_stay' | 'single_price';
export type BptMissingCriteria = 'not_met' | 'no_adjustment';
export type ReadmissionScope = 'same_provider' | 'any_provider';
export type MarginalRatePhasing = 'year_to_date' | 'monthly';
export type BaselineMethod = 'agreed' | 'share_of_outturn';

export interface MarginalRateRule {
  /** Share of tariff paid for emergency activity above the baseline: 30% [C]. */
  readonly ratePaidAboveBaselineBp: number;
  /** Points of delivery whose value counts as emergency admissions. */
  readonly pods: readonly PointOfDelivery[];
  readonly phasing: MarginalRatePhasing;
  readonly baselineMethod: BaselineMethod;
  /** For 'share_of_outturn' (synthetic contracts): baseline = this share of the year's emergency value. */
  readonly baselineShareOfOutturnBp: number;
}

export interface ReadmissionRule {
  readonly windowDays: number;
  readonly scope: ReadmissionScope;
  /** Share of counted readmissions judged avoidable, not paid (Sch 3E): illustrative default. */
  readonly avoidableShareBp: number;
  readonly exclusions: readonly ReadmissionExclusion[];
}

/** Every switch and parameter the pricing rules read, resolved from the definitions (and overrides). */
export interface PricingOptions {
  readonly shortStayEmergency: ShortStayEmergency;
  readonly applyMff: boolean;
  readonly bptMissingCriteria: BptMissingCriteria;
  readonly bptAreas: readonly BptArea[];
  readonly readmissions: ReadmissionRule;
  readonly marginalRate: MarginalRateRule;
}

export interface Tariff {
  readonly version: string;
  readonly label: string;
  /** Keyed by `priceKey(pod, currency, treatmentFunction, departmentType)`. */
  readonly prices: ReadonlyMap<string, PriceEntry>;
  /** Provider code → MFF in basis points (illustrative). */
  readonly mff: ReadonlyMap<string, number>;
  /** The switches and parameters as the definitions set them. */
  readonly defaults: PricingOptions;
}

export function priceKey(
  pod: string,
  currency: string,
  treatmentFunction: string,
  departmentType: string,
): string {
  return `${pod}|${currency}|${treatmentFunction}|${departmentType}`;
}

/** The fields of an activity row pricing reads (layout names; the loader's derived readmission flag). */
export interface PricingRow {
  readonly activity_type: string;
  readonly point_of_delivery: string;
  readonly admission_method: string | null;
  readonly admission_source: string | null;
  readonly discharge_method: string | null;
  /** ISO date (YYYY-MM-DD) or a Date, as DuckDB returns it. */
  readonly activity_start_date: string | Date;
  readonly activity_end_date: string | Date | null;
  readonly age_at_activity_date: number;
  readonly residence_country: string;
  readonly provider_code: string;
  readonly hrg_code: string;
  readonly treatment_function_code: string;
  readonly service_category: string;
  readonly ae_department_type: string | null;
  readonly best_practice_criteria_met: boolean | null;
  readonly emergency_readmission_30d: boolean | null;
}

/** Null: not a 30-day emergency readmission; 'counted': the avoidable share is withheld; else the exclusion id. */
export type ReadmissionStatus = null | 'counted' | string;

export interface PricedActivity {
  readonly currency: string;
  readonly basePrice: number;
  readonly excessBedDays: number;
  readonly excessBedDayPayment: number;
  readonly bptAdjustment: number;
  /** The MFF applied (1.0 where none applies); null for rows with no price. */
  readonly mffFactor: number | null;
  readonly readmissionDeduction: number;
  /** What is paid for the row: (base + excess + BPT) × MFF − readmission deduction, in pence. */
  readonly price: number;
  readonly priceSource: PriceSource;
  readonly reason: string;
  readonly bptArea: string | null;
  readonly readmissionStatus: ReadmissionStatus;
}
