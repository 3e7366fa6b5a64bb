import type { Quarantine } from './quarantine.ts';

/** Field readers shared by the reference parsers. Each reports a bad value to the quarantine. */

/** `20130401` → `2013-04-01`; empty → null; anything else → undefined (invalid). */
export function odsDate(text: string): string | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  return isValidIsoDate(iso) ? iso : undefined;
}

export function isValidIsoDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** A non-negative whole count, as list-size files hold; undefined when invalid. */
export function count(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isSafeInteger(n) && n <= 2_147_483_647 ? n : undefined;
}

/** Checks a record has exactly `expected` columns; quarantines it otherwise. */
export function hasColumns(
  quarantine: Quarantine,
  file: string,
  line: number,
  fields: readonly string[],
  expected: number,
): boolean {
  if (fields.length === expected) return true;
  quarantine.reject(file, line, `expected ${expected} columns, found ${fields.length}`);
  return false;
}

/** Checks a header matches the published one exactly; returns a reason when it does not. */
export function headerMismatch(actual: readonly string[] | null, expected: readonly string[]): string | null {
  if (!actual) return 'the file is empty: no header row';
  const a = actual.map((h) => h.trim());
  if (a.length !== expected.length) return `expected ${expected.length} header columns, found ${a.length}`;
  const i = a.findIndex((h, k) => h !== expected[k]);
  return i === -1 ? null : `header column ${i + 1} is "${a[i]}", expected "${expected[i]}"`;
}

/** "NORTH OF ENGLAND" → "North Of England" → fixed small words: "North of England". */
export function titleCase(text: string): string {
  const small = new Set(['of', 'and', 'the', 'on', 'upon', 'in', 'with', 'for']);
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .split(' ')
    .map((w, i) =>
      i > 0 && small.has(w) ? w : w.replace(/(^|[-(&/])([a-z])/g, (_, p, c) => p + c.toUpperCase()),
    )
    .join(' ')
    .replace(/\bNhs\b/g, 'NHS')
    .replace(/\bCcg\b/g, 'CCG');
}
