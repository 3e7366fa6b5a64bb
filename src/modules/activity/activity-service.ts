import path from 'node:path';
import { sqlString } from '../../platform/analytics/duckdb.ts';
import { AppError } from '../../platform/errors.ts';
import type { RunSummary } from './results.ts';
import type { ActivityResults, ResultFile } from './results-reader.ts';
import type { LoadManifest } from './store.ts';

export type { ActivityLabels } from './results-reader.ts';

export interface MonthComparison {
  readonly key: string;
  readonly name: string;
  readonly activity: number;
  readonly value: number;
  readonly previousActivity: number;
  readonly previousValue: number;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

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

  /** Months with activity paid by the CCG, the chosen month (default the latest) and the one before. */
  private async months(dir: string, ccg: string, month: string | undefined) {
    if (month !== undefined && !MONTH.test(month)) {
      throw AppError.validation([
        { path: 'month', message: `"${month}" is not a month (YYYY-MM)`, code: 'invalid_month' },
      ]);
    }
    const rows = await (await this.db()).all<{ month: string }>(
      `select distinct month from ${this.file(dir, 'monthly')} where payer_kind = 'ccg' and payer_code = ? order by month`,
      [ccg],
    );
    const months = rows.map((r) => r.month);
    const selected = month ?? months.at(-1) ?? null;
    if (month !== undefined && !months.includes(month)) {
      throw AppError.validation([
        {
          path: 'month',
          message: `no activity paid by ${ccg} in ${month}; months with activity: ${months.join(', ') || 'none'}`,
          code: 'unknown_month',
        },
      ]);
    }
    const index = selected ? months.indexOf(selected) : -1;
    return { months, selected, previous: index > 0 ? (months[index - 1] ?? null) : null };
  }

  private async compare(
    dir: string,
    key: string,
    where: string,
    params: readonly string[],
    month: string,
    previous: string | null,
  ): Promise<
    { key: string; activity: number; value: number; previousActivity: number; previousValue: number }[]
  > {
    return (await this.db()).all(
      `select ${key} as key,
              coalesce(sum(activity) filter (where month = ?), 0)::bigint as activity,
              coalesce(sum(value) filter (where month = ?), 0)::double as value,
              coalesce(sum(activity) filter (where month = ?), 0)::bigint as "previousActivity",
              coalesce(sum(value) filter (where month = ?), 0)::double as "previousValue"
       from ${this.file(dir, 'monthly')} where ${where} and month in (?, ?)
       group by 1 order by value desc, key`,
      [month, month, previous ?? '', previous ?? '', ...params, month, previous ?? ''],
    );
  }

  private async named(rows: readonly { key: string }[], lookup: (key: string) => string | undefined) {
    return rows.map((r) => ({ ...r, name: lookup(r.key) ?? r.key }));
  }

  /** A CCG's activity as payer: monthly series by POD, and the chosen month against the previous by POD and provider. */
  async ccgActivity(code: string, month?: string) {
    const ccg = code.toUpperCase();
    const { dir, labels } = this.current();
    const m = await this.months(dir, ccg, month);
    const where = `payer_kind = 'ccg' and payer_code = ?`;
    const series = await (await this.db()).all<{
      month: string;
      pod: string;
      activity: number;
      value: number;
    }>(
      `select month, point_of_delivery as pod, sum(activity)::bigint as activity, sum(value)::double as value
       from ${this.file(dir, 'monthly')} where ${where} group by 1, 2 order by 1, 2`,
      [ccg],
    );
    const podNames = POD_NAMES;
    if (!m.selected)
      return {
        ccg,
        ...labels,
        podNames,
        months: [],
        month: null,
        previousMonth: null,
        series,
        byPod: [],
        byProvider: [],
      };
    const byPod = await this.compare(dir, 'point_of_delivery', where, [ccg], m.selected, m.previous);
    const byProviderRaw = await this.compare(dir, 'provider_code', where, [ccg], m.selected, m.previous);
    const names = await this.names(byProviderRaw.map((r) => r.key));
    return {
      ccg,
      ...labels,
      podNames,
      months: m.months,
      month: m.selected,
      previousMonth: m.previous,
      series,
      byPod: await this.named(byPod, (k) => POD_NAMES[k]),
      byProvider: await this.named(byProviderRaw, (k) => names.get(k)),
    };
  }

  /** Drill-down: one provider's activity for the CCG by specialty (treatment function) and POD. */
  async ccgProviderActivity(code: string, provider: string, month?: string) {
    const ccg = code.toUpperCase();
    const providerCode = provider.toUpperCase();
    const { dir, labels } = this.current();
    const m = await this.months(dir, ccg, month);
    const where = `payer_kind = 'ccg' and payer_code = ? and provider_code = ?`;
    const names = await this.names([providerCode]);
    if (!m.selected)
      return {
        ccg,
        provider: providerCode,
        providerName: names.get(providerCode) ?? providerCode,
        ...labels,
        months: [],
        month: null,
        previousMonth: null,
        bySpecialty: [],
        byPod: [],
      };
    const bySpecialty = await this.compare(
      dir,
      'treatment_function_code',
      where,
      [ccg, providerCode],
      m.selected,
      m.previous,
    );
    const byPod = await this.compare(
      dir,
      'point_of_delivery',
      where,
      [ccg, providerCode],
      m.selected,
      m.previous,
    );
    return {
      ccg,
      provider: providerCode,
      providerName: names.get(providerCode) ?? providerCode,
      ...labels,
      months: m.months,
      month: m.selected,
      previousMonth: m.previous,
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
