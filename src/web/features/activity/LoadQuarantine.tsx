import { useEffect, useRef } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { Link } from '../../components/Link.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { apiUrl, seg } from '../../lib/api.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatInt } from '../../lib/format.ts';
import { navigate } from '../../lib/router.ts';
import { useApi } from '../../lib/use-api.ts';
import { countColumn } from './columns.tsx';
import { activityLoadsPath, givenValues, QUARANTINE_PAGE_SIZE } from './loads-format.ts';
import type { LoadManifest, QuarantinedRow, QuarantineResponse } from './types.ts';

type RejectedCount = LoadManifest['rejectedByReason'][number];

/** One page of a load's quarantined rows, by line, with a pager when there are more. */
function QuarantinedRows({ load, offset }: { readonly load: LoadManifest; readonly offset: number }) {
  const state = useApi<QuarantineResponse>(
    apiUrl(`/api/activity/loads/${seg(load.loadId)}/quarantine`, { limit: QUARANTINE_PAGE_SIZE, offset }),
  );
  if (state.status === 'error')
    return <ErrorPanel error={state.error} heading="The quarantined rows could not be read" />;
  if (state.status !== 'success') return <Loading label="Reading the quarantined rows…" />;

  const { rows } = state.data;
  const total = load.rejected;
  const first = offset + 1;
  const last = offset + rows.length;
  return (
    <>
      <DataTable<QuarantinedRow>
        id="quarantined-rows"
        rows={rows}
        rowKey={(r) => `${r.file}:${r.line}`}
        caption="Quarantined rows"
        description={
          <span aria-live="polite" data-testid="quarantine-count">
            {rows.length === 0
              ? `No rows here: the load has ${formatInt(total)} quarantined.`
              : `Rows ${formatInt(first)}–${formatInt(last)} of ${formatInt(total)}, by line in the file. The values are as given, with the patient pseudonym withheld.`}
          </span>
        }
        csvFilename={csvFilename(
          ['activity-load', load.loadId, 'quarantine', offset > 0 ? `from-${first}` : '']
            .filter(Boolean)
            .join('-'),
        )}
        csvLabel="Download CSV (this page)"
        emptyMessage="No quarantined rows on this page."
        columns={[
          { key: 'file', header: 'File', value: (r) => r.file, sortable: false },
          // A line number as an editor shows it (no thousands separator).
          { key: 'line', header: 'Line', value: (r) => r.line, numeric: true, sortable: false },
          { key: 'reason', header: 'Reason', value: (r) => r.reason, sortable: false },
          {
            key: 'values',
            header: 'Values as given',
            value: (r) => r.rawValues,
            render: (r) => {
              const given = givenValues(r.rawValues);
              return given === null ? (
                <span className="muted">No field could be read</span>
              ) : (
                <span className="code break">{given}</span>
              );
            },
            sortable: false,
          },
        ]}
      />
      {total > QUARANTINE_PAGE_SIZE && (
        <nav className="pager" aria-label="Quarantined rows pages">
          <button
            type="button"
            className="button button--secondary"
            disabled={offset === 0}
            onClick={() =>
              navigate(activityLoadsPath(load.loadId, Math.max(0, offset - QUARANTINE_PAGE_SIZE)))
            }
          >
            ← Previous {formatInt(QUARANTINE_PAGE_SIZE)}
          </button>
          <span>
            Page {formatInt(Math.floor(offset / QUARANTINE_PAGE_SIZE) + 1)} of{' '}
            {formatInt(Math.ceil(total / QUARANTINE_PAGE_SIZE))}
          </span>
          <button
            type="button"
            className="button button--secondary"
            disabled={offset + QUARANTINE_PAGE_SIZE >= total}
            onClick={() => navigate(activityLoadsPath(load.loadId, offset + QUARANTINE_PAGE_SIZE))}
          >
            Next {formatInt(QUARANTINE_PAGE_SIZE)} →
          </button>
        </nav>
      )}
    </>
  );
}

/**
 * The load chosen in the URL (?load=): its rejected rows counted by reason, and its quarantined rows a
 * page at a time. With `moveFocus`, its heading takes focus when it appears (after following a link).
 */
export function LoadQuarantine({
  loadId,
  load,
  offset,
  moveFocus,
}: {
  readonly loadId: string;
  /** Undefined when no load has this id (unloaded since the link was made, say). */
  readonly load: LoadManifest | undefined;
  readonly offset: number;
  readonly moveFocus: boolean;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Only when the section first appears for this load (the parent keys it by load), not on each page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: on mount only
  useEffect(() => {
    if (moveFocus) heading.current?.focus();
  }, []);

  if (!load)
    return (
      <Notice tone="warning" title="No such load">
        <p>
          There is no load <span className="code">{loadId}</span>: it may have been unloaded.{' '}
          <Link to={activityLoadsPath()}>Show every load</Link>.
        </p>
      </Notice>
    );

  return (
    <section className="card" aria-labelledby="load-quarantine-heading" data-testid="load-quarantine">
      <div className="panel-head">
        <div>
          <h2 id="load-quarantine-heading" ref={heading} tabIndex={-1}>
            Quarantined rows of {load.file}
          </h2>
          <p className="panel-head__note muted">
            Load <span className="code">{load.loadId}</span>: {formatInt(load.rejected)} of{' '}
            {formatInt(load.rows)} rows quarantined, {formatInt(load.accepted)} accepted.
          </p>
        </div>
        <Link to={activityLoadsPath()}>Close</Link>
      </div>
      {load.rejected === 0 ? (
        <p>No row of this load was quarantined.</p>
      ) : (
        <>
          <DataTable<RejectedCount>
            id="load-rejections"
            rows={load.rejectedByReason}
            rowKey={(r) => r.reason}
            caption="Rejected rows by reason"
            description="Values are masked in the reasons (…), so rows rejected for the same check count together."
            csvFilename={csvFilename(`activity-load-${load.loadId}-rejections`)}
            initialSort={{ key: 'rows', direction: 'descending' }}
            emptyMessage="The load records no reasons."
            columns={[
              { key: 'file', header: 'File', value: () => load.file, csvOnly: true },
              { key: 'loadId', header: 'Load id', value: () => load.loadId, csvOnly: true },
              { key: 'reason', header: 'Reason', value: (r) => r.reason },
              countColumn<RejectedCount>('rows', 'Rows', (r) => r.rows),
            ]}
          />
          <QuarantinedRows load={load} offset={offset} />
        </>
      )}
    </section>
  );
}
