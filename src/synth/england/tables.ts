import path from 'node:path';
import type { ActivityReference } from '../../modules/activity/reference-tables.ts';
import { type Analytics, sqlString } from '../../platform/analytics/duckdb.ts';
import { AppError } from '../../platform/errors.ts';
import { AGE_BANDS, type AgeBand, isAgeBand, PODS, SEXES } from './age-bands.ts';
import {
  BUCKETS,
  buildCaseMix,
  type CaseMix,
  caseMixGroupIndex,
  caseMixKeyIndex,
  costKey,
} from './case-mix.ts';
import { type CellPlan, extraRatesFrom, type ListCell, planCells } from './cells.ts';
import { conditionProbabilities, type QofRow, qofPrevalence } from './conditions.ts';
import type { SyntheticDefinitions } from './definitions.ts';
import { buildGeography, type Geography } from './geography.ts';

/**
 * Writes the small lookup tables (g_*) every chunk's SQL joins to, and returns what the orchestrator
 * needs from them. Everything is computed in TypeScript in a fixed order, so the tables are the same
 * on every run.
 */

export const REFERENCE_COSTS_FILE = path.join('money', 'reference_costs_2013_14_national_schedule_long.csv');
export const QOF_FILE = path.join('openprescribing', 'qof_1314_prevalencebyccg.csv');

export interface PreparedTables {
  readonly plan: CellPlan;
  readonly geography: Geography;
  readonly caseMix: CaseMix;
  readonly referenceCostKeys: ReadonlySet<string>;
}

