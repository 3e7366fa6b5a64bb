/**
 * The TypeScript rules (rules/decide.ts) and the SQL pass (sql.ts) decide every row alike: on a few
 * thousand generated layout rows (synthetic test data over real practice, LSOA and CCG codes), under
 * the default switches and under every other setting of every switch, and on the cases of
 * REFERENCE.md §5.2 run through SQL as rows.
 */
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_DIR, REPO_ROOT } from '../../../../test/support/paths.ts';
import { Analytics, sqlString } from '../../../platform/analytics/duckdb.ts';
import { AppError } from '../../../platform/errors.ts';
import { createRng, type Rng } from '../../../synth/random.ts';
import { DERIVED_COLUMNS, derivedColumnsQuery } from '../load/derive-sql.ts';
import { monthlyQuery } from '../pipeline.ts';
import { loadTariff } from '../pricing/definitions.ts';
import { pricingQuery, writeTariffTables } from '../pricing/sql.ts';
import { type ActivityReference, loadActivityReference, writeReferenceTables } from '../reference-tables.ts';
import { loadWhoPaysDefinitions } from './definitions.ts';
import { lookupsFromReference } from './lookups.ts';
import type { WhoPaysCase } from './rules/case.ts';
import { decideWhoPays } from './rules/decide.ts';
import { resolveSwitches } from './rules/definitions.ts';
import { SWITCH_NAMES, SWITCH_OPTIONS, type WhoPaysLookups, type WhoPaysSwitches } from './rules/model.ts';
import { type CaseWorld, referenceCases, WORLD_CCGS, type WorldCcg } from './rules/test-fixtures.ts';
import {
  ATTRIBUTION_COLUMNS,
  type AttributionOptions,
  attributionQuery,
  caseFromActivityRow,
  INVALID_INPUT_RULE,
  whoPaysClassColumns,
} from './sql.ts';

const ROWS = 4000;
const definitions = loadWhoPaysDefinitions();
const layout = JSON.parse(
  readFileSync(path.join(REPO_ROOT, 'definitions', 'activity', 'layout.json'), 'utf8'),
) as {
  columns: { name: string; type: string }[];
};
const COLUMNS = layout.columns.map((c) => c.name);

type LayoutRow = Record<string, string | number | boolean | Date | null>;
type Outputs = Record<(typeof ATTRIBUTION_COLUMNS)[number], string | null>;

let engine: Analytics;
let ref: ActivityReference;
let lookups: WhoPaysLookups;
let generated: LayoutRow[];

beforeAll(async () => {
  ref = loadActivityReference(REFERENCE_DIR);
  lookups = lookupsFromReference(ref);
  engine = await Analytics.open({ threads: 2 });
  await writeReferenceTables(engine, ref);
  await engine.run(`create table activity (${layout.columns.map((c) => `${c.name} ${c.type}`).join(', ')})`);
  generated = generateRows(createRng('who-pays-agreement', '1'), ref, ROWS);
  await insert('activity', generated);
});

afterAll(() => engine?.close());

async function insert(table: string, rows: readonly LayoutRow[]): Promise<void> {
  await engine.insertRows(
    table,
    COLUMNS,
    rows.map((r) => COLUMNS.map((c) => r[c] ?? null)),
  );
}

/** The five outputs the TypeScript rules give a row (a refused case: undetermined, 'invalid_input'). */
function decideRow(row: LayoutRow, switches: WhoPaysSwitches): Outputs & { reason: string } {
  try {
    const d = decideWhoPays(caseFromActivityRow(row), lookups, switches, definitions);
    return {
      responsible_kind: d.responsible.kind,
      responsible_code: d.responsible.code,
      payer_kind: d.payer.kind,
      payer_code: d.payer.code,
      who_pays_rule: d.ruleId,
      reason: d.reason,
    };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const none = {
      responsible_kind: 'undetermined',
      responsible_code: null,
      payer_kind: 'undetermined',
      payer_code: null,
    };
    return { ...none, who_pays_rule: INVALID_INPUT_RULE, reason: err.message };
  }
}

