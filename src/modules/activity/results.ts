import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ActivityStore } from './store.ts';

/**
 * What one pipeline run (attribute → price → aggregate) leaves in results/<run-id>/:
 *   monthly.parquet      one row per payer × responsible commissioner × rule × provider × POD ×
 *                        treatment function × month: activity and money (row-level PbR)
 *   contracts.parquet    one row per contract (paying CCG × provider) × POD × month: the SLAM-style
 *                        statement lines, after the marginal rate emergency rule
 *   population.parquet   one row per responsible commissioner × rule: distinct patients and activity
 *   summary.json         the run: inputs, switches, counts, stage timings (RunSummary)
 * results/current.json names the latest complete run; a run is written to .tmp-* and renamed.
 */
export interface RunSummary {
  readonly runId: string;
  readonly finishedAt: string;
  /**
   * The loads the run read, the rows of each in force (a row superseded by a later load is not) and
   * when each was made (its remadeAt, else loadedAt; absent in runs written before it was recorded).
   */
  readonly loads: readonly {
    readonly loadId: string;
    readonly file: string;
    readonly rows: number;
    readonly madeAt?: string;
  }[];
  /** True if any input load is synthetic: every view of the run is then labelled synthetic. */
  readonly synthetic: boolean;
  readonly priceBasis: string;
  readonly switches: Readonly<Record<string, unknown>>;
  readonly rows: number;
  /**
   * The emergency-readmission flags the run priced with: the rule, why they were flagged again across
   * all loads (null: the loads' own flags were used) and how many rows' flags that changed.
   */
  readonly readmissionFlags?: {
    readonly windowDays: number;
    readonly scope: string;
    readonly recheckedAcrossLoads: string | null;
    readonly corrected: number;
    /** True when the corrections were kept from an earlier run over the same loads and rule. */
    readonly reused?: boolean;
  };
  readonly byRule: readonly { readonly rule: string; readonly rows: number }[];
  readonly unpriced: readonly { readonly reason: string; readonly rows: number }[];
  readonly stages: readonly {
    readonly stage: string;
    readonly ms: number;
    readonly rowsPerSecond: number | null;
  }[];
}

export const PRICE_BASIS =
  'Prices derived from the 2013-14 NHS Reference Costs (national average unit costs), not the official 2013/14 tariff; market forces factors, trim points, local prices, the avoidable share of readmissions and the marginal rate baselines are illustrative (definitions/tariff/2013-14).';

export function currentRunDir(store: ActivityStore): string | null {
  const pointer = path.join(store.resultsDir, 'current.json');
  if (!existsSync(pointer)) return null;
  const { runId } = JSON.parse(readFileSync(pointer, 'utf8')) as { runId: string };
  const dir = path.join(store.resultsDir, runId);
  return existsSync(path.join(dir, 'summary.json')) ? dir : null;
}

export function readSummary(runDir: string): RunSummary {
  return JSON.parse(readFileSync(path.join(runDir, 'summary.json'), 'utf8')) as RunSummary;
}
