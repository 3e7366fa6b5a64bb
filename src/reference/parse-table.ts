import { readCsv } from './csv.ts';
import { hasColumns, headerMismatch } from './fields.ts';
import type { Quarantine } from './quarantine.ts';

export interface TableSpec<T> {
  readonly header: readonly string[];
  readonly encoding?: 'utf-8' | 'windows-1252';
  /**
   * Turns one record's trimmed fields into a row, or returns a string: the reason to quarantine it.
   * Column counts and the header are checked before this is called.
   */
  readonly row: (fields: readonly string[], line: number) => T | string;
  /** A key that must be unique within the file (duplicates are quarantined). */
  readonly key?: (row: T) => string;
}

/**
 * Reads a CSV with a published header, checks the header exactly, quarantines rows with the wrong
 * column count or a reason from `spec.row`, and returns the good rows with their line numbers.
 * A wrong header is not a bad row but a wrong file, so it stops the import.
 */
export function parseTable<T>(
  file: string,
  label: string,
  spec: TableSpec<T>,
  quarantine: Quarantine,
): (T & { line: number })[] {
  const csv = readCsv(file, { header: true, ...(spec.encoding ? { encoding: spec.encoding } : {}) });
  const bad = headerMismatch(csv.header, spec.header);
  if (bad) throw new Error(`${label} line 1: ${bad}`);
  const out: (T & { line: number })[] = [];
  const seen = new Set<string>();
  for (const { line, fields } of csv.records) {
    if (!hasColumns(quarantine, label, line, fields, spec.header.length)) continue;
    const result = spec.row(
      fields.map((f) => f.trim()),
      line,
    );
    if (typeof result === 'string') {
      quarantine.reject(label, line, result);
      continue;
    }
    if (spec.key) {
      const k = spec.key(result);
      if (seen.has(k)) {
        quarantine.reject(label, line, `duplicate ${k}`);
        continue;
      }
      seen.add(k);
    }
    out.push({ ...result, line });
  }
  return out;
}

/** Small validators used by table specs. */
export const codes = {
  ccgOns: (c: string) => /^E38\d{6}$/.test(c),
  areaTeamOns: (c: string) => /^E39\d{6}$/.test(c),
  regionOns: (c: string) => /^E40\d{6}$/.test(c),
  ccgOds: (c: string) => /^[0-9]{2}[A-Z]$/.test(c),
  areaTeamOds: (c: string) => /^Q\d{2}$/.test(c),
  lsoa: (c: string) => /^E01\d{6}$/.test(c),
  localAuthority: (c: string) => /^E(0[6-9]|1[0-3])\d{6}$/.test(c),
};
