import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { type Analytics, sqlString } from '../../../platform/analytics/duckdb.ts';
import { AppError } from '../../../platform/errors.ts';
import { hasSyntheticMark } from '../../../synth/synthetic-mark.ts';
import { SUPERSEDES_FILE } from '../active-rows.ts';
import { activityLayout } from '../layout.ts';
import type { ReadmissionRule } from '../pricing/model.ts';
import { readmissionFlagQuery } from '../pricing/sql.ts';
import { type ActivityStore, bySubmission, type LoadManifest, type SupersededLoad } from '../store.ts';
import { blankLineNumbers } from './blank-lines.ts';
import {
  DERIVATION_VERSION,
  DERIVED_COLUMNS,
  derivationProblem,
  derivedColumnsQuery,
  referenceFingerprint,
} from './derive-sql.ts';
import { HELD_BY_ANOTHER_LOAD, typedColumns, validationQuery } from './validation-sql.ts';

export interface LoadOptions {
  /**
   * Label the rows synthetic in the manifest and every view. Parquet files the generator wrote are
   * labelled so whatever this says: they carry its mark (src/synth/synthetic-mark.ts).
   */
  readonly synthetic?: boolean;
  /** Phase name and DuckDB's percent done, for a progress bar. */
  readonly onProgress?: (phase: string, percent: number) => void;
  readonly now?: () => Date;
  /**
   * How emergency readmissions are flagged (the tariff's readmission rule: window and same-provider or
   * any-provider scope). Default: 30 days, same provider. Recorded in the manifest.
   */
  readonly readmission?: Pick<ReadmissionRule, 'scope' | 'windowDays'>;
  /**
   * "Latest submission wins", as in SUS: rows whose activity id an earlier load holds replace that
   * load's rows (recorded in supersedes.parquet and the manifest; active-rows.ts) instead of being
   * quarantined. Default false: such rows are quarantined naming the load that holds them.
   */
  readonly supersede?: boolean;
}

export interface LoadResult {
  readonly status: 'loaded' | 'unchanged';
  readonly manifest: LoadManifest;
  /** The first rejected rows (file, line, reason), for the CLI to print; all of them are in quarantine.parquet. */
  readonly sample: readonly { readonly file: string; readonly line: number; readonly reason: string }[];
}

/**
 * The order loaded rows are stored in: by provider, date, POD and treatment function, the keys of the
 * monthly aggregate that come from the row itself, then activity_id (unique in a load), so the order
 * is deterministic. Rows that aggregate together are then stored together: the aggregate's hash
 * table stays small and hot, and these columns compress into runs (about 15% off the pipeline's main
 * pass at scale 0.1). No reader relies on it for correctness.
 */
export const STORED_ORDER = [
  'provider_code',
  'activity_start_date',
  'point_of_delivery',
  'treatment_function_code',
  'activity_id',
];

/** Emergency readmissions within 30 days of discharge (PbR 2013/14, REFERENCE.md §8.2 [C]); same provider by default. */
const DEFAULT_READMISSION: Pick<ReadmissionRule, 'scope' | 'windowDays'> = {
  scope: 'same_provider',
  windowDays: 30,
};

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The id a file gets when loaded: the first 16 hex digits of its SHA-256 (the same content, the same load). */
export async function loadIdOf(file: string): Promise<string> {
  return (await sha256(path.resolve(file))).slice(0, 16);
}

function formatOf(file: string): 'csv' | 'parquet' {
  const lower = file.toLowerCase();
  if (lower.endsWith('.parquet')) return 'parquet';
  if (lower.endsWith('.csv') || lower.endsWith('.csv.gz')) return 'csv';
  throw AppError.validation(
    [
      {
        path: file,
        message: 'an activity file must end in .csv, .csv.gz or .parquet',
        code: 'unknown_format',
      },
    ],
    'Cannot load activity file',
  );
}

/**
 * Loads one activity file (CSV or Parquet in the layout of definitions/activity/layout.json):
 * - every row is checked (types, allowed values, known codes, impossible dates, duplicates); bad rows go
 *   to the load's quarantine with file, line and reason, and are counted in the manifest;
 * - good rows are written typed, with derived columns, to the load's Parquet;
 * - the load id is the file's SHA-256, so loading the same file again is a no-op (unless the load's
 *   derived columns rest on other reference data, or predate them: then it is loaded again);
 * - everything is built in a temporary directory renamed into place at the end: a load that dies
 *   part-way leaves no partial data.
 * The engine must hold ref_practice, ref_lsoa, ref_trust, ref_ccg, known_service and known_currency.
 */