/** Runs both paths over `table`; returns the rows where any of the five outputs differ (first 5). */
async function disagreements(table: string, switches: WhoPaysSwitches, options: AttributionOptions = {}) {
  const rows = await engine.all<LayoutRow & Outputs>(
    `${attributionQuery(table, switches, definitions, options)} order by activity_id`,
  );
  const differing = [];
  for (const row of rows) {
    const { reason, ...ts } = decideRow(row, switches);
    const sql = Object.fromEntries(ATTRIBUTION_COLUMNS.map((c) => [c, row[c]]));
    if (ATTRIBUTION_COLUMNS.some((c) => sql[c] !== ts[c])) {
      const input = Object.fromEntries(Object.entries(row).filter(([k, v]) => v !== null && !(k in sql)));
      differing.push({ activity_id: row.activity_id, input, sql, ts, reason });
    }
  }
  return { count: rows.length, rows, differing: differing.slice(0, 5), total: differing.length };
}

/** The default switches, then each other option of each switch alone, then every switch off its default. */
function switchSettings(): { name: string; switches: WhoPaysSwitches }[] {
  const defaults = definitions.defaultSwitches;
  const settings = [{ name: 'defaults', switches: defaults }];
  const allOther: Record<string, string> = {};
  for (const name of SWITCH_NAMES) {
    for (const value of SWITCH_OPTIONS[name].filter((v) => v !== defaults[name])) {
      settings.push({ name: `${name}=${value}`, switches: resolveSwitches(definitions, { [name]: value }) });
      allOther[name] = value;
    }
  }
  settings.push({ name: 'every switch off its default', switches: resolveSwitches(definitions, allOther) });
  return settings;
}

describe('TypeScript and SQL agree on every generated row', () => {
  it.each(switchSettings())('$name', async ({ switches }) => {
    const result = await disagreements('activity', switches);
    expect(result.count).toBe(ROWS);
    expect({ total: result.total, first: result.differing }).toEqual({ total: 0, first: [] });
  });

  it('the generated rows reach every rule, every kind of outcome and every branch', () => {
    const decided = generated.map((r) => decideRow(r, definitions.defaultSwitches));
    const seen = new Set(
      decided.map(
        (d) => `${d.who_pays_rule} ${d.responsible_kind}${d.responsible_code === null ? ' (no code)' : ''}`,
      ),
    );
    // The provisions the reasons cite tell the branches of one rule apart.
    for (const branch of [
      'para 2(b)',
      'para 2(c)',
      'reg 2(2)(d)',
      'reg 2(2)(a)-(c)',
      'switch noAddress',
      'para 2(h)',
      'secure settings',
    ]) {
      expect(decided.filter((d) => d.reason.includes(branch)).length, branch).toBeGreaterThan(2);
    }
    const paying = resolveSwitches(definitions, { emergencyPayment: 'registering_or_resident_ccg' });
    const moved = generated
      .map((r) => decideRow(r, paying))
      .filter((d) => d.payer_code !== d.responsible_code);
    expect(moved.length).toBeGreaterThan(20);
    expect([...seen].sort()).toEqual(
      expect.arrayContaining([
        'R0 local_authority',
        'R0 local_authority (no code)',
        'R0 nhs_england (no code)',
        'R0 phe (no code)',
        'R1 ccg',
        'R1 undetermined (no code)',
        'R2 ccg',
        'R3 ccg',
        'R4 ccg',
        'R4 undetermined (no code)',
        'R5 ccg',
        'R5 undetermined (no code)',
        'R6 ccg',
        'R6 undetermined (no code)',
        'R7 nhs_england (no code)',
        'R8 nhs_england (no code)',
        `${INVALID_INPUT_RULE} undetermined (no code)`,
      ]),
    );
  });

  it('outputs every input column, in order, and then the five decided columns', async () => {
    const columns = await engine.all<{ column_name: string }>(
      `describe ${attributionQuery('activity', definitions.defaultSwitches, definitions)}`,
    );
    expect(columns.map((c) => c.column_name)).toEqual([...COLUMNS, ...ATTRIBUTION_COLUMNS]);
  });

  it('reads a relation expression (Parquet) as it reads a table', async () => {
    const file = path.join(os.tmpdir(), `who-pays-agreement-${process.pid}.parquet`);
    try {
      await engine.run(`copy activity to ${sqlString(file)} (format parquet)`);
      const fromTable = await engine.all(
        `${attributionQuery('activity', definitions.defaultSwitches, definitions)} order by activity_id`,
      );
      const fromParquet = await engine.all(
        `${attributionQuery(`read_parquet(${sqlString(file)})`, definitions.defaultSwitches, definitions)} order by activity_id`,
      );
      expect(fromParquet).toEqual(fromTable);
    } finally {
      rmSync(file, { force: true });
    }
  });
});

