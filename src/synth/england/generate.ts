import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type ActivityReference, loadActivityReference } from '../../modules/activity/reference-tables.ts';
import { Analytics, sqlString } from '../../platform/analytics/duckdb.ts';
import { AppError, type Problem } from '../../platform/errors.ts';
import { syntheticMarkOption } from '../synthetic-mark.ts';
import {
  calibrationSql,
  eventsSql,
  incompleteRowsSql,
  readmissionsSql,
  writeActivitySql,
} from './activity-sql.ts';
import { PODS, type Pod } from './age-bands.ts';
import { DEFINITIONS_DIR, loadSyntheticDefinitions } from './definitions.ts';
import { readLayoutColumns } from './layout-columns.ts';
import { PEOPLE_COLUMNS, peopleSql } from './people-sql.ts';
import { seedMix } from './random-sql.ts';
import { prepareTables } from './tables.ts';

/**
 * Synthetic England: a population drawn from the real April 2013 list sizes and a year (2013/14) of
 * activity for it, generated in DuckDB and written as Parquet. The same seed and scale give
 * byte-identical files.
 *
 * Work goes in chunks of whole CCGs (people first, then activity), so memory stays bounded at
 * England scale: people of every chunk → one exact calibration over all of them → activity per chunk.
 */

export type SynthProgress = (event: { phase: string; done: number; total: number }) => void;

export interface SyntheticEnglandOptions {
  /** The raw public reference files (../shared/data/reference). */
  readonly referenceDir: string;
  /** Output directory: people/people-NNN.parquet, activity/activity-NNN.parquet and manifest.json. */
  readonly outDir: string;
  /** 0.001 .. 1.0 of England's registered population (1.0 = 56,025,327 people). */
  readonly scale: number;
  /** Whole number; the same seed and scale give byte-identical output. */
  readonly seed: number;
  readonly threads?: number;
  /** DuckDB memory limit, e.g. '6GB' (work beyond it spills to a temp directory under outDir). */
  readonly memoryLimit?: string;
  /** Upper bound on people per chunk (whole CCGs per chunk; default 3,000,000). */
  readonly maxPeoplePerChunk?: number;
  readonly onProgress?: SynthProgress;
  /** For tests: another definitions/activity directory. */
  readonly definitionsDir?: string;
  /** The reference tables already loaded from referenceDir (saves reading them again, e.g. between runs). */
  readonly reference?: ActivityReference;
}

export interface SyntheticEnglandResult {
  readonly seed: number;
  readonly scale: number;
  readonly people: number;
  readonly activity: number;
  readonly chunks: number;
  readonly files: { readonly people: readonly string[]; readonly activity: readonly string[] };
  readonly manifest: string;
  readonly peopleByCohort: Readonly<Record<string, number>>;
  readonly activityByPod: Readonly<Record<Pod, number>>;
  readonly readmissions: number;
  readonly wallMs: number;
  readonly stageMs: {
    readonly reference: number;
    readonly people: number;
    readonly calibration: number;
    readonly activity: number;
  };
  readonly activityRowsPerSecond: number;
}

export const DEFAULT_MAX_PEOPLE_PER_CHUNK = 3_000_000;
const PART = /^(people|activity)-\d{3}\.parquet$/;

export function validateOptions(o: SyntheticEnglandOptions): void {
  const problems: Problem[] = [];
  if (!(typeof o.scale === 'number' && o.scale >= 0.0001 && o.scale <= 1)) {
    problems.push({
      path: 'scale',
      message: `must be a number from 0.0001 to 1, got ${o.scale}`,
      code: 'invalid_scale',
    });
  }
  if (!(Number.isInteger(o.seed) && o.seed >= 0 && o.seed <= 2 ** 31 - 1)) {
    problems.push({
      path: 'seed',
      message: `must be a whole number from 0 to 2147483647, got ${o.seed}`,
      code: 'invalid_seed',
    });
  }
  if (o.threads !== undefined && !(Number.isInteger(o.threads) && o.threads >= 1 && o.threads <= 64)) {
    problems.push({
      path: 'threads',
      message: `must be a whole number from 1 to 64, got ${o.threads}`,
      code: 'invalid_threads',
    });
  }
  if (o.memoryLimit !== undefined && !/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(o.memoryLimit)) {
    problems.push({
      path: 'memoryLimit',
      message: `must look like '6GB', got '${o.memoryLimit}'`,
      code: 'invalid_memory_limit',
    });
  }
  if (
    o.maxPeoplePerChunk !== undefined &&
    !(Number.isInteger(o.maxPeoplePerChunk) && o.maxPeoplePerChunk >= 1000)
  ) {
    problems.push({
      path: 'maxPeoplePerChunk',
      message: 'must be a whole number of at least 1000',
      code: 'invalid_chunk',
    });
  }
  if (!o.outDir) problems.push({ path: 'outDir', message: 'is required', code: 'required' });
  if (!o.referenceDir) problems.push({ path: 'referenceDir', message: 'is required', code: 'required' });
  if (problems.length) throw AppError.validation(problems, 'Invalid synthetic England options');
}

