import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sqlString } from '../../platform/analytics/duckdb.ts';
import { AppError } from '../../platform/errors.ts';
import { responsiblePopulationQuery } from '../population/responsible-population-sql.ts';
import { activeRowsRelation, hasSupersessions } from './active-rows.ts';
import type { ActivityEngine } from './engine.ts';
import { derivationProblem, referenceFingerprint } from './load/derive-sql.ts';
import type { PricingOptions } from './pricing/model.ts';
import { marginalRateQuery, pricingQuery, syntheticBaselineQuery, writeTariffTables } from './pricing/sql.ts';
import {
  correctReadmissionFlagsKept,
  readmissionRecheckReason,
  withCorrectedFlags,
} from './readmissions-across-loads.ts';
import { PRICE_BASIS, type RunSummary } from './results.ts';
import type { ActivityStore } from './store.ts';
import { loadWhoPaysDefinitions } from './who-pays/definitions.ts';
import type { WhoPaysSwitches } from './who-pays/rules/model.ts';
import { attributionQuery, whoPaysClassColumns } from './who-pays/sql.ts';

export interface PipelineOptions {
  readonly whoPaysSwitches?: Partial<WhoPaysSwitches>;
  readonly pricing?: Partial<PricingOptions>;
  /** Stage name and percent done, for a progress bar. */
  readonly onProgress?: (stage: string, percent: number) => void;
  readonly now?: () => Date;
}

/** The monthly aggregate's grain: who pays, who is responsible and why, provider, POD, specialty, month. */
export const MONTHLY_KEYS = [
  'payer_kind',
  'payer_code',
  'responsible_kind',
  'responsible_code',
  'who_pays_rule',
  'provider_code',
  'point_of_delivery',
  'treatment_function_code',
] as const;

export interface PassOptions {
  /**
   * 'loaded' (the default): rows stored by the activity loader, with its derived columns
   * (load/derive-sql.ts): no reference joins, one join for the price. 'untrusted': any rows in the
   * layout, checked and joined as the rules check a case. Both give the same result on loaded rows.
   */
  readonly input?: 'loaded' | 'untrusted';
}

/** Attribution then pricing of every row of `input`, with who_pays_class for aggregating. */
function pricedRows(
  input: string,
  switches: WhoPaysSwitches,
  pricing: PricingOptions,
  options: PassOptions,
): string {
  const trust = options.input ?? 'loaded';
  const attributed = attributionQuery(input, switches, loadWhoPaysDefinitions(), {
    input: trust,
    withClass: true,
  });
  return pricingQuery(`(${attributed})`, pricing, { input: trust });
}

/**
 * The SQL of the main pass: every row of `input` attributed (Who Pays), priced (PbR 2013/14, row
 * level) and summed per month at the MONTHLY_KEYS grain, in one streaming query (DuckDB pipelines the
 * scan, the hash joins to the small tables and the aggregate). Cheap to aggregate: the rows are grouped
 * on small keys — the month as yyyymm, who_pays_class instead of the kinds and rule, one code for payer
 * and responsible when they are the same by switch — and only the few result rows are then written
 * out (month as YYYY-MM, kinds and rule from the class). Money is summed in pence and written in pounds; the MFF adjustment, a difference of sums, is taken
 * after summing (integers: exact).
 */