/**
 * The pipeline's input: rows the activity loader stored, with the columns it derives. The loader
 * refuses every row the rules would refuse (its checks are the layout's and the reference tables'),
 * so these are the generated rows the TypeScript accepts, with derivedColumnsQuery's columns.
 */
describe('TypeScript and SQL agree on loaded rows (input: loaded)', () => {
  let valid: LayoutRow[];

  beforeAll(async () => {
    valid = generated.filter(
      (r) => decideRow(r, definitions.defaultSwitches).who_pays_rule !== INVALID_INPUT_RULE,
    );
    await engine.run('create or replace table activity_valid as select * from activity limit 0');
    await insert('activity_valid', valid);
    await engine.run(
      `create or replace table activity_loaded as
       select * from (${derivedColumnsQuery('(select *, false as emergency_readmission_30d from activity_valid)')})`,
    );
    await writeTariffTables(engine, loadTariff());
  });

  it.each(switchSettings())('$name', async ({ switches }) => {
    const result = await disagreements('activity_loaded', switches, { input: 'loaded' });
    expect(valid.length).toBeGreaterThan(ROWS * 0.75);
    expect(result.count).toBe(valid.length);
    expect({ total: result.total, first: result.differing }).toEqual({ total: 0, first: [] });
  });

  it('outputs every input column, then the five decided columns and who_pays_class, which turns back into kind and rule', async () => {
    const query = attributionQuery('activity_loaded', definitions.defaultSwitches, definitions, {
      input: 'loaded',
      withClass: true,
    });
    const columns = await engine.all<{ column_name: string }>(`describe ${query}`);
    expect(columns.map((c) => c.column_name)).toEqual([
      ...COLUMNS,
      'emergency_readmission_30d',
      ...DERIVED_COLUMNS,
      ...ATTRIBUTION_COLUMNS,
      'who_pays_class',
    ]);
    const back = whoPaysClassColumns('who_pays_class');
    const mismatched = await engine.all(
      `select activity_id, who_pays_class, responsible_kind, who_pays_rule from (${query})
       where ${back.kind} is distinct from responsible_kind or ${back.kind} is distinct from payer_kind
          or ${back.rule} is distinct from who_pays_rule`,
    );
    expect(mismatched).toEqual([]);
    const classes = await engine.one<{ n: number }>(
      `select count(distinct who_pays_class) as n from (${query})`,
    );
    expect(classes.n).toBeGreaterThan(12);
  });

  // The monthly aggregate groups on who_pays_class, yyyymm and one code, and writes the strings after:
  // it must equal the plain aggregate of the row-level outputs at the grain, on either input.
  const SETTINGS = switchSettings().filter((s) =>
    ['defaults', 'emergencyPayment=registering_or_resident_ccg', 'every switch off its default'].includes(
      s.name,
    ),
  );
  it.each(SETTINGS)(
    'the monthly aggregate is the plain aggregate of the priced rows ($name)',
    async ({ switches }) => {
      const pricing = loadTariff().defaults;
      const priced = pricingQuery(`(${attributionQuery('activity_loaded', switches, definitions)})`, pricing);
      const plain = `select strftime(activity_start_date, '%Y-%m') as month, payer_kind, payer_code, responsible_kind,
        responsible_code, who_pays_rule, provider_code, point_of_delivery, treatment_function_code,
        count(*)::bigint as activity, count(*) filter (where price_source = 'no_price')::bigint as unpriced,
        sum(base_price) / 100.0 as base_value, sum(excess_bed_day_payment) / 100.0 as excess_bed_day_value,
        sum(bpt_adjustment) / 100.0 as bpt_adjustment,
        sum(price + readmission_deduction - base_price - excess_bed_day_payment - bpt_adjustment) / 100.0 as mff_adjustment,
        sum(readmission_deduction) / 100.0 as readmission_deduction, sum(price) / 100.0 as value
      from (${priced}) group by all`;
      const sorted = (sql: string) => engine.all(`select * from (${sql}) order by all`);
      const expected = await sorted(plain);
      expect(expected.length).toBeGreaterThan(500);
      expect(await sorted(monthlyQuery('activity_loaded', switches, pricing))).toEqual(expected);
      expect(
        await sorted(monthlyQuery('activity_loaded', switches, pricing, { input: 'untrusted' })),
      ).toEqual(expected);
    },
  );
});

