import path from 'node:path';
import { Analytics, sqlString } from '../../platform/analytics/duckdb.ts';
import { AppError } from '../../platform/errors.ts';
import { currentRunDir, PRICE_BASIS, type RunSummary, readSummary } from './results.ts';
import type { ActivityStore } from './store.ts';

/** Labels every answer carries, so synthetic data and derived prices are never mistaken for real ones. */
export interface ActivityLabels {
  readonly synthetic: boolean;
  readonly priceBasis: string;
  readonly runId: string;
  readonly finishedAt: string;
}

/** The Parquet files of a results run (results.ts). */
export type ResultFile = 'monthly' | 'contracts' | 'population';

/**
 * The current results run, for the read side (the activity and population views): where it is, its
 * summary and labels, and one in-memory DuckDB (opened on first use, shared by the views) to read
 * its Parquet.
 */
export class ActivityResults {
  private engine: Promise<Analytics> | null = null;

  constructor(readonly store: ActivityStore) {}

  db(): Promise<Analytics> {
    this.engine ??= Analytics.open({ threads: 2, memoryLimit: '1GB' });
    return this.engine;
  }

  async close(): Promise<void> {
    if (this.engine) (await this.engine).close();
    this.engine = null;
  }

  /** The current run's summary, or null when nothing has been loaded and priced yet. */
  summary(): RunSummary | null {
    const dir = currentRunDir(this.store);
    return dir ? readSummary(dir) : null;
  }

  /** The current run, or a not_found problem saying how to make one. */
  current(): { dir: string; summary: RunSummary; labels: ActivityLabels } {
    const dir = currentRunDir(this.store);
    if (!dir) {
      throw new AppError('not_found', 'No priced activity yet', [
        {
          path: 'activity',
          message:
            'load activity files (commissioner activity load FILE…) and run the engine (commissioner activity run), or start the server with COMMISSIONER_DEMO_ACTIVITY_SCALE above 0 to price a synthetic year',
          code: 'no_priced_activity',
        },
      ]);
    }
    const summary = readSummary(dir);
    return {
      dir,
      summary,
      labels: {
        synthetic: summary.synthetic,
        priceBasis: PRICE_BASIS,
        runId: summary.runId,
        finishedAt: summary.finishedAt,
      },
    };
  }

  /** A read_parquet() of one of the run's files, for SQL. */
  file(dir: string, name: ResultFile): string {
    return `read_parquet(${sqlString(path.join(dir, `${name}.parquet`))})`;
  }
}
