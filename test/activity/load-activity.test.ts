import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityLayout } from '../../src/modules/activity/layout.ts';
import {
  DERIVATION_VERSION,
  DERIVED_COLUMNS,
  referenceFingerprint,
} from '../../src/modules/activity/load/derive-sql.ts';
import { loadActivityFile } from '../../src/modules/activity/load/load-activity.ts';
import { runActivityPipeline } from '../../src/modules/activity/pipeline.ts';
import { loadTariff } from '../../src/modules/activity/pricing/definitions.ts';
import type { ActivityReference } from '../../src/modules/activity/reference-tables.ts';
import { ActivityStore, type LoadManifest } from '../../src/modules/activity/store.ts';
import { type Analytics, sqlString } from '../../src/platform/analytics/duckdb.ts';
import { AppError } from '../../src/platform/errors.ts';
import { syntheticMarkOption } from '../../src/synth/synthetic-mark.ts';
import { BASE_ROW, csvHeader, writeActivityCsv } from './activity-rows.ts';
import { openLoadTestEngine } from './load-engine.ts';

let engine: Analytics;
let dir: string;
let reference: ActivityReference;

beforeAll(async () => {
  ({ engine, reference } = await openLoadTestEngine());
  dir = mkdtempSync(path.join(os.tmpdir(), 'activity-load-'));
});

afterAll(() => {
  engine.close();
  rmSync(dir, { recursive: true, force: true });
});

const freshStore = (name: string) => new ActivityStore(path.join(dir, name));
const parquetRows = (file: string, select = '*') =>
  engine.all(`select ${select} from read_parquet(${sqlString(file)}) order by activity_id`);

