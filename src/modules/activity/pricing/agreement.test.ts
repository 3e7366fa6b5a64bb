import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Analytics } from '../../../platform/analytics/duckdb.ts';
import { REPO_ROOT } from '../../../platform/config.ts';
import { createRng, type Rng } from '../../../synth/random.ts';
import { loadTariff } from './definitions.ts';
import type { PricedActivity, PricingOptions, PricingRow, Tariff } from './model.ts';
import {
  applyMarginalRate,
  type ContractMonthValue,
  coveredMonths,
  financialYearOf,
  summariseReadmissions,
  syntheticBaselines,
} from './rules/marginal-rate.ts';
import { applyBasisPoints } from './rules/money.ts';
import { priceActivity } from './rules/price-activity.ts';
import { markEmergencyReadmissions } from './rules/readmission-flag.ts';
import { applySwitches } from './rules/switches.ts';
import {
  activityPriceKeySql,
  marginalRateQuery,
  PRICE_KEY_COLUMN,
  PRICE_OUTPUT_COLUMNS,
  pricingQuery,
  readmissionFlagQuery,
  readmissionSummaryQuery,
  syntheticBaselineQuery,
  writeTariffTables,
} from './sql.ts';

/**
 * The TypeScript rules and the DuckDB SQL price every row of a generated dataset identically, to the
 * penny, under the default switches and under every switch flipped. The rows use real HRG codes from
 * the tariff at every point of delivery, BPT HRGs, every readmission exclusion, and bad rows (unknown
 * POD, currency, treatment function, A&E type, provider; discharge before admission; no discharge).
 */

interface LayoutColumn {
  readonly name: string;
  readonly type: string;
}
const layout = JSON.parse(readFileSync(path.join(REPO_ROOT, 'definitions/activity/layout.json'), 'utf8')) as {
  columns: LayoutColumn[];
};
const ATTRIBUTION_COLUMNS = [
  'responsible_kind',
  'responsible_code',
  'payer_kind',
  'payer_code',
  'who_pays_rule',
];
const COLUMNS: LayoutColumn[] = [
  ...layout.columns,
  { name: 'emergency_readmission_30d', type: 'BOOLEAN' },
  ...ATTRIBUTION_COLUMNS.map((name) => ({ name, type: 'VARCHAR' })),
];

type Row = Record<string, string | number | boolean | null>;

let tariff: Tariff;
let engine: Analytics;

beforeAll(async () => {
  tariff = loadTariff();
  engine = await Analytics.open({ threads: 1 });
  await writeTariffTables(engine, tariff);
});

afterAll(() => engine?.close());

const FY_START = Date.UTC(2013, 3, 1);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = 86_400_000;