export async function prepareTables(
  engine: Analytics,
  ref: ActivityReference,
  defs: SyntheticDefinitions,
  referenceDir: string,
  scale: number,
  maxPeoplePerChunk: number,
): Promise<PreparedTables> {
  const referenceCostKeys = await readReferenceCostKeys(
    engine,
    path.join(referenceDir, REFERENCE_COSTS_FILE),
  );
  const caseMix = buildCaseMix(defs, referenceCostKeys);

  const badBands = ref.listSizes.filter((l) => !isAgeBand(l.ageBand));
  if (badBands.length) {
    throw AppError.validation(
      badBands
        .slice(0, 20)
        .map((l) => ({ path: `list size ${l.practiceCode}`, message: `unknown age band ${l.ageBand}` })),
      'The list sizes use age bands the generator does not know',
    );
  }
  const listCells = ref.listSizes as readonly ListCell[];
  const needed = new Set(listCells.map((l) => l.practiceCode));
  const geography = buildGeography(ref, needed, defs.population, defs.providers);
  const plan = planCells(
    listCells,
    (code) => geography.practices.get(code)!.homeCcg,
    extraRatesFrom(defs.cohorts),
    scale,
    maxPeoplePerChunk,
  );

  const listByCcg = new Map<string, Map<AgeBand, number>>();
  for (const c of plan.cells) {
    const bands = listByCcg.get(c.homeCcg) ?? new Map<AgeBand, number>();
    bands.set(c.ageBand, (bands.get(c.ageBand) ?? 0) + c.patients);
    listByCcg.set(c.homeCcg, bands);
  }
  const qof = await readQof(engine, path.join(referenceDir, QOF_FILE));
  const probabilities = conditionProbabilities(listByCcg, qofPrevalence(qof), defs.population.conditions);

  const groups = defs.population.conditions.groups.map((g) => g.id);
  await engine.run(`
    create or replace table g_cell (cell_id integer, practice_code varchar, sex varchar, age_band varchar);
    create or replace table g_cell_kind (cell_id integer, kind varchar, n integer, id_start bigint, chunk integer);
    create or replace table g_practice (practice_code varchar, ccg_code varchar, home_ccg varchar, setting varchar,
      neighbour_ccg varchar, neighbour_practice varchar, cross_border_share double, prison_practice varchar,
      yoi_practice varchar);
    create or replace table g_pool (ccg_code varchar, pool_ccg varchar);
    create or replace table g_lsoa_pool (pool_ccg varchar, idx integer, lsoa_code varchar, lsoa_ccg varchar);
    create or replace table g_temp_practice (idx integer, practice_code varchar, ccg_code varchar,
      neighbour_practice varchar);
    create or replace table g_cond_prob (ccg_code varchar, age_band varchar, ${groups.map((g) => `p_${g} double`).join(', ')});
    create or replace table g_shape (sex varchar, age_band varchar, ${PODS.map((p) => `s_${p} double`).join(', ')});
    create or replace table g_provider (anchor varchar, kind varchar, p1 varchar, p2 varchar, p3 varchar,
      p4 varchar, p5 varchar, c1 double, c2 double, c3 double, c4 double);
    create or replace table g_away (idx integer, provider_code varchar);
    create or replace table g_site (provider_code varchar, site_ccg varchar);
    create or replace table g_casemix_range (key_index integer, group_index integer, lo integer, hi integer, currency varchar,
      tfc varchar, service varchar, bpt varchar, los_mean double, provider_kind varchar);
  `);
  await appendRows(
    engine,
    'g_cell',
    plan.cells.map((c) => [c.cellId, c.practiceCode, c.sex, c.ageBand]),
  );
  await appendRows(
    engine,
    'g_cell_kind',
    plan.counts.map((c) => [c.cellId, c.kind, c.n, c.idStart, c.chunk]),
  );
  const practices = [...geography.practices.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  await appendRows(
    engine,
    'g_practice',
    practices.map((p) => [
      p.code,
      p.ccgCode,
      p.homeCcg,
      p.prescribingSetting,
      p.neighbourCcg,
      p.neighbourPractice,
      p.crossBorderShare,
      p.prisonPractice,
      p.yoiPractice,
    ]),
  );
  await appendRows(engine, 'g_pool', [...geography.poolOf].sort());
  const byPool = new Map<string, { lsoaCode: string; ccgCode: string }[]>();
  for (const l of ref.lsoas) {
    const list = byPool.get(l.ccgCode);
    if (list) list.push(l);
    else byPool.set(l.ccgCode, [l]);
  }
  await appendRows(
    engine,
    'g_lsoa_pool',
    [...byPool.keys()].sort().flatMap((pool) =>
      byPool
        .get(pool)!
        .sort((a, b) => (a.lsoaCode < b.lsoaCode ? -1 : 1))
        .map((l, i) => [pool, i, l.lsoaCode, l.ccgCode]),
    ),
  );
  await appendRows(
    engine,
    'g_temp_practice',
    geography.temporaryPractices.map((code, i) => {
      const p = geography.practices.get(code)!;
      return [i, code, p.ccgCode, p.neighbourPractice];
    }),
  );
  await appendRows(
    engine,
    'g_cond_prob',
    probabilities.map((r) => [r.ccgCode, r.ageBand, ...r.probabilities]),
  );
  await appendRows(
    engine,
    'g_shape',
    SEXES.flatMap((sex) =>
      AGE_BANDS.map((band) => [sex, band, ...PODS.map((p) => defs.rates.ageSexShape[sex][p][band])]),
    ),
  );
  await appendRows(
    engine,
    'g_provider',
    geography.providerChoices.map((c) => [
      c.anchor,
      c.kind,
      ...Array.from({ length: 5 }, (_, i) => c.providers[i] ?? null),
      ...Array.from({ length: 4 }, (_, i) => c.cumulative[i] ?? 1),
    ]),
  );
  await appendRows(
    engine,
    'g_away',
    geography.awayProviders.map((code, i) => [i, code]),
  );
  await appendRows(
    engine,
    'g_site',
    ref.trusts.map((t) => [t.code, t.hostCcgCode]),
  );
  await appendRows(
    engine,
    'g_casemix_range',
    caseMix.ranges.map((r) => [
      caseMixKeyIndex(r.key),
      caseMixGroupIndex(r.group),
      r.lo,
      r.hi,
      r.currency,
      r.tfc,
      r.service,
      r.bpt,
      r.losMean,
      r.providerKind,
    ]),
  );
  await engine.run(`
    create or replace table g_casemix as
      select ((key_index * 16 + group_index) * ${BUCKETS} + unnest(range(lo, hi)))::INTEGER as mix_key,
        currency, tfc, service, bpt, los_mean, provider_kind
      from g_casemix_range;
  `);
  return { plan, geography, caseMix, referenceCostKeys };
}

/**
 * Appends rows to a table through DuckDB's appender with each value in the column's own type (the
 * rows list values in the table's column order): much faster than text staging for ~10^5 rows.
 */
async function appendRows(
  engine: Analytics,
  table: string,
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  const columns = await engine.all<{ column_type: string }>(`describe ${table}`);
  const appender = await engine.connection.createAppender(table);
  for (const row of rows) {
    if (row.length !== columns.length)
      throw new Error(`${table}: row of ${row.length} values for ${columns.length} columns`);
    for (const [i, value] of row.entries()) {
      if (value === null || value === undefined) appender.appendNull();
      else if (columns[i]!.column_type === 'INTEGER') appender.appendInteger(Number(value));
      else if (columns[i]!.column_type === 'BIGINT') appender.appendBigInt(BigInt(value as number));
      else if (columns[i]!.column_type === 'DOUBLE') appender.appendDouble(Number(value));
      else appender.appendVarchar(String(value));
    }
    appender.endRow();
  }
  appender.closeSync();
}

async function readReferenceCostKeys(engine: Analytics, file: string): Promise<Set<string>> {
  const rows = await engine
    .all<{ sheet: string; currency_code: string; service_code: string | null }>(
      `select distinct sheet, currency_code, service_code
       from read_csv(${sqlString(file)}, header = true, all_varchar = true)`,
    )
    .catch((error: Error) => {
      throw AppError.validation([
        { path: file, message: `cannot read the reference costs: ${error.message}` },
      ]);
    });
  return new Set(rows.map((r) => costKey(r.sheet, r.currency_code, r.service_code ?? '')));
}

async function readQof(engine: Analytics, file: string): Promise<QofRow[]> {
  const rows = await engine
    .all<Record<string, string>>(
      `select * from read_csv(${sqlString(file)}, header = true, all_varchar = true)`,
    )
    .catch((error: Error) => {
      throw AppError.validation([
        { path: file, message: `cannot read the QOF prevalence: ${error.message}` },
      ]);
    });
  return rows.map((r, i) => {
    const registerSize = Number(r.disease_register_size);
    const prevalencePercent = Number(r.prevalence);
    if (
      !r.ccgcode ||
      !r.indicator_group ||
      !Number.isFinite(registerSize) ||
      !Number.isFinite(prevalencePercent)
    ) {
      throw AppError.validation([
        { path: `${file}:${i + 2}`, message: 'a row without CCG, group, register size or prevalence' },
      ]);
    }
    return {
      ccgCode: r.ccgcode,
      group: r.indicator_group,
      description: r.Register_description ?? '',
      registerSize,
      prevalencePercent,
    };
  });
}