const part = (kind: 'people' | 'activity', chunk: number) =>
  `${kind}-${String(chunk).padStart(3, '0')}.parquet`;

export async function generateSyntheticEngland(
  options: SyntheticEnglandOptions,
): Promise<SyntheticEnglandResult> {
  validateOptions(options);
  const started = Date.now();
  const progress = options.onProgress ?? (() => {});
  const outDir = path.resolve(options.outDir);
  const peopleDir = path.join(outDir, 'people');
  const activityDir = path.join(outDir, 'activity');
  for (const dir of [peopleDir, activityDir]) {
    mkdirSync(dir, { recursive: true });
    // Parts of an earlier run (perhaps with more chunks) would otherwise be mistaken for this one's.
    for (const f of readdirSync(dir)) if (PART.test(f)) rmSync(path.join(dir, f));
  }
  const tempDirectory = mkdtempSync(path.join(outDir, '.duckdb-tmp-'));
  const engine = await Analytics.open({
    threads: options.threads ?? 2,
    memoryLimit: options.memoryLimit ?? '6GB',
    tempDirectory,
  });
  try {
    progress({ phase: 'reference tables', done: 0, total: 1 });
    const defs = loadSyntheticDefinitions(options.definitionsDir ?? DEFINITIONS_DIR);
    const layout = readLayoutColumns();
    const ref = options.reference ?? loadActivityReference(options.referenceDir);
    const prepared = await prepareTables(
      engine,
      ref,
      defs,
      options.referenceDir,
      options.scale,
      options.maxPeoplePerChunk ?? DEFAULT_MAX_PEOPLE_PER_CHUNK,
    );
    const mix = seedMix(options.seed);
    const chunks = prepared.plan.chunks;
    progress({ phase: 'reference tables', done: 1, total: 1 });
    const referenceDone = Date.now();

    const peopleFiles: string[] = [];
    const cohortCounts: Record<string, number> = {};
    for (let chunk = 0; chunk < chunks; chunk++) {
      progress({ phase: 'people', done: 2 * chunk, total: 2 * chunks });
      await engine.run(peopleSql(defs, mix, chunk));
      progress({ phase: 'people', done: 2 * chunk + 1, total: 2 * chunks });
      const file = path.join(peopleDir, part('people', chunk));
      await engine.run(
        `copy (select ${PEOPLE_COLUMNS.join(', ')} from chunk_people order by person_id)
         to ${sqlString(file)} (format parquet, compression zstd, ${syntheticMarkOption()})`,
      );
      const counts = await engine.one(cohortSummarySql);
      for (const [k, v] of Object.entries(counts)) cohortCounts[k] = (cohortCounts[k] ?? 0) + Number(v);
      await engine.run('drop table chunk_people');
      peopleFiles.push(file);
    }
    progress({ phase: 'people', done: 2 * chunks, total: 2 * chunks });
    const peopleDone = Date.now();

    progress({ phase: 'calibration', done: 0, total: 1 });
    const sums = await engine.one<Record<string, string | null>>(calibrationSql(defs, peopleFiles));
    const norms = {} as Record<Pod, number>;
    for (const pod of PODS) {
      const sum = Number(sums[`w_${pod}`] ?? 0);
      norms[pod] = sum > 0 ? (defs.rates.targetsAtScale1[pod] * options.scale) / sum : 0;
    }
    progress({ phase: 'calibration', done: 1, total: 1 });
    const calibrationDone = Date.now();

    const activityFiles: string[] = [];
    const activityByPod = Object.fromEntries(PODS.map((p) => [p, 0])) as Record<Pod, number>;
    let readmissions = 0;
    for (let chunk = 0; chunk < chunks; chunk++) {
      progress({ phase: 'activity', done: 3 * chunk, total: 3 * chunks });
      const peopleFile = peopleFiles[chunk]!;
      const file = path.join(activityDir, part('activity', chunk));
      await engine.run(eventsSql(defs, mix, peopleFile, norms));
      progress({ phase: 'activity', done: 3 * chunk + 1, total: 3 * chunks });
      await engine.run(readmissionsSql(defs, mix));
      progress({ phase: 'activity', done: 3 * chunk + 2, total: 3 * chunks });
      const incomplete = await engine.one<Record<string, number>>(incompleteRowsSql);
      const problems = Object.entries(incomplete).filter(([, n]) => n > 0);
      if (problems.length) {
        throw new AppError(
          'internal',
          'Synthetic activity rows could not be completed',
          problems.map(([what, n]) => ({
            path: `chunk ${chunk}`,
            message: `${n} ${what.replaceAll('_', ' ')}`,
          })),
        );
      }
      await engine.run(writeActivitySql(defs, mix, peopleFile, layout, file));
      for (const row of await engine.all<{ pod: Pod; n: number; readmissions: number }>(
        `select pod, count(*) as n, count(*) filter (where readmission) as readmissions
         from (select pod, readmission from chunk_events union all select pod, readmission from chunk_readmissions)
         group by pod`,
      )) {
        activityByPod[row.pod] += row.n;
        readmissions += row.readmissions;
      }
      await engine.run('drop table chunk_events; drop table chunk_readmissions');
      activityFiles.push(file);
    }
    progress({ phase: 'activity', done: 3 * chunks, total: 3 * chunks });
    const finished = Date.now();

    const activity = PODS.reduce((t, p) => t + activityByPod[p], 0);
    const manifest = path.join(outDir, 'manifest.json');
    // Deterministic content (no timings, relative paths), so a repeated run rewrites the same bytes.
    writeFileSync(
      manifest,
      `${JSON.stringify(
        {
          generator: 'synthetic-england',
          provenance: 'synthetic: every person and activity row is generated; no real patient data',
          seed: options.seed,
          scale: options.scale,
          definitions: {
            population: defs.population.version,
            cohorts: defs.cohorts.version,
            rates: defs.rates.version,
            caseMix: defs.caseMix.version,
            providers: defs.providers.version,
          },
          people: prepared.plan.people,
          activity,
          readmissions,
          peopleByCohort: cohortCounts,
          activityByPod,
          caseMixLeftOut: prepared.caseMix.leftOut,
          files: {
            people: peopleFiles.map((f) => path.relative(outDir, f)),
            activity: activityFiles.map((f) => path.relative(outDir, f)),
          },
        },
        null,
        2,
      )}\n`,
    );
    const activitySeconds = (finished - calibrationDone) / 1000;
    return {
      seed: options.seed,
      scale: options.scale,
      people: prepared.plan.people,
      activity,
      chunks,
      files: { people: peopleFiles, activity: activityFiles },
      manifest,
      peopleByCohort: cohortCounts,
      activityByPod,
      readmissions,
      wallMs: finished - started,
      stageMs: {
        reference: referenceDone - started,
        people: peopleDone - referenceDone,
        calibration: calibrationDone - peopleDone,
        activity: finished - calibrationDone,
      },
      activityRowsPerSecond: activitySeconds > 0 ? Math.round(activity / activitySeconds) : 0,
    };
  } finally {
    engine.close();
    rmSync(tempDirectory, { recursive: true, force: true });
  }
}

