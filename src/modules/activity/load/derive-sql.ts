import type { Analytics } from '../../../platform/analytics/duckdb.ts';
import { activityPriceKeySql, PRICE_KEY_COLUMN } from '../pricing/sql.ts';
import type { LoadManifest } from '../store.ts';

/**
 * Columns derived at load, as SUS derives fields at submission (definitions/activity/layout.json
 * `derived_at_load`), so that every pipeline pass reads them instead of joining for them:
 * - the CCG of the registered practice and of the temporary-resident practice (ref_practice_ccg: the CCG
 *   it was a member of on the day the activity started), the CCG of the LSOA of residence and its upper-tier local
 *   authority (ref_lsoa): what "Who Pays?" reads (who-pays/sql.ts, `input: 'loaded'`);
 * - the price key: the tariff's key of the row (point of delivery, currency, treatment function for
 *   outpatients, A&E department type for A&E), the twin of pricing/model.ts priceKey, which the pricing
 *   pass joins on (pricing/sql.ts, `input: 'loaded'`). It depends on the tariff's structure, not on
 *   its prices, so a new price table needs no reload.
 *
 * The CCG columns depend on the reference tables: the manifest records DERIVATION_VERSION and the
 * fingerprint of the reference facts the load rests on (referenceFingerprint), and the pipeline refuses
 * a load whose fingerprint differs from its own engine's.
 */
export const DERIVED_CCG_COLUMNS = {
  registered: 'registered_ccg_code',
  temporary: 'temporary_resident_ccg_code',
  residence: 'residence_ccg_code',
  residenceUtla: 'residence_utla_code',
} as const;

/** The columns derivedColumnsQuery adds, in order. */
export const DERIVED_COLUMNS = [...Object.values(DERIVED_CCG_COLUMNS), PRICE_KEY_COLUMN] as const;

/** What a load derives and how: a load recorded with another version is derived differently. */
export const DERIVATION_VERSION = 'ccgs-of-practices-on-the-day-and-lsoa-if-known+price-key/3';

/**
 * A SELECT over `input` (a relation with the layout's columns, typed) giving every input column and
 * then DERIVED_COLUMNS. Joins ref_practice_ccg and ref_lsoa (left joins: a code they do not know derives
 * nothing, but the loader stores only rows whose codes are known).
 */
export function derivedColumnsQuery(input: string): string {
  return `select i.*,
    rp.ccg_code as ${DERIVED_CCG_COLUMNS.registered},
    tp.ccg_code as ${DERIVED_CCG_COLUMNS.temporary},
    rl.ccg_code as ${DERIVED_CCG_COLUMNS.residence},
    rl.utla_code as ${DERIVED_CCG_COLUMNS.residenceUtla},
    ${activityPriceKeySql('i')} as ${PRICE_KEY_COLUMN}
  from ${input} as i
  ${practiceCcgJoin('rp', 'i.general_medical_practice_code', 'i.activity_start_date')}
  ${practiceCcgJoin('tp', 'i.temporary_resident_practice_code', 'i.activity_start_date')}
  left join ref_lsoa as rl on rl.lsoa_code = i.lsoa_of_residence`;
}

/**
 * `left join` of ref_practice_ccg as `alias`: the membership of practice `code` in force on `date`
 * (the periods never overlap: reference-tables.ts withoutOverlaps, so at most one row matches).
 * Written as BETWEEN with an open end made a far date: with `end_date is null or …` DuckDB gave up the
 * hash join on the code and the join took 90 s instead of 0.16 s over 12M rows.
 */
export function practiceCcgJoin(alias: string, code: string, date: string): string {
  return `left join ref_practice_ccg as ${alias} on ${alias}.practice_code = ${code}
    and ${date} between ${alias}.start_date and coalesce(${alias}.end_date, DATE '9999-12-31')`;
}

/**
 * SHA-256 (hex) of the reference facts a load's checks and derived columns rest on, read from the
 * engine's tables: every practice with its CCG, every LSOA with its CCG and upper-tier authority, and
 * the CCG codes. Two engines built from the same reference files give the same fingerprint.
 */
export async function referenceFingerprint(engine: Analytics): Promise<string> {
  const row = await engine.one<{ fingerprint: string }>(
    `select sha256(concat_ws(chr(10),
        (select string_agg(practice_code || ':' || coalesce(ccg_code, ''), ',' order by practice_code) from ref_practice),
        (select string_agg(practice_code || ':' || ccg_code || ':' || start_date || ':' || coalesce(end_date::varchar, ''), ','
                           order by practice_code, start_date) from ref_practice_ccg),
        (select string_agg(lsoa_code || ':' || coalesce(ccg_code, '') || ':' || ccg_codes || ':' || utla_code, ',' order by lsoa_code) from ref_lsoa),
        (select string_agg(ccg_code, ',' order by ccg_code) from ref_ccg))) as fingerprint`,
  );
  return row.fingerprint;
}

/**
 * Why a load's derived columns cannot be used with reference data of fingerprint `fingerprint` (null:
 * they can): written before columns were derived, derived differently (another DERIVATION_VERSION),
 * or from other reference data.
 */
export function derivationProblem(manifest: LoadManifest, fingerprint: string): string | null {
  const derived = manifest.derived;
  if (!derived) return 'it was loaded before the loader derived columns';
  if (derived.version !== DERIVATION_VERSION) {
    return `its columns were derived as "${derived.version}", not as "${DERIVATION_VERSION}"`;
  }
  if (derived.referenceFingerprint !== fingerprint) {
    return `its columns were derived from other reference data (fingerprint ${derived.referenceFingerprint.slice(0, 12)}…, this engine's is ${fingerprint.slice(0, 12)}…)`;
  }
  return null;
}
