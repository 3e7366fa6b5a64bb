import { type FormEvent, Fragment, type ReactNode, useEffect, useId, useMemo, useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { Link } from '../../components/Link.tsx';
import { NotPermitted } from '../../components/NotPermitted.tsx';
import { RequireSignIn } from '../../components/RequireSignIn.tsx';
import { ErrorPanel, Loading } from '../../components/Status.tsx';
import { useTitle } from '../../components/use-title.ts';
import { apiUrl } from '../../lib/api.ts';
import type { AuditEvent, AuditOutcome, AuditResponse } from '../../lib/api-types.ts';
import { isIsoDate } from '../../lib/as-at.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatDateTime, formatInt } from '../../lib/format.ts';
import { navigate, useLocation } from '../../lib/router.ts';
import { useApi } from '../../lib/use-api.ts';

const PAGE_SIZE = 50;
const OUTCOMES: readonly AuditOutcome[] = ['allowed', 'denied', 'error'];
/** Actions the platform records today, offered as suggestions (any text may be searched). */
const KNOWN_ACTIONS = [
  'read',
  'write',
  'sign_in',
  'sign_out',
  'password_change',
  'token_issue',
  'token_revoke',
  're_identify',
  'import',
  'demo_seed',
];

interface Filters {
  readonly actor: string;
  readonly org: string;
  readonly outcome: string;
  readonly action: string;
  /** First day, YYYY-MM-DD (inclusive). */
  readonly since: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  readonly until: string;
}

function filtersFrom(search: URLSearchParams): Filters {
  const outcome = search.get('outcome') ?? '';
  return {
    actor: search.get('actor')?.trim() ?? '',
    org: search.get('org')?.trim() ?? '',
    outcome: (OUTCOMES as readonly string[]).includes(outcome) ? outcome : '',
    action: search.get('action')?.trim() ?? '',
    since: search.get('since') ?? '',
    until: search.get('until') ?? '',
  };
}

function auditHref(filters: Filters, offset: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
  if (offset > 0) params.set('offset', String(offset));
  const qs = params.toString();
  return qs ? `/admin/audit?${qs}` : '/admin/audit';
}

/** The start of a day in the reader's own time zone, as the API's ISO timestamp. */
function startOfLocalDay(date: string, addDays = 0): string | undefined {
  if (!isIsoDate(date)) return date || undefined;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + addDays).toISOString();
}

/** A long path or record name with line-break opportunities after each `/` (never mid-word). */
function breakable(text: string): ReactNode {
  const parts = text.split('/');
  return parts.map((part, i) => (
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string
    <Fragment key={i}>
      {part}
      {i < parts.length - 1 && (
        <>
          /<wbr />
        </>
      )}
    </Fragment>
  ));
}

/** The simple values of an event's detail, e.g. `failure: wrong_password`, for the table. */
function detailSummary(e: AuditEvent): string {
  return Object.entries(e.detail)
    .filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(' · ');
}

function OutcomeTag({ outcome }: { readonly outcome: string }) {
  const tone = outcome === 'allowed' ? 'current' : outcome === 'denied' ? 'error' : 'warning';
  return <span className={`tag tag--${tone}`}>{outcome.charAt(0).toUpperCase() + outcome.slice(1)}</span>;
}

function EventDetails({ e }: { readonly e: AuditEvent }) {
  const detail = Object.keys(e.detail).length ? JSON.stringify(e.detail) : null;
  return (
    <details className="row-details">
      <summary>
        More<span className="sr-only"> about event {e.id}</span>
      </summary>
      <dl className="row-details__list">
        <dt>Event</dt>
        <dd className="code">{e.id}</dd>
        <dt>Route</dt>
        <dd className="code">{e.route ?? '—'}</dd>
        <dt>Classification</dt>
        <dd>{e.classification ?? '—'}</dd>
        <dt>Owner</dt>
        <dd className="code">{e.ownerOrg ?? '—'}</dd>
        <dt>Actor id</dt>
        <dd className="code">{e.actorId ?? '—'}</dd>
        <dt>From</dt>
        <dd className="code">{e.ip ?? '—'}</dd>
        <dt>Request id</dt>
        <dd className="code">{e.requestId ?? '—'}</dd>
        {detail && (
          <>
            <dt>Detail</dt>
            <dd className="code">{detail}</dd>
          </>
        )}
      </dl>
    </details>
  );
}