describe('TypeScript and SQL agree on the cases of REFERENCE.md §5.2', () => {
  it('all cases, each as an activity row', async () => {
    const world = realWorld(ref);
    const cases = referenceCases(world);
    await engine.run(`create or replace table reference_cases as select * from activity limit 0`);
    await insert(
      'reference_cases',
      cases.map((c, i) => rowFromCase(c.case, `case-${String(i).padStart(2, '0')}`)),
    );
    const results = [];
    for (const [i, c] of cases.entries()) {
      const switches = resolveSwitches(definitions, c.switches);
      const [row] = await engine.all<LayoutRow & Outputs>(
        `select * from (${attributionQuery('reference_cases', switches, definitions)}) where activity_id = 'case-${String(i).padStart(2, '0')}'`,
      );
      const expected = c.expected;
      results.push({
        n: c.n,
        sql: row && Object.fromEntries(ATTRIBUTION_COLUMNS.map((k) => [k, row[k]])),
        ts: row && (({ reason: _, ...rest }) => rest)(decideRow(row, switches)),
        expected: {
          responsible_kind: expected.responsible.kind,
          responsible_code: expected.responsible.code,
          payer_kind: expected.payer.kind,
          payer_code: expected.payer.code,
          who_pays_rule: expected.ruleId,
        },
      });
    }
    expect(results.filter((r) => JSON.stringify(r.sql) !== JSON.stringify(r.expected))).toEqual([]);
    expect(results.filter((r) => JSON.stringify(r.ts) !== JSON.stringify(r.expected))).toEqual([]);
    expect(results).toHaveLength(cases.length);
  });
});

/** A layout row standing for `c` (the inverse of caseFromActivityRow, for residences by LSOA or country). */
function rowFromCase(c: WhoPaysCase, id: string): LayoutRow {
  const residence = c.residence ?? null;
  const isLsoa = residence !== null && /^E01\d{6}$/.test(residence);
  const emergency = c.service === 'emergency_ae';
  return {
    ...filler(id, emergency),
    activity_start_date: c.date,
    service_category: c.service,
    general_medical_practice_code: c.registered_practice ?? null,
    temporary_resident_practice_code: c.temporary_practice ?? null,
    lsoa_of_residence: isLsoa ? residence : null,
    residence_country: isLsoa ? 'england' : (residence ?? 'unknown'),
    site_ccg_code: c.present_in_ccg ?? null,
    detained_in: c.detained_in ?? null,
    armed_forces: c.armed_forces ?? null,
    placement_placing_ccg: c.placement?.placing_ccg ?? null,
    placement_setting: c.placement?.setting ?? null,
    placement_continuing_care: c.placement?.continuing_care ?? null,
    placement_planned_service: c.placement?.planned_service ?? null,
    looked_after_placing_ccg: c.looked_after_child?.placing_ccg ?? null,
    s117_responsible_ccg: c.s117_responsible_ccg ?? null,
  };
}

