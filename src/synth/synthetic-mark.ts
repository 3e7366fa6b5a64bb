import { type Analytics, sqlString } from '../platform/analytics/duckdb.ts';

/**
 * Every Parquet file the synthetic generator writes carries this key in its metadata, so that a
 * loader can label the rows synthetic even when nobody says so (`activity load` without --synthetic):
 * synthetic data must never be shown as real.
 */
export const SYNTHETIC_MARK_KEY = 'commissioner_synthetic';
const SYNTHETIC_MARK_VALUE =
  'synthetic data written by the Commissioner generator (src/synth): not real people or activity';

/** The COPY option that writes the mark: `copy (…) to 'f.parquet' (format parquet, ${syntheticMarkOption()})`. */
export function syntheticMarkOption(): string {
  return `kv_metadata {${SYNTHETIC_MARK_KEY}: ${sqlString(SYNTHETIC_MARK_VALUE)}}`;
}

/** Whether a Parquet file carries the mark. */
export async function hasSyntheticMark(engine: Analytics, file: string): Promise<boolean> {
  const rows = await engine.all<{ n: number }>(
    `select count(*)::bigint as n from parquet_kv_metadata(${sqlString(file)})
     where decode(key) = ${sqlString(SYNTHETIC_MARK_KEY)}`,
  );
  return Number(rows[0]?.n ?? 0) > 0;
}
