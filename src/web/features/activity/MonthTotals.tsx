import type { ReactNode } from 'react';
import { formatInt } from '../../lib/format.ts';
import { formatChange, formatMonth, formatPounds, unpricedNote } from './format.ts';
import type { MonthComparison } from './types.ts';

/** The change under a headline figure, in body text rather than the figure's size. */
const CHANGE_STYLE = { fontSize: '0.95rem', fontWeight: 400 } as const;

/**
 * Totals of a month and the calendar month before, as headline figures: activity (with how much of it
 * had no price, counted at £0) and cost.
 */
export function MonthTotals({
  rows,
  month,
  previousMonth,
  extra,
}: {
  readonly rows: readonly MonthComparison[];
  readonly month: string;
  readonly previousMonth: string | null;
  readonly extra?: ReactNode;
}) {
  const activity = rows.reduce((s, r) => s + r.activity, 0);
  const unpriced = unpricedNote(rows.reduce((s, r) => s + r.unpriced, 0));
  const value = rows.reduce((s, r) => s + r.value, 0);
  const previousActivity = rows.reduce((s, r) => s + r.previousActivity, 0);
  const previousValue = rows.reduce((s, r) => s + r.previousValue, 0);
  return (
    <dl className="stats" data-testid="month-totals">
      <div className="stat">
        <dt>Activity in {formatMonth(month)}</dt>
        <dd data-testid="total-activity">{formatInt(activity)}</dd>
        {unpriced && (
          <dd className="muted" style={CHANGE_STYLE} data-testid="total-unpriced">
            {unpriced} (counted at £0)
          </dd>
        )}
        {previousMonth && (
          <dd className="muted" style={CHANGE_STYLE} data-testid="total-activity-change">
            {formatChange(activity, previousActivity)} on {formatMonth(previousMonth)}
          </dd>
        )}
      </div>
      <div className="stat">
        <dt>Cost in {formatMonth(month)}</dt>
        <dd data-testid="total-value">{formatPounds(value)}</dd>
        {previousMonth && (
          <dd className="muted" style={CHANGE_STYLE} data-testid="total-value-change">
            {formatChange(value, previousValue, true)} on {formatMonth(previousMonth)}
          </dd>
        )}
      </div>
      {extra}
    </dl>
  );
}
