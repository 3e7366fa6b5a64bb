import path from 'node:path';
import { AGE_BANDS, type AgeBand, type Sex } from '../modules/organisations/model.ts';
import { readCsv } from './csv.ts';
import { count, hasColumns, headerMismatch } from './fields.ts';
import type { Quarantine } from './quarantine.ts';

/** One row of the NHSBSA quarterly "Patient List Size" file (national extract). */
export interface ListSizeRow {
  readonly line: number;
  readonly regionCode: string;
  readonly regionName: string;
  readonly areaTeamCode: string;
  readonly areaTeamName: string;
  /** The parent as published: a CCG code padded with "00" (`08M00`), or a legacy PCT/trust/council code. */
  readonly parentCode: string;
  readonly parentName: string;
  readonly practiceCode: string;
  readonly practiceName: string;
  readonly bands: readonly { readonly sex: Sex; readonly ageBand: AgeBand; readonly patients: number }[];
  readonly total: number;
}

export interface ListSizeFile {
  readonly quarterStart: string;
  readonly quarterEnd: string;
  readonly rows: readonly ListSizeRow[];
}

const BAND_COLUMNS = AGE_BANDS.flatMap((band) => [`Male ${band}`, `Female ${band}`]);
export const LIST_SIZE_HEADER = [
  'Regional Office Name',
  'Regional Office Code',
  'Area Team Name',
  'Area Team Code',
  'PCO Name',
  'PCO Code',
  'Practice Name',
  'Practice Code',
  ...BAND_COLUMNS,
];

/** `Patient_List_Size_2013_04-06.csv` → 2013-04-01 … 2013-06-30. */
export function quarterFromFileName(file: string): { start: string; end: string } | null {
  const m = /(\d{4})_(\d{2})-(\d{2})\.csv$/.exec(path.basename(file));
  if (!m) return null;
  const [year, from, to] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (from < 1 || to > 12 || to < from) return null;
  const lastDay = new Date(Date.UTC(year, to, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { start: `${year}-${pad(from)}-01`, end: `${year}-${pad(to)}-${pad(lastDay)}` };
}

export function parseListSize(file: string, label: string, quarantine: Quarantine): ListSizeFile {
  const quarter = quarterFromFileName(file);
  if (!quarter)
    throw new Error(`${label}: cannot tell the quarter from the file name (want …_YYYY_MM-MM.csv)`);
  const csv = readCsv(file, { header: true });
  const bad = headerMismatch(csv.header, LIST_SIZE_HEADER);
  if (bad) throw new Error(`${label} line 1: ${bad}; is this the NHSBSA Patient List Size file?`);

  const seen = new Set<string>();
  const rows: ListSizeRow[] = [];
  for (const { line, fields } of csv.records) {
    if (!hasColumns(quarantine, label, line, fields, LIST_SIZE_HEADER.length)) continue;
    const f = fields.map((v) => v.trim());
    const practiceCode = f[7]!;
    if (!/^[A-Z]\d{5}$/.test(practiceCode)) {
      quarantine.reject(
        label,
        line,
        `practice code "${practiceCode}" is not an ODS practice code (letter + 5 digits)`,
      );
      continue;
    }
    if (seen.has(practiceCode)) {
      quarantine.reject(label, line, `practice ${practiceCode} appears more than once`);
      continue;
    }
    const counts = f.slice(8).map(count);
    const badBand = counts.indexOf(undefined);
    if (badBand !== -1) {
      quarantine.reject(
        label,
        line,
        `column "${BAND_COLUMNS[badBand]}" is "${f[8 + badBand]}", not a whole number ≥ 0`,
      );
      continue;
    }
    seen.add(practiceCode);
    const bands = AGE_BANDS.flatMap((ageBand, i) => [
      { sex: 'male' as const, ageBand, patients: counts[2 * i]! },
      { sex: 'female' as const, ageBand, patients: counts[2 * i + 1]! },
    ]);
    rows.push({
      line,
      regionName: f[0]!,
      regionCode: f[1]!,
      areaTeamName: f[2]!,
      areaTeamCode: f[3]!,
      parentName: f[4]!,
      parentCode: f[5]!,
      practiceName: f[6]!,
      practiceCode,
      bands,
      total: bands.reduce((s, b) => s + b.patients, 0),
    });
  }
  return { quarterStart: quarter.start, quarterEnd: quarter.end, rows };
}
