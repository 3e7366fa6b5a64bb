import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommissioner } from '../support/cli.ts';
import { writeActivityCsv } from './activity-rows.ts';

let dir: string;
let env: Record<string, string>;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'activity-cli-'));
  env = { COMMISSIONER_ACTIVITY_DIR: path.join(dir, 'store') };
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface StatusJson {
  readonly loads: readonly { readonly loadId: string; readonly file: string; readonly accepted: number }[];
}

describe('commissioner activity', () => {
  it('loads, reports quarantined lines, unloads, and prices across loads', async () => {
    const may = path.join(dir, 'may.csv');
    const june = path.join(dir, 'june.csv');
    writeActivityCsv(may, [
      { activity_id: 'C1', activity_start_date: '2013-05-01', activity_end_date: '2013-05-04' },
      { activity_id: 'C2', age_at_activity_date: 'old' }, // line 3
    ]);
    writeActivityCsv(june, [
      { activity_id: 'C1' }, // line 2: already loaded from may.csv
      {
        activity_id: 'C3',
        admission_method: '21',
        point_of_delivery: 'NEL',
        activity_start_date: '2013-05-20',
        activity_end_date: '2013-05-22',
      },
    ]);
    const load = await runCommissioner(['activity', 'load', may, june], { env });
    expect(load.code, load.stderr).toBe(0);
    expect(load.stdout).toContain('may.csv:3  age_at_activity_date: "old" is not a whole number');
    expect(load.stdout).toContain(
      'june.csv:2  activity_id: "C1" is already loaded from may.csv (load this file with --supersede to replace it)',
    );

    const again = await runCommissioner(['activity', 'load', may], { env });
    expect(again.stdout).toContain('1 file(s) already loaded: nothing to do for them.');

    const run = await runCommissioner(['activity', 'run'], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'Emergency readmissions: 30 days, same provider; flagged again across all loads (2 loads: a readmission may follow a spell in another file): 1 row changed.',
    );

    const missing = await runCommissioner(['activity', 'unload', 'feedfacefeedface'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('feedfacefeedface');
    expect(missing.stderr).toContain('no load with this id');

    const status = JSON.parse(
      (await runCommissioner(['activity', 'status', '--json'], { env })).stdout,
    ) as StatusJson;
    const mayLoad = status.loads.find((l) => l.file === 'may.csv');
    expect(mayLoad?.accepted).toBe(1);
    const unload = await runCommissioner(['activity', 'unload', mayLoad?.loadId ?? ''], { env });
    expect(unload.code, unload.stderr).toBe(0);
    expect(unload.stdout).toContain('may.csv');
    expect(unload.stdout).toContain('run `commissioner activity run` to update them');
    const after = JSON.parse(
      (await runCommissioner(['activity', 'status', '--json'], { env })).stdout,
    ) as StatusJson;
    expect(after.loads.map((l) => l.file)).toEqual(['june.csv']);
  });

  it('loads a resubmission with --supersede: it says which rows it replaced, and status lists them', async () => {
    const cli = { env: { COMMISSIONER_ACTIVITY_DIR: path.join(dir, 'store-supersede') } };
    const first = path.join(dir, 'aug.csv');
    const resubmitted = path.join(dir, 'aug-v2.csv');
    writeActivityCsv(first, [{ activity_id: 'R1' }, { activity_id: 'R2' }]);
    writeActivityCsv(resubmitted, [{ activity_id: 'R2', age_at_activity_date: '71' }]);
    expect((await runCommissioner(['activity', 'load', first], cli)).code).toBe(0);
    const load = await runCommissioner(['activity', 'load', '--supersede', resubmitted], cli);
    expect(load.code, load.stderr).toBe(0);
    const status = JSON.parse(
      (await runCommissioner(['activity', 'status', '--json'], cli)).stdout,
    ) as StatusJson;
    const aug = status.loads.find((l) => l.file === 'aug.csv');
    expect(load.stdout).toContain(`aug-v2.csv supersedes 1 row of aug.csv (load ${aug?.loadId}).`);
    const table = await runCommissioner(['activity', 'status'], cli);
    expect(table.stdout).toContain(`1 row of aug.csv (load ${aug?.loadId})`);
    const run = await runCommissioner(['activity', 'run', '--json'], cli);
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { rows: number }).rows).toBe(2);
  });
});
