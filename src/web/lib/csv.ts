/**
 * CSV export for every table in the app: RFC 4180 quoting, CRLF line ends and a UTF-8 byte-order
 * mark so Excel opens names such as "Ynys Môn" correctly.
 */

export type CsvCell = string | number | boolean | null | undefined;

/** Characters that make spreadsheet programs treat a text cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: empty for null/undefined; quoted when it holds a comma, quote, line break or edge space. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // Text (never numbers) that starts like a formula is prefixed so a spreadsheet shows it as text.
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole document, header row first, CRLF after every row. */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [headers, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}

/** A safe file name: `ccg-00C-members` + `2013-04-01` → `ccg-00c-members-2013-04-01.csv`. */
export function csvFilename(base: string, asAt?: string): string {
  const stem = [base, asAt]
    .filter((p): p is string => typeof p === 'string' && p !== '')
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return `${stem || 'export'}.csv`;
}

/** Builds the CSV and has the browser save it. */
export function downloadCsv(
  filename: string,
  headers: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): void {
  const blob = new Blob(['\uFEFF', toCsv(headers, rows)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename.endsWith('.csv') ? filename : `${filename}.csv`;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