const cohortSummarySql = `
select
  count(*) as people,
  count(*) filter (where on_list) as on_list,
  count(*) filter (where cohort = 'unregistered') as unregistered,
  count(*) filter (where cohort = 'overseas_visitor') as overseas_visitors,
  count(*) filter (where detained_in = 'prison') as prison,
  count(*) filter (where detained_in = 'yoi') as young_offender_institution,
  count(*) filter (where detained_in = 'irc') as immigration_removal_centre,
  count(*) filter (where armed_forces = 'serving') as armed_forces_serving,
  count(*) filter (where armed_forces = 'dms_family') as armed_forces_dms_family,
  count(*) filter (where armed_forces = 'reservist_mobilised') as armed_forces_reservist_mobilised,
  count(*) filter (where armed_forces = 'veteran') as armed_forces_veteran,
  count(*) filter (where residence_country = 'wales') as resident_in_wales,
  count(*) filter (where residence_country = 'scotland') as resident_in_scotland,
  count(*) filter (where residence_country = 'northern_ireland') as resident_in_northern_ireland,
  count(*) filter (where cross_border) as cross_border_residents,
  count(*) filter (where care_home) as care_home_residents,
  count(*) filter (where placement_setting = 'care_home') as placement_care_home,
  count(*) filter (where placement_setting = 'independent_hospital') as placement_independent_hospital,
  count(*) filter (where placement_setting = 'supported_living') as placement_supported_living,
  count(*) filter (where placement_setting = 'domiciliary') as placement_domiciliary,
  count(*) filter (where looked_after_placing_ccg is not null) as looked_after_out_of_area,
  count(*) filter (where temporary_resident_practice_code is not null) as temporary_residents,
  count(*) filter (where s117_responsible_ccg is not null) as s117_aftercare
from chunk_people`;