describe('loading an activity CSV', () => {
  it('keeps good rows typed, quarantines every bad row with its line and every reason, and counts both', async () => {
    const file = path.join(dir, 'mixed.csv');
    writeActivityCsv(file, [
      {}, // line 2: valid
      { activity_id: 'A2', general_medical_practice_code: 'ZZZ99', activity_start_date: '2012-01-01' }, // line 3
      'A3,only-two-fields', // line 4: unreadable
      { activity_id: 'A4', age_at_activity_date: 'abc', placement_continuing_care: 'maybe' }, // line 5
      { activity_id: 'A5', activity_end_date: '2013-04-30' }, // line 6: discharge before admission
      { activity_id: 'A1' }, // line 7: duplicate of line 2
      { activity_id: 'A6', point_of_delivery: 'OPFA' }, // line 8: POD of another activity type
      {
        activity_id: 'A7',
        activity_type: 'ae',
        point_of_delivery: 'AE',
        activity_end_date: '',
        hrg_code: 'VB08Z',
      }, // line 9
      { activity_id: 'A8', service_category: 'acute', hrg_code: 'XX99Z', provider_code: 'R99' }, // line 10
      { activity_id: 'A9', activity_start_date: '2013-02-30' }, // line 11: no such date
    ]);
    const store = freshStore('mixed');
    const result = await loadActivityFile(engine, store, file);
    expect(result.status).toBe('loaded');
    expect(result.manifest).toMatchObject({
      file: 'mixed.csv',
      format: 'csv',
      rows: 10,
      accepted: 1,
      rejected: 9,
    });
    const quarantine = await engine.all<{ file: string; line: number; reason: string }>(
      `select file, line::integer as line, reason from read_parquet(${sqlString(
        path.join(store.loadDir(result.manifest.loadId), 'quarantine.parquet'),
      )}) order by line`,
    );
    expect(quarantine).toEqual([
      {
        file: 'mixed.csv',
        line: 3,
        reason:
          'general_medical_practice_code: "ZZZ99" is not a known GP practice code; activity_start_date: 2012-01-01 is outside the financial year 2013/14 (2013-04-01 to 2014-03-31)',
      },
      {
        file: 'mixed.csv',
        line: 4,
        reason: 'unreadable line: Expected Number of Columns: 30 Found: 2',
      },
      {
        file: 'mixed.csv',
        line: 5,
        reason:
          'age_at_activity_date: "abc" is not a whole number; placement_continuing_care: "maybe" is not true or false',
      },
      {
        file: 'mixed.csv',
        line: 6,
        reason: 'activity_end_date: 2013-04-30 is before the start date 2013-05-01',
      },
      { file: 'mixed.csv', line: 7, reason: 'activity_id: "A1" repeats line 2' },
      { file: 'mixed.csv', line: 8, reason: 'point_of_delivery: OPFA does not belong to activity type apc' },
      {
        file: 'mixed.csv',
        line: 9,
        reason: 'ae_department_type: missing for an A&E attendance',
      },
      {
        file: 'mixed.csv',
        line: 10,
        reason:
          'provider_code: "R99" is not a known provider code; hrg_code: "XX99Z" is not a known currency (HRG or local) code; service_category: "acute" is not a known service category code',
      },
      {
        file: 'mixed.csv',
        line: 11,
        reason: 'activity_start_date: "2013-02-30" is not a date (YYYY-MM-DD)',
      },
    ]);
    expect(result.sample.map((s) => s.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const kept = await parquetRows(
      path.join(store.loadDir(result.manifest.loadId), 'activity.parquet'),
      'activity_id, activity_start_date::varchar as start, age_at_activity_date as age, emergency_readmission_30d, load_id',
    );
    expect(kept).toEqual([
      {
        activity_id: 'A1',
        start: '2013-05-01',
        age: 70,
        emergency_readmission_30d: false,
        load_id: result.manifest.loadId,
      },
    ]);
  });

  it('is a no-op when the same file is loaded again', async () => {
    const file = path.join(dir, 'repeat.csv');
    writeActivityCsv(file, [{}, { activity_id: 'A2' }]);
    const store = freshStore('repeat');
    const first = await loadActivityFile(engine, store, file);
    const again = await loadActivityFile(engine, store, file);
    expect(again.status).toBe('unchanged');
    expect(again.manifest.loadId).toBe(first.manifest.loadId);
    expect(store.loads()).toHaveLength(1);
    expect(store.activityFiles()).toHaveLength(1);
  });

  it('rejects a file whose header does not match the layout, naming each column, and stores nothing', async () => {
    const file = path.join(dir, 'bad-header.csv');
    const header = csvHeader().replace('hrg_code', 'hrg').replace(',best_practice_criteria_met', '');
    writeActivityCsv(file, []);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, `${header},extra\n`);
    const store = freshStore('bad-header');
    const error = await loadActivityFile(engine, store, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).problems.map((p) => p.message)).toEqual([
      'column hrg_code is missing',
      'column best_practice_criteria_met is missing',
      'column hrg is not in the activity layout',
      'column extra is not in the activity layout',
    ]);
    expect(store.loads()).toEqual([]);
  });

  it('leaves no partial data when a load fails part-way, and clears what a dead load left', async () => {
    const file = path.join(dir, 'fails.csv');
    writeActivityCsv(file, [{}]);
    const store = freshStore('fails');
    store.ensure();
    mkdirSync(path.join(store.loadsDir, '.tmp-dead-load-1'));
    await engine.run('alter table known_currency rename to known_currency_away');
    try {
      await expect(loadActivityFile(engine, store, file)).rejects.toThrow(/known_currency/);
    } finally {
      await engine.run('alter table known_currency_away rename to known_currency');
    }
    expect(readdirSync(store.loadsDir)).toEqual([]);
    expect(store.loads()).toEqual([]);
    const retry = await loadActivityFile(engine, store, file);
    expect(retry.status).toBe('loaded');
    expect(readdirSync(store.loadsDir)).toEqual([retry.manifest.loadId]);

    // A replacement that died between moving the old load aside and renaming the new one in: the old
    // load is put back, not cleared with the debris.
    const id = retry.manifest.loadId;
    renameSync(store.loadDir(id), path.join(store.loadsDir, `.tmp-stale-${id}-4242`));
    expect(store.loads()).toEqual([]);
    store.clearDebris();
    expect(readdirSync(store.loadsDir)).toEqual([id]);
    expect(store.find(id)).toEqual(retry.manifest);
  });

  it('gives each row its true line past blank lines and consecutive unreadable lines', async () => {
    const file = path.join(dir, 'gaps.csv');
    writeActivityCsv(file, [
      { activity_id: 'G1' }, // line 2
      '', // line 3
      '', // line 4
      { activity_id: 'G2', age_at_activity_date: 'x' }, // line 5
      'G3,short', // line 6
      'G4,short', // line 7
      { activity_id: 'G5', age_at_activity_date: 'y' }, // line 8
      '', // line 9
      { activity_id: 'G6', person_stated_gender_code: '7' }, // line 10
    ]);
    const result = await loadActivityFile(engine, freshStore('gaps'), file);
    expect(result.manifest).toMatchObject({ rows: 6, accepted: 1, rejected: 5 });
    expect(result.sample.map((r) => [r.line, r.reason.split(':')[0]])).toEqual([
      [5, 'age_at_activity_date'],
      [6, 'unreadable line'],
      [7, 'unreadable line'],
      [8, 'age_at_activity_date'],
      [10, 'person_stated_gender_code'],
    ]);
  });

  it('says so when a file is empty or not comma-separated, instead of listing every column as missing', async () => {
    const store = freshStore('headers');
    const empty = path.join(dir, 'empty.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(empty, '');
    const refusal = (await loadActivityFile(engine, store, empty).catch((e: unknown) => e)) as AppError;
    expect(refusal.problems).toEqual([
      {
        path: 'empty.csv: line 1',
        message: 'the file is empty: it must start with the header line',
        code: 'empty_file',
      },
    ]);
    const semicolons = path.join(dir, 'semicolons.csv');
    writeFileSync(semicolons, `${csvHeader().replaceAll(',', ';')}\n`);
    const wrong = (await loadActivityFile(engine, store, semicolons).catch((e: unknown) => e)) as AppError;
    expect(wrong.problems).toEqual([
      {
        path: 'semicolons.csv: header',
        message: 'the header is one column holding ";": activity CSV files are comma-separated',
        code: 'wrong_delimiter',
      },
    ]);
    expect(store.loads()).toEqual([]);
  });

  it('refuses a file that is not CSV or Parquet, or does not exist', async () => {
    const store = freshStore('format');
    await expect(loadActivityFile(engine, store, path.join(dir, 'x.xlsx'))).rejects.toThrow(/no such file/);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(dir, 'x.xlsx'), 'x');
    await expect(loadActivityFile(engine, store, path.join(dir, 'x.xlsx'))).rejects.toThrow(
      /\.csv, \.csv\.gz or \.parquet/,
    );
  });
});