export async function loadActivityFile(
  engine: Analytics,
  store: ActivityStore,
  file: string,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const layout = activityLayout();
  const absolute = path.resolve(file);
  if (!existsSync(absolute)) {
    throw AppError.validation(
      [{ path: file, message: 'no such file', code: 'not_found' }],
      'Cannot load activity file',
    );
  }
  const format = formatOf(absolute);
  const progress = options.onProgress ?? (() => {});
  const readmission = options.readmission ?? DEFAULT_READMISSION;
  const started = Date.now();
  progress('hashing', 0);
  const contentHash = await sha256(absolute);
  const loadId = contentHash.slice(0, 16);
  const fingerprint = await referenceFingerprint(engine);
  const existing = store.find(loadId);
  // A load whose derived columns rest on other reference data (or predate them) is made again; so is
  // one asked to supersede that was made without and then quarantined ids other loads held. A load made
  // again keeps its place in the order of submissions ("latest submission wins" reads that order) and
  // its supersede mode, so re-making loads in any order changes nothing in force.
  const supersede = (options.supersede ?? false) || existing?.supersedes !== undefined;
  if (
    existing &&
    derivationProblem(existing, fingerprint) === null &&
    !(supersede && quarantinedHeldIds(existing))
  ) {
    return { status: 'unchanged', manifest: existing, sample: [] };
  }
  const now = (options.now ?? (() => new Date()))().toISOString();
  const loadedAt = existing?.loadedAt ?? now;

  store.ensure();
  store.clearDebris();
  const tmp = path.join(store.loadsDir, `.tmp-${loadId}-${process.pid}`);
  mkdirSync(tmp, { recursive: true });
  const label = path.basename(absolute);
  const id = loadId.replace(/\W/g, '');
  try {
    const header = await checkHeader(engine, absolute, format, label);
    await createRawView(engine, absolute, format, id, header);
    const raw = `raw_${id}`;
    await engine.run(
      `create or replace temp table dup_${id} as
       select trim(activity_id) as activity_id, min(line) as first_line from ${raw}
       where nullif(trim(activity_id), '') is not null group by 1 having count(*) > 1`,
    );
    // Rows already stored by another load (an overlapping or resubmitted extract) would be counted
    // twice: each is quarantined naming the load that holds it, unless this load supersedes them.
    // Only loads submitted before this one count (all of them, unless this load is being made again).
    const earlier = store
      .loads()
      .filter((l) => l.loadId !== loadId && l.accepted > 0 && bySubmission(l, { loadId, loadedAt }) < 0)
      .map(
        (
          l,
          order,
        ) => `select activity_id, ${sqlString(l.loadId)} as earlier_load, ${sqlString(l.file)} as earlier_file,
                   ${order} as earlier_order
                   from read_parquet(${sqlString(path.join(store.loadDir(l.loadId), 'activity.parquet'))})`,
      );
    await engine.run(
      earlier.length
        ? `create or replace temp table held_${id} as
           select e.activity_id, e.earlier_load, e.earlier_file, e.earlier_order
           from (select distinct trim(activity_id) as activity_id from ${raw} where activity_id is not null) r
           join (${earlier.join(' union all ')}) e on e.activity_id = r.activity_id`
        : `create or replace temp table held_${id} (activity_id varchar, earlier_load varchar, earlier_file varchar,
                                                    earlier_order integer)`,
    );
    // The quarantine names the latest load holding the id: the one whose row is in force.
    await engine.run(
      `create or replace temp table seen_${id} as
       select activity_id, arg_max(earlier_file, earlier_order) as earlier_file from held_${id}
       ${supersede ? 'where false' : ''} group by activity_id`,
    );
    // The generator marks its files: they are labelled synthetic even when the caller did not say so.
    const synthetic =
      (options.synthetic ?? false) || (format === 'parquet' && (await hasSyntheticMark(engine, absolute)));
    const checked = `(${validationQuery(layout, raw, `dup_${id}`, `seen_${id}`)})`;
    const stage = path.join(tmp, 'checked.parquet');
    const quarantine = path.join(tmp, 'quarantine.parquet');
    const final = path.join(tmp, 'activity.parquet');

    // One pass over the file runs every check: each row is written once with its reason, its typed
    // values (try-casts: a bad row's unparseable value is null, and the row is never stored) and, for
    // bad rows only, its raw text. The quarantine and the stored rows are then cheap reads of it.
    const rawJson = layout.columns.map((c) => `'${c.name}': "${c.name}"`).join(', ');
    await engine.runWithProgress(
      `copy (select line, reason, ${typedColumns(layout, { tolerant: true })},
               case when reason is not null then to_json({${rawJson}}) end as raw_values
             from ${checked})
       to ${sqlString(stage)} (format parquet, compression lz4_raw)`,
      (p) => progress('checking rows', p),
    );
    await engine.runWithProgress(
      `copy (select ${sqlString(label)} as file, line, reason, raw_values
             from read_parquet(${sqlString(stage)}) where reason is not null order by line)
       to ${sqlString(quarantine)} (format parquet, compression zstd)`,
      (p) => progress('quarantining rows', p),
    );
    // Derived at load, like SUS derivations: the emergency readmission flag needs the patient's earlier
    // spells, so it is computed once here (by the pricing rule's own window and scope) rather than in
    // every pricing pass; the CCGs of the practices and the LSOA and the price key (derive-sql.ts) so
    // that every pass reads them instead of joining for them. The rows are stored in the order of
    // STORED_ORDER, which the pass's monthly aggregate groups by.
    const acceptedRows = `(select ${layout.columns.map((c) => `"${c.name}"`).join(', ')}
                            from read_parquet(${sqlString(stage)}) where reason is null)`;
    const flagged = readmissionFlagQuery(acceptedRows, readmission);
    const derived = derivedColumnsQuery(`(select *, ${sqlString(loadId)} as load_id from (${flagged}))`);
    await engine.runWithProgress(
      `copy (select * from (${derived}) order by ${STORED_ORDER.join(', ')})
       to ${sqlString(final)} (format parquet, compression zstd, row_group_size 1000000)`,
      (p) => progress('deriving columns', p),
    );
    rmSync(stage);
    const supersedes = supersede ? await recordSupersessions(engine, `held_${id}`, final, tmp) : undefined;

    const accepted = (
      await engine.one<{ n: number }>(`select count(*) as n from read_parquet(${sqlString(final)})`)
    ).n;
    const rejectedByReason = await engine.all<{ reason: string; rows: number }>(
      `select regexp_replace(part, '"[^"]*"', '"…"', 'g') as reason, count(*) as rows
       from (select unnest(string_split(reason, '; ')) as part from read_parquet(${sqlString(quarantine)}))
       group by 1 order by rows desc, reason limit 50`,
    );
    const rejected = (
      await engine.one<{ n: number }>(`select count(*) as n from read_parquet(${sqlString(quarantine)})`)
    ).n;
    const sample = await engine.all<{ file: string; line: number; reason: string }>(
      `select file, line::bigint as line, reason from read_parquet(${sqlString(quarantine)}) order by line limit 20`,
    );
    if (rejected === 0) rmSync(quarantine);
    await dropScratch(engine, id);

    const manifest: LoadManifest = {
      loadId,
      file: label,
      format,
      contentHash,
      bytes: statSync(absolute).size,
      loadedAt,
      ...(existing ? { remadeAt: now } : {}),
      layoutVersion: layout.version,
      rows: accepted + rejected,
      accepted,
      rejected,
      rejectedByReason,
      synthetic,
      readmissionFlag: { scope: readmission.scope, windowDays: readmission.windowDays },
      derived: { version: DERIVATION_VERSION, columns: DERIVED_COLUMNS, referenceFingerprint: fingerprint },
      ...(supersedes ? { supersedes } : {}),
      wallMs: Date.now() - started,
    };
    writeFileSync(path.join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const stale = path.join(store.loadsDir, `.tmp-stale-${loadId}-${process.pid}`);
    // Replacing a stale load: moved aside first, so readers see the old load or the new one, never a mixture.
    if (existsSync(store.loadDir(loadId))) renameSync(store.loadDir(loadId), stale);
    renameSync(tmp, store.loadDir(loadId));
    rmSync(stale, { recursive: true, force: true });
    return { status: 'loaded', manifest, sample };
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    await dropScratch(engine, id).catch(() => {});
    throw error;
  }
}

/** Whether a load quarantined rows because another load held their activity ids (validation-sql.ts). */
function quarantinedHeldIds(manifest: LoadManifest): boolean {
  return manifest.rejectedByReason.some((r) => r.reason.includes(HELD_BY_ANOTHER_LOAD));
}

/**
 * For a load made with `supersede`: writes `dir`/supersedes.parquet, the (activity_id,
 * superseded_load_id) pairs of the stored rows (`final`) that earlier loads hold (`held`: every holder,
 * the rows of an earlier superseded load included, so that unloading any one load leaves the others
 * resolved), and returns how many rows of each earlier load were replaced. No file when none were.
 */
async function recordSupersessions(
  engine: Analytics,
  held: string,
  final: string,
  dir: string,
): Promise<SupersededLoad[]> {
  const pairs = `(select h.activity_id, h.earlier_load as superseded_load_id, h.earlier_file
                  from ${held} h semi join read_parquet(${sqlString(final)}) f on f.activity_id = h.activity_id)`;
  const byLoad = await engine.all<{ loadId: string; file: string; rows: number }>(
    `select superseded_load_id as "loadId", any_value(earlier_file) as file, count(*)::bigint as rows
     from ${pairs} group by 1 order by 1`,
  );
  if (byLoad.length > 0) {
    await engine.run(
      `copy (select activity_id, superseded_load_id from ${pairs} order by 1, 2)
       to ${sqlString(path.join(dir, SUPERSEDES_FILE))} (format parquet, compression zstd)`,
    );
  }
  return byLoad.map((l) => ({ loadId: l.loadId, file: l.file, rows: Number(l.rows) }));
}

/**
 * Drops the temporary tables and views a load made (the CSV's rows among them: a process loading many
 * files would otherwise hold every file's rows in memory until it ends).
 */
async function dropScratch(engine: Analytics, id: string): Promise<void> {
  const tables = ['dup', 'seen', 'held', 'rows', 'rejlines', 'blank', 'skipped', 'rej', 'rejscan'];
  await engine.run(
    [`drop view if exists raw_${id}`, ...tables.map((t) => `drop table if exists ${t}_${id}`)].join('; '),
  );
}

async function columnsOf(engine: Analytics, reader: string): Promise<string[]> {
  const rows = await engine.all<{ column_name: string }>(`describe select * from ${reader}`);
  return rows.map((r) => r.column_name);
}

/** CSV read with the header's own column order, all text, no sniffing: the checks are ours, not the sniffer's. */
const csvReader = (file: string, header: readonly string[], extra = '') =>
  `read_csv(${sqlString(file)}, header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
     columns = {${header.map((c) => `${sqlString(c)}: 'VARCHAR'`).join(', ')}}${extra})`;

/** The first line of a CSV (gzip or plain), parsed as CSV: the header. */
async function csvHeader(file: string): Promise<string[]> {
  let source: NodeJS.ReadableStream = createReadStream(file);
  if (file.toLowerCase().endsWith('.gz')) source = source.pipe(createGunzip());
  let text = '';
  for await (const chunk of source) {
    text += chunk.toString();
    if (text.includes('\n') || text.length > 1_000_000) break;
  }
  const first = text.split(/\r?\n/)[0]?.replace(/^\uFEFF/, '') ?? '';
  const parsed = parse(first, { relax_quotes: true }) as string[][];
  return (parsed[0] ?? []).map((c) => c.trim());
}

/** The file must have exactly the layout's columns (any order): a wrong header rejects the file, loudly. */
async function checkHeader(
  engine: Analytics,
  file: string,
  format: 'csv' | 'parquet',
  label: string,
): Promise<string[]> {
  let columns: string[];
  try {
    columns =
      format === 'csv' ? await csvHeader(file) : await columnsOf(engine, `read_parquet(${sqlString(file)})`);
  } catch (error) {
    throw AppError.validation(
      [
        {
          path: label,
          message: `cannot read the file as ${format}: ${(error as Error).message.split('\n')[0]}`,
          code: 'unreadable',
        },
      ],
      'Cannot load activity file',
    );
  }
  // An empty file, or one delimited by something other than commas, would otherwise be reported as
  // every column missing: say what is wrong instead.
  if (columns.length === 0 || (columns.length === 1 && columns[0] === '')) {
    throw AppError.validation(
      [
        {
          path: `${label}: line 1`,
          message: 'the file is empty: it must start with the header line',
          code: 'empty_file',
        },
      ],
      'Cannot load activity file',
    );
  }
  const delimiter = columns.length === 1 ? [';', '\t', '|'].find((d) => columns[0]?.includes(d)) : undefined;
  if (delimiter) {
    throw AppError.validation(
      [
        {
          path: `${label}: header`,
          message: `the header is one column holding ${JSON.stringify(delimiter)}: activity CSV files are comma-separated`,
          code: 'wrong_delimiter',
        },
      ],
      'Cannot load activity file',
    );
  }
  const expected = activityLayout().columns.map((c) => c.name);
  const missing = expected.filter((c) => !columns.includes(c));
  const unknown = columns.filter((c) => !expected.includes(c));
  const problems = [
    ...missing.map((c) => ({
      path: `${label}: header`,
      message: `column ${c} is missing`,
      code: 'missing_column',
    })),
    ...unknown.map((c) => ({
      path: `${label}: header`,
      message: `column ${c} is not in the activity layout`,
      code: 'unknown_column',
    })),
  ];
  if (problems.length)
    throw AppError.validation(problems, `The header of ${label} does not match the activity layout`);
  return columns;
}

/**
 * A view `raw_<id>(line, <every layout column as text>)`. For CSV, `line` is the line in the file
 * (header = line 1): DuckDB's rejects table holds the lines it could not split into columns, and the
 * row numbers of the rest are shifted past them. Those unsplittable lines become quarantine rows too.
 */
async function createRawView(
  engine: Analytics,
  file: string,
  format: 'csv' | 'parquet',
  id: string,
  header: readonly string[],
): Promise<void> {
  const cols = activityLayout()
    .columns.map((c) => `cast("${c.name}" as varchar) as "${c.name}"`)
    .join(', ');
  if (format === 'parquet') {
    await engine.run(
      `create or replace temp view raw_${id} as
       select file_row_number + 1 as line, null::varchar as parse_error, ${cols} from read_parquet(${sqlString(file)}, file_row_number = true)`,
    );
    return;
  }
  const rejects = `, store_rejects = true, rejects_table = 'rej_${id}', rejects_scan = 'rejscan_${id}'`;
  // A file DuckDB's reader cannot read at all (mixed line endings, say) is refused, naming the file.
  await engine
    .run(`create or replace temp table rows_${id} as
    select row_number() over () as k, * from ${csvReader(file, header, rejects)}`)
    .catch((error: Error) => {
      throw AppError.validation(
        [
          {
            path: path.basename(file),
            message: `cannot read the file as CSV: ${error.message.split('\n')[0]}`,
            code: 'unreadable',
          },
        ],
        'Cannot load activity file',
      );
    });
  await engine.run(`create or replace temp table rejlines_${id} as
    select line, csv_line, error_message, row_number() over (order by line) as j
    from (select line, any_value(csv_line) as csv_line, arg_min(error_message, coalesce(column_idx, 0)) as error_message
          from rej_${id} group by line)`);
  // DuckDB skips blank lines without a trace: they are skipped lines too, or every later row would be
  // given a line too early. Row k comes after the j-th skipped line when k > line_j - j - 1; consecutive
  // skipped lines share that bound, so each bound keeps its largest j.
  await engine.run(`create or replace temp table blank_${id} (line bigint)`);
  await engine.insertRows(
    `blank_${id}`,
    ['line'],
    (await blankLineNumbers(file)).map((line) => [line]),
  );
  await engine.run(`create or replace temp table skipped_${id} as
    select line, row_number() over (order by line) as j
    from (select line from rejlines_${id} union all select line from blank_${id})`);
  const nulls = activityLayout()
    .columns.map((c) => `null::varchar as "${c.name}"`)
    .join(', ');
  // Lines DuckDB could not split (wrong number of fields, broken quoting) are kept as rows carrying
  // DuckDB's message, so the validation quarantines them like any other bad row. The line's text is not
  // copied: it holds a patient pseudonym, and the quarantine is read more widely than the activity.
  await engine.run(`create or replace temp view raw_${id} as
    select r.k + 1 + coalesce(b.j, 0) as line, null::varchar as parse_error, ${cols}
      from rows_${id} r asof left join (select line - j - 1 as before, max(j) as j from skipped_${id} group by 1) b
        on r.k > b.before
    union all
    select line, error_message as parse_error, ${nulls}
      from rejlines_${id}`);
}
