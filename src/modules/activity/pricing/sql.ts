import { type Analytics, sqlString } from '../../../platform/analytics/duckdb.ts';
import {
  ADMITTED_PODS,
  type Condition,
  LOCAL_PRICE_PODS,
  NON_ELECTIVE_PODS,
  OUTPATIENT_PODS,
  POINTS_OF_DELIVERY,
  type PricingOptions,
  priceKey,
  type Tariff,
} from './model.ts';
import { SHORT_STAY_MAX_DAYS } from './rules/price-activity.ts';
import { roundBpByConstant, roundBpNonNegative } from './sql-money.ts';

/** The column of loaded rows holding their price key (derived at load: load/derive-sql.ts). */
export const PRICE_KEY_COLUMN = 'price_key';

export { marginalRateQuery, readmissionSummaryQuery, syntheticBaselineQuery } from './sql-contract.ts';
export { roundBp, roundBpByConstant, roundBpNonNegative } from './sql-money.ts';
export { readmissionFlagQuery } from './sql-readmission-flag.ts';

/**
 * The pricing rules of rules/price-activity.ts as one vectorised DuckDB pass. It must give exactly
 * what the TypeScript gives, row for row (agreement.test.ts): the same integer pence and basis-point
 * arithmetic, the same rounding, the same reasons. Two hash joins on small tables (tariff_price by its
 * price key; tariff_mff by provider) and CASE expressions: no UDFs, no correlated subqueries, so it
 * runs over England's 120M rows. Untrusted rows are joined on the four parts of the price key
 * (point of delivery, currency, treatment function and A&E type), loaded rows on the price key the
 * loader derived (load/derive-sql.ts): one string, four times cheaper to join on. The expensive
 * branches (no-price reasons, BPT adjustments, readmission exclusions) sit inside CASEs that only the
 * few rows concerned reach; amounts known to be non-negative use the one-division rounding of
 * sql-money.ts.
 */

/**
 * The twin of model.ts priceKey over SQL expressions: the parts joined by '|' (NULL if any part is
 * NULL, which matches no price, as the TypeScript's key with a missing part matches none).
 */
export function priceKeySql(
  pod: string,
  currency: string,
  treatmentFunction: string,
  departmentType: string,
): string {
  return `(${pod} || '|' || ${currency} || '|' || ${treatmentFunction} || '|' || ${departmentType})`;
}

/** The price key of an activity row (alias `t`), as priceActivity builds it. */
export function activityPriceKeySql(t: string): string {
  const list = (values: readonly string[]) => values.map(sqlString).join(', ');
  return priceKeySql(
    `${t}.point_of_delivery`,
    `${t}.hrg_code`,
    `case when ${t}.point_of_delivery in (${list(OUTPATIENT_PODS)}) then ${t}.treatment_function_code else '' end`,
    `case when ${t}.point_of_delivery = 'AE' then coalesce(${t}.ae_department_type, '') else '' end`,
  );
}

/**
 * Creates (or replaces) tariff_price and tariff_mff from a loaded tariff. Besides each entry's own
 * fields, tariff_price holds what the pricing pass would otherwise work out per row from the entry:
 * its price key, whether it is a national price, whether its POD is admitted care (so a row that
 * matches has a length of stay) and its short-stay price if its POD is non-elective.
 */
export async function writeTariffTables(engine: Analytics, tariff: Tariff): Promise<void> {
  await engine.run(`
    create or replace table tariff_price (
      point_of_delivery varchar not null, currency varchar not null, tfc_key varchar not null,
      dept_key varchar not null, price_pence bigint not null, short_stay_pence bigint, trim_point_days integer,
      excess_bed_day_pence bigint, price_source varchar not null, price_label varchar not null, bpt_area varchar,
      price_key varchar not null unique, national boolean not null, admitted boolean not null,
      non_elective_short_stay_pence bigint,
      primary key (point_of_delivery, currency, tfc_key, dept_key));
    create or replace table tariff_mff (provider_code varchar primary key, mff_bp integer not null);
  `);
  await engine.insertRows(
    'tariff_price',
    [
      'point_of_delivery',
      'currency',
      'tfc_key',
      'dept_key',
      'price_pence',
      'short_stay_pence',
      'trim_point_days',
      'excess_bed_day_pence',
      'price_source',
      'price_label',
      'bpt_area',
      'price_key',
      'national',
      'admitted',
      'non_elective_short_stay_pence',
    ],
    [...tariff.prices.values()].map((p) => [
      p.pod,
      p.currency,
      p.treatmentFunction,
      p.departmentType,
      p.pricePence,
      p.shortStayPricePence,
      p.trimPointDays,
      p.excessBedDayPricePence,
      p.source,
      p.label,
      p.bptArea,
      priceKey(p.pod, p.currency, p.treatmentFunction, p.departmentType),
      p.source === 'national_tariff_derived',
      ADMITTED_PODS.includes(p.pod),
      NON_ELECTIVE_PODS.includes(p.pod) ? p.shortStayPricePence : null,
    ]),
  );
  await engine.insertRows('tariff_mff', ['provider_code', 'mff_bp'], [...tariff.mff.entries()]);
}

