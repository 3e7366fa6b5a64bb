import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { RunSummary } from '../../src/modules/activity/results.ts';
import { PRICE_BASIS } from '../../src/modules/activity/results.ts';
import type { LoadManifest } from '../../src/modules/activity/store.ts';
import { Analytics, sqlString } from '../../src/platform/analytics/duckdb.ts';

/**
 * A small, hand-made pipeline run (SYNTHETIC, illustrative figures) in the layout of
 * src/modules/activity/results.ts, for the activity API and page tests. Real codes: CCG 00K (Hartlepool
 * and Stockton-on-Tees) pays North Tees and Hartlepool (RVW) and Oxford University Hospitals (RTH);
 * 00C (Darlington) and an NHS England row are there to prove they are left out of 00K's figures.
 * 00K pays for nothing in July 2013 (only 00C does): its latest month, August (RTH only), comes after a
 * month without activity. Some outpatient activity had no price (`unpriced`, counted at £0).
 *
 * The figures the tests expect are worked out by hand in the test files from these rows.
 */
export const RUN_ID = 'run-fixture-2013-14';
export const CCG = '00K';
export const OTHER_CCG = '00C';

type Cell = string | number;

/** month, payer kind and code, rule, responsible kind and code, provider, POD, treatment function, activity (of which unpriced), base value, excess bed days, readmission deduction. */
interface MonthlyRow {
  readonly month: string;
  readonly payerKind: string;
  readonly payer: string;
  readonly rule: string;
  readonly provider: string;
  readonly pod: string;
  readonly tf: string;
  readonly activity: number;
  /** Of `activity`, how many had no price (their value is £0). */
  readonly unpriced?: number;
  readonly base: number;
  readonly excessBedDays?: number;
  readonly readmission?: number;
}

const row = (
  month: string,
  payer: string,
  rule: string,
  provider: string,
  pod: string,
  tf: string,
  activity: number,
  base: number,
  extra: Partial<MonthlyRow> = {},
): MonthlyRow => ({
  month,
  payerKind: payer === 'X24' ? 'nhs_england' : 'ccg',
  payer,
  rule,
  provider,
  pod,
  tf,
  activity,
  base,
  ...extra,
});

/** value = base + excess bed days − readmission deduction (best practice and MFF adjustments are 0 here). */
export const MONTHLY_ROWS: readonly MonthlyRow[] = [
  row('2013-04', CCG, 'R4', 'RVW', 'EL', '110', 8, 20000),
  row('2013-05', CCG, 'R4', 'RVW', 'EL', '110', 10, 25000),
  row('2013-05', CCG, 'R4', 'RVW', 'OPFA', '110', 40, 6000),
  row('2013-05', CCG, 'R4', 'RTH', 'EL', '130', 2, 3000),
  row('2013-06', CCG, 'R4', 'RVW', 'EL', '110', 12, 29500, { excessBedDays: 500 }),
  row('2013-06', CCG, 'R4', 'RVW', 'EL', '100', 3, 7500),
  // 30 priced at £175; 5 without a price, at £0.
  row('2013-06', CCG, 'R4', 'RVW', 'OPFA', '110', 35, 5250, { unpriced: 5 }),
  row('2013-06', CCG, 'R1', 'RVW', 'NEL', '300', 5, 10200, { readmission: 1200 }),
  row('2013-06', CCG, 'R4', 'RTH', 'EL', '130', 4, 6000.75),
  row('2013-06', OTHER_CCG, 'R4', 'RVW', 'EL', '110', 100, 250000),
  row('2013-07', OTHER_CCG, 'R4', 'RVW', 'EL', '110', 90, 225000),
  // After a July without activity for 00K: 4 follow-ups priced at £225, 2 without a price.
  row('2013-08', CCG, 'R4', 'RTH', 'OPFU', '130', 6, 900, { unpriced: 2 }),
  row('2013-06', 'X24', 'R7', 'RVW', 'EL', '110', 1, 2500),
];

