import type { Config } from '../../platform/config.ts';
import { PODS } from '../../synth/england/age-bands.ts';
import { generateSyntheticEngland } from '../../synth/england/generate.ts';
import { importProgressBar } from '../progress.ts';
import { printJson, printTable } from '../table.ts';

export interface SynthEnglandOptions {
  readonly scale: string;
  readonly seed: string;
  readonly out: string;
  readonly threads?: string;
  readonly memoryLimit?: string;
  readonly maxPeoplePerChunk?: string;
  readonly json?: boolean;
}

/** A whole or decimal number from the command line; anything else becomes NaN, which the generator reports by name. */
const numberOption = (value: string | undefined): number | undefined =>
  value === undefined
    ? undefined
    : /^\s*-?\d+(\.\d+)?(e-?\d+)?\s*$/i.test(value)
      ? Number(value)
      : Number.NaN;

/** `commissioner synth england`: a synthetic England population and its 2013/14 activity, as Parquet. */
export async function synthEnglandCommand(config: Config, opts: SynthEnglandOptions): Promise<void> {
  const progress = importProgressBar();
  const result = await generateSyntheticEngland({
    referenceDir: config.referenceDir,
    outDir: opts.out,
    scale: numberOption(opts.scale) as number,
    seed: numberOption(opts.seed) as number,
    threads: numberOption(opts.threads),
    memoryLimit: opts.memoryLimit,
    maxPeoplePerChunk: numberOption(opts.maxPeoplePerChunk),
    onProgress: opts.json ? undefined : progress.onProgress,
  }).finally(progress.stop);
  if (opts.json) return printJson(result);

  console.log(
    `Synthetic England (SYNTHETIC: no real patient data) at scale ${result.scale}, seed ${result.seed}: ` +
      `${result.people.toLocaleString('en-GB')} people and ${result.activity.toLocaleString('en-GB')} activity rows ` +
      `in ${(result.wallMs / 1000).toFixed(1)} s (${result.activityRowsPerSecond.toLocaleString('en-GB')} activity rows/s).`,
  );
  console.log(
    `Written to ${opts.out}: ${result.files.people.length} people and ${result.files.activity.length} activity files, manifest ${result.manifest}\n`,
  );
  printTable(
    PODS.map((pod) => [pod, result.activityByPod[pod]] as const),
    [
      ['point of delivery', ([pod]) => pod],
      ['rows', ([, n]) => n],
    ],
  );
  console.log(`\nEmergency readmissions within 30 days: ${result.readmissions.toLocaleString('en-GB')}\n`);
  printTable(Object.entries(result.peopleByCohort), [
    ['people', ([k]) => k.replaceAll('_', ' ')],
    ['count', ([, n]) => n],
  ]);
  const s = result.stageMs;
  console.log(
    `\nStages: reference ${(s.reference / 1000).toFixed(1)} s, people ${(s.people / 1000).toFixed(1)} s, ` +
      `calibration ${(s.calibration / 1000).toFixed(1)} s, activity ${(s.activity / 1000).toFixed(1)} s`,
  );
}
