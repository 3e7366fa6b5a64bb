import path from 'node:path';
import type { Config } from '../../platform/config.ts';
import { generateSyntheticEngland } from '../../synth/england/generate.ts';
import { openActivityEngine } from './engine.ts';
import { loadActivityFile } from './load/load-activity.ts';
import { runActivityPipeline } from './pipeline.ts';
import type { RunSummary } from './results.ts';
import { ActivityStore } from './store.ts';

/** The seed of the demo's synthetic year (the same seed and scale give byte-identical files). */
export const DEMO_ACTIVITY_SEED = 2013;

export type ActivityDemoResult =
  | { status: 'present' }
  | { status: 'seeded'; summary: RunSummary; people: number };

/**
 * When the activity store is empty: generate a synthetic England at `config.demoActivityScale`, load it
 * (labelled synthetic) and price it, so the activity pages have something to show. Reports each phase
 * through `log`; a store that already holds loads is left alone.
 */
export async function seedActivityDemo(
  config: Pick<Config, 'activityDir' | 'referenceDir' | 'analyticsMemoryLimit' | 'demoActivityScale'>,
  log: (line: string) => void,
): Promise<ActivityDemoResult> {
  const store = new ActivityStore(config.activityDir);
  if (store.loads().length > 0) return { status: 'present' };
  const scale = config.demoActivityScale;
  log(`generating a synthetic year of activity at scale ${scale} (seed ${DEMO_ACTIVITY_SEED})…`);
  let lastPhase = '';
  const generated = await generateSyntheticEngland({
    referenceDir: config.referenceDir,
    outDir: path.join(config.activityDir, 'generated', `seed-${DEMO_ACTIVITY_SEED}-scale-${scale}`),
    scale,
    seed: DEMO_ACTIVITY_SEED,
    memoryLimit: config.analyticsMemoryLimit,
    onProgress: ({ phase }) => {
      if (phase !== lastPhase) log(`  ${phase}…`);
      lastPhase = phase;
    },
  });
  log(
    `  ${generated.people.toLocaleString('en-GB')} people, ${generated.activity.toLocaleString('en-GB')} activity rows`,
  );
  const engine = await openActivityEngine({
    referenceDir: config.referenceDir,
    memoryLimit: config.analyticsMemoryLimit,
    tempDirectory: path.join(config.activityDir, '.spill'),
  });
  try {
    for (const file of generated.files.activity) {
      const loaded = await loadActivityFile(engine.engine, store, file, {
        synthetic: true,
        readmission: engine.tariff.defaults.readmissions,
      });
      log(
        `  loaded ${path.basename(file)}: ${loaded.manifest.accepted} rows, ${loaded.manifest.rejected} quarantined`,
      );
    }
    const summary = await runActivityPipeline(engine, store);
    log(`  priced ${summary.rows.toLocaleString('en-GB')} rows (run ${summary.runId})`);
    return { status: 'seeded', summary, people: generated.people };
  } finally {
    engine.engine.close();
  }
}
