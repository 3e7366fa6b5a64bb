import path from 'node:path';
import { type ActivityEngine, openActivityEngine } from '../../modules/activity/engine.ts';
import { loadActivityFile, loadIdOf } from '../../modules/activity/load/load-activity.ts';
import { runActivityPipeline } from '../../modules/activity/pipeline.ts';
import { applySwitches } from '../../modules/activity/pricing/rules/switches.ts';
import { readmissionFlagsText } from '../../modules/activity/readmission-flags-text.ts';
import { currentRunDir, readSummary } from '../../modules/activity/results.ts';
import { ActivityStore } from '../../modules/activity/store.ts';
import { supersedesText } from '../../modules/activity/supersedes-text.ts';
import { loadWhoPaysDefinitions } from '../../modules/activity/who-pays/definitions.ts';
import { resolveSwitches } from '../../modules/activity/who-pays/rules/index.ts';
import type { Config } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';
import { generateSyntheticEngland } from '../../synth/england/generate.ts';
import { importProgressBar, percentProgressBar } from '../progress.ts';
import { printJson, printTable } from '../table.ts';
import { parseSwitchOptions } from './who-pays.ts';

async function withEngine<T>(
  config: Config,
  work: (e: ActivityEngine, store: ActivityStore) => Promise<T>,
): Promise<T> {
  const store = new ActivityStore(config.activityDir);
  const engine = await openActivityEngine({
    referenceDir: config.referenceDir,
    memoryLimit: config.analyticsMemoryLimit,
    tempDirectory: path.join(config.activityDir, '.spill'),
  });
  try {
    return await work(engine, store);
  } finally {
    engine.engine.close();
  }
}

/** `commissioner activity load FILE…`: check, quarantine and store activity files (CSV or Parquet). */
export async function activityLoadCommand(
  config: Config,
  files: string[],
  opts: { json?: boolean; synthetic?: boolean; supersede?: boolean },
) {
  await withEngine(config, async (engine, store) => {
    const results = [];
    for (const file of files) {
      const bar = percentProgressBar();
      try {
        results.push(
          await loadActivityFile(engine.engine, store, file, {
            synthetic: opts.synthetic ?? false,
            supersede: opts.supersede ?? false,
            readmission: engine.tariff.defaults.readmissions,
            ...(opts.json
              ? {}
              : {
                  onProgress: (phase: string, p: number) =>
                    bar.onProgress(`${path.basename(file)}: ${phase}`, p),
                }),
          }),
        );
      } finally {
        bar.stop();
      }
    }
    if (opts.json) return printJson(results);
    printTable(results, [
      ['file', (r) => r.manifest.file],
      ['status', (r) => r.status],
      ['load id', (r) => r.manifest.loadId],
      ['rows', (r) => r.manifest.rows],
      ['accepted', (r) => r.manifest.accepted],
      ['quarantined', (r) => r.manifest.rejected],
    ]);
    for (const r of results.filter((x) => x.status === 'loaded' && x.manifest.rejected > 0)) {
      console.log(`\n${r.manifest.file}: ${r.manifest.rejected} rows quarantined (file:line  reason):`);
      for (const s of r.sample) console.log(`  ${s.file}:${s.line}  ${s.reason}`);
      if (r.manifest.rejected > r.sample.length) {
        console.log(
          `  … and ${r.manifest.rejected - r.sample.length} more in ${path.join(store.loadDir(r.manifest.loadId), 'quarantine.parquet')}`,
        );
      }
    }
    for (const r of results.filter((x) => x.status === 'loaded' && x.manifest.supersedes)) {
      const replaced = r.manifest.supersedes ?? [];
      console.log(`\n${r.manifest.file} supersedes ${supersedesText(replaced)}.`);
    }
    const unchanged = results.filter((r) => r.status === 'unchanged');
    if (unchanged.length)
      console.log(`\n${unchanged.length} file(s) already loaded: nothing to do for them.`);
  });
}

/** `commissioner activity unload LOAD-ID…`: remove loads (to replace a file with a corrected one, say). */
export function activityUnloadCommand(config: Config, loadIds: string[], opts: { json?: boolean }) {
  const store = new ActivityStore(config.activityDir);
  const missing = loadIds.filter((id) => !store.find(id));
  if (missing.length) {
    throw AppError.validation(
      missing.map((id) => ({
        path: id,
        message: 'no load with this id (see `activity status`)',
        code: 'not_found',
      })),
      'Cannot unload',
    );
  }
  const removed = loadIds.map((id) => store.unload(id)).filter((m) => m !== undefined);
  if (opts.json) return printJson(removed);
  printTable(removed, [
    ['load id', (m) => m.loadId],
    ['file', (m) => m.file],
    ['rows in the load', (m) => m.accepted],
  ]);
  console.log(
    '\nThe current results still include these rows: run `commissioner activity run` to update them.',
  );
}

