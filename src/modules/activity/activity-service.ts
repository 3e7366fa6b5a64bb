import path from 'node:path';
import { sqlString } from '../../platform/analytics/duckdb.ts';
import { AppError } from '../../platform/errors.ts';
import { monthsBetween, monthWindow } from './month-window.ts';
import type { RunSummary } from './results.ts';
import type { ActivityResults, ResultFile } from './results-reader.ts';
import type { LoadManifest } from './store.ts';

export type { ActivityLabels } from './results-reader.ts';

/**
 * One POD, provider or specialty in the chosen month and the calendar month before: activity (of which
 * `unpriced` had no price and is counted at £0) and cost (`value`, on the basis of ACTIVITY_COST_BASIS).
 */
export interface MonthComparison {
  readonly key: string;
  readonly name: string;
  readonly activity: number;
  readonly unpriced: number;
  readonly value: number;
  readonly previousActivity: number;
  readonly previousUnpriced: number;
  readonly previousValue: number;
}

/** What the cost (`value`) of the activity views is: monthly.parquet's value, row-level PbR. */
export const ACTIVITY_COST_BASIS =
  'Cost is after readmission deductions, before the marginal rate emergency adjustment, which is on the contract statement. Unpriced activity (no price found) is counted at £0.';

/** What the contract statement's money columns are, and how they add up. */
export const STATEMENT_COST_BASIS =
  'Gross is the cost before readmission deductions and the marginal rate emergency adjustment; net = gross − readmission deduction (an amount deducted) + marginal rate adjustment (negative when money is withheld).';

/**
 * Read side of the activity engine for the API and the web: a CCG's monthly activity and cost by point
 * of delivery, provider and specialty, and SLAM-style contract statements (the responsible population
 * is src/modules/population). Reads the current run's Parquet through ActivityResults.
 */
export class ActivityService {
  constructor(
    private readonly results: ActivityResults,
    private readonly names: (codes: readonly string[]) => Promise<ReadonlyMap<string, string>>,
    private readonly treatmentFunctions: ReadonlyMap<string, string>,
  ) {}

  private get store() {
    return this.results.store;
  }

  private db() {
    return this.results.db();
  }

  /** Closes the results reader's DuckDB (shared with the population views). */
  close(): Promise<void> {
    return this.results.close();
  }

  loads(): { loads: LoadManifest[] } {
    return { loads: this.store.loads() };
  }

  async quarantine(loadId: string, limit: number, offset: number) {
    const manifest = this.store.find(loadId);
    if (!manifest) throw AppError.notFound(`activity load ${loadId}`, 'loadId');
    if (manifest.rejected === 0) return { load: manifest, rows: [] };
    const file = path.join(this.store.loadDir(loadId), 'quarantine.parquet');
    const rows = await (await this.db()).all<{
      file: string;
      line: number;
      reason: string;
      rawValues: string;
    }>(
      `select file, line::bigint as line, reason, json_merge_patch(raw_values, '{"patient_pseudonym": null}')::varchar as "rawValues" from read_parquet(${sqlString(file)})
       order by line limit ${limit} offset ${offset}`,
    );
    return { load: manifest, rows };
  }

  /** The current run, or null when nothing has been loaded and priced yet. */
  run(): RunSummary | null {
    return this.results.summary();
  }

  private current() {
    return this.results.current();
  }

  private file(dir: string, name: ResultFile): string {
    return this.results.file(dir, name);
  }

  /** Every month of the run, first to last (any payer), without gaps. */
  private async runMonths(dir: string): Promise<string[]> {
    const [range] = await (await this.db()).all<{ first: string | null; last: string | null }>(
      `select min(month) as first, max(month) as last from ${this.file(dir, 'monthly')}`,
    );
    return range?.first && range.last ? monthsBetween(range.first, range.last) : [];
  }

  /** Months with activity matching `where` (over monthly.parquet). */
  private async activeMonths(dir: string, where: string, params: readonly string[]): Promise<string[]> {
    const rows = await (await this.db()).all<{ month: string }>(
      `select distinct month from ${this.file(dir, 'monthly')} where ${where} order by month`,
      params,
    );
    return rows.map((r) => r.month);
  }

  private async compare(
    dir: string,
    key: string,
    where: string,
    params: readonly string[],
    month: string,
    previous: string | null,
  ): Promise<Omit<MonthComparison, 'name'>[]> {
    const before = previous ?? '';
    return (await this.db()).all(
      `select ${key} as key,
              coalesce(sum(activity) filter (where month = ?), 0)::bigint as activity,
              coalesce(sum(unpriced) filter (where month = ?), 0)::bigint as unpriced,
              coalesce(sum(value) filter (where month = ?), 0)::double as value,
              coalesce(sum(activity) filter (where month = ?), 0)::bigint as "previousActivity",
              coalesce(sum(unpriced) filter (where month = ?), 0)::bigint as "previousUnpriced",
              coalesce(sum(value) filter (where month = ?), 0)::double as "previousValue"
       from ${this.file(dir, 'monthly')} where ${where} and month in (?, ?)
       group by 1 order by value desc, key`,
      [month, month, month, before, before, before, ...params, month, before],
    );
  }

