/**
 * The activity API's answers as the web app reads them (shapes from src/modules/activity/activity-service.ts;
 * type-only imports, so nothing of the engine reaches the browser bundle).
 */
import type { ActivityLabels, MonthComparison } from '../../../modules/activity/activity-service.ts';

export type { ActivityLabels, MonthComparison };

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
  readonly value: number;
}

export interface ResponsiblePopulationResponse extends ActivityLabels {
  readonly ccg: string;
  readonly byRule: readonly PopulationByRule[];
}