export function monthlyQuery(
  input: string,
  switches: WhoPaysSwitches,
  pricing: PricingOptions,
  options: PassOptions = {},
): string {
  const sameCodes = switches.emergencyPayment === 'host_ccg';
  const byClass = whoPaysClassColumns('who_pays_class');
  const keys = [
    'who_pays_class',
    'responsible_code',
    ...(sameCodes ? [] : ['payer_code']),
    'provider_code',
    'point_of_delivery',
    'treatment_function_code',
  ];
  const pounds = (pence: string) => `${pence} / 100.0`;
  return `select strftime(make_date(yyyymm // 100, yyyymm % 100, 1), '%Y-%m') as month,
      ${byClass.kind} as payer_kind, ${sameCodes ? 'responsible_code' : 'payer_code'} as payer_code,
      ${byClass.kind} as responsible_kind, responsible_code, ${byClass.rule} as who_pays_rule,
      provider_code, point_of_delivery, treatment_function_code,
      activity, unpriced,
      ${pounds('base_price')} as base_value,
      ${pounds('excess_bed_day_payment')} as excess_bed_day_value,
      ${pounds('bpt_adjustment')} as bpt_adjustment,
      ${pounds('(price + readmission_deduction - base_price - excess_bed_day_payment - bpt_adjustment)')} as mff_adjustment,
      ${pounds('readmission_deduction')} as readmission_deduction,
      ${pounds('price')} as value
    from (
      select year(activity_start_date) * 100 + month(activity_start_date) as yyyymm, ${keys.join(', ')},
        count(*)::bigint as activity,
        count(*) filter (where price_source = 'no_price')::bigint as unpriced,
        sum(base_price) as base_price, sum(excess_bed_day_payment) as excess_bed_day_payment,
        sum(bpt_adjustment) as bpt_adjustment, sum(readmission_deduction) as readmission_deduction,
        sum(price) as price
      from (${pricedRows(input, switches, pricing, options)})
      group by yyyymm, ${keys.join(', ')}
    )`;
}

/**
 * Contract statements: per contract (the CCG that pays × provider), month and POD, the row-level value
 * (before readmission deductions), the readmission deductions, the marginal rate emergency rule's
 * adjustment and the net value. The rule runs on the contract's emergency value month by month over
 * the months the data covers (pricing/sql-contract.ts marginalRateQuery), and each month's deduction
 * (negative when the year to date gives some back) is shown on the line of the rule's first emergency
 * POD (`pricing.marginalRate.pods[0]`); a month with a deduction but no such line gets one, with zero
 * activity and value. So every deduction appears, and a contract's lines add up: sum of net_value =
 * sum of value − readmission deductions − MRET.
 */
