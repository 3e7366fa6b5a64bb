/**
 * The activity API's answers as the web app reads them (shapes from src/modules/activity/activity-service.ts,
 * store.ts and results.ts; type-only imports, so nothing of the engine reaches the browser bundle).
 */
import type { ActivityLabels, MonthComparison } from '../../../modules/activity/activity-service.ts';
import type { RunSummary } from '../../../modules/activity/results.ts';
import type { LoadManifest } from '../../../modules/activity/store.ts';

export type { ActivityLabels, LoadManifest, MonthComparison, RunSummary };

export interface SeriesPoint {
  readonly month: string;
  readonly pod: string;
  readonly activity: number;
  readonly value: number;
}

/** Months with activity paid by the CCG, the month shown (null when there is none) and the one before. */
export interface MonthWindow {
  readonly months: readonly string[];
  readonly month: string | null;
  readonly previousMonth: string | null;
}

export interface CcgActivityResponse extends ActivityLabels, MonthWindow {
  readonly ccg: string;
  readonly series: readonly SeriesPoint[];
  readonly byPod: readonly MonthComparison[];
  readonly byProvider: readonly MonthComparison[];
}

export interface ProviderActivityResponse extends ActivityLabels, MonthWindow {
  readonly ccg: string;
  readonly provider: string;
  readonly providerName: string;
  readonly bySpecialty: readonly MonthComparison[];
  readonly byPod: readonly MonthComparison[];
}

export interface StatementLine {
  readonly month: string;
  readonly pod: string;
  readonly activity: number;
  readonly grossValue: number;
  readonly readmissionDeduction: number;
  readonly marginalRateAdjustment: number;
  readonly netValue: number;
}

export interface ContractStatementResponse extends ActivityLabels {
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
