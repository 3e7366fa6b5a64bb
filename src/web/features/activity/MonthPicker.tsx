import { useId } from 'react';
import { Link } from '../../components/Link.tsx';
import { useAsAt, withAsAt } from '../../lib/as-at.ts';
import { navigate } from '../../lib/router.ts';
import { formatMonth } from './format.ts';
import type { MonthWindow } from './types.ts';

/**
 * Chooses the month a page shows: any month of the run, those without activity marked (they show as
 * zeros). The month lives in the URL (`?month=YYYY-MM`), so it can be bookmarked and the back button
 * returns to the month before.
 */
export function MonthPicker({
  window: w,
  pathOf,
}: {
  readonly window: MonthWindow & { readonly month: string };
  /** The page's own address at a month. */
  readonly pathOf: (month: string) => string;
}) {
  const id = useId();
  const asAt = useAsAt();
  const active = new Set(w.monthsWithActivity);
  const index = w.months.indexOf(w.month);
  const earlier = index > 0 ? w.months[index - 1] : undefined;
  const later = index >= 0 && index < w.months.length - 1 ? w.months[index + 1] : undefined;
  return (
    <div className="panel-head" data-testid="month-picker">
      <p>
        <span className="inline-field">
          <label htmlFor={id}>Month</label>
          <select
            id={id}
            className="select select--small"
            value={w.month}
            onChange={(e) => navigate(withAsAt(pathOf(e.target.value), asAt))}
          >
            {w.months.toReversed().map((m) => (
              <option key={m} value={m}>
                {formatMonth(m)}
                {active.has(m) ? '' : ' (no activity)'}
              </option>
            ))}
          </select>
        </span>{' '}
        <span className="muted" data-testid="compared-with">
          {w.previousMonth
            ? `compared with ${formatMonth(w.previousMonth)}`
            : 'the first month of the run: there is no month before it to compare with'}
        </span>
      </p>
      <p className="small">
        {earlier && <Link to={pathOf(earlier)}>← {formatMonth(earlier)}</Link>}
        {earlier && later && ' · '}
        {later && <Link to={pathOf(later)}>{formatMonth(later)} →</Link>}
      </p>
    </div>
  );
}
