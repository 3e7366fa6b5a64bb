import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export interface CsvRecord {
  /** 1-based physical line number where the record starts, for quarantine reports. */
  readonly line: number;
  readonly fields: readonly string[];
}

export interface ReadCsvOptions {
  /** The published files are UTF-8 except a few ONS files in Windows-1252. */
  readonly encoding?: 'utf-8' | 'windows-1252';
  /** Skip the first record (a header) and return it separately. */
  readonly header?: boolean;
}

export interface CsvFile {
  readonly header: readonly string[] | null;
  readonly records: readonly CsvRecord[];
}

/**
 * Reads a published CSV as records of raw strings with their line numbers. It accepts CRLF, LF and
 * CR-only line endings (ONS `at.csv` uses CR only), a UTF-8 BOM, and skips blank lines. Column counts
 * are not checked here: each importer checks them so that it can quarantine a bad row by line.
 */
export function readCsv(file: string, options: ReadCsvOptions = {}): CsvFile {
  const bytes = readFileSync(file);
  const text = (
    options.encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder('utf-8').decode(bytes)
  ).replace(/^\uFEFF/, '');
  // csv-parse auto-detects one record delimiter per file; normalise CR-only files to LF first.
  const normalised = text.includes('\n') ? text : text.replace(/\r/g, '\n');
  const rows = parse(normalised, {
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    trim: false,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const records = rows.map((r) => ({ line: r.info.lines, fields: r.record }));
  if (options.header) {
    const [first, ...rest] = records;
    return { header: first?.fields ?? null, records: rest };
  }
  return { header: null, records };
}

// Node's TextDecoder treats "windows-1252" as ISO-8859-1, which leaves 0x80–0x9F (e.g. the 0x92
// apostrophe in ONS's "Queen's Park") as control characters. Map that range by the Windows-1252 table.
const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}
