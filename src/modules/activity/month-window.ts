/**
 * Which months an activity view shows (pure rules for activity-service.ts): the run's months without
 * gaps, the month shown and the calendar month it is compared with.
 */
import { AppError } from '../../platform/errors.ts';
import { addMonths } from '../governance/rules/dates.ts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** `month` (YYYY-MM) moved by `months` calendar months. */
const shiftMonth = (month: string, months: number) => addMonths(`${month}-01`, months).slice(0, 7);

/** "2013-06" → "2013-05", "2014-01" → "2013-12": the calendar month before a month (YYYY-MM). */
export function previousCalendarMonth(month: string): string {
  return shiftMonth(month, -1);
}

/** Every calendar month from `first` to `last` (YYYY-MM), both included; none when `last` is before `first`. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let m = first; m <= last; m = shiftMonth(m, 1)) months.push(m);
  return months;
}

/** The months a view can show, the month shown and the month it is compared with. */
export interface MonthWindow {
  /** Every month of the run, first to last without gaps (a month without activity is there, as zero). */
  readonly months: readonly string[];
  /** The months in which the view has any activity. */
  readonly monthsWithActivity: readonly string[];
  /** The month shown: the one asked for, else the latest with activity; null when there is none. */
  readonly month: string | null;
  /** The calendar month before the month shown, or null when that is not a month of the run. */
  readonly previousMonth: string | null;
}

/**
 * Chooses the month of a view: any month of the run (`runMonths`, continuous) may be asked for, even one
 * without activity (it is then all zeros); by default the latest month with activity. It is compared
 * with the calendar month before (no activity there counts as zero), if that month is in the run.
 */
export function monthWindow(
  runMonths: readonly string[],
  monthsWithActivity: readonly string[],
  requested: string | undefined,
): MonthWindow {
  if (requested !== undefined && !MONTH.test(requested)) {
    throw AppError.validation([
      { path: 'month', message: `"${requested}" is not a month (YYYY-MM)`, code: 'invalid_month' },
    ]);
  }
  if (requested !== undefined && !runMonths.includes(requested)) {
    const covers =
      runMonths.length > 0
        ? `the current run has activity from ${runMonths[0]} to ${runMonths.at(-1)}`
        : 'the current run has no activity';
    throw AppError.validation([
      { path: 'month', message: `${requested} is not a month of the run: ${covers}`, code: 'unknown_month' },
    ]);
  }
  const month = requested ?? monthsWithActivity.at(-1) ?? null;
  const before = month ? previousCalendarMonth(month) : null;
  return {
    months: runMonths,
    monthsWithActivity,
    month,
    previousMonth: before && runMonths.includes(before) ? before : null,
  };
}