describe('activity already stored by another load', () => {
  it('quarantines rows another load holds, naming it; once that load is unloaded, they load', async () => {
    const first = path.join(dir, 'extract-v1.csv');
    const second = path.join(dir, 'extract-v2.csv');
    writeActivityCsv(first, [{ activity_id: 'D1' }, { activity_id: 'D2' }]);
    writeActivityCsv(second, [
      { activity_id: 'D2', activity_start_date: '2013-05-02', activity_end_date: '2013-05-04' }, // line 2
      { activity_id: 'D3' }, // line 3
    ]);
    const store = freshStore('overlap');
    const v1 = await loadActivityFile(engine, store, first);
    const v2 = await loadActivityFile(engine, store, second);
    expect(v2.manifest).toMatchObject({ accepted: 1, rejected: 1 });
    expect(v2.sample).toEqual([
      {
        file: 'extract-v2.csv',
        line: 2,
        reason:
          'activity_id: "D2" is already loaded from extract-v1.csv (load this file with --supersede to replace it)',
      },
    ]);
    expect(v2.manifest.rejectedByReason).toEqual([
      {
        reason:
          'activity_id: "…" is already loaded from extract-v1.csv (load this file with --supersede to replace it)',
        rows: 1,
      },
    ]);
    // The first load itself is untouched, and loading it again is still a no-op.
    expect((await loadActivityFile(engine, store, first)).status).toBe('unchanged');

    expect(store.unload('0000')).toBeUndefined();
    expect(store.unload(v1.manifest.loadId)?.file).toBe('extract-v1.csv');
    expect(store.loads().map((l) => l.file)).toEqual(['extract-v2.csv']);
    const third = path.join(dir, 'extract-v3.csv');
    writeActivityCsv(third, [{ activity_id: 'D1' }, { activity_id: 'D2' }]);
    const v3 = await loadActivityFile(engine, store, third);
    expect(v3.manifest).toMatchObject({ accepted: 2, rejected: 0 });
    const ids = await engine.all<{ activity_id: string }>(
      `select activity_id from read_parquet([${store.activityFiles().map(sqlString).join(', ')}]) order by 1`,
    );
    expect(ids.map((r) => r.activity_id)).toEqual(['D1', 'D2', 'D3']);
  });
});

