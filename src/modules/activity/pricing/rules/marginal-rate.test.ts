import { describe, expect, it } from 'vitest';
import type { MarginalRateRule } from '../model.ts';
import {
  applyMarginalRate,
  baselineToDate,
  type ContractMonthValue,
  financialYearOf,
  summariseReadmissions,
  syntheticBaselines,
} from './marginal-rate.ts';

const RULE: MarginalRateRule = {
  ratePaidAboveBaselineBp: 3000,
  pods: ['NEL'],
  phasing: 'year_to_date',
  baselineMethod: 'share_of_outturn',
  baselineShareOfOutturnBp: 9000,
};
const MONTHLY: MarginalRateRule = { ...RULE, phasing: 'monthly' };

const month = (contract: string, m: string, emergencyValue: number): ContractMonthValue => ({
  contract,
  month: m,
  emergencyValue,
});
/** £12,000 a year: £1,000 a month. */
const baselines = new Map([['C1', new Map([[2013, 1_200_000]])]]);
const QUARTER = [
  month('C1', '2013-04', 150_000),
  month('C1', '2013-05', 50_000),
  month('C1', '2013-06', 130_000),
];

describe('financialYearOf', () => {
  it.each([
    ['2013-04', 2013, 1],
    ['2013-12', 2013, 9],
    ['2014-01', 2013, 10],
    ['2014-03', 2013, 12],
    ['2014-04', 2014, 1],
  ])('%s is financial year %i, month %i', (m, financialYear, monthIndex) => {
    expect(financialYearOf(m)).toEqual({ financialYear, monthIndex });
  });

  it.each(['2013-13', '2013-4', 'April'])('rejects "%s"', (m) => {
    expect(() => financialYearOf(m)).toThrow(`not a month (YYYY-MM): "${m}"`);
  });
});

describe('baselineToDate phases the annual baseline evenly and adds up to it', () => {
  it.each([
    [1_200_000, 1, 100_000],
    [1_200_000, 12, 1_200_000],
    [1_000, 1, 83],
    [1_000, 2, 167],
    [1_000, 12, 1_000],
    [1_000, 0, 0],
  ])('annual %i, to month %i: %i', (annual, m, expected) => {
    expect(baselineToDate(annual, m)).toBe(expected);
  });
});

