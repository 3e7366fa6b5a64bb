import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeRowsRelation, SUPERSEDES_FILE } from '../../src/modules/activity/active-rows.ts';
import { loadActivityFile } from '../../src/modules/activity/load/load-activity.ts';
import { runActivityPipeline } from '../../src/modules/activity/pipeline.ts';
import { loadTariff } from '../../src/modules/activity/pricing/definitions.ts';
import type { ActivityReference } from '../../src/modules/activity/reference-tables.ts';
import { ActivityStore } from '../../src/modules/activity/store.ts';
import { type Analytics, sqlString } from '../../src/platform/analytics/duckdb.ts';
import { writeActivityCsv } from './activity-rows.ts';
import { openLoadTestEngine } from './load-engine.ts';

let engine: Analytics;
let reference: ActivityReference;
let dir: string;

beforeAll(async () => {
  ({ engine, reference } = await openLoadTestEngine());
  dir = mkdtempSync(path.join(os.tmpdir(), 'activity-supersede-'));
});

afterAll(() => {
  engine.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The rows in force: activity id → the file of the load it comes from, and its start date. */
async function inForce(store: ActivityStore): Promise<Record<string, string>> {
  const files = new Map(store.loads().map((l) => [l.loadId, l.file]));
  const rows = await engine.all<{ activity_id: string; load_id: string; start: string }>(
    `select activity_id, load_id, strftime(activity_start_date, '%Y-%m-%d') as start
     from ${activeRowsRelation(store)} order by activity_id`,
  );
  return Object.fromEntries(rows.map((r) => [r.activity_id, `${files.get(r.load_id)} ${r.start}`]));
}

const csv = (name: string, rows: Parameters<typeof writeActivityCsv>[1]) => {
  const file = path.join(dir, name);
  writeActivityCsv(file, rows);
  return file;
};

describe('loading with --supersede (latest submission wins)', () => {
  it('replaces the rows an earlier load holds, records what it replaced, and the pipeline counts each id once', async () => {
    const store = new ActivityStore(path.join(dir, 'store-main'));
    const may = await loadActivityFile(
      engine,
      store,
      csv('may.csv', [{ activity_id: 'S1' }, { activity_id: 'S2' }]),
    );
    // The resubmission corrects S2's dates and adds S3.
    const mayV2 = await loadActivityFile(
      engine,
      store,
      csv('may-v2.csv', [
        { activity_id: 'S2', activity_start_date: '2013-06-10', activity_end_date: '2013-06-12' },
        { activity_id: 'S3' },
      ]),
      { supersede: true },
    );
    expect(mayV2.manifest).toMatchObject({
      accepted: 2,
      rejected: 0,
      supersedes: [{ loadId: may.manifest.loadId, file: 'may.csv', rows: 1 }],
    });
    // The earlier file is not rewritten: it still holds both its rows.
    expect(store.find(may.manifest.loadId)?.accepted).toBe(2);
    expect(
      await engine.all(
        `select * from read_parquet(${sqlString(path.join(store.loadDir(mayV2.manifest.loadId), SUPERSEDES_FILE))})`,
      ),
    ).toEqual([{ activity_id: 'S2', superseded_load_id: may.manifest.loadId }]);
    expect(await inForce(store)).toEqual({
      S1: 'may.csv 2013-05-01',
      S2: 'may-v2.csv 2013-06-10',
      S3: 'may-v2.csv 2013-05-01',
    });

    const summary = await runActivityPipeline({ engine, reference, tariff: loadTariff() }, store);
    expect(summary.rows).toBe(3);
    expect(summary.loads).toEqual([
      { loadId: may.manifest.loadId, file: 'may.csv', rows: 1, madeAt: may.manifest.loadedAt },
      { loadId: mayV2.manifest.loadId, file: 'may-v2.csv', rows: 2, madeAt: mayV2.manifest.loadedAt },
    ]);
    const months = await engine.all<{ month: string; activity: number }>(
      `select month, sum(activity)::bigint as activity
       from read_parquet(${sqlString(path.join(store.resultsDir, summary.runId, 'monthly.parquet'))})
       group by 1 order by 1`,
    );
    expect(months).toEqual([
      { month: '2013-05', activity: 2 },
      { month: '2013-06', activity: 1 },
    ]);

    // The same file again, with or without --supersede: nothing to do.
    for (const supersede of [true, false]) {
      const again = await loadActivityFile(engine, store, path.join(dir, 'may-v2.csv'), { supersede });
      expect(again.status).toBe('unchanged');
    }
  });

  it('quarantines a later plain load of a superseded id naming the load in force', async () => {
    const store = new ActivityStore(path.join(dir, 'store-plain-after'));
    await loadActivityFile(engine, store, csv('p1.csv', [{ activity_id: 'P1' }]));
    // Each file differs (a file's content is its load id).
    const later = { activity_start_date: '2013-06-01', activity_end_date: '2013-06-02' };
    await loadActivityFile(engine, store, csv('p2.csv', [{ activity_id: 'P1', ...later }]), {
      supersede: true,
    });
    const plain = await loadActivityFile(
      engine,
      store,
      csv('p3.csv', [{ activity_id: 'P1', age_at_activity_date: '71' }]),
    );
    expect(plain.manifest).toMatchObject({ accepted: 0, rejected: 1 });
    expect(plain.sample[0]?.reason).toBe(
      'activity_id: "P1" is already loaded from p2.csv (load this file with --supersede to replace it)',
    );
  });

  it('does not let a quarantined row supersede, and records an empty list when nothing was replaced', async () => {
    const store = new ActivityStore(path.join(dir, 'store-bad-row'));
    await loadActivityFile(engine, store, csv('q1.csv', [{ activity_id: 'Q1' }]));
    const bad = await loadActivityFile(
      engine,
      store,
      csv('q2.csv', [{ activity_id: 'Q1', general_medical_practice_code: 'ZZZ99' }, { activity_id: 'Q2' }]),
      { supersede: true },
    );
    expect(bad.manifest).toMatchObject({ accepted: 1, rejected: 1, supersedes: [] });
    expect(existsSync(path.join(store.loadDir(bad.manifest.loadId), SUPERSEDES_FILE))).toBe(false);
    expect(await inForce(store)).toEqual({ Q1: 'q1.csv 2013-05-01', Q2: 'q2.csv 2013-05-01' });
  });

  it('keeps the latest load in force through a chain of resubmissions, and unloading brings earlier rows back', async () => {
    const store = new ActivityStore(path.join(dir, 'store-chain'));
    const v1 = await loadActivityFile(
      engine,
      store,
      csv('c1.csv', [{ activity_id: 'C1' }, { activity_id: 'C2' }]),
    );
    const v2 = await loadActivityFile(
      engine,
      store,
      csv('c2.csv', [
        { activity_id: 'C2', activity_start_date: '2013-07-01', activity_end_date: '2013-07-02' },
      ]),
      { supersede: true },
    );
    const v3 = await loadActivityFile(
      engine,
      store,
      csv('c3.csv', [
        { activity_id: 'C2', activity_start_date: '2013-08-01', activity_end_date: '2013-08-02' },
        { activity_id: 'C1', activity_start_date: '2013-09-01', activity_end_date: '2013-09-02' },
      ]),
      { supersede: true },
    );
    // Every holder is recorded, the rows of an already superseded load included.
    expect(v3.manifest.supersedes).toEqual(
      [
        { loadId: v1.manifest.loadId, file: 'c1.csv', rows: 2 },
        { loadId: v2.manifest.loadId, file: 'c2.csv', rows: 1 },
      ].sort((a, b) => a.loadId.localeCompare(b.loadId)),
    );
    expect(await inForce(store)).toEqual({ C1: 'c3.csv 2013-09-01', C2: 'c3.csv 2013-08-01' });

    // Unloading the middle load changes nothing in force: the latest still wins.
    store.unload(v2.manifest.loadId);
    expect(await inForce(store)).toEqual({ C1: 'c3.csv 2013-09-01', C2: 'c3.csv 2013-08-01' });
    // Unloading the latest brings the first load's rows back (c2.csv is gone).
    store.unload(v3.manifest.loadId);
    expect(await inForce(store)).toEqual({ C1: 'c1.csv 2013-05-01', C2: 'c1.csv 2013-05-01' });
  });

  it('reads every file as it is when nothing was superseded', async () => {
    const store = new ActivityStore(path.join(dir, 'store-none'));
    expect(activeRowsRelation(store)).toBe('read_parquet([])');
    await loadActivityFile(engine, store, csv('n1.csv', [{ activity_id: 'N1' }]));
    // A --supersede load whose ids no earlier load holds supersedes nothing: still a plain read.
    await loadActivityFile(engine, store, csv('n2.csv', [{ activity_id: 'N2' }]), { supersede: true });
    expect(activeRowsRelation(store)).toMatch(/^read_parquet\(\[[^\]]*n\w*[^\]]*\]\)$/);
    expect(activeRowsRelation(store)).not.toContain('__load_order');
    expect(await inForce(store)).toEqual({ N1: 'n1.csv 2013-05-01', N2: 'n2.csv 2013-05-01' });
  });

  it('makes a plainly loaded file again when asked to supersede the ids it quarantined, keeping its place', async () => {
    const store = new ActivityStore(path.join(dir, 'store-remake'));
    const first = await loadActivityFile(engine, store, csv('m1.csv', [{ activity_id: 'M1' }]), {
      now: () => new Date('2026-01-01T00:00:00Z'),
    });
    const later = { activity_start_date: '2013-06-01', activity_end_date: '2013-06-02' };
    const file = csv('m2.csv', [{ activity_id: 'M1', ...later }, { activity_id: 'M2' }]);
    const plain = await loadActivityFile(engine, store, file, {
      now: () => new Date('2026-01-02T00:00:00Z'),
    });
    expect(plain.manifest).toMatchObject({ accepted: 1, rejected: 1 });
    const again = await loadActivityFile(engine, store, file, {
      supersede: true,
      now: () => new Date('2026-01-03T00:00:00Z'),
    });
    expect(again.status).toBe('loaded');
    expect(again.manifest).toMatchObject({
      loadedAt: '2026-01-02T00:00:00.000Z',
      remadeAt: '2026-01-03T00:00:00.000Z',
      accepted: 2,
      rejected: 0,
      supersedes: [{ loadId: first.manifest.loadId, file: 'm1.csv', rows: 1 }],
    });
    expect(await inForce(store)).toEqual({ M1: 'm2.csv 2013-06-01', M2: 'm2.csv 2013-05-01' });
    // Both files again in one command, asked to supersede: nothing to do (the first quarantined nothing).
    for (const name of ['m1.csv', 'm2.csv']) {
      const repeat = await loadActivityFile(engine, store, path.join(dir, name), { supersede: true });
      expect(repeat.status).toBe('unchanged');
    }
    expect(await inForce(store)).toEqual({ M1: 'm2.csv 2013-06-01', M2: 'm2.csv 2013-05-01' });
  });

  it('keeps what is in force when stale loads are made again, in any order and without --supersede', async () => {
    const store = new ActivityStore(path.join(dir, 'store-stale'));
    const day = (d: string) => ({ activity_start_date: d, activity_end_date: d });
    const files = [
      csv('t1.csv', [{ activity_id: 'T1', ...day('2013-05-01') }]),
      csv('t2.csv', [{ activity_id: 'T1', ...day('2013-06-01') }]),
      csv('t3.csv', [{ activity_id: 'T1', ...day('2013-07-01') }]),
    ];
    const ids: string[] = [];
    for (const [i, file] of files.entries()) {
      const made = await loadActivityFile(engine, store, file, { supersede: i > 0 });
      ids.push(made.manifest.loadId);
    }
    expect(await inForce(store)).toEqual({ T1: 't3.csv 2013-07-01' });
    // The reference data changes: every load is stale, and the user loads the files again, newest first.
    for (const id of ids) {
      const file = path.join(store.loadDir(id), 'manifest.json');
      const manifest = JSON.parse(readFileSync(file, 'utf8'));
      writeFileSync(
        file,
        JSON.stringify({ ...manifest, derived: { ...manifest.derived, referenceFingerprint: 'old' } }),
      );
    }
    for (const file of [...files].reverse()) {
      expect((await loadActivityFile(engine, store, file)).status).toBe('loaded');
    }
    expect(store.find(ids[0] ?? '')).toMatchObject({ accepted: 1, rejected: 0 });
    expect(await inForce(store)).toEqual({ T1: 't3.csv 2013-07-01' });
    store.unload(ids[2] ?? '');
    expect(await inForce(store)).toEqual({ T1: 't2.csv 2013-06-01' });
    store.unload(ids[1] ?? '');
    expect(await inForce(store)).toEqual({ T1: 't1.csv 2013-05-01' });
  });

  it('counts an id once whatever the spaces around it, within a file as across loads', async () => {
    const store = new ActivityStore(path.join(dir, 'store-spaces'));
    await loadActivityFile(engine, store, csv('w1.csv', [{ activity_id: 'W1' }]));
    const spaced = await loadActivityFile(
      engine,
      store,
      csv('w2.csv', [
        { activity_id: ' W1 ', age_at_activity_date: '71' },
        { activity_id: 'W1', age_at_activity_date: '72' },
      ]),
      { supersede: true },
    );
    expect(spaced.manifest).toMatchObject({ accepted: 1, rejected: 1 });
    expect(spaced.sample[0]?.reason).toBe('activity_id: "W1" repeats line 2');
    expect(await inForce(store)).toEqual({ W1: 'w2.csv 2013-05-01' });
  });
});