describe('privacy of the quarantine', () => {
  it('never copies the text of an unreadable line (it holds a patient pseudonym)', async () => {
    const file = path.join(dir, 'unreadable.csv');
    writeActivityCsv(file, [{}, 'A2,p-secret-0042,apc']);
    const store = freshStore('unreadable');
    const result = await loadActivityFile(engine, store, file);
    expect(result.sample).toEqual([
      { file: 'unreadable.csv', line: 3, reason: 'unreadable line: Expected Number of Columns: 30 Found: 3' },
    ]);
    const dump = await engine.all(
      `select * from read_parquet(${sqlString(path.join(store.loadDir(result.manifest.loadId), 'quarantine.parquet'))})`,
    );
    expect(JSON.stringify(dump)).not.toContain('p-secret-0042');
    expect(JSON.stringify(result.manifest)).not.toContain('p-secret-0042');
  });
});

describe('derived at load', () => {
  it('flags emergency admissions within 30 days of a discharge from the same provider', async () => {
    const file = path.join(dir, 'readmissions.csv');
    const emergency = { admission_method: '21', point_of_delivery: 'NEL' };
    writeActivityCsv(file, [
      { activity_id: 'R1', activity_start_date: '2013-05-01', activity_end_date: '2013-05-04' },
      { activity_id: 'R2', ...emergency, activity_start_date: '2013-06-03', activity_end_date: '2013-06-05' }, // 30 days: yes
      { activity_id: 'R3', ...emergency, activity_start_date: '2013-07-06', activity_end_date: '2013-07-08' }, // 31 days: no
      {
        activity_id: 'R4',
        ...emergency,
        activity_start_date: '2013-07-10',
        activity_end_date: '2013-07-11',
        provider_code: 'RTH',
      }, // other provider
      { activity_id: 'R5', activity_start_date: '2013-07-20', activity_end_date: '2013-07-21' }, // elective: never a readmission
      {
        activity_id: 'R6',
        ...emergency,
        patient_pseudonym: 'p-0002',
        activity_start_date: '2013-05-05',
        activity_end_date: '2013-05-06',
      }, // other patient
    ]);
    const store = freshStore('readmissions');
    const result = await loadActivityFile(engine, store, file);
    expect(result.manifest.rejected).toBe(0);
    const rows = await parquetRows(
      path.join(store.loadDir(result.manifest.loadId), 'activity.parquet'),
      'activity_id, emergency_readmission_30d as flag',
    );
    expect(rows).toEqual([
      { activity_id: 'R1', flag: false },
      { activity_id: 'R2', flag: true },
      { activity_id: 'R3', flag: false },
      { activity_id: 'R4', flag: false },
      { activity_id: 'R5', flag: false },
      { activity_id: 'R6', flag: false },
    ]);
  });
});

