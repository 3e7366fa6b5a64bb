import { DataTable } from '../../components/DataTable.tsx';
import { Link } from '../../components/Link.tsx';
import { NotPermitted } from '../../components/NotPermitted.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { SyntheticBadge } from '../../components/SyntheticBadge.tsx';
import { apiUrl, seg } from '../../lib/api.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatDate, formatInt, formatShortDate } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { useGovernanceAccess } from './access.ts';
import { GovernanceLayout } from './GovernanceLayout.tsx';
import { bodyLabel, statusLabel } from './labels.ts';
import type { MeetingStatus, MeetingSummary, MeetingsResponse } from './types.ts';

export function meetingPath(id: string): string {
  return `/meetings/${seg(id)}`;
}

export function minutesPath(id: string): string {
  return `/meetings/${seg(id)}/minutes`;
}

export function StatusTag({ status }: { readonly status: MeetingStatus }) {
  const tone = status === 'published' ? 'current' : status === 'held' ? 'warning' : 'pending';
  return <span className={`tag tag--${tone}`}>{statusLabel(status)}</span>;
}

function MeetingList({
  code,
  internal,
}: {
  readonly code: string;
  /** All meetings, drafts included (the CCG's view); otherwise those with published minutes. */
  readonly internal: boolean;
}) {
  const state = useApi<MeetingsResponse>(
    apiUrl(`/api/ccgs/${seg(code)}/meetings${internal ? '/internal' : ''}`),
  );
  if (state.status === 'error') {
    if (state.error.status === 403)
      return (
        <NotPermitted title="You are not permitted to see this CCG’s draft meetings" error={state.error} />
      );
    return <ErrorPanel error={state.error} heading="Could not load the meetings" />;
  }
  if (state.status !== 'success') return <Loading label="Loading meetings…" />;
  const items = state.data.items;
  return (
    <DataTable<MeetingSummary>
      id="meetings"
      rows={items}
      rowKey={(m) => m.meetingId}
      caption={internal ? 'All meetings' : 'Meetings with published minutes'}
      description={
        internal
          ? `${formatInt(items.length)} meetings, drafts included. Open a meeting to check its conflicts and quorum, record it and publish its minutes.`
          : `${formatInt(items.length)} meetings.`
      }
      csvFilename={csvFilename(`ccg-${code}-meetings${internal ? '-all' : ''}`)}
      initialSort={{ key: 'date', direction: 'descending' }}
      emptyMessage={
        internal
          ? 'No meetings are recorded yet.'
          : 'No minutes have been published yet. Minutes appear here once the CCG publishes them.'
      }
      columns={[
        {
          key: 'date',
          header: 'Date',
          value: (m) => m.date,
          nowrap: true,
          render: (m) => formatShortDate(m.date),
        },
        {
          key: 'body',
          header: 'Meeting',
          value: (m) => bodyLabel(m.body),
          render: (m) => (
            <>
              <Link to={internal ? meetingPath(m.meetingId) : minutesPath(m.meetingId)}>
                {bodyLabel(m.body)}
              </Link>{' '}
              {m.synthetic && <SyntheticBadge />}
            </>
          ),
        },
        {
          key: 'status',
          header: 'Status',
          value: (m) => statusLabel(m.status),
          render: (m) => <StatusTag status={m.status} />,
        },
        { key: 'items', header: 'Agenda items', value: (m) => m.items, numeric: true },
        {
          key: 'published',
          header: 'Minutes',
          value: (m) => m.publishedAt,
          render: (m) =>
            m.status === 'published' ? (
              <Link to={minutesPath(m.meetingId)}>
                Minutes<span className="sr-only"> of the {formatDate(m.date)} meeting</span>
              </Link>
            ) : (
              <span className="muted">Not published</span>
            ),
          sortable: false,
        },
        { key: 'publishedAt', header: 'Published at', value: (m) => m.publishedAt, csvOnly: true },
        { key: 'id', header: 'Meeting id', value: (m) => m.meetingId, csvOnly: true },
        { key: 'synthetic', header: 'Synthetic', value: (m) => (m.synthetic ? 'Yes' : 'No'), csvOnly: true },
      ]}
    />
  );
}

export function MeetingsPage({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  const access = useGovernanceAccess(code);
  return (
    <GovernanceLayout code={code} asAt={asAt} tab="meetings" title="Meetings and minutes">
      <p className="lead">
        Governing body and committee meetings. Before each meeting every attendee’s declared interests are
        matched against every agenda item, and the minutes record how each conflict was handled.
      </p>
      {access.write && (
        <p>
          <Link to={`/ccg/${seg(code)}/meetings/new`} className="button">
            Plan a meeting
          </Link>
        </p>
      )}
      {access.loading ? (
        <Loading label="Checking your sign-in…" />
      ) : (
        <>
          <MeetingList code={code} internal={access.read} />
          {!access.signedIn && (
            <Notice>
              <p>Staff of the CCG who sign in also see draft meetings and can plan new ones.</p>
            </Notice>
          )}
        </>
      )}
      <p className="muted small">
        Decisions about procurement and contracts are also listed in the{' '}
        <Link to={`/ccg/${seg(code)}/procurement-decisions`}>register of procurement decisions</Link>.
      </p>
    </GovernanceLayout>
  );
}
