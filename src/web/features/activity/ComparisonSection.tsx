import { Suspense } from 'react';
import { Loading } from '../../components/Status.tsx';
import { ComparisonTable, type ComparisonTableProps } from './ComparisonTable.tsx';
import { formatMonth } from './format.ts';
import { ComparisonChart } from './lazy-charts.ts';
import type { MonthComparison } from './types.ts';

export interface ComparisonSectionProps extends ComparisonTableProps {
  /** Id of the section's heading, which names the section. */
  readonly headingId: string;
  /** What is compared, e.g. "Cost by point of delivery"; the heading adds the month and the month before. */
  readonly title: string;
  /** The chart's rows (top to bottom) and its accessible summary; null for no chart. */
  readonly chart: { readonly rows: readonly MonthComparison[]; readonly label: string } | null;
}

/** A card comparing the month with the month before: the chart of the rows above the table of them. */
export function ComparisonSection({ headingId, title, chart, ...table }: ComparisonSectionProps) {
  const { month, previousMonth } = table;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {title}, {formatMonth(month)}
        {previousMonth ? ` against ${formatMonth(previousMonth)}` : ''}
      </h2>
      {chart && (
        <Suspense fallback={<Loading label="Loading chart…" />}>
          <ComparisonChart
            rows={chart.rows}
            month={month}
            previousMonth={previousMonth}
            label={chart.label}
          />
        </Suspense>
      )}
      <ComparisonTable {...table} />
    </section>
  );
}