function generateRows(rng: Rng, count: number): Row[] {
  const entries = [...tariff.prices.values()];
  const byPod = new Map<string, typeof entries>();
  for (const e of entries) byPod.set(e.pod, [...(byPod.get(e.pod) ?? []), e]);
  const bptEntries = entries.filter((e) => e.bptArea !== null);
  const providers = [...tariff.mff.keys()];
  const pods = ['EL', 'DC', 'NEL', 'MAT', 'OPFA', 'OPFU', 'AE', 'COM', 'MH'];
  const exclusionHrgs = ['LA01A', 'GA01C', 'NZ30C', 'SA26A', 'LD01A'];
  const rows: Row[] = [];
  for (let n = 0; n < count; n++) {
    let pod = rng.pick(pods);
    if (rng.chance(0.01)) pod = 'XX';
    const candidates = byPod.get(pod) ?? entries;
    let entry =
      rng.chance(0.25) && ['EL', 'DC', 'NEL'].includes(pod) ? rng.pick(bptEntries) : rng.pick(candidates);
    if (entry.pod !== pod && pod !== 'XX') entry = rng.pick(candidates);
    let hrg = entry.currency;
    if (rng.chance(0.03)) hrg = pod === 'COM' || pod === 'MH' ? 'LOCAL99' : 'ZZ99Z';
    if (['EL', 'NEL'].includes(pod) && rng.chance(0.1)) hrg = rng.pick(exclusionHrgs);
    const admitted = ['EL', 'DC', 'NEL', 'MAT'].includes(pod);
    const start = FY_START + rng.int(0, 364) * dayMs;
    let los: number | null = null;
    if (admitted) {
      const trim = entry.trimPointDays ?? 5;
      los = pod === 'DC' ? 0 : rng.pick([0, 1, 1, 2, 3, 5, trim, trim + 1, trim + rng.int(2, 40)]);
      if (rng.chance(0.03)) los = null;
      else if (rng.chance(0.01)) los = -2;
    }
    const tfc =
      pod === 'OPFA' || pod === 'OPFU'
        ? rng.chance(0.03)
          ? '999'
          : entry.treatmentFunction
        : rng.pick(['100', '110', '300', '370', '800', '503', '102', '501', '180']);
    const flagged = admitted ? rng.chance(0.35) : rng.chance(0.02);
    rows.push({
      activity_id: `A${String(n).padStart(6, '0')}`,
      patient_pseudonym: `P${rng.int(1, 500)}`,
      activity_type: admitted
        ? 'apc'
        : pod.startsWith('OP')
          ? 'op'
          : pod === 'AE'
            ? 'ae'
            : pod === 'COM'
              ? 'community'
              : 'mental_health',
      point_of_delivery: pod,
      admission_method: admitted
        ? pod === 'MAT'
          ? rng.pick(['31', '32'])
          : pod === 'NEL'
            ? rng.pick(['21', '21', '22', '2B'])
            : rng.pick(['11', '12'])
        : null,
      admission_source: admitted ? (rng.chance(0.08) ? rng.pick(['51', '52']) : '19') : null,
      discharge_method: admitted ? (rng.chance(0.08) ? '2' : '1') : null,
      activity_start_date: iso(start),
      activity_end_date: los === null ? null : iso(start + los * dayMs),
      age_at_activity_date: rng.chance(0.08) ? rng.int(0, 3) : rng.int(4, 100),
      person_stated_gender_code: rng.pick(['1', '2']),
      general_medical_practice_code: 'A81001',
      temporary_resident_practice_code: null,
      lsoa_of_residence: 'E01000001',
      residence_country: rng.chance(0.06)
        ? rng.pick(['wales', 'scotland', 'northern_ireland', 'abroad'])
        : 'england',
      site_ccg_code: '00C',
      provider_code: rng.chance(0.03) ? 'ZZZ99' : rng.pick(providers),
      hrg_code: hrg,
      treatment_function_code: tfc,
      service_category: 'ccg_acute',
      ae_department_type: pod === 'AE' ? (rng.chance(0.04) ? null : entry.departmentType || '01') : null,
      detained_in: null,
      armed_forces: null,
      placement_placing_ccg: null,
      placement_setting: null,
      placement_continuing_care: null,
      placement_planned_service: null,
      looked_after_placing_ccg: null,
      s117_responsible_ccg: null,
      best_practice_criteria_met: rng.pick([null, true, false]),
      emergency_readmission_30d: flagged,
      responsible_kind: 'ccg',
      responsible_code: rng.pick(['00C', '00D', '02N']),
      payer_kind: 'ccg',
      payer_code: rng.pick(['00C', '00D', '02N']),
      who_pays_rule: 'R3',
    });
  }
  return rows;
}

async function loadRows(table: string, rows: readonly Row[]): Promise<void> {
  await engine.run(
    `create or replace table ${table} (${COLUMNS.map((c) => `${c.name} ${c.type}`).join(', ')})`,
  );
  await engine.insertRows(
    table,
    COLUMNS.map((c) => c.name),
    rows.map((r) => COLUMNS.map((c) => r[c.name] ?? null)),
  );
}

