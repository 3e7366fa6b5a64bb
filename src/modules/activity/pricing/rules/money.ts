/**
 * Integer money arithmetic shared by the pure rules and mirrored exactly by the SQL (sql.ts). Amounts
 * are whole pence, rates whole basis points; every product is rounded to the penny half away from
 * zero, the same way in both engines (DuckDB: `sign(x) * ((abs(x) + 5000) // 10000)`).
 */
export const BASIS_POINTS = 10_000;

/** `pence × bp / 10000`, rounded to the nearest penny, halves away from zero. */
export function applyBasisPoints(pence: number, bp: number): number {
  const product = pence * bp;
  const rounded = Math.sign(product) * Math.floor((Math.abs(product) + BASIS_POINTS / 2) / BASIS_POINTS);
  return rounded + 0; // never -0
}

/** `numerator / denominator` for non-negative whole numbers, rounded half up. */
export function divideRounded(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** Whole days from one ISO date (or Date) to another; null when either is missing. */
export function daysBetween(start: string | Date | null, end: string | Date | null): number | null {
  if (start === null || end === null) return null;
  return Math.round((dayNumber(end) - dayNumber(start)) / 86_400_000);
}

function dayNumber(value: string | Date): number {
  if (value instanceof Date) return Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate());
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new RangeError(`not an ISO date (YYYY-MM-DD): "${value}"`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/**
 * A decimal text (e.g. "13408.179439") as whole pence, rounded half up on the decimal digits
 * themselves, so that no binary floating point rounding can move a price by a penny.
 */
export function poundsToPence(text: string): number {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) throw new RangeError(`not a non-negative decimal amount: "${text}"`);
  const whole = Number(match[1]);
  const fraction = (match[2] ?? '').padEnd(3, '0');
  const pence = whole * 100 + Number(fraction.slice(0, 2));
  return Number(fraction[2]) >= 5 ? pence + 1 : pence;
}

/** Whole pence as a pounds text with two decimals. */
export function penceToPounds(pence: number): string {
  const sign = pence < 0 ? '-' : '';
  const abs = Math.abs(pence);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