  private async named(rows: readonly { key: string }[], lookup: (key: string) => string | undefined) {
    return rows.map((r) => ({ ...r, name: lookup(r.key) ?? r.key }));
  }

  /**
   * A CCG's activity as payer: monthly series by POD, and the chosen month (default the latest with
   * activity) against the calendar month before, by POD and provider. Cost on ACTIVITY_COST_BASIS.
   */
  async ccgActivity(code: string, month?: string) {
    const ccg = code.toUpperCase();
    const { dir, labels } = this.current();
    const where = `payer_kind = 'ccg' and payer_code = ?`;
    const m = monthWindow(await this.runMonths(dir), await this.activeMonths(dir, where, [ccg]), month);
    const series = await (await this.db()).all<{
      month: string;
      pod: string;
      activity: number;
      unpriced: number;
      value: number;
    }>(
      `select month, point_of_delivery as pod, sum(activity)::bigint as activity,
              sum(unpriced)::bigint as unpriced, sum(value)::double as value
       from ${this.file(dir, 'monthly')} where ${where} group by 1, 2 order by 1, 2`,
      [ccg],
    );
    const answer = { ccg, ...labels, costBasis: ACTIVITY_COST_BASIS, podNames: POD_NAMES, ...m, series };
    if (!m.month) return { ...answer, byPod: [], byProvider: [] };
    const byPod = await this.compare(dir, 'point_of_delivery', where, [ccg], m.month, m.previousMonth);
    const byProvider = await this.compare(dir, 'provider_code', where, [ccg], m.month, m.previousMonth);
    const names = await this.names(byProvider.map((r) => r.key));
    return {
      ...answer,
      byPod: await this.named(byPod, (k) => POD_NAMES[k]),
      byProvider: await this.named(byProvider, (k) => names.get(k)),
    };
  }

  /**
   * Drill-down: one provider's activity for the CCG by specialty (treatment function) and POD, in the
   * chosen month (default the provider's own latest month with activity for the CCG) against the
   * calendar month before. Not found when the CCG pays the provider for nothing in the run.
   */
  async ccgProviderActivity(code: string, provider: string, month?: string) {
    const ccg = code.toUpperCase();
    const providerCode = provider.toUpperCase();
    const { dir, labels } = this.current();
    const where = `payer_kind = 'ccg' and payer_code = ? and provider_code = ?`;
    const params = [ccg, providerCode];
    const active = await this.activeMonths(dir, where, params);
    if (active.length === 0) {
      throw AppError.notFound(`provider ${providerCode} with activity paid by ${ccg}`, 'provider');
    }
    const m = monthWindow(await this.runMonths(dir), active, month);
    const selected = m.month ?? active.at(-1) ?? '';
    const bySpecialty = await this.compare(
      dir,
      'treatment_function_code',
      where,
      params,
      selected,
      m.previousMonth,
    );
    const byPod = await this.compare(dir, 'point_of_delivery', where, params, selected, m.previousMonth);
    const names = await this.names([providerCode]);
    return {
      ccg,
      provider: providerCode,
      providerName: names.get(providerCode) ?? providerCode,
      ...labels,
      costBasis: ACTIVITY_COST_BASIS,
      ...m,
      bySpecialty: await this.named(bySpecialty, (k) => this.treatmentFunctions.get(k)),
      byPod: await this.named(byPod, (k) => POD_NAMES[k]),
    };
  }

  /** The SLAM-style statement of one contract (the CCG paying one provider): month by month, by POD. */
  async contractStatement(code: string, provider: string) {
    const ccg = code.toUpperCase();
    const providerCode = provider.toUpperCase();
    const { dir, labels } = this.current();
    const lines = await (await this.db()).all(
      `select month, point_of_delivery as pod, activity::bigint as activity, value::double as "grossValue",
              readmission_deduction::double as "readmissionDeduction", mret_adjustment::double as "marginalRateAdjustment",
              net_value::double as "netValue"
       from ${this.file(dir, 'contracts')} where payer_code = ? and provider_code = ? order by month, pod`,
      [ccg, providerCode],
    );
    if (lines.length === 0) {
      throw AppError.notFound(
        `a contract between ${ccg} and ${providerCode} with priced activity`,
        'provider',
      );
    }
    const names = await this.names([providerCode]);
    return {
      ccg,
      provider: providerCode,
      providerName: names.get(providerCode) ?? providerCode,
      ...labels,
      costBasis: STATEMENT_COST_BASIS,
      lines,
    };
  }
}

/** Points of delivery of the activity layout (definitions/activity/layout.json). */
export const POD_NAMES: Readonly<Record<string, string>> = {
  EL: 'Elective inpatient',
  DC: 'Day case',
  NEL: 'Non-elective',
  MAT: 'Maternity admission',
  OPFA: 'Outpatient first attendance',
  OPFU: 'Outpatient follow-up',
  AE: 'A&E attendance',
  COM: 'Community contact',
  MH: 'Mental health contact',
};
