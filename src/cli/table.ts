/** Prints rows as an aligned plain-text table (or nothing but a note when empty). */
export function printTable<T>(
  rows: readonly T[],
  columns: readonly [string, (row: T) => string | number | null][],
): void {
  if (rows.length === 0) {
    console.log('(none)');
    return;
  }
  const cells = rows.map((r) => columns.map(([, get]) => String(get(r) ?? '')));
  const widths = columns.map(([h], i) => Math.min(60, Math.max(h.length, ...cells.map((c) => c[i]!.length))));
  const line = (values: string[]) =>
    values
      .map((v, i) => (v.length > widths[i]! ? `${v.slice(0, widths[i]! - 1)}…` : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(line(columns.map(([h]) => h)));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const c of cells) console.log(line(c));
}

export function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}
