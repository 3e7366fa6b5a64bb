import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { type Analytics, sqlString } from '../../platform/analytics/duckdb.ts';
import type { ReadmissionRule } from './pricing/model.ts';
import { readmissionFlagQuery } from './pricing/sql.ts';
import type { LoadManifest } from './store.ts';

/** The temp table of corrected flags: (load_id, activity_id, flag) for the rows whose stored flag is wrong. */
export const READMISSION_FIX_TABLE = 'readmission_flag_fix';

/**
 * Why the loads' stored emergency-readmission flags cannot be used as they are for pricing under
 * `rule` (null: they can). The loader flags each file on its own, with the rule it was given, so the
 * flags are wrong when:
 * - the pricing rule's window or scope differs from the one a load was flagged with, or
 * - there is more than one load: a patient's earlier spell may sit in another file (monthly SUS
 *   extracts split a patient's history), and a readmission in this file would go unflagged.
 */
export function readmissionRecheckReason(
  loads: readonly { readonly file: string; readonly readmissionFlag?: LoadManifest['readmissionFlag'] }[],
  rule: Pick<ReadmissionRule, 'scope' | 'windowDays'>,
): string | null {
  const differs = loads.filter(
    (l) => l.readmissionFlag?.scope !== rule.scope || l.readmissionFlag?.windowDays !== rule.windowDays,
  );
  if (differs.length) {
    return `${differs.length} load(s) were flagged with another readmission rule than ${rule.windowDays} days, ${rule.scope} (first: ${differs[0]?.file})`;
  }
  if (loads.length > 1) return `${loads.length} loads: a readmission may follow a spell in another file`;
  return null;
}

/**
 * Flags every admitted row of `input` (loaded rows: load_id, activity_id, the layout and the stored
 * emergency_readmission_30d) again under `rule`, across all loads at once, and keeps in
 * READMISSION_FIX_TABLE only the rows whose flag changes. Returns how many changed. Only admitted rows
 * are read, and only the columns the window needs.
 */
export async function correctReadmissionFlags(
  engine: Analytics,
  input: string,
  rule: Pick<ReadmissionRule, 'scope' | 'windowDays'>,
  run: (sql: string) => Promise<void> = (sql) => engine.run(sql),
): Promise<number> {
  await run(readmissionFixStatement(input, rule));
  return correctedRows(engine);
}

/** The rows READMISSION_FIX_TABLE holds: how many flags changed. */
async function correctedRows(engine: Analytics): Promise<number> {
  const { n } = await engine.one<{ n: number }>(`select count(*)::bigint as n from ${READMISSION_FIX_TABLE}`);
  return Number(n);
}

/** The statement correctReadmissionFlags runs: READMISSION_FIX_TABLE from the admitted rows of `input`. */
function readmissionFixStatement(input: string, rule: Pick<ReadmissionRule, 'scope' | 'windowDays'>): string {
  const admitted = `(select load_id, activity_id, patient_pseudonym, provider_code, activity_type, admission_method,
      activity_start_date, activity_end_date, emergency_readmission_30d, emergency_readmission_30d as __stored_flag
    from ${input} where activity_type = 'apc')`;
  return `create or replace temp table ${READMISSION_FIX_TABLE} as
     select load_id, activity_id, emergency_readmission_30d as flag
     from (${readmissionFlagQuery(admitted, rule, { replace: true })})
     where emergency_readmission_30d is distinct from __stored_flag`;
}

/** The corrections of one set of loads under one rule, kept for the next run (store.cacheDir). */
const CACHE_PREFIX = 'readmission-flag-fix-';

/**
 * The name the corrections are kept under: a hash of the statement that finds them (which names the
 * files, how the rows in force are resolved and the flagging rule, so a change to any, or to the SQL
 * itself, is another name) and of each load's making (a load made again under the same id may hold
 * other stored flags).
 */
export function readmissionFixCacheName(
  statement: string,
  loads: readonly Pick<LoadManifest, 'loadId' | 'loadedAt' | 'remadeAt'>[],
): string {
  const key = JSON.stringify({
    statement,
    loads: loads.map((l) => [l.loadId, l.loadedAt, l.remadeAt ?? null]),
  });
  return `${CACHE_PREFIX}${createHash('sha256').update(key).digest('hex').slice(0, 24)}.parquet`;
}

/**
 * correctReadmissionFlags, kept: when `cacheDir` holds the corrections for the same statement and
 * loads (readmissionFixCacheName), they are read back instead of flagging every admitted row again
 * (about 10 s at England scale); otherwise they are made and written there (atomically, replacing the
 * corrections of other sets of loads). `reused` says which. The cache is only a saving: a kept file
 * that cannot be read, or written, costs a recomputation, never the run.
 */
export async function correctReadmissionFlagsKept(
  engine: Analytics,
  input: string,
  rule: Pick<ReadmissionRule, 'scope' | 'windowDays'>,
  kept: { readonly cacheDir: string; readonly loads: readonly LoadManifest[] },
  run: (sql: string, reused: boolean) => Promise<void> = (sql) => engine.run(sql),
): Promise<{ corrected: number; reused: boolean }> {
  const name = readmissionFixCacheName(readmissionFixStatement(input, rule), kept.loads);
  const file = path.join(kept.cacheDir, name);
  if (existsSync(file)) {
    const read = await run(
      `create or replace temp table ${READMISSION_FIX_TABLE} as select * from read_parquet(${sqlString(file)})`,
      true,
    ).then(
      () => true,
      () => false,
    );
    if (read) return { corrected: await correctedRows(engine), reused: true };
  }
  const corrected = await correctReadmissionFlags(engine, input, rule, (sql) => run(sql, false));
  await keep(engine, kept.cacheDir, name).catch(() => {});
  return { corrected, reused: false };
}

/** Writes READMISSION_FIX_TABLE to cacheDir/name (temp file, then rename) and removes other kept corrections. */
async function keep(engine: Analytics, cacheDir: string, name: string): Promise<void> {
  mkdirSync(cacheDir, { recursive: true });
  const file = path.join(cacheDir, name);
  const tmp = `${file}.tmp-${process.pid}`;
  await engine.run(`copy ${READMISSION_FIX_TABLE} to ${sqlString(tmp)} (format parquet, compression zstd)`);
  renameSync(tmp, file);
  for (const other of readdirSync(cacheDir)) {
    if (other.startsWith(CACHE_PREFIX) && other.endsWith('.parquet') && other !== name) {
      rmSync(path.join(cacheDir, other), { force: true });
    }
  }
}

/** `input` with the corrected flags of READMISSION_FIX_TABLE in place of the stored ones (same columns, same order). */
export function withCorrectedFlags(input: string): string {
  return `(select i.* replace (coalesce(f.flag, i.emergency_readmission_30d) as emergency_readmission_30d)
    from ${input} as i
    left join ${READMISSION_FIX_TABLE} as f on f.load_id = i.load_id and f.activity_id = i.activity_id)`;
}