describe('readmissions across loads', () => {
  const emergency = { admission_method: '21', point_of_delivery: 'NEL' };
  const monthlyOf = (store: ActivityStore, runId: string) =>
    engine.one<{ deduction: number; activity: number }>(
      `select sum(readmission_deduction)::double as deduction, sum(activity)::bigint as activity
       from read_parquet(${sqlString(path.join(store.resultsDir, runId, 'monthly.parquet'))})`,
    );

  it('flags again over all loads a readmission whose earlier spell is in another file, and prices it', async () => {
    const april = path.join(dir, 'extract-may.csv');
    const june = path.join(dir, 'extract-june.csv');
    writeActivityCsv(april, [
      { activity_id: 'X1', activity_start_date: '2013-05-01', activity_end_date: '2013-05-04' },
    ]);
    writeActivityCsv(june, [
      { activity_id: 'X2', ...emergency, activity_start_date: '2013-05-20', activity_end_date: '2013-05-22' },
    ]);
    const store = freshStore('two-extracts');
    await loadActivityFile(engine, store, april);
    const second = await loadActivityFile(engine, store, june);
    // Each file alone: the emergency admission has no earlier spell, so the loader could not flag it.
    expect(
      await parquetRows(
        path.join(store.loadDir(second.manifest.loadId), 'activity.parquet'),
        'activity_id, emergency_readmission_30d as flag',
      ),
    ).toEqual([{ activity_id: 'X2', flag: false }]);

    const summary = await runActivityPipeline({ engine, reference, tariff: loadTariff() }, store);
    expect(summary.readmissionFlags).toEqual({
      windowDays: 30,
      scope: 'same_provider',
      recheckedAcrossLoads: '2 loads: a readmission may follow a spell in another file',
      corrected: 1,
      reused: false,
    });
    expect(summary.stages.map((s) => s.stage)).toContain('readmission flags across loads');
    const monthly = await monthlyOf(store, summary.runId);
    expect(monthly.activity).toBe(2);
    expect(monthly.deduction).toBeGreaterThan(0);
    // The responsible population counts the patient once across both loads, with the month's money.
    const population = await engine.all(
      `select responsible_kind, who_pays_rule, patients, activity, value
       from read_parquet(${sqlString(path.join(store.resultsDir, summary.runId, 'population.parquet'))})`,
    );
    const value = await engine.one<{ v: number }>(
      `select sum(round(value * 100)::bigint) / 100.0 as v from read_parquet(${sqlString(path.join(store.resultsDir, summary.runId, 'monthly.parquet'))})`,
    );
    expect(population).toEqual([
      { responsible_kind: 'ccg', who_pays_rule: 'R4', patients: 1, activity: 2, value: value.v },
    ]);

    // A second run over the same loads and rule reads the kept corrections: the same flags, the same money.
    const again = await runActivityPipeline({ engine, reference, tariff: loadTariff() }, store);
    expect(again.readmissionFlags).toMatchObject({ corrected: 1, reused: true });
    expect(again.stages.map((s) => s.stage)).toContain(
      'readmission flags across loads (kept from an earlier run)',
    );
    expect(await monthlyOf(store, again.runId)).toEqual(monthly);
    // Another set of loads is flagged again, and only its corrections are kept.
    const july = path.join(dir, 'extract-july.csv');
    writeActivityCsv(july, [
      { activity_id: 'X3', ...emergency, activity_start_date: '2013-06-10', activity_end_date: '2013-06-11' },
    ]);
    await loadActivityFile(engine, store, july);
    const third = await runActivityPipeline({ engine, reference, tariff: loadTariff() }, store);
    expect(third.readmissionFlags).toMatchObject({ corrected: 2, reused: false });
    expect(readdirSync(store.cacheDir)).toHaveLength(1);
  });

  it('uses the stored flags of a single load flagged under the pricing rule, and flags again under another rule', async () => {
    const file = path.join(dir, 'two-providers.csv');
    writeActivityCsv(file, [
      { activity_id: 'Y1', activity_start_date: '2013-05-01', activity_end_date: '2013-05-04' },
      {
        activity_id: 'Y2',
        ...emergency,
        provider_code: 'RTH',
        activity_start_date: '2013-05-10',
        activity_end_date: '2013-05-12',
      },
    ]);
    const store = freshStore('two-providers');
    await loadActivityFile(engine, store, file);
    const tariff = loadTariff();
    const same = await runActivityPipeline({ engine, reference, tariff }, store);
    expect(same.readmissionFlags).toMatchObject({ recheckedAcrossLoads: null, corrected: 0 });
    expect(same.stages.map((s) => s.stage)).not.toContain('readmission flags across loads');
    expect((await monthlyOf(store, same.runId)).deduction).toBe(0);

    const any = await runActivityPipeline({ engine, reference, tariff }, store, {
      pricing: { readmissions: { ...tariff.defaults.readmissions, scope: 'any_provider' } },
    });
    expect(any.readmissionFlags).toEqual({
      windowDays: 30,
      scope: 'any_provider',
      recheckedAcrossLoads: expect.stringMatching(
        /^1 load\(s\) were flagged with another readmission rule than 30 days, any_provider \(first: two-providers\.csv\)$/,
      ),
      corrected: 1,
      reused: false,
    });
    expect((await monthlyOf(store, any.runId)).deduction).toBeGreaterThan(0);
  });
});

describe('pricing switches a run cannot honour', () => {
  it('refuses agreed marginal rate baselines rather than leaving every contract without the rule', async () => {
    const file = path.join(dir, 'agreed-baselines.csv');
    writeActivityCsv(file, [{ activity_id: 'AB1' }]);
    const store = freshStore('agreed-baselines');
    await loadActivityFile(engine, store, file);
    const tariff = loadTariff();
    const refusal = await runActivityPipeline({ engine, reference, tariff }, store, {
      pricing: { marginalRate: { ...tariff.defaults.marginalRate, baselineMethod: 'agreed' } },
    }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).problems[0]).toMatchObject({
      path: 'pricing.mret_baseline_method',
      code: 'not_supported',
    });
    expect(existsSync(store.resultsDir) ? readdirSync(store.resultsDir) : []).toEqual([]);
  });
});