const SNAKE: Record<keyof PricedActivity, string> = {
  currency: 'currency',
  basePrice: 'base_price',
  excessBedDays: 'excess_bed_days',
  excessBedDayPayment: 'excess_bed_day_payment',
  bptAdjustment: 'bpt_adjustment',
  mffFactor: 'mff_factor',
  readmissionDeduction: 'readmission_deduction',
  price: 'price',
  priceSource: 'price_source',
  reason: 'price_reason',
  bptArea: 'bpt_area',
  readmissionStatus: 'readmission_status',
};

const VARIANTS: Record<string, Record<string, string>> = {
  defaults: {},
  'every switch flipped': {
    short_stay_emergency: 'single_price',
    apply_mff: 'false',
    bpt_missing_criteria: 'no_adjustment',
    'bpt_area.fragility_hip_fracture': 'false',
    'bpt_area.cataracts': 'false',
    readmission_avoidable_share_bp: '10000',
    'readmission_exclusion.maternity': 'false',
    'readmission_exclusion.no_national_tariff': 'false',
    'readmission_exclusion.children_under_4': 'false',
  },
  'odd avoidable share, no exclusions': {
    readmission_avoidable_share_bp: '3333',
    ...Object.fromEntries(
      [
        'no_national_tariff',
        'maternity',
        'cancer',
        'children_under_4',
        'self_discharge',
        'emergency_transfer',
        'cross_border',
        'renal_dialysis',
        'post_transplant',
      ].map((id) => [`readmission_exclusion.${id}`, 'false']),
    ),
  },
};

/**
 * Both inputs: untrusted rows, and rows as the loader stores them, with the price key it derives
 * (load/derive-sql.ts uses activityPriceKeySql), joined on that. The loaded path is meant for rows the
 * loader accepted; it is held to the TypeScript on the bad rows too, as its rules are the same.
 */
const INPUTS = {
  untrusted: (table: string) => table,
  loaded: (table: string) =>
    `(select a.*, ${activityPriceKeySql('a')} as ${PRICE_KEY_COLUMN} from ${table} as a)`,
} as const;

describe('TypeScript and SQL pricing agree on every row', () => {
  const cases = Object.keys(VARIANTS).flatMap((variant) =>
    (Object.keys(INPUTS) as (keyof typeof INPUTS)[]).map((input) => ({ variant, input })),
  );
  it.each(cases)('$variant, $input input', async ({ variant, input }) => {
    const options: PricingOptions = applySwitches(
      tariff.defaults,
      VARIANTS[variant] as Record<string, string>,
    );
    const rows = generateRows(createRng('pricing-agreement', variant), 3000);
    await loadRows('activity_in', rows);
    const sqlRows = await engine.all(
      `${pricingQuery(INPUTS[input]('activity_in'), options, { input })} order by activity_id`,
    );
    expect(sqlRows).toHaveLength(rows.length);

    const mismatches: string[] = [];
    const seen = { sources: new Set<string>(), statuses: new Set<string>(), areas: new Set<string>() };
    let excess = 0;
    rows.forEach((row, index) => {
      const ts = priceActivity(row as unknown as PricingRow, tariff, options);
      const sql = sqlRows[index] as Row;
      for (const [key, column] of Object.entries(SNAKE)) {
        const expected = ts[key as keyof PricedActivity];
        if (sql[column] !== expected)
          mismatches.push(`${row.activity_id} ${column}: ts=${expected} sql=${sql[column]}`);
      }
      for (const column of [...ATTRIBUTION_COLUMNS, 'activity_id', 'hrg_code']) {
        if (sql[column] !== row[column]) mismatches.push(`${row.activity_id} ${column} not passed through`);
      }
      seen.sources.add(ts.priceSource);
      seen.statuses.add(String(ts.readmissionStatus));
      if (ts.bptArea) seen.areas.add(`${ts.bptArea}:${ts.bptAdjustment !== 0}`);
      if (ts.excessBedDays > 0) excess++;
    });
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(Object.keys(sqlRows[0] as Row)).toEqual(expect.arrayContaining([...PRICE_OUTPUT_COLUMNS]));
    // The generated data exercises what it claims to.
    expect([...seen.sources].sort()).toEqual(['local_price', 'national_tariff_derived', 'no_price']);
    expect(excess).toBeGreaterThan(50);
    expect(seen.statuses).toContain('counted');
    // Every enabled exclusion occurs; renal dialysis HRGs have no admitted price, so while the
    // no_national_tariff exclusion is on (it comes first) it takes them.
    const enabled = new Set(options.readmissions.exclusions.filter((e) => e.enabled).map((e) => e.id));
    if (enabled.has('no_national_tariff')) enabled.delete('renal_dialysis');
    expect([...seen.statuses].filter((s) => s !== 'null' && s !== 'counted').sort()).toEqual(
      [...enabled].sort(),
    );
    expect(seen.areas.size).toBeGreaterThan(3);
  });
});

