import { describe, expect, it } from 'vitest';
import { runActivityBench } from './activity.ts';

/**
 * The activity benchmark as a smoke check at scale 0.01 (about 560,000 people and 1.2M activity rows):
 * every stage runs and reports, nothing is lost between generation and load, and — with DATABASE_URL —
 * the PostgreSQL path (at scale 0.001) computes the same results. No timing is asserted: the figures
 * belong in docs/benchmarks.md, measured by `npm run bench:activity`.
 */
describe('activity benchmark (smoke, scale 0.01)', () => {
  it('generates, loads, scans, attributes, prices and aggregates, and reports every stage', {
    timeout: 600_000,
  }, async () => {
    const result = await runActivityBench({
      scale: 0.01,
      seed: 7,
      pgScale: 0.001,
      memoryLimit: '4GB',
      ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
    });
    expect(result.people).toBeGreaterThan(550_000);
    expect(result.people).toBeLessThan(570_000);
    expect(result.loadedRows + result.quarantinedRows).toBe(result.activityRows);
    expect(result.loadedRows).toBeGreaterThan(result.activityRows * 0.95);
    expect(result.stages.map((s) => s.stage)).toEqual([
      'generate (people and activity)',
      'load (check, quarantine, derive, write Parquet)',
      'bare DuckDB scan of the loaded input (median)',
      'attribute + price + aggregate (median)',
      'responsible population',
      'contract statements',
    ]);
    for (const stage of result.stages) {
      expect(stage.ms, stage.stage).toBeGreaterThan(0);
      expect(Number.isFinite(stage.rowsPerSecond), stage.stage).toBe(true);
    }
    expect(result.ratioToBareScan).toBeGreaterThan(0);
    expect(result.peakRssMb).toBeGreaterThan(0);
    if (process.env.DATABASE_URL) {
      expect(result.postgres).not.toBeNull();
      expect(result.postgres?.scale).toBe(0.001);
      expect(result.postgres?.postgresMs).toBeGreaterThan(0);
    } else {
      expect(result.postgres).toBeNull();
    }
  });
});