/** `commissioner activity run`: attribute, price and aggregate everything loaded; writes a results run. */
export async function activityRunCommand(
  config: Config,
  opts: { json?: boolean; switch?: string[]; pricing?: string[] },
) {
  // Written NAME=VALUE like `who-pays --switch`; checked by each module's own switch resolver.
  const whoPaysOverrides = parseSwitchOptions(opts.switch ?? []);
  const pricingOverrides = parseSwitchOptions(opts.pricing ?? []);
  const whoPaysSwitches = resolveSwitches(loadWhoPaysDefinitions(), whoPaysOverrides);
  await withEngine(config, async (engine, store) => {
    const pricing = applySwitches(engine.tariff.defaults, pricingOverrides);
    const bar = percentProgressBar();
    const summary = await runActivityPipeline(engine, store, {
      whoPaysSwitches,
      pricing,
      ...(opts.json ? {} : { onProgress: bar.onProgress }),
    }).finally(bar.stop);
    if (opts.json) return printJson(summary);
    console.log(
      `Run ${summary.runId}: ${summary.rows.toLocaleString('en-GB')} rows from ${summary.loads.length} load(s)${summary.synthetic ? ' (SYNTHETIC data)' : ''}.`,
    );
    console.log(summary.priceBasis);
    if (summary.readmissionFlags) {
      console.log(`Emergency readmissions: ${readmissionFlagsText(summary.readmissionFlags)}.`);
    }
    printTable(summary.stages, [
      ['stage', (s) => s.stage],
      ['ms', (s) => s.ms],
      ['rows/s', (s) => (s.rowsPerSecond === null ? '' : s.rowsPerSecond.toLocaleString('en-GB'))],
    ]);
    console.log('\nRows by the Who Pays rule that decided them:');
    printTable(summary.byRule, [
      ['rule', (r) => r.rule],
      ['rows', (r) => r.rows],
    ]);
    if (summary.unpriced.length) {
      console.log('\nRows with no price (counted, not dropped):');
      printTable(summary.unpriced, [
        ['reason', (r) => r.reason],
        ['rows', (r) => r.rows],
      ]);
    }
  });
}

/** `commissioner activity status`: what is loaded, and the current results run. */
export function activityStatusCommand(config: Config, opts: { json?: boolean }) {
  const store = new ActivityStore(config.activityDir);
  const loads = store.loads();
  const dir = currentRunDir(store);
  const run = dir ? readSummary(dir) : null;
  if (opts.json) return printJson({ loads, run });
  if (loads.length === 0) console.log(`Nothing loaded in ${config.activityDir}.`);
  else
    printTable(loads, [
      ['load id', (l) => l.loadId],
      ['file', (l) => l.file],
      ['loaded at', (l) => l.loadedAt],
      ['accepted', (l) => l.accepted],
      ['quarantined', (l) => l.rejected],
      ['synthetic', (l) => (l.synthetic ? 'yes' : 'no')],
      ['supersedes', (l) => supersedesText(l.supersedes)],
    ]);
  console.log(
    run
      ? `\nCurrent run ${run.runId} (${run.finishedAt}): ${run.rows} rows.`
      : '\nNo results run yet: `commissioner activity run`.',
  );
}

/**
 * `commissioner activity demo`: synthetic England at a scale → load (labelled synthetic) → run.
 * The files go to <activityDir>/generated/seed-N-scale-S/ so a repeat reuses them (and the loads are no-ops).
 */
export async function activityDemoCommand(
  config: Config,
  opts: { scale: string; seed: string; json?: boolean },
) {
  const scale = Number(opts.scale);
  const seed = Number(opts.seed);
  const outDir = path.join(config.activityDir, 'generated', `seed-${seed}-scale-${scale}`);
  const genBar = importProgressBar();
  const generated = await generateSyntheticEngland({
    referenceDir: config.referenceDir,
    outDir,
    scale,
    seed,
    memoryLimit: config.analyticsMemoryLimit,
    ...(opts.json ? {} : { onProgress: genBar.onProgress }),
  }).finally(genBar.stop);
  // Another synthetic England (another scale or seed) reuses the same activity ids: its loads are
  // replaced, never mixed with this one. Loads of real files are kept.
  const keep = new Set(await Promise.all(generated.files.activity.map(loadIdOf)));
  const store = new ActivityStore(config.activityDir);
  const replaced = store.loads().filter((l) => l.synthetic && !keep.has(l.loadId));
  for (const l of replaced) store.unload(l.loadId);
  if (replaced.length && !opts.json) {
    console.log(
      `Unloaded ${replaced.length} load(s) of an earlier synthetic England (another scale or seed).`,
    );
  }
  await activityLoadCommand(config, [...generated.files.activity], {
    synthetic: true,
    json: opts.json ?? false,
  });
  await activityRunCommand(config, { json: opts.json ?? false });
}
