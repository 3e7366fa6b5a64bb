/**
 * Money, months and month-on-month changes as the activity pages show them. Values from the API are
 * pounds (DOUBLE); screens round to whole pounds (or pence in a contract statement), CSVs keep pence.
 */

const pounds = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  maximumFractionDigits: 0,
});
const poundsAndPence = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' });
const compactPounds = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  notation: 'compact',
  maximumFractionDigits: 1,
});
const signedInteger = new Intl.NumberFormat('en-GB', { signDisplay: 'exceptZero', maximumFractionDigits: 0 });
const signedPounds = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  signDisplay: 'exceptZero',
  maximumFractionDigits: 0,
});
const signedPercent = new Intl.NumberFormat('en-GB', {
  style: 'percent',
  signDisplay: 'exceptZero',
  maximumFractionDigits: 1,
});
const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonthName = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** 1234567.8 → "£1,234,568". */
export function formatPounds(value: number): string {
  return pounds.format(value);
}

/** 1234567.8 → "£1,234,567.80", for contract statements. */
export function formatPoundsAndPence(value: number): string {
  return poundsAndPence.format(value);
}

/** 1234567 → "£1.2M", for chart axes. */
export function formatCompactPounds(value: number): string {
  return compactPounds.format(value);
}

/** Money for a CSV: pounds to the penny, without a currency sign or separators. */
export function csvPounds(value: number): number {
  return Math.round(value * 100) / 100;
}

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;

function monthDate(month: string): Date | null {
  if (!MONTH_PATTERN.test(month)) return null;
  return new Date(`${month}-01T00:00:00Z`);
}

/** "2013-06" → "June 2013"; anything else is shown as given. */
export function formatMonth(month: string): string {
  const date = monthDate(month);
  return date ? monthName.format(date) : month;
}

/** "2013-06" → "Jun 2013", for chart axes and dense tables. */
export function formatShortMonth(month: string): string {
  const date = monthDate(month);
  return date ? shortMonthName.format(date) : month;
}

/** A change from `previous` to `current`: "+2 (+16.7%)", "−3 (−10%)", "+5 (new)" or "0". */
export function formatChange(current: number, previous: number, money = false): string {
  const difference = current - previous;
  const amount = money ? signedPounds.format(difference) : signedInteger.format(difference);
  if (difference === 0) return amount;
  if (previous === 0) return `${amount} (new)`;
  return `${amount} (${signedPercent.format(difference / Math.abs(previous))})`;
}

/** Text for an HTML chart tooltip: names come from data files, so never as markup. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** A sum of money without a negative zero (which would show as "-£0.00"). */
function noNegativeZero(value: number): number {
  return value === 0 ? 0 : value;
}

/** A statement's money as the statement shows it: every deduction a negative amount, so gross + the two = net. */
export interface SignedStatementAmounts {
  readonly grossValue: number;
  /** Negative: the readmission deduction taken off gross. */
  readonly readmissionDeduction: number;
  /** As the API gives it: negative when money is withheld under the marginal rate rule. */
  readonly marginalRateAdjustment: number;
  readonly netValue: number;
}

/**
 * The API gives the readmission deduction as the (positive) amount deducted but the marginal rate
 * adjustment signed; the statement shows both as signed amounts added to gross.
 */
export function signedStatementAmounts<T extends SignedStatementAmounts>(line: T): T {
  return {
    ...line,
    grossValue: noNegativeZero(line.grossValue),
    readmissionDeduction: noNegativeZero(-line.readmissionDeduction),
    marginalRateAdjustment: noNegativeZero(line.marginalRateAdjustment),
    netValue: noNegativeZero(line.netValue),
  };
}

/** The months of `months` (in order) not in `withActivity`: months of the run without any activity. */
export function monthsWithoutActivity(months: readonly string[], withActivity: readonly string[]): string[] {
  const active = new Set(withActivity);
  return months.filter((m) => !active.has(m));
}

/** "of which 5 unpriced" under an activity figure; empty when everything had a price. */
export function unpricedNote(unpriced: number): string {
  return unpriced > 0 ? `of which ${new Intl.NumberFormat('en-GB').format(unpriced)} unpriced` : '';
}