/** The columns the rules do not read, filled plausibly (synthetic test data). */
function filler(id: string, emergency: boolean): LayoutRow {
  return {
    activity_id: id,
    patient_pseudonym: `P-${id}`,
    activity_type: emergency ? 'ae' : 'apc',
    point_of_delivery: emergency ? 'AE' : 'EL',
    admission_method: emergency ? null : '11',
    admission_source: emergency ? null : '19',
    discharge_method: emergency ? null : '1',
    activity_end_date: null,
    age_at_activity_date: 40,
    person_stated_gender_code: '2',
    provider_code: 'RR8',
    hrg_code: emergency ? 'VB08Z' : 'HB12C',
    treatment_function_code: emergency ? '180' : '110',
    ae_department_type: emergency ? '01' : null,
    best_practice_criteria_met: null,
  };
}

/** The §5.2 world over real codes: ten CCGs, each with a member practice and an LSOA; a prison practice. */
function realWorld(reference: ActivityReference): CaseWorld {
  const ccgs = new Set(reference.ccgs.map((c) => c.code));
  const lsoaByCcg = new Map<string, { code: string; utla: string }>();
  for (const l of reference.lsoas)
    if (!lsoaByCcg.has(l.ccgCode)) lsoaByCcg.set(l.ccgCode, { code: l.lsoaCode, utla: l.utlaCode });
  const practiceByCcg = new Map<string, string>();
  for (const p of reference.practices) {
    if (p.ccgCode && ccgs.has(p.ccgCode) && lsoaByCcg.has(p.ccgCode) && !practiceByCcg.has(p.ccgCode)) {
      practiceByCcg.set(p.ccgCode, p.code);
    }
  }
  const chosen = [...practiceByCcg.keys()].slice(0, WORLD_CCGS.length);
  const pick = <T>(f: (code: string) => T) =>
    Object.fromEntries(WORLD_CCGS.map((x, i) => [x, f(chosen[i]!)])) as Record<WorldCcg, T>;
  const prison = reference.practices.find((p) => p.ccgCode === null && p.prescribingSetting === '25');
  if (!prison || chosen.length < WORLD_CCGS.length)
    throw new Error('the reference data lacks the §5.2 world');
  return {
    ccg: pick((code) => code),
    practice: pick((code) => practiceByCcg.get(code)!),
    lsoa: pick((code) => lsoaByCcg.get(code)!),
    prisonPractice: prison.code,
  };
}

/**
 * `n` layout rows over real codes, varied so that every rule, switch and validity check is reached:
 * synthetic test data, not a model of real activity.
 */
