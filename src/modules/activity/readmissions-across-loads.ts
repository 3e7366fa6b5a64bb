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
  const admitted = `(select load_id, activity_id, patient_pseudonym, provider_code, activity_type, admission_method,
      activity_start_date, activity_end_date, emergency_readmission_30d, emergency_readmission_30d as __stored_flag
    from ${input} where activity_type = 'apc')`;
  await run(
    `create or replace temp table ${READMISSION_FIX_TABLE} as
     select load_id, activity_id, emergency_readmission_30d as flag
     from (${readmissionFlagQuery(admitted, rule, { replace: true })})
     where emergency_readmission_30d is distinct from __stored_flag`,
  );
  const { n } = await engine.one<{ n: number }>(`select count(*)::bigint as n from ${READMISSION_FIX_TABLE}`);
  return Number(n);
}

/** The corrections of one set of loads under one rule, kept for the next run (store.cacheDir). */
const CACHE_PREFIX = 'readmission-flag-fix-';
/** Part of every kept file's name: change it when correctReadmissionFlags changes what it finds. */
const CACHE_VERSION = 1;

/**
 * The name of the cached corrections for `loads` (the loads in force, each as made: its id and when it
 * was made, as a load re-made with another rule has new stored flags) under `rule`. Another set of
 * loads, a re-made load or another rule is another name.
 */
export function readmissionFixCacheName(
  loads: readonly Pick<LoadManifest, 'loadId' | 'loadedAt'>[],
  rule: Pick<ReadmissionRule, 'scope' | 'windowDays'>,
): string {
  const key = JSON.stringify({
    loads: loads.map((l) => [l.loadId, l.loadedAt]).sort(),
    rule: [rule.windowDays, rule.scope],
    version: CACHE_VERSION,
  });
  return `${CACHE_PREFIX}${createHash('sha256').update(key).digest('hex').slice(0, 24)}.parquet`;
}

/**
 * correctReadmissionFlags, kept: when `cacheDir` holds the corrections for the same loads and rule
 * (readmissionFixCacheName), they are read back instead of flagging every admitted row again (about
 * 10 s at England scale); otherwise they are made and written there (atomically, replacing the
 * corrections of other sets of loads). `reused` says which.
 */
export async function correctReadmissionFlagsKept(
  engine: Analytics,
  input: string,
  rule: Pick<ReadmissionRule, 'scope' | 'windowDays'>,
  kept: { readonly cacheDir: string; readonly name: string },
  run: (sql: string, reused: boolean) => Promise<void> = (sql) => engine.run(sql),
): Promise<{ corrected: number; reused: boolean }> {
  const file = path.join(kept.cacheDir, kept.name);
  if (existsSync(file)) {
    await run(
      `create or replace temp table ${READMISSION_FIX_TABLE} as select * from read_parquet(${sqlString(file)})`,
      true,
    );
    const { n } = await engine.one<{ n: number }>(
      `select count(*)::bigint as n from ${READMISSION_FIX_TABLE}`,
    );
    return { corrected: Number(n), reused: true };
  }
  const corrected = await correctReadmissionFlags(engine, input, rule, (sql) => run(sql, false));
  mkdirSync(kept.cacheDir, { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  await engine.run(`copy ${READMISSION_FIX_TABLE} to ${sqlString(tmp)} (format parquet, compression zstd)`);
  renameSync(tmp, file);
  for (const other of readdirSync(kept.cacheDir)) {
    if (other.startsWith(CACHE_PREFIX) && other !== kept.name)
      rmSync(path.join(kept.cacheDir, other), { force: true });
  }
  return { corrected, reused: false };
}

/** `input` with the corrected flags of READMISSION_FIX_TABLE in place of the stored ones (same columns, same order). */
export function withCorrectedFlags(input: string): string {
  return `(select i.* replace (coalesce(f.flag, i.emergency_readmission_30d) as emergency_readmission_30d)
    from ${input} as i
    left join ${READMISSION_FIX_TABLE} as f on f.load_id = i.load_id and f.activity_id = i.activity_id)`;
}
