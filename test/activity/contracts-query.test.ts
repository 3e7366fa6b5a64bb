import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractsQuery } from '../../src/modules/activity/pipeline.ts';
import { loadTariff } from '../../src/modules/activity/pricing/definitions.ts';
import type { PricingOptions } from '../../src/modules/activity/pricing/model.ts';
import { Analytics, sqlString } from '../../src/platform/analytics/duckdb.ts';

/**
 * The contract statements (contractsQuery) over small monthly relations built in SQL, in the
 * monthly.parquet layout: the lines, the marginal rate emergency rule (MRET) on them, and that a
 * contract's lines add up. Default switches: 30% paid above a synthetic baseline of 90% of outturn,
 * phased year to date over the months the data covers.
 */

let engine: Analytics;
let pricing: PricingOptions;

beforeAll(async () => {
  engine = await Analytics.open({ threads: 1 });
  pricing = loadTariff().defaults;
});

afterAll(() => engine?.close());

interface MonthlyRow {
  readonly month: string;
  readonly payerKind?: string;
  readonly payer: string;
  readonly provider: string;
  readonly pod: string;
  readonly tf?: string;
  readonly responsible?: string;
  readonly activity: number;
  /** Pounds after the readmission deduction, as monthly.parquet's value. */
  readonly value: number;
  readonly readmission?: number;
}

/** A monthly relation (the columns of monthly.parquet) from rows. */
function monthly(rows: readonly MonthlyRow[]): string {
  const values = rows.map((r) =>
    [
      sqlString(r.month),
      sqlString(r.payerKind ?? 'ccg'),
      sqlString(r.payer),
      sqlString(r.payerKind ?? 'ccg'),
      sqlString(r.responsible ?? r.payer),
      sqlString('R3'),
      sqlString(r.provider),
      sqlString(r.pod),
      sqlString(r.tf ?? '300'),
      String(r.activity),
      '0',
      String(r.value + (r.readmission ?? 0)),
      '0',
      '0',
      '0',
      String(r.readmission ?? 0),
      String(r.value),
    ].join(', '),
  );
  return `(select month::varchar as month, payer_kind::varchar as payer_kind, payer_code::varchar as payer_code,
            responsible_kind::varchar as responsible_kind, responsible_code::varchar as responsible_code,
            who_pays_rule::varchar as who_pays_rule, provider_code::varchar as provider_code,
            point_of_delivery::varchar as point_of_delivery, treatment_function_code::varchar as treatment_function_code,
            activity::bigint as activity, unpriced::bigint as unpriced, base_value::double as base_value,
            excess_bed_day_value::double as excess_bed_day_value, bpt_adjustment::double as bpt_adjustment,
            mff_adjustment::double as mff_adjustment, readmission_deduction::double as readmission_deduction,
            value::double as value
    from (values ${values.map((v) => `(${v})`).join(',\n')})
      t(month, payer_kind, payer_code, responsible_kind, responsible_code, who_pays_rule, provider_code,
        point_of_delivery, treatment_function_code, activity, unpriced, base_value, excess_bed_day_value,
        bpt_adjustment, mff_adjustment, readmission_deduction, value))`;
}

interface Line {
  payer_code: string;
  provider_code: string;
  month: string;
  point_of_delivery: string;
  activity: number;
  value: number;
  readmission_deduction: number;
  mret_adjustment: number;
  net_value: number;
}

const statement = (rows: readonly MonthlyRow[], options: PricingOptions = pricing) =>
  engine.all<Line & Record<string, unknown>>(contractsQuery(monthly(rows), options));

/** [month, POD, activity, value, readmission deduction, MRET adjustment, net value] per line. */
const summary = (lines: readonly Line[], payer: string) =>
  lines
    .filter((l) => l.payer_code === payer)
    .map((l) => [
      l.month,
      l.point_of_delivery,
      l.activity,
      l.value,
      l.readmission_deduction,
      l.mret_adjustment,
      l.net_value,
    ]);

/** The contract's lines add up: net = value − readmission deductions + MRET adjustment (negative). */
function expectLinesAddUp(lines: readonly Line[], payer: string, mret: number): void {
  const mine = lines.filter((l) => l.payer_code === payer);
  const sum = (f: (l: Line) => number) => mine.reduce((t, l) => t + f(l), 0);
  for (const l of mine)
    expect(l.net_value).toBeCloseTo(l.value - l.readmission_deduction + l.mret_adjustment, 6);
  expect(sum((l) => l.mret_adjustment)).toBeCloseTo(mret, 6);
  expect(sum((l) => l.net_value)).toBeCloseTo(
    sum((l) => l.value) - sum((l) => l.readmission_deduction) + mret,
    6,
  );
  // The adjustment is only ever on the rule's first emergency POD.
  expect(mine.filter((l) => l.mret_adjustment !== 0).every((l) => l.point_of_delivery === 'NEL')).toBe(true);
}

const APR_TO_SEP = ['2013-04', '2013-05', '2013-06', '2013-07', '2013-08', '2013-09'];

