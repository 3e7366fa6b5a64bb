import { describe, expect, it } from 'vitest';
import type { MarginalRateRule } from '../model.ts';
import {
  applyMarginalRate,
  baselineToDate,
  type ContractMonthValue,
  contractMonthSpine,
  coveredMonths,
  financialYearOf,
  monthOf,
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
/** Baselines given as data (Schedule 3D): phased over the twelve months of the year. */
const AGREED: MarginalRateRule = { ...RULE, baselineMethod: 'agreed' };
const AGREED_MONTHLY: MarginalRateRule = { ...AGREED, phasing: 'monthly' };

const month = (contract: string, m: string, emergencyValue: number): ContractMonthValue => ({
  contract,
  month: m,
  emergencyValue,
});
/** Agreed: £12,000 a year, £1,000 a month. */
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

  it('monthOf is its inverse', () => {
    for (const m of ['2013-04', '2013-12', '2014-01', '2014-03', '2014-04']) {
      const { financialYear, monthIndex } = financialYearOf(m);
      expect(monthOf(financialYear, monthIndex)).toBe(m);
    }
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

  it.each([
    [1_800_000, 1, 4, 450_000],
    [1_800_000, 4, 4, 1_800_000],
    [1_000, 1, 6, 167],
    [1_000, 5, 6, 833],
    [1_000, 6, 6, 1_000],
  ])('annual %i over %i of %i months: %i', (annual, m, months, expected) => {
    expect(baselineToDate(annual, m, months)).toBe(expected);
  });
});

describe('the spine of covered months', () => {
  const input = [
    month('C2', '2013-06', 1),
    month('C1', '2013-05', 2),
    month('C1', '2013-08', 3),
    month('C2', '2014-02', 4),
    month('C2', '2014-04', 5),
  ];

  it('covers, in each financial year, the first to the last month of the whole input', () => {
    expect(coveredMonths(input)).toEqual(
      new Map([
        [2013, { first: 2, last: 11 }],
        [2014, { first: 1, last: 1 }],
      ]),
    );
  });

  it('gives every contract every covered month of the years it is present in, 0 where it had none', () => {
    const spine = contractMonthSpine(input);
    expect(spine.filter((m) => m.contract === 'C1').map((m) => [m.month, m.emergencyValue])).toEqual([
      ['2013-05', 2],
      ['2013-06', 0],
      ['2013-07', 0],
      ['2013-08', 3],
      ['2013-09', 0],
      ['2013-10', 0],
      ['2013-11', 0],
      ['2013-12', 0],
      ['2014-01', 0],
      ['2014-02', 0],
    ]);
    expect(spine.filter((m) => m.contract === 'C2').map((m) => m.month)).toEqual([
      '2013-05',
      '2013-06',
      '2013-07',
      '2013-08',
      '2013-09',
      '2013-10',
      '2013-11',
      '2013-12',
      '2014-01',
      '2014-02',
      '2014-04',
    ]);
  });
});

describe('applyMarginalRate', () => {
  it('year to date: 70% of the value to date above the baseline to date; a quiet month gives back', () => {
    expect(applyMarginalRate(QUARTER, baselines, AGREED)).toEqual([
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
    const result = applyMarginalRate(QUARTER, baselines, AGREED_MONTHLY);
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
    const result = applyMarginalRate(year, baselines, AGREED);
    const total = year.reduce((t, m) => t + m.emergencyValue, 0);
    const deduction = result.reduce((t, r) => t + r.marginalRateDeduction, 0);
    expect(result.at(-1)?.month).toBe('2014-03');
    expect(deduction).toBe(Math.round(((total - 1_200_000) * 7000) / 10000));
    expect(result.at(-1)?.marginalRateDeductionYtd).toBe(deduction);
  });

  it('a month with no emergency activity gets a row of value 0; the year to date carries on', () => {
    const result = applyMarginalRate(
      [month('C1', '2013-04', 150_000), month('C1', '2013-06', 250_000)],
      baselines,
      AGREED,
    );
    expect(
      result.map((r) => [
        r.month,
        r.emergencyValue,
        r.baselineValueYtd,
        r.aboveBaseline,
        r.marginalRateDeduction,
      ]),
    ).toEqual([
      ['2013-04', 150_000, 100_000, 50_000, 35_000],
      ['2013-05', 0, 200_000, 0, -35_000],
      ['2013-06', 250_000, 300_000, 100_000, 70_000],
    ]);
  });

  describe('synthetic baselines are phased over the covered months', () => {
    /** £10,000 of NEL in May and in August only: the baseline is 90% of £20,000. */
    const SPARSE = [month('C1', '2013-05', 1_000_000), month('C1', '2013-08', 1_000_000)];
    /** £10,000 a month, April to September: a part-year load. */
    const PART_YEAR = ['04', '05', '06', '07', '08', '09'].map((m) => month('C1', `2013-${m}`, 1_000_000));
    const total = (rows: readonly { marginalRateDeduction: number }[]) =>
      rows.reduce((t, r) => t + r.marginalRateDeduction, 0);

    it('a sparse contract: the quiet months give back and August trues up to 70% of £2,000', () => {
      const result = applyMarginalRate(SPARSE, syntheticBaselines(SPARSE, RULE), RULE);
      expect(
        result.map((r) => [r.month, r.emergencyValue, r.baselineValueYtd, r.marginalRateDeduction]),
      ).toEqual([
        ['2013-05', 1_000_000, 450_000, 385_000],
        ['2013-06', 0, 900_000, -315_000],
        ['2013-07', 0, 1_350_000, -70_000],
        ['2013-08', 1_000_000, 1_800_000, 140_000],
      ]);
      expect(total(result)).toBe(140_000);
    });

    it('the same contract in a year of data trues up in March to the same annual rule', () => {
      const other = month('C0', '2014-03', 1);
      const result = applyMarginalRate(
        [...SPARSE, month('C0', '2013-04', 1), other],
        syntheticBaselines([...SPARSE, other], RULE),
        RULE,
      ).filter((r) => r.contract === 'C1');
      expect(result).toHaveLength(12);
      expect(result.at(-1)).toMatchObject({
        month: '2014-03',
        baselineValueYtd: 1_800_000,
        marginalRateDeductionYtd: 140_000,
      });
      expect(total(result)).toBe(140_000);
    });

    it('a part-year load is judged on its own months: 7% withheld, year to date or monthly', () => {
      const baselines = syntheticBaselines(PART_YEAR, RULE);
      expect(baselines.get('C1')?.get(2013)).toBe(5_400_000);
      for (const rule of [RULE, MONTHLY]) {
        const result = applyMarginalRate(PART_YEAR, baselines, rule);
        expect(result.map((r) => [r.baselineValue, r.marginalRateDeduction])).toEqual(
          PART_YEAR.map(() => [900_000, 70_000]),
        );
        expect(total(result)).toBe(420_000);
      }
    });

    it('agreed baselines keep the twelve-month phasing in a part-year load', () => {
      const agreed = new Map([['C1', new Map([[2013, 10_800_000]])]]);
      const result = applyMarginalRate(PART_YEAR, agreed, AGREED);
      expect(result.map((r) => [r.baselineValue, r.marginalRateDeduction])).toEqual(
        PART_YEAR.map(() => [900_000, 70_000]),
      );
      expect(result.at(-1)?.baselineValueYtd).toBe(5_400_000);
    });
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
      AGREED,
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
      AGREED,
    );
    expect(result.map((r) => [r.contract, r.marginalRateDeduction])).toEqual([
      ['C0', 7_000],
      ['C1', 0],
    ]);
  });

  it('reads the paid rate', () => {
    const [row] = applyMarginalRate([month('C1', '2013-04', 150_000)], baselines, {
      ...AGREED,
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
