import type { MarginalRateRule, ReadmissionStatus } from '../model.ts';
import { applyBasisPoints, BASIS_POINTS, divideRounded } from './money.ts';

/**
 * The marginal rate emergency rule (MRET) at contract level. Emergency admissions above the
 * contract's baseline value are paid at 30% of tariff [C]; the other 70% is withheld.
 *
 * The months: the rule runs over the months the data covers. For each financial year the covered
 * months are those from the first to the last month present anywhere in the input (all contracts),
 * and every contract present in that year gets a row for every covered month (the "spine"), with
 * emergency value 0 where it had none. So a contract with emergency activity in May and August only
 * still has June and July rows, and the last covered month always trues up the year to date.
 *
 * The baseline is phased evenly over the months it stands for. Month k of n (1-based) has
 * baseline(1..k) = annual × k / n (rounded to the penny), so the n months add up to the annual value:
 * - an agreed baseline (rule.baselineMethod 'agreed': the annual value in Schedule 3D) stands for the
 *   whole financial year: n = 12 and k counts from April, whatever months the data covers;
 * - a synthetic baseline ('share_of_outturn': syntheticBaselines, the configured share of the
 *   contract's emergency value in the covered months) stands for the covered months only: n is their
 *   number and k counts from the first of them. A part-year load (April–September) is then judged on
 *   its own six months, not against 6/12 of a share of six months' outturn.
 *
 * - 'year_to_date': the deduction to date is 70% of the value to date above the baseline to date, and
 *   each month carries the change (a month below its share gives some back). At the last covered
 *   month of a synthetic baseline, and at March for an agreed one, this is exactly the annual rule.
 * - 'monthly': each month stands alone against its share of the baseline.
 *
 * Contracts without a baseline get no deduction and the status 'no_baseline'.
 */

export interface ContractMonthValue {
  /** Contract key, e.g. commissioner and provider. */
  readonly contract: string;
  /** 'YYYY-MM'. */
  readonly month: string;
  /**
   * Emergency admissions' value in the month (the rule's PODs), pence; 0 for a month the contract
   * has other activity in (the SQL twin reads every contract-month of its input).
   */
  readonly emergencyValue: number;
}

export interface MarginalRateMonth {
  readonly contract: string;
  readonly month: string;
  /** Financial year by its starting calendar year (2013 for 2013/14). */
  readonly financialYear: number;
  readonly emergencyValue: number;
  readonly emergencyValueYtd: number;
  /** This month's share of the annual baseline; null without a baseline. */
  readonly baselineValue: number | null;
  readonly baselineValueYtd: number | null;
  /** Value above baseline this month ('monthly') or to date ('year_to_date'). */
  readonly aboveBaseline: number;
  /** Withheld this month (may be negative under 'year_to_date'). */
  readonly marginalRateDeduction: number;
  readonly marginalRateDeductionYtd: number;
  readonly emergencyPaid: number;
  readonly status: 'applied' | 'no_baseline';
}

interface YearToDate {
  readonly contract: string;
  readonly financialYear: number;
  readonly valueYtd: number;
  readonly deductionYtd: number;
}

/** Contract → financial year → annual baseline value (pence). */
export type Baselines = ReadonlyMap<string, ReadonlyMap<number, number>>;

/** The months of a financial year the data covers, by month index (April = 1). */
export interface CoveredMonths {
  readonly first: number;
  readonly last: number;
}

export function financialYearOf(month: string): { financialYear: number; monthIndex: number } {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const m = match ? Number(match[2]) : Number.NaN;
  if (!match || m < 1 || m > 12) throw new RangeError(`not a month (YYYY-MM): "${month}"`);
  const year = Number(match[1]);
  return m >= 4 ? { financialYear: year, monthIndex: m - 3 } : { financialYear: year - 1, monthIndex: m + 9 };
}

/** The 'YYYY-MM' of month `monthIndex` (April = 1) of a financial year. */
export function monthOf(financialYear: number, monthIndex: number): string {
  const year = monthIndex <= 9 ? financialYear : financialYear + 1;
  return `${year}-${String(((monthIndex + 2) % 12) + 1).padStart(2, '0')}`;
}

