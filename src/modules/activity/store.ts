import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/**
 * The activity store: Parquet on disk, read by DuckDB. Layout under `dir`:
 *   loads/<load-id>/activity.parquet     validated rows of one loaded file (+ derived columns, layout.json
 *                                        derived_at_load)
 *   loads/<load-id>/quarantine.parquet   its rejected rows: file, line, reason, the raw values
 *   loads/<load-id>/supersedes.parquet   loaded with --supersede: the activity ids it replaced in earlier
 *                                        loads (active-rows.ts; the earlier files are not rewritten)
 *   loads/<load-id>/manifest.json        written last: a load without it does not exist
 *   results/<run-id>/…                   pipeline outputs; results/current.json names the latest
 *   cache/                               what a run keeps for the next (corrected readmission flags)
 * A load is built in loads/.tmp-* and renamed into place, so a load that dies part-way leaves nothing
 * readers can see, and the next load clears the debris.
 */
export interface LoadManifest {
  readonly loadId: string;
  readonly file: string;
  readonly format: 'csv' | 'parquet';
  readonly contentHash: string;
  readonly bytes: number;
  /** When the file was first loaded: its place in the order of submissions (kept when the load is made again). */
  readonly loadedAt: string;
  /** When the load was last made again (its derived columns were stale, or it was asked to supersede). */
  readonly remadeAt?: string;
  readonly layoutVersion: string;
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly rejectedByReason: readonly { readonly reason: string; readonly rows: number }[];
  /** True when the rows are synthetic (written by the generator), so every view can label them. */
  readonly synthetic: boolean;
  /** How emergency_readmission_30d was derived for this load. */
  readonly readmissionFlag: { readonly scope: 'same_provider' | 'any_provider'; readonly windowDays: number };
  /**
   * The columns derived at load from the reference tables (load/derive-sql.ts): what (version,
   * columns) and from which reference facts (their fingerprint). The pipeline refuses a load whose
   * derivation is not its own. Absent for loads written before columns were derived.
   */
  readonly derived?: LoadDerivation;
  /**
   * Present when the file was loaded with `--supersede` ("latest submission wins"): the earlier loads
   * holding activity ids this load also holds, and how many of their rows it replaced. Its
   * supersedes.parquet lists the ids (active-rows.ts).
   */
  readonly supersedes?: readonly SupersededLoad[];
  readonly wallMs: number;
}

export interface SupersededLoad {
  readonly loadId: string;
  readonly file: string;
  readonly rows: number;
}

export interface LoadDerivation {
  readonly version: string;
  readonly columns: readonly string[];
  readonly referenceFingerprint: string;
}

/**
 * The order of submissions: by first load time, then load id. "Latest submission wins" reads it
 * (active-rows.ts), and store.loads() lists loads in it.
 */
export function bySubmission(
  a: Pick<LoadManifest, 'loadId' | 'loadedAt'>,
  b: Pick<LoadManifest, 'loadId' | 'loadedAt'>,
): number {
  return a.loadedAt.localeCompare(b.loadedAt) || a.loadId.localeCompare(b.loadId);
}

export class ActivityStore {
  constructor(readonly dir: string) {}

  get loadsDir(): string {
    return path.join(this.dir, 'loads');
  }

  get resultsDir(): string {
    return path.join(this.dir, 'results');
  }

  /** What a run keeps for the next one (readmissions-across-loads.ts); safe to delete. */
  get cacheDir(): string {
    return path.join(this.dir, 'cache');
  }

  loadDir(loadId: string): string {
    return path.join(this.loadsDir, loadId);
  }

  ensure(): void {
    mkdirSync(this.loadsDir, { recursive: true });
    mkdirSync(this.resultsDir, { recursive: true });
  }

  /** Every complete load, oldest first. */
  loads(): LoadManifest[] {
    if (!existsSync(this.loadsDir)) return [];
    return readdirSync(this.loadsDir)
      .filter((name) => !name.startsWith('.'))
      .map((name) => path.join(this.loadsDir, name, 'manifest.json'))
      .filter((file) => existsSync(file))
      .map((file) => JSON.parse(readFileSync(file, 'utf8')) as LoadManifest)
      .sort(bySubmission);
  }

  find(loadId: string): LoadManifest | undefined {
    const file = path.join(this.loadDir(loadId), 'manifest.json');
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as LoadManifest) : undefined;
  }

  activityFiles(): string[] {
    return this.loads()
      .filter((l) => l.accepted > 0)
      .map((l) => path.join(this.loadDir(l.loadId), 'activity.parquet'));
  }

  quarantineFiles(): string[] {
    return this.loads()
      .filter((l) => l.rejected > 0)
      .map((l) => path.join(this.loadDir(l.loadId), 'quarantine.parquet'));
  }

  /**
   * Removes a load (its rows and its quarantine): moved aside first, so readers see it whole or not
   * at all. Results runs made from it stay as they were until the next run. Returns its manifest, or
   * undefined if there is no such load.
   */
  unload(loadId: string): LoadManifest | undefined {
    const manifest = /^[0-9a-f]+$/.test(loadId) ? this.find(loadId) : undefined;
    if (!manifest) return undefined;
    const aside = path.join(this.loadsDir, `.tmp-unload-${loadId}-${process.pid}`);
    renameSync(this.loadDir(loadId), aside);
    rmSync(aside, { recursive: true, force: true });
    return manifest;
  }

  /**
   * Removes half-built loads and runs left by a process that died. A load being replaced is moved
   * aside (.tmp-stale-<id>-<pid>) before its new version is renamed in: if the process died between
   * the two renames, the old version is put back rather than lost.
   */
  clearDebris(): void {
    if (existsSync(this.loadsDir)) {
      for (const name of readdirSync(this.loadsDir)) {
        const stale = /^\.tmp-stale-([0-9a-f]+)-\d+$/.exec(name);
        if (stale?.[1] && !existsSync(this.loadDir(stale[1]))) {
          renameSync(path.join(this.loadsDir, name), this.loadDir(stale[1]));
        }
      }
    }
    for (const parent of [this.loadsDir, this.resultsDir]) {
      if (!existsSync(parent)) continue;
      for (const name of readdirSync(parent)) {
        if (name.startsWith('.tmp-')) rmSync(path.join(parent, name), { recursive: true, force: true });
      }
    }
  }
}