function generateRows(rng: Rng, reference: ActivityReference, n: number): LayoutRow[] {
  const ccgs = reference.ccgs.map((c) => c.code);
  const members = reference.practices.filter((p) => p.ccgCode !== null);
  const nonMembers = reference.practices.filter((p) => p.ccgCode === null).map((p) => p.code);
  // Practices that joined, left or moved between CCGs during the year: membership on the day decides.
  const changing = reference.practices
    .filter((p) =>
      p.memberships.some(
        (m) =>
          (m.from > '2013-04-01' && m.from <= '2014-03-31') ||
          (m.to !== null && m.to >= '2013-04-01' && m.to < '2014-03-31'),
      ),
    )
    .map((p) => p.code);
  if (changing.length < 50)
    throw new Error(`expected practices whose membership changes in 2013/14, found ${changing.length}`);
  const lsoas = reference.lsoas;
  const practicesByCcg = new Map<string, string[]>();
  for (const p of members)
    practicesByCcg.set(p.ccgCode!, [...(practicesByCcg.get(p.ccgCode!) ?? []), p.code]);
  const categories = definitions.categories.map((c) => c.id);
  const sometimes = <T>(p: number, value: () => T): T | null => (rng.chance(p) ? value() : null);
  const bool = () => rng.pick([true, false, null]);
  const day = (from: string, days: number) =>
    new Date(Date.parse(`${from}T00:00:00Z`) + rng.int(0, days) * 86_400_000).toISOString().slice(0, 10);

  const rows: LayoutRow[] = [];
  for (let i = 0; i < n; i++) {
    const service = rng.chance(0.005) ? rng.pick(['acute', '']) : rng.pick(categories);
    const date = rng.chance(0.98)
      ? day('2013-04-01', 364)
      : rng.pick(['2013-03-31', '2012-11-05', '2014-04-01', '2014-03-31', '2013-04-01', '2015-06-30']);
    const lsoa = rng.pick(lsoas);
    const residenceChoice = rng.next();
    const hasLsoa = residenceChoice < 0.7;
    // Registered with a practice in the residence CCG now and then: the looked-after child check.
    const local = practicesByCcg.get(lsoa.ccgCode);
    const registered = rng.chance(0.75)
      ? rng.chance(0.05)
        ? rng.pick(changing)
        : rng.chance(0.88)
          ? hasLsoa && local && rng.chance(0.3)
            ? rng.pick(local)
            : rng.pick(members).code
          : rng.pick(nonMembers)
      : rng.chance(0.04)
        ? rng.pick(['Z99999', ''])
        : null;
    const temporary = sometimes(0.1, () =>
      rng.chance(0.8) ? rng.pick(members).code : rng.chance(0.8) ? rng.pick(nonMembers) : 'Z88888',
    );
    const badLsoa = residenceChoice >= 0.7 && residenceChoice < 0.705;
    const country = hasLsoa
      ? rng.pick(['england', 'england', 'england', 'wales', 'unknown'])
      : rng.chance(0.015)
        ? // Not a country: a made-up one, and codes the case's residence would accept (a CCG, an LSOA).
          rng.pick(['mars', '00K', 'E01012007'])
        : rng.pick(['england', 'unknown', 'wales', 'scotland', 'northern_ireland', 'abroad', 'abroad']);
    const placing = sometimes(0.12, () => (rng.chance(0.98) ? rng.pick(ccgs) : ''));
    const emergency = service.startsWith('emergency_');
    rows.push({
      ...filler(`row-${String(i).padStart(5, '0')}`, emergency),
      age_at_activity_date: rng.int(0, 100),
      activity_start_date: date,
      service_category: service,
      general_medical_practice_code: registered,
      temporary_resident_practice_code: temporary,
      lsoa_of_residence: hasLsoa ? lsoa.lsoaCode : badLsoa ? 'E01999999' : null,
      residence_country: country,
      site_ccg_code: rng.chance(0.88) ? rng.pick(ccgs) : rng.chance(0.95) ? null : '',
      detained_in: sometimes(0.04, () => rng.pick(['prison', 'yoi', 'irc', 'prison', 'jail'])),
      armed_forces: sometimes(0.06, () =>
        rng.pick(['serving', 'dms_family', 'reservist_mobilised', 'veteran', 'veteran', 'navy']),
      ),
      placement_placing_ccg: placing,
      // A setting without a placing CCG is not read (no placement); an unknown one is refused only with one.
      placement_setting:
        placing !== null
          ? rng.chance(0.02)
            ? 'hotel'
            : rng.pick(['care_home', 'independent_hospital', 'supported_living', 'domiciliary', null])
          : sometimes(0.05, () => rng.pick(['care_home', 'hotel'])),
      placement_continuing_care: placing !== null ? bool() : sometimes(0.05, bool),
      placement_planned_service: placing !== null ? bool() : sometimes(0.05, bool),
      looked_after_placing_ccg: sometimes(0.08, () => (rng.chance(0.98) ? rng.pick(ccgs) : '')),
      s117_responsible_ccg: sometimes(0.06, () => (rng.chance(0.98) ? rng.pick(ccgs) : '')),
    });
  }
  return rows;
}
