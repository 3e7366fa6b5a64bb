import type { ReactNode } from 'react';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { csvFilename } from '../../lib/csv.ts';
import { activityColumn, unpricedColumn } from './columns.tsx';
import { csvPounds, formatChange, formatPounds, formatShortMonth } from './format.ts';
import type { ActivityLabels, MonthComparison } from './types.ts';

const NAME_STYLE = { display: 'inline-block', minWidth: '13rem' } as const;

export interface ComparisonTableProps {
  readonly id: string;
  readonly caption: string;
  readonly description: ReactNode;
  readonly rows: readonly MonthComparison[];
  readonly month: string;
  /** The calendar month before; null for the first month of the run: the previous-month columns are then empty. */
  readonly previousMonth: string | null;
  readonly labels: ActivityLabels;
  /** Headers of the code (in the CSV; under the name on screen) and name columns, e.g. "Provider code" and "Provider". */
  readonly codeHeader: string;
  readonly nameHeader: string;
  /** How the name shows on screen (e.g. a drill-down link); the CSV keeps the plain name. */
  readonly renderName?: (row: MonthComparison) => ReactNode;
  /** Extra columns shown after the figures (e.g. a link to the contract statement). */
  readonly extraColumns?: readonly Column<MonthComparison>[];
  /** The CSV file name before the month, e.g. `ccg-00K-activity-by-pod`. */
  readonly csvBase: string;
  readonly emptyMessage: string;
}

/**
 * Activity and cost in a month against the calendar month before, one row per POD, provider or
 * specialty, with the change in each; activity without a price (counted at £0) is noted under the
 * figure. The CSV has the same columns, the unpriced activity in its own, and money to the penny.
 */
export function ComparisonTable({
  id,
  caption,
  description,
  rows,
  month,
  previousMonth,
  labels,
  codeHeader,
  nameHeader,
  renderName,
  extraColumns = [],
  csvBase,
  emptyMessage,
}: ComparisonTableProps) {
  const now = formatShortMonth(month);
  const before = previousMonth ? formatShortMonth(previousMonth) : 'previous month';
  const hasPrevious = previousMonth !== null;
  const columns: Column<MonthComparison>[] = [
    { key: 'code', header: codeHeader, value: (r) => r.key, csvOnly: true },
    {
      key: 'name',
      header: nameHeader,
      value: (r) => r.name,
      // Wide enough that a trust's name does not wrap word by word beside the figures.
      render: (r) => (
        <span style={NAME_STYLE}>
          {renderName ? renderName(r) : r.name}
          {r.name !== r.key && <span className="cell-note code">{r.key}</span>}
        </span>
      ),
    },
    activityColumn<MonthComparison>(
      'activity',
      `Activity ${now}`,
      (r) => r.activity,
      (r) => r.unpriced,
    ),
    unpricedColumn<MonthComparison>('unpriced', `Of which unpriced ${now}`, (r) => r.unpriced),
    activityColumn<MonthComparison>(
      'previousActivity',
      `Activity ${before}`,
      (r) => r.previousActivity,
      (r) => r.previousUnpriced,
      () => hasPrevious,
    ),
    unpricedColumn<MonthComparison>(
      'previousUnpriced',
      `Of which unpriced ${before}`,
      (r) => r.previousUnpriced,
      () => hasPrevious,
    ),
    {
      key: 'activityChange',
      header: 'Change in activity',
      value: (r) => (hasPrevious ? r.activity - r.previousActivity : null),
      render: (r) => (hasPrevious ? formatChange(r.activity, r.previousActivity) : '—'),
      numeric: true,
    },
    {
      key: 'value',
      header: `Cost ${now} (£)`,
      value: (r) => csvPounds(r.value),
      render: (r) => formatPounds(r.value),
      numeric: true,
    },
    {
      key: 'previousValue',
      header: `Cost ${before} (£)`,
      value: (r) => (hasPrevious ? csvPounds(r.previousValue) : null),
      render: (r) => (hasPrevious ? formatPounds(r.previousValue) : '—'),
      numeric: true,
    },
    {
      key: 'valueChange',
      header: 'Change in cost (£)',
      value: (r) => (hasPrevious ? csvPounds(r.value - r.previousValue) : null),
      render: (r) => (hasPrevious ? formatChange(r.value, r.previousValue, true) : '—'),
      numeric: true,
    },
    ...extraColumns,
    {
      key: 'synthetic',
      header: 'Synthetic',
      value: () => (labels.synthetic ? 'Yes' : 'No'),
      csvOnly: true,
    },
  ];
  return (
    <DataTable<MonthComparison>
      id={id}
      rows={rows}
      rowKey={(r) => r.key}
      caption={caption}
      description={description}
      csvFilename={csvFilename(csvBase, month)}
      initialSort={{ key: 'value', direction: 'descending' }}
      emptyMessage={emptyMessage}
      pageSize={50}
      columns={columns}
    />
  );
}