/** payer, provider, month, POD, activity, gross value, readmission deduction, MRET adjustment, net value. */
export const CONTRACT_ROWS: readonly (readonly Cell[])[] = [
  [CCG, 'RVW', '2013-04', 'EL', 8, 20000, 0, 0, 20000],
  [CCG, 'RVW', '2013-05', 'EL', 10, 25000, 0, 0, 25000],
  [CCG, 'RVW', '2013-05', 'OPFA', 40, 6000, 0, 0, 6000],
  [CCG, 'RVW', '2013-06', 'EL', 15, 37500, 0, 0, 37500],
  [CCG, 'RVW', '2013-06', 'NEL', 5, 10200, 1200, -2700, 6300],
  [CCG, 'RVW', '2013-06', 'OPFA', 35, 5250, 0, 0, 5250],
  [CCG, 'RTH', '2013-05', 'EL', 2, 3000, 0, 0, 3000],
  [CCG, 'RTH', '2013-06', 'EL', 4, 6000.75, 0, 0, 6000.75],
  [CCG, 'RTH', '2013-08', 'OPFU', 6, 900, 0, 0, 900],
  [OTHER_CCG, 'RVW', '2013-06', 'EL', 100, 250000, 0, 0, 250000],
];

/** responsible kind and code, rule, patients, activity, value. */
export const POPULATION_ROWS: readonly (readonly Cell[])[] = [
  ['ccg', CCG, 'R4', 60, 120, 103650.75],
  ['ccg', CCG, 'R1', 5, 5, 9000],
  ['ccg', OTHER_CCG, 'R4', 150, 190, 475000],
  ['nhs_england', 'X24', 'R7', 1, 1, 2500],
];

const literal = (v: Cell) => (typeof v === 'number' ? String(v) : sqlString(v));
const values = (rows: readonly (readonly Cell[])[]) =>
  rows.map((r) => `(${r.map(literal).join(', ')})`).join(',\n');

/**
 * Writes results/<RUN_ID>/{monthly,contracts,population}.parquet and summary.json, then
 * results/current.json, under `activityDir` (the server's COMMISSIONER_ACTIVITY_DIR).
 */
