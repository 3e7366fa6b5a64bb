import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sqlString } from '../../platform/analytics/duckdb.ts';
import { AppError } from '../../platform/errors.ts';
import type { ActivityEngine } from './engine.ts';
import type { PricingOptions } from './pricing/model.ts';
import { marginalRateQuery, pricingQuery, syntheticBaselineQuery, writeTariffTables } from './pricing/sql.ts';
import { PRICE_BASIS, type RunSummary } from './results.ts';
import type { ActivityStore } from './store.ts';
import { loadWhoPaysDefinitions } from './who-pays/definitions.ts';
import type { WhoPaysSwitches } from './who-pays/rules/model.ts';
import { attributionQuery } from './who-pays/sql.ts';

export interface PipelineOptions {
  readonly whoPaysSwitches?: Partial<WhoPaysSwitches>;
  readonly pricing?: Partial<PricingOptions>;
  /** Stage name and percent done, for a progress bar. */
  readonly onProgress?: (stage: string, percent: number) => void;
  readonly now?: () => Date;
}

/** The monthly aggregate's grain: who pays, who is responsible and why, provider, POD, specialty, month. */
const MONTHLY_KEYS = [
  'payer_kind',
  'payer_code',
  'responsible_kind',
  'responsible_code',
  'who_pays_rule',
  'provider_code',
  'point_of_delivery',
  'treatment_function_code',
] as const;

/**
 * The SQL of the main pass: every loaded row attributed (Who Pays), priced (PbR 2013/14, row level) and
 * summed per month at the MONTHLY_KEYS grain, in one streaming query (DuckDB pipelines the scan, the
 * hash joins to the small tables and the aggregate). Money is summed in pence and written in pounds.
 */
export function monthlyQuery(input: string, switches: WhoPaysSwitches, pricing: PricingOptions): string {
  const priced = pricingQuery(`(${attributionQuery(input, switches)})`, pricing);
  const pounds = (column: string) => `sum(${column}) / 100.0`;
  return `select strftime(activity_start_date, '%Y-%m') as month, ${MONTHLY_KEYS.join(', ')},
      count(*)::bigint as activity,
      count(*) filter (where price_source = 'no_price')::bigint as unpriced,
      ${pounds('base_price')} as base_value,
      ${pounds('excess_bed_day_payment')} as excess_bed_day_value,
      ${pounds('bpt_adjustment')} as bpt_adjustment,
      ${pounds('price + readmission_deduction - base_price - excess_bed_day_payment - bpt_adjustment')} as mff_adjustment,
      ${pounds('readmission_deduction')} as readmission_deduction,
      ${pounds('price')} as value
    from (${priced})
    group by all`;
}

/** Distinct people per responsible commissioner and rule (with their activity and value). */
export function populationQuery(input: string, switches: WhoPaysSwitches, pricing: PricingOptions): string {
  const priced = pricingQuery(`(${attributionQuery(input, switches)})`, pricing);
  return `select responsible_kind, responsible_code, who_pays_rule,
      count(distinct patient_pseudonym)::bigint as patients, count(*)::bigint as activity, sum(price) / 100.0 as value
    from (${priced}) group by all`;
}

/**
 * Contract statements: per contract (the CCG that pays × provider), month and POD, the row-level value
 * and the readmission deductions, with the marginal rate emergency rule applied to the contract's
 * emergency value month by month (the deduction is shown on the non-elective line of the month).
 */
export function contractsQuery(monthly: string, pricing: PricingOptions): string {
  const keys = ['payer_code', 'provider_code'];
  const options = { contractKeys: keys, monthColumn: 'month_date', valueColumn: 'value_pence' };
  const m = `(select payer_code, provider_code, point_of_delivery, strptime(month, '%Y-%m')::date as month_date,
                     round(value * 100)::bigint as value_pence
              from ${monthly} where payer_kind = 'ccg')`;
  const baselines = `(${syntheticBaselineQuery(m, pricing.marginalRate, options)})`;
  const mret = marginalRateQuery(m, baselines, pricing.marginalRate, options);
  // The deduction goes on the month's largest emergency POD line so each month's lines add up.
  const firstPod = pricing.marginalRate.pods[0] ?? 'NEL';
  return `with lines as (
      select payer_code, provider_code, month, point_of_delivery, sum(activity)::bigint as activity,
             sum(value + readmission_deduction) as value, sum(readmission_deduction) as readmission_deduction
      from ${monthly} where payer_kind = 'ccg' group by all),
    mret as (${mret})
    select l.payer_code, l.provider_code, l.month, l.point_of_delivery, l.activity, l.value, l.readmission_deduction,
      coalesce(case when l.point_of_delivery = ${sqlString(firstPod)} then -m.marginal_rate_deduction / 100.0 end, 0)
        as mret_adjustment,
      l.value - l.readmission_deduction
        + coalesce(case when l.point_of_delivery = ${sqlString(firstPod)} then -m.marginal_rate_deduction / 100.0 end, 0)
        as net_value
    from lines l left join mret m
      on m.payer_code = l.payer_code and m.provider_code = l.provider_code
     and strftime(m.activity_month, '%Y-%m') = l.month
    order by 1, 2, 3, 4`;
}

