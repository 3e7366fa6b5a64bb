import { readCsv } from './csv.ts';
import { hasColumns, odsDate } from './fields.ts';
import type { Quarantine } from './quarantine.ts';

/**
 * The ODS header-less fixed-column extracts (epraccur, eccg: 27 columns; etr: 24). The column
 * positions are from the ODS file specification as summarised in the reference SOURCES.md.
 */
export interface OdsRow {
  readonly line: number;
  readonly code: string;
  readonly name: string;
  /** National grouping (Y-code). */
  readonly nationalGrouping: string;
  /** High-level health geography (Q-code, 2015 codes in these extracts). */
  readonly healthGeography: string;
  readonly address: readonly string[];
  readonly postcode: string;
  readonly openDate: string | null;
  readonly closeDate: string | null;
  /** epraccur/eccg only: A active, C closed, D dormant, P proposed. */
  readonly status: string;
  /** epraccur: the commissioner (CCG) and the dates the practice joined and left it. */
  readonly commissioner: string;
  readonly joinDate: string | null;
  readonly leftDate: string | null;
  /** epraccur: 4 = GP practice. */
  readonly prescribingSetting: string;
}

export type OdsExtract = 'epraccur' | 'eccg' | 'etr';
const COLUMNS: Record<OdsExtract, number> = { epraccur: 27, eccg: 27, etr: 24 };

export function parseOds(file: string, label: string, extract: OdsExtract, quarantine: Quarantine): OdsRow[] {
  const csv = readCsv(file);
  const rows: OdsRow[] = [];
  const seen = new Set<string>();
  for (const { line, fields } of csv.records) {
    if (!hasColumns(quarantine, label, line, fields, COLUMNS[extract])) continue;
    const f = fields.map((v) => v.trim());
    const code = f[0]!;
    if (!/^[A-Z0-9]{3,6}$/.test(code)) {
      quarantine.reject(label, line, `organisation code "${code}" is not an ODS code`);
      continue;
    }
    if (!f[1]) {
      quarantine.reject(label, line, `organisation ${code} has no name`);
      continue;
    }
    if (seen.has(code)) {
      quarantine.reject(label, line, `organisation ${code} appears more than once`);
      continue;
    }
    const dates = { open: odsDate(f[10]!), close: odsDate(f[11]!) };
    const practiceDates = extract === 'epraccur' ? { join: odsDate(f[15]!), left: odsDate(f[16]!) } : {};
    const badDate = Object.entries({ ...dates, ...practiceDates }).find(([, v]) => v === undefined);
    if (badDate) {
      quarantine.reject(label, line, `${badDate[0]} date of ${code} is not a date (yyyymmdd)`);
      continue;
    }
    if (!dates.open) {
      quarantine.reject(label, line, `organisation ${code} has no open date`);
      continue;
    }
    seen.add(code);
    rows.push({
      line,
      code,
      name: f[1]!,
      nationalGrouping: f[2]!,
      healthGeography: f[3]!,
      address: f.slice(4, 9).filter((a) => a !== ''),
      postcode: f[9]!,
      openDate: dates.open ?? null,
      closeDate: dates.close ?? null,
      status: extract === 'etr' ? '' : f[12]!,
      commissioner: extract === 'epraccur' ? f[14]! : '',
      joinDate: practiceDates.join ?? null,
      leftDate: practiceDates.left ?? null,
      prescribingSetting: extract === 'epraccur' ? f[25]! : '',
    });
  }
  return rows;
}