export async function writeResultsFixture(activityDir: string): Promise<void> {
  const runDir = path.join(activityDir, 'results', RUN_ID);
  mkdirSync(runDir, { recursive: true });
  const engine = await Analytics.open({ threads: 1 });
  try {
    const monthly = MONTHLY_ROWS.map((r): Cell[] => {
      const excess = r.excessBedDays ?? 0;
      const readmission = r.readmission ?? 0;
      const responsibleKind = r.payerKind;
      return [
        r.month,
        r.payerKind,
        r.payer,
        responsibleKind,
        r.payer,
        r.rule,
        r.provider,
        r.pod,
        r.tf,
        r.activity,
        r.unpriced ?? 0,
        r.base,
        excess,
        0,
        0,
        readmission,
        r.base + excess - readmission,
      ];
    });
    await engine.run(
      `copy (select month::varchar as month, payer_kind::varchar as payer_kind, payer_code::varchar as payer_code,
                    responsible_kind::varchar as responsible_kind, responsible_code::varchar as responsible_code,
                    who_pays_rule::varchar as who_pays_rule, provider_code::varchar as provider_code,
                    point_of_delivery::varchar as point_of_delivery,
                    treatment_function_code::varchar as treatment_function_code,
                    activity::bigint as activity, unpriced::bigint as unpriced, base_value::double as base_value,
                    excess_bed_day_value::double as excess_bed_day_value, bpt_adjustment::double as bpt_adjustment,
                    mff_adjustment::double as mff_adjustment, readmission_deduction::double as readmission_deduction,
                    value::double as value
             from (values ${values(monthly)}) t(month, payer_kind, payer_code, responsible_kind, responsible_code,
                  who_pays_rule, provider_code, point_of_delivery, treatment_function_code, activity, unpriced,
                  base_value, excess_bed_day_value, bpt_adjustment, mff_adjustment, readmission_deduction, value))
       to ${sqlString(path.join(runDir, 'monthly.parquet'))} (format parquet)`,
    );
    await engine.run(
      `copy (select payer_code::varchar as payer_code, provider_code::varchar as provider_code,
                    month::varchar as month, point_of_delivery::varchar as point_of_delivery,
                    activity::bigint as activity, value::double as value,
                    readmission_deduction::double as readmission_deduction,
                    mret_adjustment::double as mret_adjustment, net_value::double as net_value
             from (values ${values(CONTRACT_ROWS)}) t(payer_code, provider_code, month, point_of_delivery, activity,
                  value, readmission_deduction, mret_adjustment, net_value))
       to ${sqlString(path.join(runDir, 'contracts.parquet'))} (format parquet)`,
    );
    await engine.run(
      `copy (select responsible_kind::varchar as responsible_kind, responsible_code::varchar as responsible_code,
                    who_pays_rule::varchar as who_pays_rule, patients::bigint as patients,
                    activity::bigint as activity, value::double as value
             from (values ${values(POPULATION_ROWS)}) t(responsible_kind, responsible_code, who_pays_rule,
                  patients, activity, value))
       to ${sqlString(path.join(runDir, 'population.parquet'))} (format parquet)`,
    );
  } finally {
    engine.close();
  }
  const summary: RunSummary = {
    runId: RUN_ID,
    finishedAt: '2026-11-20T09:30:00.000Z',
    loads: [{ loadId: QUARANTINE_LOAD_ID, file: 'activity-2013-14-fixture.csv', rows: 10 }],
    synthetic: true,
    priceBasis: PRICE_BASIS,
    switches: { emergencyPayment: 'host_ccg' },
    rows: MONTHLY_ROWS.reduce((s, r) => s + r.activity, 0),
    // One load read, so its own flags were used (nothing to flag again across loads).
    readmissionFlags: { windowDays: 30, scope: 'same_provider', recheckedAcrossLoads: null, corrected: 0 },
    byRule: ['R4', 'R1', 'R7'].map((rule) => ({
      rule,
      rows: MONTHLY_ROWS.filter((r) => r.rule === rule).reduce((s, r) => s + r.activity, 0),
    })),
    unpriced: [...new Set(MONTHLY_ROWS.filter((r) => r.unpriced).map((r) => r.pod))].map((pod) => ({
      reason: `no price at ${pod}`,
      rows: MONTHLY_ROWS.filter((r) => r.pod === pod).reduce((s, r) => s + (r.unpriced ?? 0), 0),
    })),
    stages: [{ stage: 'price', ms: 12, rowsPerSecond: 26_250 }],
  };
  writeFileSync(path.join(runDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  writeFileSync(path.join(activityDir, 'results', 'current.json'), `${JSON.stringify({ runId: RUN_ID })}\n`);
}

// ---- a load with quarantined rows ------------------------------------------------------------------

export const QUARANTINE_LOAD_ID = '5eed0fa11c0ffee1';
export const CLEAN_LOAD_ID = '0123456789abcdef';
/** Pseudonyms in the quarantined rows: none may reach an API answer. */
export const PSEUDONYMS = {
  /** In the raw values of a row whose fields could be read. */
  inRawValues: ['p-secret-0043', 'p-secret-0044'],
} as const;

/** The reason the loader (load-activity.ts) gives a line it cannot split (it never quotes the line's text). */
export const UNREADABLE_REASON = 'unreadable line: Expected Number of Columns: 30 Found: 3';

const RAW_FIELDS = {
  activity_id: 'A4',
  patient_pseudonym: 'p-secret-0043',
  activity_type: 'apc',
  point_of_delivery: 'EL',
  activity_start_date: '2013-06-01',
  age_at_activity_date: 'abc',
  general_medical_practice_code: 'A81001',
  provider_code: 'RVW',
};

/** line, reason, raw values (as the loader writes them: every layout column, null where unreadable). */
export const QUARANTINE_ROWS: readonly (readonly [number, string, Record<string, string | null>])[] = [
  [3, UNREADABLE_REASON, { activity_id: null, patient_pseudonym: null, activity_type: null }],
  [4, 'age_at_activity_date: "abc" is not a whole number', RAW_FIELDS],
  [
    5,
    'general_medical_practice_code: "ZZZ99" is not a practice in the reference data',
    {
      ...RAW_FIELDS,
      activity_id: 'A5',
      patient_pseudonym: 'p-secret-0044',
      age_at_activity_date: '41',
      general_medical_practice_code: 'ZZZ99',
    },
  ],
];

const manifest = (loadId: string, rejected: number): LoadManifest => ({
  loadId,
  file: loadId === QUARANTINE_LOAD_ID ? 'activity-2013-14-fixture.csv' : 'activity-clean.csv',
  format: 'csv',
  contentHash: `${loadId}${'0'.repeat(48)}`,
  bytes: 4096,
  loadedAt: loadId === QUARANTINE_LOAD_ID ? '2026-11-20T09:00:00.000Z' : '2026-11-20T09:10:00.000Z',
  layoutVersion: '2013-14.1',
  readmissionFlag: { scope: 'same_provider', windowDays: 30 },
  rows: 10,
  accepted: 10 - rejected,
  rejected,
  // As the loader writes it: values masked in field reasons, an unreadable line's reason verbatim.
  rejectedByReason:
    rejected === 0
      ? []
      : [
          { reason: 'age_at_activity_date: "…" is not a whole number', rows: 1 },
          { reason: 'general_medical_practice_code: "…" is not a practice in the reference data', rows: 1 },
          { reason: UNREADABLE_REASON, rows: 1 },
        ],
  synthetic: true,
  // The clean load is a resubmission loaded with --supersede: it replaced two rows of the first.
  ...(loadId === CLEAN_LOAD_ID
    ? { supersedes: [{ loadId: QUARANTINE_LOAD_ID, file: 'activity-2013-14-fixture.csv', rows: 2 }] }
    : {}),
  wallMs: 850,
});

/**
 * Writes loads/<id>/manifest.json (+ quarantine.parquet with file, line, reason, raw_values JSON) as
 * src/modules/activity/store.ts describes: one load with three quarantined rows, one with none.
 */
export async function writeLoadsFixture(activityDir: string): Promise<void> {
  const engine = await Analytics.open({ threads: 1 });
  try {
    const dir = path.join(activityDir, 'loads', QUARANTINE_LOAD_ID);
    mkdirSync(dir, { recursive: true });
    const rows = QUARANTINE_ROWS.map(
      ([line, reason, raw]) =>
        `(${sqlString('activity-2013-14-fixture.csv')}, ${line}, ${sqlString(reason)}, ${sqlString(JSON.stringify(raw))})`,
    );
    await engine.run(
      `copy (select file::varchar as file, line::bigint as line, reason::varchar as reason, raw::json as raw_values
             from (values ${rows.join(', ')}) t(file, line, reason, raw))
       to ${sqlString(path.join(dir, 'quarantine.parquet'))} (format parquet)`,
    );
    writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest(QUARANTINE_LOAD_ID, 3)));
    const clean = path.join(activityDir, 'loads', CLEAN_LOAD_ID);
    mkdirSync(clean, { recursive: true });
    writeFileSync(path.join(clean, 'manifest.json'), JSON.stringify(manifest(CLEAN_LOAD_ID, 0)));
  } finally {
    engine.close();
  }
}