/**
 * Runs attribution → pricing → aggregation over every loaded file and writes a new results run
 * (results.ts), atomically: built in results/.tmp-*, renamed, then results/current.json updated.
 */
export async function runActivityPipeline(
  { engine, tariff }: ActivityEngine,
  store: ActivityStore,
  options: PipelineOptions = {},
): Promise<RunSummary> {
  const loads = store.loads().filter((l) => l.accepted > 0);
  if (loads.length === 0) {
    throw new AppError(
      'not_found',
      'No activity loaded: load files with `commissioner activity load FILE…` first',
    );
  }
  const switches: WhoPaysSwitches = {
    ...loadWhoPaysDefinitions().defaultSwitches,
    ...options.whoPaysSwitches,
  };
  const pricing: PricingOptions = { ...tariff.defaults, ...options.pricing };
  const progress = options.onProgress ?? (() => {});
  const now = options.now ?? (() => new Date());
  await writeTariffTables(engine, tariff);

  const runId =
    now().toISOString().replace(/[-:.]/g, '').slice(0, 15) + Math.random().toString(16).slice(2, 6);
  store.ensure();
  store.clearDebris();
  const tmp = path.join(store.resultsDir, `.tmp-${runId}`);
  mkdirSync(tmp, { recursive: true });
  const input = `read_parquet([${store.activityFiles().map(sqlString).join(', ')}])`;
  const rows = loads.reduce((n, l) => n + l.accepted, 0);
  const stages: { stage: string; ms: number; rowsPerSecond: number | null }[] = [];
  const stage = async (name: string, sql: string, perRow: boolean) => {
    const t0 = performance.now();
    await engine.runWithProgress(sql, (p) => progress(name, p));
    const ms = performance.now() - t0;
    stages.push({
      stage: name,
      ms: Math.round(ms),
      rowsPerSecond: perRow ? Math.round(rows / (ms / 1000)) : null,
    });
  };
  const out = (name: string) => sqlString(path.join(tmp, `${name}.parquet`));
  try {
    await stage(
      'attribute + price + aggregate',
      `copy (${monthlyQuery(input, switches, pricing)}) to ${out('monthly')} (format parquet)`,
      true,
    );
    await stage(
      'responsible population',
      `copy (${populationQuery(input, switches, pricing)}) to ${out('population')} (format parquet)`,
      true,
    );
    await stage(
      'contract statements',
      `copy (${contractsQuery(`read_parquet(${out('monthly')})`, pricing)}) to ${out('contracts')} (format parquet)`,
      false,
    );
    const byRule = await engine.all<{ rule: string; rows: number }>(
      `select who_pays_rule as rule, sum(activity)::bigint as rows from read_parquet(${out('monthly')})
       group by 1 order by 2 desc, 1`,
    );
    const unpriced = await engine.all<{ reason: string; rows: number }>(
      `select 'no price at ' || point_of_delivery as reason, sum(unpriced)::bigint as rows
       from read_parquet(${out('monthly')}) group by point_of_delivery having sum(unpriced) > 0 order by 2 desc`,
    );
    const summary: RunSummary = {
      runId,
      finishedAt: now().toISOString(),
      loads: loads.map((l) => ({ loadId: l.loadId, file: l.file, rows: l.accepted })),
      synthetic: loads.some((l) => l.synthetic),
      priceBasis: PRICE_BASIS,
      switches: { whoPays: switches, pricing: { ...pricing, bptAreas: pricing.bptAreas.map((a) => a.id) } },
      rows,
      byRule,
      unpriced,
      stages,
    };
    writeFileSync(path.join(tmp, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    renameSync(tmp, path.join(store.resultsDir, runId));
    writeFileSync(path.join(store.resultsDir, '.current.json.tmp'), JSON.stringify({ runId }));
    renameSync(path.join(store.resultsDir, '.current.json.tmp'), path.join(store.resultsDir, 'current.json'));
    return summary;
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
}