export function contractsQuery(monthly: string, pricing: PricingOptions): string {
  const keys = ['payer_code', 'provider_code'];
  const options = { contractKeys: keys, monthColumn: 'month_date', valueColumn: 'value_pence' };
  const m = `(select payer_code, provider_code, point_of_delivery, strptime(month, '%Y-%m')::date as month_date,
                     round(value * 100)::bigint as value_pence
              from ${monthly} where payer_kind = 'ccg')`;
  const baselines = `(${syntheticBaselineQuery(m, pricing.marginalRate, options)})`;
  const mret = marginalRateQuery(m, baselines, pricing.marginalRate, options);
  const pod = sqlString(pricing.marginalRate.pods[0] ?? 'NEL');
  const same = (a: string, b: string) =>
    ['payer_code', 'provider_code', 'month']
      .map((k) => `${a}.${k} is not distinct from ${b}.${k}`)
      .join(' and ');
  return `with lines as (
      select payer_code, provider_code, month, point_of_delivery, sum(activity)::bigint as activity,
             sum(value + readmission_deduction) as value, sum(readmission_deduction) as readmission_deduction
      from ${monthly} where payer_kind = 'ccg' group by all),
    mret as (
      select payer_code, provider_code, strftime(activity_month, '%Y-%m') as month, marginal_rate_deduction
      from (${mret}) where marginal_rate_deduction <> 0),
    all_lines as (
      select * from lines
      union all
      select d.payer_code, d.provider_code, d.month, ${pod}, 0::bigint, 0::double, 0::double
      from mret d
      where not exists (select 1 from lines l where ${same('l', 'd')} and l.point_of_delivery = ${pod}))
    select l.payer_code, l.provider_code, l.month, l.point_of_delivery, l.activity, l.value, l.readmission_deduction,
      coalesce(case when l.point_of_delivery = ${pod} then -d.marginal_rate_deduction / 100.0 end, 0)
        as mret_adjustment,
      l.value - l.readmission_deduction
        + coalesce(case when l.point_of_delivery = ${pod} then -d.marginal_rate_deduction / 100.0 end, 0)
        as net_value
    from all_lines l left join mret d on ${same('d', 'l')}
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
  // The pass reads the columns the loader derived: they must rest on this engine's reference data.
  const fingerprint = await referenceFingerprint(engine);
  const stale = loads.flatMap((l) => {
    const problem = derivationProblem(l, fingerprint);
    return problem
      ? [
          {
            path: `load ${l.loadId} (${l.file})`,
            message: `${problem}: load ${l.file} again`,
            code: 'stale_load',
          },
        ]
      : [];
  });
  if (stale.length) {
    throw new AppError('conflict', 'Loaded activity does not match the reference data of this run', stale);
  }
  const switches: WhoPaysSwitches = {
    ...loadWhoPaysDefinitions().defaultSwitches,
    ...options.whoPaysSwitches,
  };
  const pricing: PricingOptions = { ...tariff.defaults, ...options.pricing };
  // Agreed (Schedule 3D) baselines cannot be given to a run yet: without them every contract would
  // silently go without the marginal rate emergency rule.
  if (pricing.marginalRate.baselineMethod === 'agreed') {
    throw AppError.validation(
      [
        {
          path: 'pricing.mret_baseline_method',
          message:
            'agreed baselines (Schedule 3D) cannot be given to a run yet, so the marginal rate rule would apply to no contract: use share_of_outturn',
          code: 'not_supported',
        },
      ],
      'Cannot run the activity pipeline with these pricing switches',
    );
  }
  const progress = options.onProgress ?? (() => {});
  const now = options.now ?? (() => new Date());
  await writeTariffTables(engine, tariff);

  const runId =
    now().toISOString().replace(/[-:.]/g, '').slice(0, 15) + Math.random().toString(16).slice(2, 6);
  store.ensure();
  store.clearDebris();
  const tmp = path.join(store.resultsDir, `.tmp-${runId}`);
  mkdirSync(tmp, { recursive: true });
  // Every loaded row, but an activity id a later load superseded counts once (active-rows.ts).
  const stored = activeRowsRelation(store, loads);
  const inForce = new Map(loads.map((l) => [l.loadId, l.accepted]));
  if (hasSupersessions(store, loads)) {
    const counted = await engine.all<{ loadId: string; rows: number }>(
      `select load_id as "loadId", count(*)::bigint as rows from ${stored} group by 1`,
    );
    for (const l of loads) inForce.set(l.loadId, 0);
    for (const c of counted) inForce.set(c.loadId, Number(c.rows));
  }
  const rows = [...inForce.values()].reduce((n, r) => n + r, 0);
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
    // The loader flags readmissions file by file; across several loads, or under another rule, they
    // are flagged again over all loads, and the pass reads the corrected flags (none changed: as stored).
    const recheck = readmissionRecheckReason(loads, pricing.readmissions);
    let corrected = 0;
    let reused = false;
    if (recheck) {
      ({ corrected, reused } = await correctReadmissionFlagsKept(
        engine,
        stored,
        pricing.readmissions,
        { cacheDir: store.cacheDir, loads },
        (sql, kept) =>
          kept
            ? stage('readmission flags across loads (kept from an earlier run)', sql, false)
            : stage('readmission flags across loads', sql, true),
      ));
    }
    const input = corrected > 0 ? withCorrectedFlags(stored) : stored;
    await stage(
      'attribute + price + aggregate',
      `copy (${monthlyQuery(input, switches, pricing)}) to ${out('monthly')} (format parquet)`,
      true,
    );
    await stage(
      'responsible population',
      `copy (${responsiblePopulationQuery(input, `read_parquet(${out('monthly')})`, switches)}) to ${out('population')} (format parquet)`,
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
      loads: loads.map((l) => ({
        loadId: l.loadId,
        file: l.file,
        rows: inForce.get(l.loadId) ?? 0,
        madeAt: l.remadeAt ?? l.loadedAt,
      })),
      synthetic: loads.some((l) => l.synthetic),
      priceBasis: PRICE_BASIS,
      switches: { whoPays: switches, pricing: { ...pricing, bptAreas: pricing.bptAreas.map((a) => a.id) } },
      rows,
      readmissionFlags: {
        windowDays: pricing.readmissions.windowDays,
        scope: pricing.readmissions.scope,
        recheckedAcrossLoads: recheck,
        corrected,
        reused,
      },
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
