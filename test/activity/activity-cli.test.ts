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
      'june.csv:2  activity_id: "C1" is already loaded from may.csv (unload that load to replace it)',
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
});