describe('columns derived from the reference tables', () => {
  const practice = (code: string) => reference.practices.find((p) => p.code === code);
  const lsoa = (code: string) => reference.lsoas.find((l) => l.lsoaCode === code);

  it('derives the CCGs of the practices and the LSOA, its upper-tier authority and the price key, as layout.json lists them, and records them in the manifest', async () => {
    const temporary = reference.practices.find((p) => p.ccgCode !== null && p.code !== 'A81001')!;
    const file = path.join(dir, 'derived.csv');
    const notAdmitted = {
      activity_end_date: '',
      admission_method: '',
      admission_source: '',
      discharge_method: '',
    };
    writeActivityCsv(file, [
      {},
      {
        activity_id: 'A2',
        general_medical_practice_code: '',
        temporary_resident_practice_code: temporary.code,
        lsoa_of_residence: '',
        residence_country: 'wales',
      },
      {
        activity_id: 'A3',
        activity_type: 'op',
        point_of_delivery: 'OPFA',
        hrg_code: 'WF01B',
        ...notAdmitted,
      },
      {
        activity_id: 'A4',
        activity_type: 'ae',
        point_of_delivery: 'AE',
        hrg_code: 'VB08Z',
        treatment_function_code: '180',
        ae_department_type: '01',
        service_category: 'emergency_ae',
        ...notAdmitted,
      },
    ]);
    const store = freshStore('derived');
    const result = await loadActivityFile(engine, store, file);
    expect(result.manifest).toMatchObject({ accepted: 4, rejected: 0 });
    const parquet = path.join(store.loadDir(result.manifest.loadId), 'activity.parquet');
    const columns = await engine.all<{ column_name: string }>(
      `describe select * from read_parquet(${sqlString(parquet)})`,
    );
    const layout = activityLayout();
    expect(columns.map((c) => c.column_name)).toEqual([
      ...layout.columns.map((c) => c.name),
      ...layout.derived_at_load.map((c) => c.name),
    ]);
    expect(layout.derived_at_load.map((c) => c.name)).toEqual(
      expect.arrayContaining(['emergency_readmission_30d', 'load_id', ...DERIVED_COLUMNS]),
    );

    const home = lsoa(BASE_ROW.lsoa_of_residence as string)!;
    expect(await parquetRows(parquet, `activity_id, ${DERIVED_COLUMNS.join(', ')}`)).toEqual([
      {
        activity_id: 'A1',
        registered_ccg_code: practice('A81001')!.ccgCode,
        temporary_resident_ccg_code: null,
        residence_ccg_code: home.ccgCode,
        residence_utla_code: home.utlaCode,
        price_key: 'EL|HB12C||',
      },
      {
        activity_id: 'A2',
        registered_ccg_code: null,
        temporary_resident_ccg_code: temporary.ccgCode,
        residence_ccg_code: null,
        residence_utla_code: null,
        price_key: 'EL|HB12C||',
      },
      { ...sameCcgs(home), activity_id: 'A3', price_key: 'OPFA|WF01B|110|' },
      { ...sameCcgs(home), activity_id: 'A4', price_key: 'AE|VB08Z||01' },
    ]);
    expect(result.manifest.derived).toEqual({
      version: DERIVATION_VERSION,
      columns: [...DERIVED_COLUMNS],
      referenceFingerprint: await referenceFingerprint(engine),
    });
    expect(result.manifest.derived?.referenceFingerprint).toMatch(/^[0-9a-f]{64}$/);

    function sameCcgs(l: { ccgCode: string; utlaCode: string }) {
      return {
        registered_ccg_code: practice('A81001')!.ccgCode,
        temporary_resident_ccg_code: null,
        residence_ccg_code: l.ccgCode,
        residence_utla_code: l.utlaCode,
      };
    }
  });

  it('refuses to price a load derived from other reference data, and loading the file again derives it afresh', async () => {
    const file = path.join(dir, 'moved-practice.csv');
    writeActivityCsv(file, [{}]);
    const store = freshStore('moved-practice');
    const activity = { engine, reference, tariff: loadTariff() };
    const first = await loadActivityFile(engine, store, file);
    const before = first.manifest.derived!.referenceFingerprint;
    const homeCcg = practice('A81001')!.ccgCode!;
    const otherCcg = reference.ccgs.find((c) => c.code !== homeCcg)!.code;
    // The reference data changes: practice A81001 moves to another CCG.
    const move = (ccg: string) =>
      engine.run(
        `update ref_practice set ccg_code = ${sqlString(ccg)} where practice_code = 'A81001';
         update ref_practice_ccg set ccg_code = ${sqlString(ccg)} where practice_code = 'A81001'`,
      );
    await move(otherCcg);
    try {
      expect(await referenceFingerprint(engine)).not.toBe(before);
      const refused = await runActivityPipeline(activity, store).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).kind).toBe('conflict');
      expect((refused as AppError).problems).toEqual([
        {
          path: `load ${first.manifest.loadId} (moved-practice.csv)`,
          message: expect.stringMatching(
            /derived from other reference data .*: load moved-practice\.csv again$/,
          ),
          code: 'stale_load',
        },
      ]);

      const again = await loadActivityFile(engine, store, file);
      expect(again.status).toBe('loaded');
      expect(again.manifest.derived!.referenceFingerprint).toBe(await referenceFingerprint(engine));
      expect(readdirSync(store.loadsDir)).toEqual([first.manifest.loadId]);
      const parquet = path.join(store.loadDir(again.manifest.loadId), 'activity.parquet');
      expect(await parquetRows(parquet, 'registered_ccg_code')).toEqual([{ registered_ccg_code: otherCcg }]);
      const summary = await runActivityPipeline(activity, store);
      expect(summary.rows).toBe(1);
      expect((await loadActivityFile(engine, store, file)).status).toBe('unchanged');
    } finally {
      await move(homeCcg);
    }
  });

  it('refuses to price a load written before columns were derived', async () => {
    const file = path.join(dir, 'old-load.csv');
    writeActivityCsv(file, [{}]);
    const store = freshStore('old-load');
    const { manifest } = await loadActivityFile(engine, store, file);
    const { derived: _, ...old } = manifest;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      path.join(store.loadDir(manifest.loadId), 'manifest.json'),
      JSON.stringify(old satisfies LoadManifest),
    );
    await expect(runActivityPipeline({ engine, reference, tariff: loadTariff() }, store)).rejects.toThrow(
      /was loaded before the loader derived columns: load old-load\.csv again/,
    );
  });
});

