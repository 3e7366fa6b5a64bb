/** Table columns the activity pages share: the month, the point of delivery, counts, cost and the synthetic flag. */
import type { Column } from '../../components/DataTable.tsx';
import { formatInt } from '../../lib/format.ts';
import { csvPounds, formatMonth, formatPounds } from './format.ts';

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
