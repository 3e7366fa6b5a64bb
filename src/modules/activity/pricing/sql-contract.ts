import { sqlString } from '../../../platform/analytics/duckdb.ts';
import type { MarginalRateRule } from './model.ts';
import { BASIS_POINTS } from './rules/money.ts';
import { roundBp } from './sql-money.ts';

/**
 * Contract-level rules in SQL, the twins of rules/marginal-rate.ts: the marginal rate emergency rule
 * over monthly aggregates (on the spine of covered months), synthetic baselines, and the readmission
 * non-payment summary.
 *
 * A contract is identified by `contractKeys`, columns of the relations (default payer_kind,
 * payer_code, provider_code); keys are matched with IS NOT DISTINCT FROM, so a null code is a key.
 */

export interface ContractQueryOptions {
  readonly contractKeys?: readonly string[];
  /** The month column of the monthly relation (a DATE; any day in the month). */
  readonly monthColumn?: string;
  /** The value column of the monthly relation, pence. */
  readonly valueColumn?: string;
}

export const DEFAULT_CONTRACT_KEYS = ['payer_kind', 'payer_code', 'provider_code'] as const;

/**
 * Every contract-month of `monthly` (which has point_of_delivery) with its emergency value (the rule's
 * PODs; 0 when the month has only other activity): the input the TypeScript rule is given.
 */
function contractMonths(monthly: string, rule: MarginalRateRule, options: ContractQueryOptions): string {
  const keys = keyList(options);
  const month = identifier(options.monthColumn ?? 'activity_month');
  const value = identifier(options.valueColumn ?? 'price');
  const m = `cast(date_trunc('month', ${month}) as date)`;
  return `select ${keys.join(', ')},
    case when month(${m}) >= 4 then year(${m}) else year(${m}) - 1 end as financial_year,
    case when month(${m}) >= 4 then month(${m}) - 3 else month(${m}) + 9 end as month_index,
    coalesce(cast(sum(${value}) filter (where point_of_delivery in (${rule.pods.map(sqlString).join(', ')})) as bigint), 0)
      as emergency_value
  from ${monthly}
  group by ${keys.join(', ')}, ${m}`;
}

/**
 * The spine (rules/marginal-rate.ts contractMonthSpine): for each financial year the covered months,
 * first_month to last_month (month index, April = 1) over the whole input, and every contract present
 * in the year × every covered month, with its emergency value or 0. Columns: the keys, activity_month,
 * financial_year, month_index, first_month, last_month, emergency_value.
 */
function spine(monthly: string, rule: MarginalRateRule, options: ContractQueryOptions): string {
  const keys = keyList(options);
  const join = keys.map((k) => `r.${k} is not distinct from y.${k}`).join(' and ');
  return `with r as (${contractMonths(monthly, rule, options)}),
  c as (select financial_year, min(month_index) as first_month, max(month_index) as last_month
        from r group by financial_year),
  y as (select distinct ${keys.join(', ')}, financial_year from r)
  select ${keys.map((k) => `y.${k}`).join(', ')},
    make_date(case when g.month_index <= 9 then y.financial_year else y.financial_year + 1 end,
              (g.month_index + 2) % 12 + 1, 1) as activity_month,
    y.financial_year, g.month_index::integer as month_index, c.first_month, c.last_month,
    coalesce(r.emergency_value, 0)::bigint as emergency_value
  from y
  join c on c.financial_year = y.financial_year
  join range(1, 13) as g(month_index) on g.month_index between c.first_month and c.last_month
  left join r on ${join} and r.financial_year = y.financial_year and r.month_index = g.month_index`;
}

/**
 * Applies the marginal rate emergency rule to monthly aggregates. `baselines` is a relation with the
 * contract keys, `financial_year` (2013 for 2013/14) and `annual_baseline` (pence): agreed baselines,
 * or syntheticBaselineQuery's. One row per contract and covered month (the spine: see
 * rules/marginal-rate.ts, which this twins) with: the keys, activity_month, financial_year,
 * emergency_value, emergency_value_ytd, baseline_value, baseline_value_ytd, above_baseline,
 * marginal_rate_deduction, marginal_rate_deduction_ytd, emergency_paid, mret_status. With
 * rule.baselineMethod 'agreed' the baselines are phased over the twelve months of the year; with
 * 'share_of_outturn' (synthetic) over the covered months.
 */
