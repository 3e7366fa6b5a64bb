/** Calendar arithmetic on ISO `YYYY-MM-DD` dates, in UTC so no time zone can shift a day. */

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(date: string): [number, number, number] {
  const m = PATTERN.exec(date);
  if (!m) throw new RangeError(`Not an ISO date: "${date}"`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const format = (d: Date): string => d.toISOString().slice(0, 10);

/** A real calendar date written `YYYY-MM-DD` (rejects 2015-02-29, 2015-13-01 and the like). */
export function isIsoDate(value: string): boolean {
  const m = PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parts(date);
  return format(new Date(Date.UTC(y, m - 1, d + days)));
}

/**
 * Adds calendar months; a day that does not exist in the target month becomes its last day
 * (31 Jan + 1 month = 28 or 29 Feb), so "N months after" never spills into the month after.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return format(new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))));
}

export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / 86_400_000);
}

/** Whether `date` falls in the period `[startDate, endDate]` (`endDate` null: open). */
export function inPeriod(date: string, startDate: string, endDate: string | null): boolean {
  return startDate <= date && (endDate === null || date <= endDate);
}