describe('TypeScript and SQL derive the same readmission flags', () => {
  it.each(['same_provider', 'any_provider'] as const)('%s', async (scope) => {
    const rng = createRng('readmission-flag', scope);
    const rows: Row[] = [];
    for (let n = 0; n < 2500; n++) {
      const admitted = rng.chance(0.8);
      const start = FY_START + rng.int(0, 120) * dayMs;
      const los = rng.int(0, 12);
      rows.push({
        activity_id: `R${String(n).padStart(5, '0')}`,
        patient_pseudonym: `P${rng.int(1, 300)}`,
        activity_type: admitted ? 'apc' : 'op',
        admission_method: admitted ? rng.pick(['11', '21', '22', '2B', '31', '81']) : null,
        provider_code: rng.pick(['RA1', 'RB2', 'RC3']),
        activity_start_date: iso(start),
        activity_end_date: admitted && !rng.chance(0.05) ? iso(start + los * dayMs) : null,
      });
    }
    await loadRows('flag_in', rows);
    const sql = await engine.all(
      `select activity_id, emergency_readmission_30d from (${readmissionFlagQuery('flag_in', { scope, windowDays: 30 }, { replace: true })}) order by activity_id`,
    );
    const ts = markEmergencyReadmissions(
      rows as unknown as Parameters<typeof markEmergencyReadmissions>[0],
      scope,
      30,
    );
    expect(sql).toHaveLength(rows.length);
    const differing = sql.filter((r) => ts.get(r.activity_id as string) !== r.emergency_readmission_30d);
    expect(differing.slice(0, 10)).toEqual([]);
    const flagged = sql.filter((r) => r.emergency_readmission_30d).length;
    expect(flagged).toBeGreaterThan(100);
    expect(flagged).toBeLessThan(rows.length / 2);
  });
});

