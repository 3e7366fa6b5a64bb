import { type ReactNode, useId, useMemo, useState } from 'react';
import { type CsvCell, downloadCsv } from '../lib/csv.ts';

export interface Column<T> {
  readonly key: string;
  readonly header: string;
  /** The plain value: used for sorting and for the CSV. */
  readonly value: (row: T) => string | number | null;
  /** How the cell shows on screen (defaults to the value). */
  readonly render?: (row: T) => ReactNode;
  readonly numeric?: boolean;
  readonly sortable?: boolean;
  /** Keep the cell on one line (dates, short codes). */
  readonly nowrap?: boolean;
  /** Only in the CSV, not on screen (e.g. machine-readable detail). */
  readonly csvOnly?: boolean;
  /** Only on screen, not in the CSV (e.g. a row's buttons). */
  readonly screenOnly?: boolean;
}

type Direction = 'ascending' | 'descending';

interface DataTableProps<T> {
  readonly rows: readonly T[];
  readonly columns: readonly Column<T>[];
  readonly rowKey: (row: T) => string;
  /** Table title, shown above it and used as its accessible name. */
  readonly caption: string;
  /** File name for "Download CSV" (e.g. from `csvFilename`). */
  readonly csvFilename: string;
  readonly csvLabel?: string;
  readonly initialSort?: { readonly key: string; readonly direction?: Direction };
  readonly emptyMessage?: string;
  /** Rows shown before a "Show all" button; all when omitted. */
  readonly pageSize?: number;
  /** Extra controls shown beside the CSV button (filters…). */
  readonly toolbar?: ReactNode;
  /** A line under the caption (counts, the list-size quarter…). */
  readonly description?: ReactNode;
  /** Element id, e.g. as the target of a skip link. */
  readonly id?: string;
}

const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });

function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null || a === '') return 1;
  if (b === null || b === '') return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** A sortable, scrollable table with a CSV download of all its rows in the current order. */
export function DataTable<T>({
  rows,
  columns,
  rowKey,
  caption,
  csvFilename,
  csvLabel = 'Download CSV',
  initialSort,
  emptyMessage = 'Nothing to show.',
  pageSize,
  toolbar,
  description,
  id,
}: DataTableProps<T>) {
  const [sort, setSort] = useState<{ key: string; direction: Direction } | null>(
    initialSort ? { key: initialSort.key, direction: initialSort.direction ?? 'ascending' } : null,
  );
  const [showAll, setShowAll] = useState(false);
  const captionId = useId();

  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.key === sort.key);
    if (!column || !sort) return rows;
    const factor = sort.direction === 'ascending' ? 1 : -1;
    return rows.toSorted((a, b) => {
      const va = column.value(a);
      const vb = column.value(b);
      // Empty values stay last in either direction.
      if (va === null || va === '' || vb === null || vb === '') return compareValues(va, vb);
      return factor * compareValues(va, vb);
    });
  }, [rows, columns, sort]);

  const visibleColumns = columns.filter((c) => !c.csvOnly);
  const limited = pageSize !== undefined && !showAll && sorted.length > pageSize;
  const shown = limited ? sorted.slice(0, pageSize) : sorted;

  const toggleSort = (key: string) => {
    setSort((current) =>
      current?.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: 'ascending' },
    );
  };

  const exportCsv = () => {
    const csvColumns = columns.filter((c) => !c.screenOnly);
    downloadCsv(
      csvFilename,
      csvColumns.map((c) => c.header),
      sorted.map((row) => csvColumns.map((c): CsvCell => c.value(row))),
    );
  };

  return (
    <section className="data-table" id={id} aria-labelledby={captionId} tabIndex={id ? -1 : undefined}>
      <div className="data-table__head">
        <div>
          <h2 className="data-table__caption" id={captionId}>
            {caption}
          </h2>
          {description && <p className="data-table__description">{description}</p>}
        </div>
        <div className="data-table__tools">
          {toolbar}
          <button
            type="button"
            className="button button--secondary"
            onClick={exportCsv}
            disabled={rows.length === 0}
          >
            <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" className="icon">
              <path
                d="M8 1v9m0 0L4.5 6.5M8 10l3.5-3.5M2 12v2.5h12V12"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.6"
              />
            </svg>
            {csvLabel}
          </button>
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="data-table__empty">{emptyMessage}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className="table-scroll" tabIndex={0} aria-labelledby={captionId}>
          <table>
            <thead>
              <tr>
                {visibleColumns.map((c) => {
                  const active = sort?.key === c.key;
                  return (
                    <th
                      key={c.key}
                      scope="col"
                      className={c.numeric ? 'num' : undefined}
                      aria-sort={active ? sort.direction : undefined}
                    >
                      {c.sortable === false ? (
                        c.header
                      ) : (
                        <button type="button" className="sort-button" onClick={() => toggleSort(c.key)}>
                          {c.header}
                          <span
                            className={`sort-indicator${active ? ' sort-indicator--active' : ''}`}
                            aria-hidden="true"
                          >
                            {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
                          </span>
                        </button>
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={rowKey(row)}>
                  {visibleColumns.map((c) => (
                    <td key={c.key} className={c.numeric ? 'num' : c.nowrap ? 'nowrap' : undefined}>
                      {c.render ? c.render(row) : (c.value(row) ?? '—')}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {limited && (
        <p className="data-table__more">
          Showing {shown.length.toLocaleString('en-GB')} of {sorted.length.toLocaleString('en-GB')} rows.{' '}
          <button type="button" className="button button--link" onClick={() => setShowAll(true)}>
            Show all {sorted.length.toLocaleString('en-GB')}
          </button>
        </p>
      )}
    </section>
  );
}