/**
 * The baseline to the end of month `monthIndex` of the `months` it is phased over (1–12 of 12 for an
 * annual baseline; 1–n of the n covered months for a synthetic one).
 */
export function baselineToDate(annualBaseline: number, monthIndex: number, months = 12): number {
  return divideRounded(annualBaseline * monthIndex, months);
}

/** For each financial year, the first and last month present in the input (all contracts). */
export function coveredMonths(months: readonly ContractMonthValue[]): Map<number, CoveredMonths> {
  const covered = new Map<number, CoveredMonths>();
  for (const m of months) {
    const { financialYear, monthIndex } = financialYearOf(m.month);
    const c = covered.get(financialYear);
    covered.set(financialYear, {
      first: Math.min(c?.first ?? monthIndex, monthIndex),
      last: Math.max(c?.last ?? monthIndex, monthIndex),
    });
  }
  return covered;
}

/**
 * The spine: every contract × covered month of each financial year the contract is present in, in
 * order of contract and month, with the input's emergency value or 0.
 */
export function contractMonthSpine(months: readonly ContractMonthValue[]): ContractMonthValue[] {
  const covered = coveredMonths(months);
  const values = new Map<string, number>();
  const years = new Map<string, Set<number>>();
  for (const m of months) {
    const key = `${m.contract}\u0000${m.month}`;
    if (values.has(key)) throw new RangeError(`contract ${m.contract} has two values for ${m.month}`);
    values.set(key, m.emergencyValue);
    const byContract = years.get(m.contract) ?? new Set<number>();
    byContract.add(financialYearOf(m.month).financialYear);
    years.set(m.contract, byContract);
  }
  const out: ContractMonthValue[] = [];
  for (const contract of [...years.keys()].sort(compare)) {
    for (const financialYear of [...(years.get(contract) ?? [])].sort((a, b) => a - b)) {
      const { first, last } = covered.get(financialYear) as CoveredMonths;
      for (let index = first; index <= last; index++) {
        const month = monthOf(financialYear, index);
        out.push({ contract, month, emergencyValue: values.get(`${contract}\u0000${month}`) ?? 0 });
      }
    }
  }
  return out;
}

export function applyMarginalRate(
  months: readonly ContractMonthValue[],
  baselines: Baselines,
  rule: MarginalRateRule,
): MarginalRateMonth[] {
  const withheldBp = BASIS_POINTS - rule.ratePaidAboveBaselineBp;
  const covered = coveredMonths(months);
  const out: MarginalRateMonth[] = [];
  let previous: YearToDate | null = null;
  for (const m of contractMonthSpine(months)) {
    const { financialYear, monthIndex } = financialYearOf(m.month);
    const before: YearToDate | null =
      previous?.contract === m.contract && previous.financialYear === financialYear ? previous : null;
    const valueYtd: number = (before?.valueYtd ?? 0) + m.emergencyValue;
    const deductionBefore: number = before?.deductionYtd ?? 0;
    const annual = baselines.get(m.contract)?.get(financialYear);
    if (annual === undefined) {
      out.push({
        contract: m.contract,
        month: m.month,
        financialYear,
        emergencyValue: m.emergencyValue,
        emergencyValueYtd: valueYtd,
        baselineValue: null,
        baselineValueYtd: null,
        aboveBaseline: 0,
        marginalRateDeduction: 0,
        marginalRateDeductionYtd: 0,
        emergencyPaid: m.emergencyValue,
        status: 'no_baseline',
      });
      previous = { contract: m.contract, financialYear, valueYtd, deductionYtd: 0 };
      continue;
    }
    // Agreed baselines are phased over the twelve months, synthetic ones over the covered months.
    const { first, last } = covered.get(financialYear) as CoveredMonths;
    const [position, phasedOver] =
      rule.baselineMethod === 'share_of_outturn'
        ? [monthIndex - first + 1, last - first + 1]
        : [monthIndex, 12];
    const baselineYtd = baselineToDate(annual, position, phasedOver);
    const baselineValue = baselineYtd - baselineToDate(annual, position - 1, phasedOver);
    let aboveBaseline: number;
    let deduction: number;
    let deductionYtd: number;
    if (rule.phasing === 'year_to_date') {
      aboveBaseline = Math.max(0, valueYtd - baselineYtd);
      deductionYtd = applyBasisPoints(aboveBaseline, withheldBp);
      deduction = deductionYtd - deductionBefore;
    } else {
      aboveBaseline = Math.max(0, m.emergencyValue - baselineValue);
      deduction = applyBasisPoints(aboveBaseline, withheldBp);
      deductionYtd = deductionBefore + deduction;
    }
    out.push({
      contract: m.contract,
      month: m.month,
      financialYear,
      emergencyValue: m.emergencyValue,
      emergencyValueYtd: valueYtd,
      baselineValue,
      baselineValueYtd: baselineYtd,
      aboveBaseline,
      marginalRateDeduction: deduction,
      marginalRateDeductionYtd: deductionYtd,
      emergencyPaid: m.emergencyValue - deduction,
      status: 'applied',
    });
    previous = { contract: m.contract, financialYear, valueYtd, deductionYtd };
  }
  return out;
}