describe('TypeScript and SQL apply the marginal rate emergency rule alike', () => {
  /** The last is sparse: activity in the dataset's second and fifth months only (May and August). */
  const contracts = [
    ['ccg', '00C', 'RA1'],
    ['ccg', '00D', 'RA1'],
    ['nhs_england', null, 'RB2'],
    ['ccg', '02N', 'RC3'],
    ['ccg', '03A', 'RD4'],
  ] as const;
  const SPARSE = 'ccg|03A|RD4';
  /** Months of each dataset, counted from April 2013 (0). */
  const DATASETS = {
    'a whole year': { from: 0, to: 11 },
    'a part year (April to September)': { from: 0, to: 5 },
    'two financial years (January to June 2014)': { from: 9, to: 14 },
  } as const;

  /**
   * The monthly relation, and the TypeScript rule's input from it: every contract-month with any
   * row, its emergency (NEL) value, 0 when the month had only other activity.
   */
  async function monthlyTable(dataset: keyof typeof DATASETS): Promise<ContractMonthValue[]> {
    const rng = createRng('mret', dataset);
    const { from, to } = DATASETS[dataset];
    const rows: Row[] = [];
    for (const [kind, code, provider] of contracts) {
      for (let m = from; m <= to; m++) {
        if (code === '03A' ? m - from !== 1 && m - from !== 4 : rng.chance(0.1)) continue; // no activity
        const month = iso(Date.UTC(2013, 3 + m, 1));
        const pods = rng.chance(0.1) ? ['EL', 'MAT'] : ['NEL', 'EL', 'MAT']; // some months have no NEL
        for (const pod of pods) {
          rows.push({
            payer_kind: kind,
            payer_code: code,
            provider_code: provider,
            activity_month: month,
            point_of_delivery: pod,
            treatment_function_code: '300',
            price: rng.int(1_000_000, 9_000_000),
          });
          rows.push({ ...(rows.at(-1) as Row), treatment_function_code: '100', price: rng.int(0, 500_000) });
        }
      }
    }
    await engine.run(`create or replace table monthly_in (payer_kind varchar, payer_code varchar, provider_code varchar,
      activity_month date, point_of_delivery varchar, treatment_function_code varchar, price bigint)`);
    await engine.insertRows(
      'monthly_in',
      [
        'payer_kind',
        'payer_code',
        'provider_code',
        'activity_month',
        'point_of_delivery',
        'treatment_function_code',
        'price',
      ],
      rows.map((r) => [
        r.payer_kind,
        r.payer_code,
        r.provider_code,
        r.activity_month,
        r.point_of_delivery,
        r.treatment_function_code,
        r.price,
      ]),
    );
    const values = new Map<string, number>();
    for (const r of rows) {
      const key = `${r.payer_kind}|${r.payer_code}|${r.provider_code}\u0000${String(r.activity_month).slice(0, 7)}`;
      values.set(key, (values.get(key) ?? 0) + (r.point_of_delivery === 'NEL' ? (r.price as number) : 0));
    }
    return [...values.entries()].map(([key, emergencyValue]) => {
      const [contract, month] = key.split('\u0000') as [string, string];
      return { contract, month, emergencyValue };
    });
  }

  const cases = (Object.keys(DATASETS) as (keyof typeof DATASETS)[]).flatMap((dataset) =>
    (['year_to_date', 'monthly'] as const).flatMap((phasing) =>
      (['share_of_outturn', 'agreed'] as const).map((baselineMethod) => ({
        dataset,
        phasing,
        baselineMethod,
      })),
    ),
  );
  it.each(cases)(
    '$dataset, $phasing phasing, $baselineMethod baselines',
    async ({ dataset, phasing, baselineMethod }) => {
      const months = await monthlyTable(dataset);
      const rule = { ...tariff.defaults.marginalRate, phasing, baselineMethod };
      // The baselines are the synthetic ones either way; with 'agreed' they are given as data, phased
      // over twelve months. One contract has no baseline: it is reported, not charged.
      const share = { ...rule, baselineMethod: 'share_of_outturn' as const };
      const baselines = new Map(
        [...syntheticBaselines(months, share)].filter(([contract]) => contract !== 'ccg|02N|RC3'),
      );
      await engine.run(`create or replace table baseline_in as
      select * from (${syntheticBaselineQuery('monthly_in', share)}) where payer_code is distinct from '02N'`);
      const sqlBaselines = await engine.all('select * from baseline_in');
      expect(
        new Map(
          sqlBaselines.map((b) => [
            `${b.payer_kind}|${b.payer_code}|${b.provider_code} ${b.financial_year}`,
            b.annual_baseline,
          ]),
        ),
      ).toEqual(
        new Map(
          [...baselines.entries()].flatMap(([contract, byYear]) =>
            [...byYear].map(([year, value]) => [`${contract} ${year}`, value]),
          ),
        ),
      );
      expect(sqlBaselines.length).toBeGreaterThanOrEqual(contracts.length - 1);

      const ts = applyMarginalRate(months, baselines, rule);
      const sql = await engine.all(
        `select * from (${marginalRateQuery('monthly_in', 'baseline_in', rule)}) order by payer_kind, payer_code, provider_code, activity_month`,
      );
      const asTs = sql.map((r) => ({
        contract: `${r.payer_kind}|${r.payer_code}|${r.provider_code}`,
        month: (r.activity_month as Date).toISOString().slice(0, 7),
        financialYear: r.financial_year,
        emergencyValue: r.emergency_value,
        emergencyValueYtd: r.emergency_value_ytd,
        baselineValue: r.baseline_value,
        baselineValueYtd: r.baseline_value_ytd,
        aboveBaseline: r.above_baseline,
        marginalRateDeduction: r.marginal_rate_deduction,
        marginalRateDeductionYtd: r.marginal_rate_deduction_ytd,
        emergencyPaid: r.emergency_paid,
        status: r.mret_status,
      }));
      const key = (r: { contract: string; month: string }) => `${r.contract} ${r.month}`;
      expect(asTs.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
        ts.sort((a, b) => key(a).localeCompare(key(b))),
      );
      expect(ts.some((r) => r.status === 'no_baseline')).toBe(true);
      expect(ts.some((r) => r.marginalRateDeduction > 0)).toBe(true);

      // The spine: every contract has a row for every covered month of each year it is present in,
      // including the sparse contract's months without activity and months without NEL.
      const covered = coveredMonths(months);
      const years = new Set(months.map((m) => `${m.contract} ${financialYearOf(m.month).financialYear}`));
      const expectedRows = [...years].reduce((n, y) => {
        const c = covered.get(Number(y.split(' ')[1])) as { first: number; last: number };
        return n + c.last - c.first + 1;
      }, 0);
      expect(ts).toHaveLength(expectedRows);
      expect(ts.filter((r) => r.contract === SPARSE && r.emergencyValue === 0).length).toBeGreaterThan(0);
      expect(months.some((m) => m.contract !== SPARSE && m.emergencyValue === 0)).toBe(true);

      // Year to date on synthetic baselines: the last covered month trues up to the annual rule.
      if (phasing === 'year_to_date' && baselineMethod === 'share_of_outturn') {
        const last = new Map(ts.map((r) => [`${r.contract} ${r.financialYear}`, r]));
        for (const r of last.values()) {
          const baseline = baselines.get(r.contract)?.get(r.financialYear);
          if (baseline === undefined) continue;
          expect(r.marginalRateDeductionYtd).toBe(
            applyBasisPoints(
              Math.max(0, r.emergencyValueYtd - baseline),
              10_000 - rule.ratePaidAboveBaselineBp,
            ),
          );
        }
      }
    },
  );

  it('readmission summaries agree', async () => {
    const options = tariff.defaults;
    const rows = generateRows(createRng('readmission-summary'), 2000);
    await loadRows('summary_in', rows);
    const sql = await engine.all(readmissionSummaryQuery(`(${pricingQuery('summary_in', options)})`));
    const ts = summariseReadmissions(
      rows.map((row) => {
        const priced = priceActivity(row as unknown as PricingRow, tariff, options);
        return {
          contract: `${row.payer_kind}|${row.payer_code}|${row.provider_code}`,
          readmissionStatus: priced.readmissionStatus,
          price: priced.price,
          readmissionDeduction: priced.readmissionDeduction,
        };
      }),
    );
    for (const summary of ts) {
      const mine = sql.filter(
        (r) => `${r.payer_kind}|${r.payer_code}|${r.provider_code}` === summary.contract,
      );
      const counted = mine.find((r) => r.readmission_status === 'counted');
      expect(mine.reduce((t, r) => t + (r.readmissions as number), 0)).toBe(summary.emergencyReadmissions);
      expect(counted?.readmissions ?? 0).toBe(summary.counted);
      expect(counted?.value_before_deduction ?? 0).toBe(summary.countedValue);
      expect(counted?.deduction ?? 0).toBe(summary.deduction);
      for (const [id, n] of Object.entries(summary.excluded)) {
        expect(mine.find((r) => r.readmission_status === id)?.readmissions).toBe(n);
      }
    }
    expect(ts.length).toBeGreaterThan(50);
  });
});