/**
 * Adds one contract line (June 2013, EL) between `ccg` and `provider` to the fixture run written by
 * writeResultsFixture, and the monthly row it comes from (one elective admission, R4, treatment function
 * 110), for tests that need a statement and a provider drill-down for another CCG (the permission matrix).
 */
export async function addContractFixture(activityDir: string, ccg: string, provider: string): Promise<void> {
  const dir = path.join(activityDir, 'results', RUN_ID);
  const file = path.join(dir, 'contracts.parquet');
  const monthly = path.join(dir, 'monthly.parquet');
  const engine = await Analytics.open({ threads: 1 });
  try {
    await engine.run(
      `create table c as select * from read_parquet(${sqlString(file)});
       insert into c by name select ${sqlString(ccg)} as payer_code, ${sqlString(provider)} as provider_code,
         '2013-06' as month, 'EL' as point_of_delivery, 1::bigint as activity, 2500.0 as value,
         0.0 as readmission_deduction, 0.0 as mret_adjustment, 2500.0 as net_value;
       copy c to ${sqlString(file)} (format parquet);
       create table m as select * from read_parquet(${sqlString(monthly)});
       insert into m by name select '2013-06' as month, 'ccg' as payer_kind, ${sqlString(ccg)} as payer_code,
         'ccg' as responsible_kind, ${sqlString(ccg)} as responsible_code, 'R4' as who_pays_rule,
         ${sqlString(provider)} as provider_code, 'EL' as point_of_delivery, '110' as treatment_function_code,
         1::bigint as activity, 0::bigint as unpriced, 2500.0 as base_value, 0.0 as excess_bed_day_value,
         0.0 as bpt_adjustment, 0.0 as mff_adjustment, 0.0 as readmission_deduction, 2500.0 as value;
       copy m to ${sqlString(monthly)} (format parquet);`,
    );
  } finally {
    engine.close();
  }
}