/** The columns pricingQuery adds, in order. Money in integer pence. */
export const PRICE_OUTPUT_COLUMNS = [
  'currency',
  'base_price',
  'excess_bed_days',
  'excess_bed_day_payment',
  'bpt_adjustment',
  'mff_factor',
  'readmission_deduction',
  'price',
  'price_source',
  'price_reason',
  'bpt_area',
  'readmission_status',
] as const;

export interface PricingQueryOptions {
  /**
   * 'untrusted' (the default): rows in the layout. 'loaded': rows stored by the activity loader, with
   * its derived price_key (load/derive-sql.ts), joined on that one column. The rules are the same.
   */
  readonly input?: 'untrusted' | 'loaded';
}

/**
 * A SELECT over `input` (a table name, a table function such as read_parquet('…'), or a parenthesised
 * subquery) with the activity layout's columns and `emergency_readmission_30d` (and `price_key` for
 * loaded input), returning every input column (attribution columns pass through) plus
 * PRICE_OUTPUT_COLUMNS: money as BIGINT pence, excess_bed_days INTEGER, mff_factor DOUBLE (null when
 * not priced), the rest VARCHAR. Needs writeTariffTables first.
 */
export function pricingQuery(
  input: string,
  options: PricingOptions,
  query: PricingQueryOptions = {},
): string {
  const list = (values: readonly string[]) => values.map(sqlString).join(', ');
  const pod = `coalesce(j.point_of_delivery, '')`;
  const hrg = `coalesce(j.hrg_code, '')`;
  // Only rows without a price reach this CASE (DuckDB evaluates a branch on the rows that take it).
  const noPriceReason = `case
      when not list_contains([${list(POINTS_OF_DELIVERY)}], ${pod}) then 'unknown point of delivery ''' || ${pod} || ''''
      when j.__p_price is null then case
        when j.point_of_delivery in (${list(OUTPATIENT_PODS)}) then 'no price for ' || ${hrg} || ' at ' || ${pod}
          || ' for treatment function ' || coalesce(j.treatment_function_code, '')
        when j.point_of_delivery = 'AE' then case when j.ae_department_type is null
          then 'no price for ' || ${hrg} || ' at AE: no A&E department type'
          else 'no price for ' || ${hrg} || ' at AE for department type ' || j.ae_department_type end
        when j.point_of_delivery in (${list(LOCAL_PRICE_PODS)}) then 'no local price for ' || ${hrg} || ' at ' || ${pod}
        else 'no price for ' || ${hrg} || ' at ' || ${pod} end
      else 'discharge date before admission date' end`;

  const areas = options.bptAreas.filter((a) => a.enabled);
  const areaCase = areas.length
    ? `case ${areas
        .map(
          (a) =>
            `when j.__p_bpt = ${sqlString(a.id)}${a.minimumAge === null ? '' : ` and j.age_at_activity_date >= ${int(a.minimumAge)}`} then ${sqlString(a.id)}`,
        )
        .join(' ')} end`
    : 'null::varchar';
  const metDefault = options.bptMissingCriteria === 'not_met' ? 'false' : 'null::boolean';
  const adjustment = (share: number, fixed: number) =>
    `(${roundBpByConstant('b.base_price', share)} + ${int(fixed)})`;
  const bptCase = areas
    .map(
      (a) =>
        `when b.__bpt_area = ${sqlString(a.id)} then case when b.__bpt_met then ${adjustment(a.criteriaMet.shareOfBaseBp, a.criteriaMet.fixedPence)} else ${adjustment(a.criteriaNotMet.shareOfBaseBp, a.criteriaNotMet.fixedPence)} end`,
    )
    .join(' ');

  const exclusions = options.readmissions.exclusions.filter((e) => e.enabled);
  const exclusionCase = exclusions.length
    ? `case ${exclusions
        .map((e) => `when ${e.anyOf.map((c) => conditionSql(c, 'j')).join(' or ')} then ${sqlString(e.id)}`)
        .join(' ')} else 'counted' end`
    : `'counted'`;
  // The price's own POD decides, as the key includes the POD: a row with a price is admitted care
  // (and has a length of stay) when its price is, and non-elective when its short-stay price is set.
  const shortStay =
    options.shortStayEmergency === 'reference_cost_short_stay'
      ? `when j.__los <= ${SHORT_STAY_MAX_DAYS} and j.__p_short is not null then j.__p_short`
      : '';
  const applyMff = options.applyMff ? 'true' : 'false';
  const noDischarge = `r.__los is null and r.__p_admitted`;
  const noMff = `${applyMff} and r.__m_mff is null and r.__p_national`;
  const priceJoin =
    query.input === 'loaded'
      ? `p.price_key = i.${PRICE_KEY_COLUMN}`
      : `p.point_of_delivery = i.point_of_delivery and p.currency = i.hrg_code
    and p.tfc_key = case when i.point_of_delivery in (${list(OUTPATIENT_PODS)}) then i.treatment_function_code else '' end
    and p.dept_key = case when i.point_of_delivery = 'AE' then coalesce(i.ae_department_type, '') else '' end`;

  return `
with __joined as (
  select i.*,
    p.price_pence as __p_price, p.non_elective_short_stay_pence as __p_short, p.trim_point_days as __p_trim,
    p.excess_bed_day_pence as __p_xs, p.price_source as __p_source, p.price_label as __p_label, p.bpt_area as __p_bpt,
    p.national as __p_national, p.admitted as __p_admitted,
    m.mff_bp as __m_mff,
    case when p.admitted then i.activity_end_date - i.activity_start_date end as __los
  from ${input} as i
  left join tariff_price as p on ${priceJoin}
  left join tariff_mff as m on m.provider_code = i.provider_code
),
__checked as (
  select j.*, j.__p_price is not null and (j.__los is null or j.__los >= 0) as __ok
  from __joined as j
),
__base as (
  select j.*,
    case when j.__ok then j.__p_source else 'no_price' end as __source,
    case when not j.__ok then ${noPriceReason} end as __no_price_reason,
    case when not j.__ok then 0 ${shortStay} else j.__p_price end as base_price,
    case when j.__ok and j.__los > j.__p_trim and j.__p_xs is not null then j.__los - j.__p_trim else 0 end
      as excess_bed_days,
    case when j.__ok and j.__p_bpt is not null then ${areaCase} end as __bpt_area,
    coalesce(j.best_practice_criteria_met, ${metDefault}) as __bpt_met,
    case when j.__ok and ${applyMff} and j.__p_national then coalesce(j.__m_mff, 10000) else 10000 end as __mff_bp,
    case when j.emergency_readmission_30d and j.activity_type = 'apc' then ${exclusionCase} end as readmission_status
  from __checked as j
),
__gross as (
  select b.*,
    b.excess_bed_days * coalesce(b.__p_xs, 0) as excess_bed_day_payment,
    ${areas.length ? `case when b.__bpt_area is null or b.__bpt_met is null then 0 ${bptCase} else 0 end` : '0'}
      as bpt_adjustment
  from __base as b
),
__priced as (
  select g.*,
    ${roundBpNonNegative('(g.base_price + g.excess_bed_day_payment + g.bpt_adjustment)', 'g.__mff_bp')} as __gross
  from __gross as g
),
__deducted as (
  select d.*,
    case when d.readmission_status = 'counted'
      then ${roundBpNonNegative('d.__gross', int(options.readmissions.avoidableShareBp))} else 0 end as __deduction
  from __priced as d
)
select r.* exclude (__p_price, __p_short, __p_trim, __p_xs, __p_source, __p_label, __p_bpt, __p_national,
    __p_admitted, __m_mff, __los, __ok, __source, __no_price_reason, __bpt_area, __bpt_met, __mff_bp, __gross,
    __deduction, base_price, excess_bed_days, excess_bed_day_payment, bpt_adjustment, readmission_status),
  r.hrg_code as currency,
  cast(r.base_price as bigint) as base_price,
  cast(r.excess_bed_days as integer) as excess_bed_days,
  cast(r.excess_bed_day_payment as bigint) as excess_bed_day_payment,
  cast(r.bpt_adjustment as bigint) as bpt_adjustment,
  case when r.__ok then r.__mff_bp / 10000 end as mff_factor,
  cast(r.__deduction as bigint) as readmission_deduction,
  cast(r.__gross - r.__deduction as bigint) as price,
  r.__source as price_source,
  case when not r.__ok then r.__no_price_reason
    when (${noDischarge}) or (${noMff}) then r.__p_label
      || case when ${noDischarge} then '; no discharge date: length of stay unknown' else '' end
      || case when ${noMff} then '; provider ' || coalesce(r.provider_code, '') || ' has no MFF: 1.0000 applied' else '' end
    else r.__p_label end as price_reason,
  r.__bpt_area as bpt_area,
  r.readmission_status
from __deducted as r`;
}

/** One exclusion condition in SQL over the alias `t` (the twin of conditionHolds). */
export function conditionSql(condition: Condition, t: string): string {
  if ('noNationalPrice' in condition) return `(not ${t}.__ok or not ${t}.__p_national)`;
  const column = `${t}.${condition.field}`;
  if ('lessThan' in condition) return `(${column} < ${int(condition.lessThan)})`;
  if ('in' in condition) return `(${column} in (${condition.in.map(sqlString).join(', ')}))`;
  return `(${condition.prefixes.map((p) => `starts_with(${column}, ${sqlString(p)})`).join(' or ')})`;
}

function int(value: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`expected a whole number, got ${value}`);
  return String(value);
}