function FilterForm({ filters }: { readonly filters: Filters }) {
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  const ids = {
    actor: useId(),
    org: useId(),
    outcome: useId(),
    action: useId(),
    actions: useId(),
    since: useId(),
    until: useId(),
  };
  const set = (key: keyof Filters) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = Object.fromEntries(
      Object.entries(draft).map(([k, v]) => [k, v.trim()]),
    ) as unknown as Filters;
    navigate(auditHref(trimmed, 0));
  };
  const active = Object.values(filters).some(Boolean);

  return (
    <search>
      <form className="card filter-form" onSubmit={submit} aria-label="Filter the audit log">
        <div className="filter-form__grid">
          <div>
            <label htmlFor={ids.actor} className="field-label">
              Actor
            </label>
            <input
              id={ids.actor}
              className="input input--full"
              value={draft.actor}
              onChange={set('actor')}
              placeholder="e.g. demo.admin, token:CSU import"
              autoComplete="off"
              spellCheck={false}
            />
          </div>
          <div>
            <label htmlFor={ids.org} className="field-label">
              Organisation code
            </label>
            <input
              id={ids.org}
              className="input input--full"
              value={draft.org}
              onChange={set('org')}
              placeholder="e.g. 00C"
              autoComplete="off"
              spellCheck={false}
            />
          </div>
          <div>
            <label htmlFor={ids.outcome} className="field-label">
              Outcome
            </label>
            <select id={ids.outcome} className="select" value={draft.outcome} onChange={set('outcome')}>
              <option value="">Any outcome</option>
              {OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {o.charAt(0).toUpperCase() + o.slice(1)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={ids.action} className="field-label">
              Action
            </label>
            <input
              id={ids.action}
              className="input input--full"
              value={draft.action}
              onChange={set('action')}
              list={ids.actions}
              placeholder="e.g. sign_in"
              autoComplete="off"
              spellCheck={false}
            />
            <datalist id={ids.actions}>
              {KNOWN_ACTIONS.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
          </div>
          <div>
            <label htmlFor={ids.since} className="field-label">
              From
            </label>
            <input
              id={ids.since}
              type="date"
              className="input input--full"
              value={draft.since}
              onChange={set('since')}
            />
          </div>
          <div>
            <label htmlFor={ids.until} className="field-label">
              To (inclusive)
            </label>
            <input
              id={ids.until}
              type="date"
              className="input input--full"
              value={draft.until}
              onChange={set('until')}
            />
          </div>
        </div>
        <div className="form__actions">
          <button type="submit" className="button">
            Show events
          </button>
          {active && (
            <Link to="/admin/audit" className="form__secondary-action">
              Clear filters
            </Link>
          )}
        </div>
      </form>
    </search>
  );
}

function AuditLog() {
  const { search } = useLocation();
  const filters = filtersFrom(search);
  const offset = Math.max(0, Number.parseInt(search.get('offset') ?? '0', 10) || 0);
  // One object per distinct filter set, so the form's draft does not reset on every render.
  const filterKey = JSON.stringify(filters);
  const stableFilters = useMemo(() => JSON.parse(filterKey) as Filters, [filterKey]);

  const state = useApi<AuditResponse>(
    apiUrl('/api/audit', {
      actor: filters.actor,
      org: filters.org,
      outcome: filters.outcome,
      action: filters.action,
      since: startOfLocalDay(filters.since),
      until: startOfLocalDay(filters.until, 1),
      limit: PAGE_SIZE,
      offset,
    }),
  );

  if (state.status === 'error' && state.error.status === 403) {
    return (
      <NotPermitted title="You are not permitted to see the audit log" error={state.error}>
        <p>
          The audit log is the platform's own record. Only people holding the system administrator role can
          read it.
        </p>
      </NotPermitted>
    );
  }

  let results: ReactNode;
  if (state.status === 'error')
    results = <ErrorPanel error={state.error} heading="The audit log could not be read" />;
  else if (state.status !== 'success') results = <Loading label="Reading the audit log…" />;
  else {
    const { total, items, limit } = state.data;
    const pageLimit = limit || PAGE_SIZE;
    const first = total === 0 ? 0 : state.data.offset + 1;
    const last = state.data.offset + items.length;
    results = (
      <>
        <DataTable<AuditEvent>
          id="events"
          rows={items}
          rowKey={(e) => String(e.id)}
          caption="Events"
          description={
            <span aria-live="polite" data-testid="audit-count">
              {total === 0
                ? 'No events match.'
                : `Showing ${formatInt(first)}–${formatInt(last)} of ${formatInt(total)} events, newest first.`}
            </span>
          }
          csvFilename={csvFilename(
            ['audit-log', filters.outcome, filters.action, filters.org, offset > 0 ? `from-${first}` : '']
              .filter(Boolean)
              .join('-'),
          )}
          csvLabel="Download CSV (this page)"
          emptyMessage="No events match these filters."
          columns={[
            { key: 'id', header: 'Event', value: (e) => e.id, csvOnly: true },
            {
              key: 'when',
              header: 'When',
              value: (e) => e.occurredAt,
              render: (e) => <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>,
              sortable: false,
              nowrap: true,
            },
            {
              key: 'outcome',
              header: 'Outcome',
              value: (e) => e.outcome,
              render: (e) => <OutcomeTag outcome={e.outcome} />,
              sortable: false,
            },
            {
              key: 'action',
              header: 'Action',
              value: (e) => e.action,
              render: (e) => <span className="code">{e.action}</span>,
              sortable: false,
            },
            {
              key: 'actor',
              header: 'Who',
              value: (e) => e.actorName,
              render: (e) => (
                <>
                  {e.actorName ?? <span className="muted">Nobody signed in</span>}
                  <span className="cell-note">
                    {e.actorType === 'anonymous' && e.actorName
                      ? 'not signed in; the username tried'
                      : e.actorType.replace(/_/g, ' ')}
                  </span>
                </>
              ),
              sortable: false,
            },
            { key: 'actorType', header: 'Actor type', value: (e) => e.actorType, csvOnly: true },
            { key: 'actorId', header: 'Actor id', value: (e) => e.actorId, csvOnly: true },
            {
              key: 'as',
              header: 'Acting as',
              value: (e) => [e.actingRole, e.actingOrg].filter(Boolean).join(' at ') || null,
              render: (e) =>
                e.actingRole ? (
                  <>
                    <span className="code">{e.actingRole}</span>
                    {e.actingOrg && <span className="cell-note">at {e.actingOrg}</span>}
                  </>
                ) : (
                  '—'
                ),
              sortable: false,
            },
            {
              key: 'record',
              header: 'Record',
              value: (e) => e.record,
              render: (e) => <span className="code break">{e.record ? breakable(e.record) : '—'}</span>,
              sortable: false,
            },
            { key: 'route', header: 'Route', value: (e) => e.route, csvOnly: true },
            {
              key: 'classification',
              header: 'Classification',
              value: (e) => e.classification,
              csvOnly: true,
            },
            { key: 'ownerOrg', header: 'Owner organisation', value: (e) => e.ownerOrg, csvOnly: true },
            {
              key: 'status',
              header: 'Status',
              value: (e) => e.status,
              numeric: true,
              sortable: false,
            },
            {
              key: 'reason',
              header: 'Reason',
              value: (e) => e.reason,
              render: (e) => (
                <>
                  {e.reason ?? '—'}
                  {detailSummary(e) && <span className="cell-note code">{detailSummary(e)}</span>}
                </>
              ),
              sortable: false,
            },
            { key: 'ip', header: 'IP address', value: (e) => e.ip, csvOnly: true },
            { key: 'requestId', header: 'Request id', value: (e) => e.requestId, csvOnly: true },
            {
              key: 'detail',
              header: 'Detail',
              value: (e) => (Object.keys(e.detail).length ? JSON.stringify(e.detail) : null),
              csvOnly: true,
            },
            {
              key: 'more',
              header: 'Details',
              value: () => null,
              render: (e) => <EventDetails e={e} />,
              sortable: false,
              screenOnly: true,
            },
          ]}
        />
        {total > pageLimit && (
          <nav className="pager" aria-label="Audit log pages">
            <button
              type="button"
              className="button button--secondary"
              disabled={state.data.offset === 0}
              onClick={() => navigate(auditHref(filters, Math.max(0, state.data.offset - pageLimit)))}
            >
              ← Newer
            </button>
            <span>
              Page {formatInt(Math.floor(state.data.offset / pageLimit) + 1)} of{' '}
              {formatInt(Math.ceil(total / pageLimit))}
            </span>
            <button
              type="button"
              className="button button--secondary"
              disabled={last >= total}
              onClick={() => navigate(auditHref(filters, state.data.offset + pageLimit))}
            >
              Older →
            </button>
          </nav>
        )}
      </>
    );
  }

  return (
    <>
      <FilterForm filters={stableFilters} />
      {results}
    </>
  );
}

export function AuditPage() {
  useTitle('Audit log');
  return (
    <>
      <h1>Audit log</h1>
      <p className="lead">
        Who did what, acting as which role at which organisation, to which record, when, from where, and the
        outcome. Refused attempts are recorded too. The log is append-only: nothing here can be changed or
        deleted.
      </p>
      <RequireSignIn>{() => <AuditLog />}</RequireSignIn>
    </>
  );
}