export function marginalRateQuery(
  monthly: string,
  baselines: string,
  rule: MarginalRateRule,
  options: ContractQueryOptions = {},
): string {
  const keys = keyList(options);
  const withheld = String(BASIS_POINTS - rule.ratePaidAboveBaselineBp);
  const window = `partition by ${keys.map((k) => `e.${k}`).join(', ')}, e.financial_year order by e.activity_month`;
  const join = keys.map((k) => `b.${k} is not distinct from e.${k}`).join(' and ');
  // Month `position` of the `phased_over` months the baseline stands for.
  const [position, phasedOver] =
    rule.baselineMethod === 'share_of_outturn'
      ? ['(e.month_index - e.first_month + 1)', '(e.last_month - e.first_month + 1)']
      : ['e.month_index', '12'];
  const toDate = (k: string) => `(2 * b.annual_baseline * ${k} + ${phasedOver}) // (2 * ${phasedOver})`;
  const phased =
    rule.phasing === 'year_to_date'
      ? `greatest(0, t.emergency_value_ytd - t.baseline_value_ytd) as above_baseline,
         ${roundBp('greatest(0, t.emergency_value_ytd - t.baseline_value_ytd)', withheld)} as __deduction_ytd`
      : `greatest(0, t.emergency_value - t.baseline_value) as above_baseline,
         ${roundBp('greatest(0, t.emergency_value - t.baseline_value)', withheld)} as __deduction`;
  const deductions =
    rule.phasing === 'year_to_date'
      ? `p.__deduction_ytd - coalesce(lag(p.__deduction_ytd) over (${window.replaceAll('e.', 'p.')}), 0) as __deduction,
         p.__deduction_ytd`
      : `p.__deduction, sum(p.__deduction) over (${window.replaceAll('e.', 'p.')} rows unbounded preceding) as __deduction_ytd`;
  return `
with e as (${spine(monthly, rule, options)}),
t as (
  select ${keys.map((k) => `e.${k}`).join(', ')}, e.activity_month, e.financial_year, e.emergency_value,
    cast(sum(e.emergency_value) over (${window} rows unbounded preceding) as bigint) as emergency_value_ytd,
    b.annual_baseline,
    ${toDate(position)} as baseline_value_ytd,
    ${toDate(position)} - ${toDate(`(${position} - 1)`)} as baseline_value
  from e left join ${baselines} as b on ${join} and b.financial_year = e.financial_year
),
p as (
  select t.*, ${phased}
  from t where t.annual_baseline is not null
),
d as (
  select p.*, ${deductions}
  from p
)
select ${keys.map((k) => `d.${k}`).join(', ')}, d.activity_month, d.financial_year, d.emergency_value,
  d.emergency_value_ytd, cast(d.baseline_value as bigint) as baseline_value,
  cast(d.baseline_value_ytd as bigint) as baseline_value_ytd, cast(d.above_baseline as bigint) as above_baseline,
  cast(d.__deduction as bigint) as marginal_rate_deduction,
  cast(d.__deduction_ytd as bigint) as marginal_rate_deduction_ytd,
  cast(d.emergency_value - d.__deduction as bigint) as emergency_paid, 'applied' as mret_status
from d
union all
select ${keys.map((k) => `t.${k}`).join(', ')}, t.activity_month, t.financial_year, t.emergency_value,
  t.emergency_value_ytd, null::bigint, null::bigint, 0::bigint, 0::bigint, 0::bigint, t.emergency_value, 'no_baseline'
from t where t.annual_baseline is null`;
}

/**
 * Synthetic baselines (switch mret_baseline_method = share_of_outturn): for each contract and
 * financial year, the configured share of its emergency value in the months the data covers
 * (marginalRateQuery phases it over those months). Columns: the keys, financial_year,
 * annual_baseline. With 'agreed' it returns no rows (baselines come as data).
 */
export function syntheticBaselineQuery(
  monthly: string,
  rule: MarginalRateRule,
  options: ContractQueryOptions = {},
): string {
  const keys = keyList(options);
  const share = String(rule.baselineShareOfOutturnBp);
  return `
select ${keys.join(', ')}, financial_year,
  ${roundBp('sum(emergency_value)', share)} as annual_baseline
from (${contractMonths(monthly, rule, options)})
where ${rule.baselineMethod === 'share_of_outturn' ? 'true' : 'false'}
group by ${keys.join(', ')}, financial_year`;
}

/**
 * The readmission non-payment summary (Schedule 3E) from priced rows: per contract and readmission
 * status ('counted' or the exclusion id), the number of readmissions, their value before the
 * deduction and the deduction (pence).
 */
export function readmissionSummaryQuery(
  priced: string,
  options: Pick<ContractQueryOptions, 'contractKeys'> = {},
): string {
  const keys = keyList(options);
  return `
select ${keys.join(', ')}, readmission_status, count(*) as readmissions,
  cast(sum(price + readmission_deduction) as bigint) as value_before_deduction,
  cast(sum(readmission_deduction) as bigint) as deduction
from ${priced}
where readmission_status is not null
group by ${keys.join(', ')}, readmission_status
order by ${keys.join(', ')}, readmission_status`;
}

function keyList(options: Pick<ContractQueryOptions, 'contractKeys'>): string[] {
  const keys = options.contractKeys ?? DEFAULT_CONTRACT_KEYS;
  if (keys.length === 0) throw new RangeError('contractKeys must name at least one column');
  return keys.map(identifier);
}

function identifier(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new RangeError(`not a plain column name: "${name}"`);
  return name;
}