describe('applyMarginalRate', () => {
  it('year to date: 70% of the value to date above the baseline to date; a quiet month gives back', () => {
    expect(applyMarginalRate(QUARTER, baselines, RULE)).toEqual([
      {
        contract: 'C1',
        month: '2013-04',
        financialYear: 2013,
        emergencyValue: 150_000,
        emergencyValueYtd: 150_000,
        baselineValue: 100_000,
        baselineValueYtd: 100_000,
        aboveBaseline: 50_000,
        marginalRateDeduction: 35_000,
        marginalRateDeductionYtd: 35_000,
        emergencyPaid: 115_000,
        status: 'applied',
      },
      expect.objectContaining({
        month: '2013-05',
        aboveBaseline: 0,
        marginalRateDeduction: -35_000,
        marginalRateDeductionYtd: 0,
        emergencyPaid: 85_000,
      }),
      expect.objectContaining({
        month: '2013-06',
        emergencyValueYtd: 330_000,
        baselineValueYtd: 300_000,
        aboveBaseline: 30_000,
        marginalRateDeduction: 21_000,
        marginalRateDeductionYtd: 21_000,
        emergencyPaid: 109_000,
      }),
    ]);
  });

  it('monthly: each month against its twelfth, nothing given back', () => {
    const result = applyMarginalRate(QUARTER, baselines, MONTHLY);
    expect(
      result.map((r) => [
        r.month,
        r.aboveBaseline,
        r.marginalRateDeduction,
        r.marginalRateDeductionYtd,
        r.emergencyPaid,
      ]),
    ).toEqual([
      ['2013-04', 50_000, 35_000, 35_000, 115_000],
      ['2013-05', 0, 0, 35_000, 50_000],
      ['2013-06', 30_000, 21_000, 56_000, 109_000],
    ]);
  });

  it('year to date over a whole year equals the annual rule: 70% of the excess over the baseline', () => {
    const year = Array.from({ length: 12 }, (_, i) =>
      month(
        'C1',
        `${i < 9 ? 2013 : 2014}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`,
        90_000 + i * 7_919,
      ),
    );
    const result = applyMarginalRate(year, baselines, RULE);
    const total = year.reduce((t, m) => t + m.emergencyValue, 0);
    const deduction = result.reduce((t, r) => t + r.marginalRateDeduction, 0);
    expect(result.at(-1)?.month).toBe('2014-03');
    expect(deduction).toBe(Math.round(((total - 1_200_000) * 7000) / 10000));
    expect(result.at(-1)?.marginalRateDeductionYtd).toBe(deduction);
  });

  it('a month with no emergency activity is simply absent; the year to date carries on', () => {
    const result = applyMarginalRate(
      [month('C1', '2013-04', 150_000), month('C1', '2013-06', 250_000)],
      baselines,
      RULE,
    );
    expect(
      result.map((r) => [r.month, r.baselineValueYtd, r.aboveBaseline, r.marginalRateDeduction]),
    ).toEqual([
      ['2013-04', 100_000, 50_000, 35_000],
      ['2013-06', 300_000, 100_000, 35_000],
    ]);
  });

  it('a new financial year starts again', () => {
    const twoYears = new Map([
      [
        'C1',
        new Map([
          [2013, 1_200_000],
          [2014, 1_200_000],
        ]),
      ],
    ]);
    const result = applyMarginalRate(
      [month('C1', '2014-03', 200_000), month('C1', '2014-04', 100_000)],
      twoYears,
      RULE,
    );
    expect(result.map((r) => [r.financialYear, r.emergencyValueYtd, r.marginalRateDeduction])).toEqual([
      [2013, 200_000, 0],
      [2014, 100_000, 0],
    ]);
  });

  it('a contract without a baseline is reported, not charged', () => {
    const [row] = applyMarginalRate([month('C2', '2013-04', 150_000)], baselines, RULE);
    expect(row).toMatchObject({
      status: 'no_baseline',
      baselineValue: null,
      marginalRateDeduction: 0,
      emergencyPaid: 150_000,
    });
  });

  it('keeps contracts apart and in order', () => {
    const both = new Map([...baselines, ['C0', new Map([[2013, 0]])]]);
    const result = applyMarginalRate(
      [month('C1', '2013-04', 100_000), month('C0', '2013-04', 10_000)],
      both,
      RULE,
    );
    expect(result.map((r) => [r.contract, r.marginalRateDeduction])).toEqual([
      ['C0', 7_000],
      ['C1', 0],
    ]);
  });

  it('reads the paid rate', () => {
    const [row] = applyMarginalRate([month('C1', '2013-04', 150_000)], baselines, {
      ...RULE,
      ratePaidAboveBaselineBp: 5000,
    });
    expect(row?.marginalRateDeduction).toBe(25_000);
  });

  it('rejects two values for one contract and month', () => {
    expect(() =>
      applyMarginalRate([month('C1', '2013-04', 1), month('C1', '2013-04', 2)], baselines, RULE),
    ).toThrow('contract C1 has two values for 2013-04');
  });
});

describe('syntheticBaselines', () => {
  it('share_of_outturn: the configured share of each contract year', () => {
    const result = syntheticBaselines([...QUARTER, month('C2', '2014-02', 1_001)], RULE);
    expect(result).toEqual(
      new Map([
        ['C1', new Map([[2013, 297_000]])],
        ['C2', new Map([[2013, 901]])],
      ]),
    );
  });

  it('agreed: none derived (baselines come as data)', () => {
    expect(syntheticBaselines(QUARTER, { ...RULE, baselineMethod: 'agreed' }).size).toBe(0);
  });
});

describe('summariseReadmissions', () => {
  it('counts readmissions, exclusions and the value withheld per contract', () => {
    expect(
      summariseReadmissions([
        { contract: 'B', readmissionStatus: 'counted', price: 75, readmissionDeduction: 25 },
        { contract: 'A', readmissionStatus: 'counted', price: 750, readmissionDeduction: 250 },
        { contract: 'A', readmissionStatus: 'counted', price: 300, readmissionDeduction: 100 },
        { contract: 'A', readmissionStatus: 'maternity', price: 2_000, readmissionDeduction: 0 },
        { contract: 'A', readmissionStatus: 'maternity', price: 2_000, readmissionDeduction: 0 },
        { contract: 'A', readmissionStatus: 'cross_border', price: 900, readmissionDeduction: 0 },
        { contract: 'A', readmissionStatus: null, price: 5_000, readmissionDeduction: 0 },
        { contract: 'C', readmissionStatus: null, price: 5_000, readmissionDeduction: 0 },
      ]),
    ).toEqual([
      {
        contract: 'A',
        emergencyReadmissions: 5,
        counted: 2,
        countedValue: 1_400,
        deduction: 350,
        excluded: { maternity: 2, cross_border: 1 },
      },
      { contract: 'B', emergencyReadmissions: 1, counted: 1, countedValue: 100, deduction: 25, excluded: {} },
    ]);
  });
});
