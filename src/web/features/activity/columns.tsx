/** Table columns the activity pages share: the month, the point of delivery, counts, cost and the synthetic flag. */
import type { Column } from '../../components/DataTable.tsx';
import { formatInt } from '../../lib/format.ts';
import { csvPounds, formatMonth, formatPounds, unpricedNote } from './format.ts';

/** "June 2013" on screen, "2013-06" in the CSV. */
export function monthColumn<T extends { readonly month: string }>(): Column<T> {
  return {
    key: 'month',
    header: 'Month',
    value: (r) => r.month,
    render: (r) => formatMonth(r.month),
    nowrap: true,
  };
}

export function podColumn<T extends { readonly pod: string }>(): Column<T> {
  return {
    key: 'pod',
    header: 'POD code',
    value: (r) => r.pod,
    render: (r) => <span className="code">{r.pod}</span>,
  };
}

/** A whole-number figure such as activity or patients. */
export function countColumn<T>(key: string, header: string, count: (row: T) => number): Column<T> {
  return { key, header, value: count, render: (r) => formatInt(count(r)), numeric: true };
}

/**
 * Activity, with "of which N unpriced" under the figure on screen where some had no price (counted at
 * £0). The CSV has the count alone: add unpricedColumn for the unpriced part.
 */
export function activityColumn<T>(
  key: string,
  header: string,
  activity: (row: T) => number,
  unpriced: (row: T) => number,
  shown: (row: T) => boolean = () => true,
): Column<T> {
  return {
    key,
    header,
    value: (r) => (shown(r) ? activity(r) : null),
    render: (r) => {
      if (!shown(r)) return '—';
      const note = unpricedNote(unpriced(r));
      return (
        <>
          {formatInt(activity(r))}
          {note && (
            <span className="cell-note" data-testid="unpriced-note">
              {note}
            </span>
          )}
        </>
      );
    },
    numeric: true,
  };
}

/** The unpriced part of the activity (no price, counted at £0): in the CSV only, as the screen notes it. */
export function unpricedColumn<T>(
  key: string,
  header: string,
  unpriced: (row: T) => number,
  shown: (row: T) => boolean = () => true,
): Column<T> {
  return { key, header, value: (r) => (shown(r) ? unpriced(r) : null), csvOnly: true };
}

/** Cost to the whole pound on screen, to the penny in the CSV. */
export function costColumn<T extends { readonly value: number }>(): Column<T> {
  return {
    key: 'value',
    header: 'Cost (£)',
    value: (r) => csvPounds(r.value),
    render: (r) => formatPounds(r.value),
    numeric: true,
  };
}

/** Whether the figures come from synthetic data: in the CSV only, as the page says so above the table. */
export function syntheticColumn<T>(synthetic: boolean): Column<T> {
  return { key: 'synthetic', header: 'Synthetic', value: () => (synthetic ? 'Yes' : 'No'), csvOnly: true };
}
