import { useEffect, useRef } from 'react';
import { readmissionRuleText } from '../../../modules/activity/readmission-flags-text.ts';
import { supersedesText } from '../../../modules/activity/supersedes-text.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Link } from '../../components/Link.tsx';
import { NotPermitted } from '../../components/NotPermitted.tsx';
import { RequireSignIn } from '../../components/RequireSignIn.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { SyntheticBadge } from '../../components/SyntheticBadge.tsx';
import { useTitle } from '../../components/use-title.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatDateTime, formatInt } from '../../lib/format.ts';
import { useLocation } from '../../lib/router.ts';
import { useApi } from '../../lib/use-api.ts';
import { CurrentRun } from './CurrentRun.tsx';
import { countColumn } from './columns.tsx';
import { LoadQuarantine } from './LoadQuarantine.tsx';
import { LoadsCli } from './LoadsCli.tsx';
import { activityLoadsPath } from './loads-format.ts';
import { SYNTHETIC_ACTIVITY_NOTE } from './RunLabels.tsx';
import type { ActivityLoadsResponse, LoadManifest } from './types.ts';

/** Every load, oldest first, with a link to open the quarantine of each that has one. */
function LoadsTable({
  loads,
  selected,
}: {
  readonly loads: readonly LoadManifest[];
  readonly selected: string | null;
}) {
  const quarantined = loads.reduce((n, l) => n + l.rejected, 0);
  return (
    <DataTable<LoadManifest>
      id="activity-loads"
      rows={loads}
      rowKey={(l) => l.loadId}
      caption="Loads"
      description={`${formatInt(loads.length)} ${loads.length === 1 ? 'load' : 'loads'}, oldest first: ${formatInt(
        loads.reduce((n, l) => n + l.accepted, 0),
      )} rows accepted and ${formatInt(quarantined)} quarantined.${
        quarantined > 0 ? ' Open a load’s quarantined rows to see why each was rejected.' : ''
      }`}
      csvFilename={csvFilename('activity-loads')}
      columns={[
        {
          key: 'file',
          header: 'File',
          value: (l) => l.file,
          render: (l) => <span className="break">{l.file}</span>,
        },
        {
          key: 'loadId',
          header: 'Load id',
          value: (l) => l.loadId,
          render: (l) => <span className="code">{l.loadId}</span>,
        },
        {
          key: 'loadedAt',
          header: 'Loaded at',
          value: (l) => l.loadedAt,
          render: (l) => <time dateTime={l.loadedAt}>{formatDateTime(l.loadedAt)}</time>,
          nowrap: true,
        },
        countColumn<LoadManifest>('rows', 'Rows', (l) => l.rows),
        countColumn<LoadManifest>('accepted', 'Accepted', (l) => l.accepted),
        countColumn<LoadManifest>('rejected', 'Quarantined', (l) => l.rejected),
        {
          key: 'synthetic',
          header: 'Synthetic',
          value: (l) => (l.synthetic ? 'Yes' : 'No'),
          render: (l) => (l.synthetic ? <SyntheticBadge note={SYNTHETIC_ACTIVITY_NOTE} /> : 'No'),
        },
        {
          key: 'readmissionRule',
          header: 'Readmission rule',
          value: (l) => readmissionRuleText(l.readmissionFlag),
        },
        {
          key: 'supersedes',
          header: 'Supersedes',
          value: (l) => supersedesText(l.supersedes),
          render: (l) =>
            l.supersedes === undefined ? <span className="muted">—</span> : supersedesText(l.supersedes),
        },
        { key: 'format', header: 'Format', value: (l) => l.format, csvOnly: true },
        { key: 'layoutVersion', header: 'Layout version', value: (l) => l.layoutVersion, csvOnly: true },
        { key: 'bytes', header: 'Bytes', value: (l) => l.bytes, csvOnly: true },
        { key: 'contentHash', header: 'Content hash', value: (l) => l.contentHash, csvOnly: true },
        { key: 'wallMs', header: 'Load time (ms)', value: (l) => l.wallMs, csvOnly: true },
        {
          key: 'quarantine',
          header: 'Quarantine',
          value: () => null,
          render: (l) =>
            l.rejected > 0 ? (
              <Link
                to={activityLoadsPath(l.loadId)}
                aria-current={selected === l.loadId ? 'true' : undefined}
                data-testid={`open-quarantine-${l.loadId}`}
              >
                Show rows<span className="sr-only"> quarantined from {l.file}</span>
              </Link>
            ) : (
              <span className="muted">None</span>
            ),
          sortable: false,
          screenOnly: true,
        },
      ]}
    />
  );
}

function ActivityLoads() {
  const { search } = useLocation();
  const selected = search.get('load');
  const offset = Math.max(0, Number.parseInt(search.get('offset') ?? '0', 10) || 0);
  // The load open when the page was first shown does not take focus; one opened from a link does.
  const initial = useRef<string | null>(selected);
  const moveFocus = selected !== initial.current;
  useEffect(() => {
    if (selected !== initial.current) initial.current = '';
  }, [selected]);

  const state = useApi<ActivityLoadsResponse>('/api/activity/loads');

  if (state.status === 'error' && state.error.status === 403)
    return (
      <NotPermitted title="You are not permitted to see the activity loads" error={state.error}>
        <p>
          Activity loads and their quarantined rows are the platform’s own data management. Only people
          holding the system administrator role can see them.
        </p>
      </NotPermitted>
    );
  if (state.status === 'error')
    return <ErrorPanel error={state.error} heading="The activity loads could not be read" />;
  if (state.status !== 'success') return <Loading label="Reading the activity loads…" />;

  const { loads, run } = state.data;
  if (loads.length === 0)
    return (
      <>
        <div data-testid="no-loads">
          <Notice title="Nothing is loaded">
            <p>
              No activity file has been loaded yet. Load files with{' '}
              <code>commissioner activity load FILE…</code>, then price them with{' '}
              <code>commissioner activity run</code>, as described below.
            </p>
          </Notice>
        </div>
        <LoadsCli />
        <CurrentRun run={run} loads={loads} />
      </>
    );

  return (
    <>
      <LoadsTable loads={loads} selected={selected} />
      {selected !== null && (
        <LoadQuarantine
          key={selected}
          loadId={selected}
          load={loads.find((l) => l.loadId === selected)}
          offset={offset}
          moveFocus={moveFocus}
        />
      )}
      <CurrentRun run={run} loads={loads} />
      <LoadsCli />
    </>
  );
}

/** The activity loads (platform administrators): every file loaded, its quarantine, and the current run. */
export function ActivityLoadsPage() {
  useTitle('Activity loads');
  return (
    <>
      <h1>Activity loads</h1>
      <p className="lead">
        Every activity file loaded into the platform: its rows accepted and quarantined, whether it is
        synthetic, and the readmission rule it was flagged with. Open a load to see its quarantined rows and
        why each was rejected. Below is the current results run, made from the loads.
      </p>
      <RequireSignIn>{() => <ActivityLoads />}</RequireSignIn>
    </>
  );
}