describe('loading Parquet', () => {
  it('checks typed Parquet the same way, with the row number as the line', async () => {
    const csv = path.join(dir, 'for-parquet.csv');
    writeActivityCsv(csv, [
      {},
      { activity_id: 'P2', age_at_activity_date: '130' },
      { activity_id: 'P3', residence_country: 'mars' },
    ]);
    const file = path.join(dir, 'typed.parquet');
    await engine.run(
      `copy (select * replace (cast(age_at_activity_date as integer) as age_at_activity_date,
                               cast(activity_start_date as date) as activity_start_date)
             from read_csv(${sqlString(csv)}, header = true, all_varchar = true))
       to ${sqlString(file)} (format parquet)`,
    );
    const store = freshStore('parquet');
    const result = await loadActivityFile(engine, store, file);
    expect(result.manifest).toMatchObject({ format: 'parquet', accepted: 1, rejected: 2 });
    expect(result.sample).toEqual([
      { file: 'typed.parquet', line: 2, reason: 'age_at_activity_date: 130 is not between 0 and 120' },
      {
        file: 'typed.parquet',
        line: 3,
        reason:
          'residence_country: "mars" is not one of england, wales, scotland, northern_ireland, abroad, unknown; lsoa_of_residence: an English LSOA but residence_country is mars',
      },
    ]);
    expect(BASE_ROW.activity_id).toBe('A1');
    expect(existsSync(path.join(store.loadDir(result.manifest.loadId), 'manifest.json'))).toBe(true);
    expect(result.manifest.synthetic).toBe(false);
  });

  it('labels rows synthetic when the file carries the generator mark, even without the option', async () => {
    const csv = path.join(dir, 'for-marked.csv');
    writeActivityCsv(csv, [{ activity_id: 'SY1' }]);
    const marked = path.join(dir, 'marked.parquet');
    await engine.run(
      `copy (select * from read_csv(${sqlString(csv)}, header = true, all_varchar = true))
       to ${sqlString(marked)} (format parquet, ${syntheticMarkOption()})`,
    );
    const result = await loadActivityFile(engine, freshStore('marked'), marked);
    expect(result.manifest).toMatchObject({ accepted: 1, synthetic: true });
  });
});