/**
 * Baselines for synthetic contracts, which have no real 2008/09 outturn (illustrative switch
 * `baselineMethod`): 'share_of_outturn' sets each contract's baseline for a financial year to the
 * configured share of its own emergency value in the months the data covers (applyMarginalRate phases
 * it over those months, not twelve); 'agreed' expects baselines given as data and derives none.
 */
export function syntheticBaselines(months: readonly ContractMonthValue[], rule: MarginalRateRule): Baselines {
  if (rule.baselineMethod === 'agreed') return new Map();
  const totals = new Map<string, Map<number, number>>();
  for (const m of months) {
    const { financialYear } = financialYearOf(m.month);
    const byYear = totals.get(m.contract) ?? new Map<number, number>();
    byYear.set(financialYear, (byYear.get(financialYear) ?? 0) + m.emergencyValue);
    totals.set(m.contract, byYear);
  }
  for (const byYear of totals.values()) {
    for (const [year, total] of byYear)
      byYear.set(year, applyBasisPoints(total, rule.baselineShareOfOutturnBp));
  }
  return totals;
}

/** A priced row as the readmission summary reads it. */
export interface ReadmissionSummaryRow {
  readonly contract: string;
  readonly readmissionStatus: ReadmissionStatus;
  /** The row's price after the deduction, pence. */
  readonly price: number;
  readonly readmissionDeduction: number;
}

export interface ReadmissionSummary {
  readonly contract: string;
  /** Rows flagged as 30-day emergency readmissions (counted and excluded). */
  readonly emergencyReadmissions: number;
  readonly counted: number;
  /** Value of the counted readmissions before the deduction, pence. */
  readonly countedValue: number;
  /** Not paid: the avoidable share of the counted value, pence. */
  readonly deduction: number;
  /** Excluded readmissions by exclusion id. */
  readonly excluded: Readonly<Record<string, number>>;
}

/** The readmission non-payment (Schedule 3E) summary per contract, from priced rows. */
export function summariseReadmissions(rows: readonly ReadmissionSummaryRow[]): ReadmissionSummary[] {
  const byContract = new Map<
    string,
    {
      emergencyReadmissions: number;
      counted: number;
      countedValue: number;
      deduction: number;
      excluded: Record<string, number>;
    }
  >();
  for (const row of rows) {
    if (row.readmissionStatus === null) continue;
    const s = byContract.get(row.contract) ?? {
      emergencyReadmissions: 0,
      counted: 0,
      countedValue: 0,
      deduction: 0,
      excluded: {},
    };
    s.emergencyReadmissions += 1;
    if (row.readmissionStatus === 'counted') {
      s.counted += 1;
      s.countedValue += row.price + row.readmissionDeduction;
      s.deduction += row.readmissionDeduction;
    } else {
      s.excluded[row.readmissionStatus] = (s.excluded[row.readmissionStatus] ?? 0) + 1;
    }
    byContract.set(row.contract, s);
  }
  return [...byContract.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([contract, s]) => ({ contract, ...s }));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