describe('contract statements (contractsQuery)', () => {
  it('the reproduced sparse contract: £10,000 of NEL in May and August only withholds 70% × £2,000', async () => {
    const lines = await statement([
      { month: '2013-05', payer: '00C', provider: 'RA1', pod: 'NEL', activity: 4, value: 10_000 },
      { month: '2013-08', payer: '00C', provider: 'RA1', pod: 'NEL', activity: 4, value: 10_000 },
    ]);
    // Covered months May to August; baseline £18,000 phased over them (£4,500 a month). June and
    // July, with no activity, give back and get a NEL line of their own so the deduction shows.
    expect(summary(lines, '00C')).toEqual([
      ['2013-05', 'NEL', 4, 10_000, 0, -3_850, 6_150],
      ['2013-06', 'NEL', 0, 0, 0, 3_150, 3_150],
      ['2013-07', 'NEL', 0, 0, 0, 700, 700],
      ['2013-08', 'NEL', 4, 10_000, 0, -1_400, 8_600],
    ]);
    expectLinesAddUp(lines, '00C', -1_400);
  });

  it('a flat part-year load (April to September) withholds 7%', async () => {
    const lines = await statement(
      APR_TO_SEP.map((month) => ({
        month,
        payer: '00C',
        provider: 'RA1',
        pod: 'NEL',
        activity: 1,
        value: 10_000,
      })),
    );
    expect(lines.map((l) => l.mret_adjustment)).toEqual(APR_TO_SEP.map(() => -700));
    expectLinesAddUp(lines, '00C', -4_200);
  });

  describe('a part-year load with several contracts, PODs and readmission deductions', () => {
    const rows: MonthlyRow[] = [
      // 00C × RA1: £10,000 of NEL a month after readmission deductions, over two monthly rows, and EL.
      ...APR_TO_SEP.flatMap((month): MonthlyRow[] => [
        {
          month,
          payer: '00C',
          provider: 'RA1',
          pod: 'NEL',
          tf: '300',
          activity: 3,
          value: 6_000,
          readmission: 500,
        },
        {
          month,
          payer: '00C',
          provider: 'RA1',
          pod: 'NEL',
          tf: '100',
          responsible: '00D',
          activity: 2,
          value: 4_000,
        },
        { month, payer: '00C', provider: 'RA1', pod: 'EL', activity: 1, value: 5_000, readmission: 250 },
      ]),
      // 00D × RA1: NEL in May and August only; elective activity in June (a month with no NEL line).
      { month: '2013-05', payer: '00D', provider: 'RA1', pod: 'NEL', activity: 5, value: 10_000 },
      { month: '2013-06', payer: '00D', provider: 'RA1', pod: 'EL', activity: 2, value: 3_000 },
      { month: '2013-08', payer: '00D', provider: 'RA1', pod: 'NEL', activity: 5, value: 10_000 },
      // Not a CCG contract: not on the statements, and does not reach the CCGs' figures.
      {
        month: '2013-05',
        payerKind: 'nhs_england',
        payer: 'X24',
        provider: 'RA1',
        pod: 'NEL',
        activity: 9,
        value: 99_000,
      },
    ];
    let lines: Line[];
    beforeAll(async () => {
      lines = await statement(rows);
    });

    it('sums each line over the monthly rows', () => {
      expect(summary(lines, '00C').slice(0, 2)).toEqual([
        ['2013-04', 'EL', 1, 5_250, 250, 0, 5_000],
        // £10,000 after readmissions against a £9,000 monthly share of the £54,000 baseline.
        ['2013-04', 'NEL', 5, 10_500, 500, -700, 9_300],
      ]);
      expect(lines.filter((l) => l.payer_code === '00C')).toHaveLength(12);
      expect(lines.some((l) => l.payer_code === 'X24')).toBe(false);
      expectLinesAddUp(lines, '00C', -4_200);
    });

    it('phases the sparse contract over the six covered months and shows every month’s deduction', () => {
      // Baseline £18,000 over April to September, £3,000 a month, year to date.
      expect(summary(lines, '00D')).toEqual([
        ['2013-05', 'NEL', 5, 10_000, 0, -2_800, 7_200],
        ['2013-06', 'EL', 2, 3_000, 0, 0, 3_000],
        ['2013-06', 'NEL', 0, 0, 0, 2_100, 2_100],
        ['2013-07', 'NEL', 0, 0, 0, 700, 700],
        ['2013-08', 'NEL', 5, 10_000, 0, -3_500, 6_500],
        ['2013-09', 'NEL', 0, 0, 0, 2_100, 2_100],
      ]);
      // April (no activity, nothing above the baseline) needs no line. Over the part year: 70% of
      // (£20,000 − £18,000).
      expectLinesAddUp(lines, '00D', -1_400);
    });
  });

  it('monthly phasing: each month against its share, no lines for months with nothing withheld', async () => {
    const lines = await statement(
      [
        { month: '2013-05', payer: '00C', provider: 'RA1', pod: 'NEL', activity: 4, value: 10_000 },
        { month: '2013-08', payer: '00C', provider: 'RA1', pod: 'NEL', activity: 4, value: 10_000 },
      ],
      { ...pricing, marginalRate: { ...pricing.marginalRate, phasing: 'monthly' } },
    );
    expect(summary(lines, '00C')).toEqual([
      ['2013-05', 'NEL', 4, 10_000, 0, -3_850, 6_150],
      ['2013-08', 'NEL', 4, 10_000, 0, -3_850, 6_150],
    ]);
    expectLinesAddUp(lines, '00C', -7_700);
  });
});
