/**
 * The activity API's answers as the web app reads them (shapes from src/modules/activity/activity-service.ts,
 * store.ts and results.ts; type-only imports, so nothing of the engine reaches the browser bundle).
 */
import type { ActivityLabels, MonthComparison } from '../../../modules/activity/activity-service.ts';
import type { MonthWindow } from '../../../modules/activity/month-window.ts';
import type { RunSummary } from '../../../modules/activity/results.ts';
import type { LoadManifest } from '../../../modules/activity/store.ts';

export type { ActivityLabels, LoadManifest, MonthComparison, MonthWindow, RunSummary };

/** A month and POD of the CCG's activity: activity (of which `unpriced` had no price, at £0) and cost. */
export interface SeriesPoint {
  readonly month: string;
  readonly pod: string;
  readonly activity: number;
  readonly unpriced: number;
  readonly value: number;
}

/** What the activity views' cost is (after readmission deductions, before the marginal rate adjustment). */
interface CostBasis {
  readonly costBasis: string;
}

export interface CcgActivityResponse extends ActivityLabels, MonthWindow, CostBasis {
  readonly ccg: string;
  /** Names of every point of delivery, by code (not only those of the month shown). */
  readonly podNames: Readonly<Record<string, string>>;
  readonly series: readonly SeriesPoint[];
  readonly byPod: readonly MonthComparison[];
  readonly byProvider: readonly MonthComparison[];
}

export interface ProviderActivityResponse extends ActivityLabels, MonthWindow, CostBasis {
  readonly ccg: string;
  readonly provider: string;
  readonly providerName: string;
  readonly bySpecialty: readonly MonthComparison[];
  readonly byPod: readonly MonthComparison[];
}

/**
 * A statement line as the API gives it: net = gross − readmissionDeduction (the amount deducted) +
 * marginalRateAdjustment (signed: negative when money is withheld).
 */
export interface StatementLine {
  readonly month: string;
  readonly pod: string;
  readonly activity: number;
  readonly grossValue: number;
  readonly readmissionDeduction: number;
  readonly marginalRateAdjustment: number;
  readonly netValue: number;
}

export interface ContractStatementResponse extends ActivityLabels, CostBasis {
  readonly ccg: string;
  readonly provider: string;
  readonly providerName: string;
  readonly lines: readonly StatementLine[];
}

export interface PopulationByRule {
  readonly rule: string;
  readonly title: string;
  readonly patients: number;
  readonly activity: number;
}

export interface ResponsiblePopulationResponse extends ActivityLabels {
  readonly ccg: string;
  readonly byRule: readonly PopulationByRule[];
}

/** GET /api/activity/loads (platform administrators): every load, oldest first, and the current run. */
export interface ActivityLoadsResponse {
  readonly loads: readonly LoadManifest[];
  readonly run: RunSummary | null;
}

/** One quarantined row: where it was, why, and its values as given (JSON, patient pseudonym withheld). */
export interface QuarantinedRow {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
  readonly rawValues: string;
}

/** GET /api/activity/loads/:loadId/quarantine: the load and one page of its quarantined rows, by line. */
export interface QuarantineResponse {
  readonly load: LoadManifest;
  readonly rows: readonly QuarantinedRow[];
}
