/**
 * What "latest submission wins" costs the main pass (issue #5 loads; src/modules/activity/active-rows.ts):
 * a copy of a loaded store gets a resubmission of 1% of its first file's rows (a Parquet file in the
 * layout, each row changed), loaded with `supersede`; then the attribute + price + aggregate pass runs,
 * interleaved, over the loaded files before the resubmission and over the rows in force after it. Writes the
 * `activity-supersede` section of docs/benchmarks.md.
 *
 *   npx tsx bench/activity-supersede.ts --store DIR   (DIR: a store the activity benchmark loaded, e.g.
 *                                                      /work/bench-work/scale-0.1/store)
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { activeRowsRelation } from '../src/modules/activity/active-rows.ts';
import { openActivityEngine } from '../src/modules/activity/engine.ts';
import { activityLayout } from '../src/modules/activity/layout.ts';
import { loadActivityFile } from '../src/modules/activity/load/load-activity.ts';
import { monthlyQuery } from '../src/modules/activity/pipeline.ts';
import { writeTariffTables } from '../src/modules/activity/pricing/sql.ts';
import { ActivityStore } from '../src/modules/activity/store.ts';
import { loadWhoPaysDefinitions } from '../src/modules/activity/who-pays/definitions.ts';
import { sqlString } from '../src/platform/analytics/duckdb.ts';
import { REPO_ROOT } from '../src/platform/config.ts';
import { replaceSection } from './markdown-section.ts';
import { median } from './median.ts';

const REPEATS = 3;
const { values } = parseArgs({ options: { store: { type: 'string' } } });
if (!values.store) throw new Error('usage: npx tsx bench/activity-supersede.ts --store DIR');

const work = mkdtempSync(path.join(os.tmpdir(), 'bench-supersede-'));
const ae = await openActivityEngine({
  referenceDir: path.resolve(REPO_ROOT, '..', 'shared', 'data', 'reference'),
  memoryLimit: '12GB',
});
try {
  cpSync(path.join(values.store, 'loads'), path.join(work, 'store', 'loads'), { recursive: true });
  const store = new ActivityStore(path.join(work, 'store'));
  const files = store.activityFiles();
  const everyRow = `read_parquet([${files.map(sqlString).join(', ')}])`;
  const rows = (relation: string) =>
    ae.engine.one<{ n: number }>(`select count(*)::bigint as n from ${relation}`).then((r) => Number(r.n));
  const stored = await rows(everyRow);

  // The resubmission: 1% of the first file's rows, each one year older (a correction of every row).
  const resubmission = path.join(work, 'resubmission.parquet');
  const columns = activityLayout().columns.map((c) =>
    c.name === 'age_at_activity_date' ? `least(age_at_activity_date + 1, 120) as ${c.name}` : c.name,
  );
  await ae.engine.run(
    `copy (select ${columns.join(', ')} from read_parquet(${sqlString(files[0] ?? '')}) using sample 1 percent (system, 7))
     to ${sqlString(resubmission)} (format parquet)`,
  );
  const t0 = performance.now();
  const loaded = await loadActivityFile(ae.engine, store, resubmission, { supersede: true });
  const loadMs = Math.round(performance.now() - t0);
  const replaced = (loaded.manifest.supersedes ?? []).reduce((n, s) => n + s.rows, 0);
  const inForce = activeRowsRelation(store);
  const inForceRows = await rows(inForce);
  if (inForceRows !== stored) throw new Error(`rows in force ${inForceRows}, expected ${stored}`);

  await writeTariffTables(ae.engine, ae.tariff);
  const switches = loadWhoPaysDefinitions().defaultSwitches;
  const pass = (input: string) =>
    `create or replace temp table bench_supersede as ${monthlyQuery(input, switches, ae.tariff.defaults)}`;
  const timings = { plain: [] as number[], inForce: [] as number[] };
  for (let i = 0; i < REPEATS; i++) {
    for (const [name, input] of [
      ['plain', everyRow],
      ['inForce', inForce],
    ] as const) {
      const t = performance.now();
      await ae.engine.run(pass(input));
      timings[name].push(performance.now() - t);
    }
  }
  const n = (x: number) => x.toLocaleString('en-GB');
  const plainMs = Math.round(median(timings.plain));
  const inForceMs = Math.round(median(timings.inForce));
  const md = [
    '### Latest submission wins: the cost of superseded rows (issue #5)',
    '',
    `Produced by \`npx tsx bench/activity-supersede.ts --store DIR\` (DIR: the scale ${values.store.match(/scale-([\d.]+)/)?.[1] ?? '?'} store of the activity benchmark) on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores.`,
    '',
    `- A resubmission of ${n(loaded.manifest.accepted)} rows (1% of the first file, each a year older, capped at 120) loaded with \`--supersede\` in ${n(loadMs)} ms; it replaced ${n(replaced)} rows; ${n(inForceRows)} rows in force, as before.`,
    `- Attribute + price + aggregate (medians of ${REPEATS} interleaved runs): ${n(plainMs)} ms over the loaded files before the resubmission (no supersession: read as they are), ${n(inForceMs)} ms over the rows in force: **${Math.round((inForceMs / plainMs) * 100) / 100}×**. Only the loads a supersession touches (here the first file and the resubmission) are resolved.`,
  ].join('\n');
  replaceSection(path.join(REPO_ROOT, 'docs', 'benchmarks.md'), 'activity-supersede', md);
  console.log(md);
} finally {
  ae.engine.close();
  rmSync(work, { recursive: true, force: true });
}
