import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { ORG_TYPE_LABELS, ORG_TYPES } from '../../../modules/organisations/model.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Link } from '../../components/Link.tsx';
import { ProvenanceBadge } from '../../components/ProvenanceBadge.tsx';
import { ErrorPanel, Loading } from '../../components/Status.tsx';
import { useTitle } from '../../components/use-title.ts';
import { apiUrl } from '../../lib/api.ts';
import type { OrganisationSearchResponse, OrganisationSummary } from '../../lib/api-types.ts';
import { withAsAt } from '../../lib/as-at.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatDate, formatInt, formatShortDate } from '../../lib/format.ts';
import { orgPath, orgTypeLabel } from '../../lib/org-links.ts';
import { navigate, useLocation } from '../../lib/router.ts';
import { useApi } from '../../lib/use-api.ts';

const PAGE_SIZE = 50;

function searchHref(q: string, type: string, offset: number, asAt: string): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (type) params.set('type', type);
  if (offset > 0) params.set('offset', String(offset));
  const qs = params.toString();
  return withAsAt(qs ? `/organisations?${qs}` : '/organisations', asAt);
}

export function SearchPage({ asAt }: { readonly asAt: string }) {
  useTitle('Organisations');
  const { search } = useLocation();
  const q = search.get('q')?.trim() ?? '';
  const typeParam = search.get('type') ?? '';
  const type = (ORG_TYPES as readonly string[]).includes(typeParam) ? typeParam : '';
  const offset = Math.max(0, Number.parseInt(search.get('offset') ?? '0', 10) || 0);

  const [draft, setDraft] = useState(q);
  useEffect(() => setDraft(q), [q]);
  const queryId = useId();
  const typeId = useId();

  const state = useApi<OrganisationSearchResponse>(
    apiUrl('/api/organisations', { q, type, asAt, limit: PAGE_SIZE, offset }),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(searchHref(draft.trim(), type, 0, asAt));
  };

  let results: ReactNode;
  if (state.status === 'error') results = <ErrorPanel error={state.error} heading="The search failed" />;
  else if (state.status !== 'success') results = <Loading label="Searching…" />;
  else {
    const { total, items, limit } = state.data;
    const first = total === 0 ? 0 : state.data.offset + 1;
    const last = state.data.offset + items.length;
    const pageLimit = limit || PAGE_SIZE;
    results = (
      <>
        <DataTable<OrganisationSummary>
          rows={items}
          rowKey={(r) => r.code}
          caption="Results"
          description={
            <span aria-live="polite">
              {total === 0
                ? 'No organisations match.'
                : `Showing ${formatInt(first)}–${formatInt(last)} of ${formatInt(total)} organisations in force on ${formatDate(asAt)}.`}
            </span>
          }
          csvFilename={csvFilename(
            ['organisations', type, q, offset > 0 ? `from-${first}` : ''].filter(Boolean).join('-'),
            asAt,
          )}
          csvLabel="Download CSV (this page)"
          emptyMessage="No organisations match. Try fewer words or another type."
          columns={[
            {
              key: 'code',
              header: 'Code',
              value: (r) => r.code,
              render: (r) => <Link to={orgPath(r.code, r.orgType)}>{r.code}</Link>,
            },
            {
              key: 'name',
              header: 'Name',
              value: (r) => r.name,
              render: (r) => (
                <>
                  <Link to={orgPath(r.code, r.orgType)}>{r.name}</Link>{' '}
                  <ProvenanceBadge provenance={r.provenance} />
                </>
              ),
            },
            { key: 'type', header: 'Type', value: (r) => orgTypeLabel(r.orgType) },
            { key: 'orgType', header: 'Type code', value: (r) => r.orgType, csvOnly: true },
            {
              key: 'open',
              header: 'Opened',
              value: (r) => r.openDate,
              nowrap: true,
              render: (r) => formatShortDate(r.openDate),
            },
            {
              key: 'close',
              header: 'Closed',
              value: (r) => r.closeDate,
              nowrap: true,
              render: (r) => formatShortDate(r.closeDate),
            },
            { key: 'provenance', header: 'Provenance', value: (r) => r.provenance, csvOnly: true },
          ]}
        />
        {total > pageLimit && (
          <nav className="pager" aria-label="Result pages">
            <button
              type="button"
              className="button button--secondary"
              disabled={state.data.offset === 0}
              onClick={() => navigate(searchHref(q, type, Math.max(0, state.data.offset - pageLimit), asAt))}
            >
              ← Previous
            </button>
            <span>
              Page {formatInt(Math.floor(state.data.offset / pageLimit) + 1)} of{' '}
              {formatInt(Math.ceil(total / pageLimit))}
            </span>
            <button
              type="button"
              className="button button--secondary"
              disabled={last >= total}
              onClick={() => navigate(searchHref(q, type, state.data.offset + pageLimit, asAt))}
            >
              Next →
            </button>
          </nav>
        )}
      </>
    );
  }

  return (
    <>
      <h1>Organisations</h1>
      <p className="lead">
        Search every body in the commissioning system — CCGs, practices, area teams, health and wellbeing
        boards, support units, providers and the bodies they replaced — as at {formatDate(asAt)}.
      </p>
      <search>
        <form className="search-form card" onSubmit={submit}>
          <div className="search-form__field search-form__field--grow">
            <label htmlFor={queryId} className="field-label">
              Name or code
            </label>
            <input
              id={queryId}
              type="search"
              className="input"
              value={draft}
              placeholder="e.g. Darlington, 00C, A83005"
              onChange={(e) => setDraft(e.target.value)}
            />
          </div>
          <div className="search-form__field">
            <label htmlFor={typeId} className="field-label">
              Type
            </label>
            <select
              id={typeId}
              className="select"
              value={type}
              onChange={(e) => navigate(searchHref(draft.trim(), e.target.value, 0, asAt))}
            >
              <option value="">All types</option>
              {ORG_TYPES.map((t) => (
                <option key={t} value={t}>
                  {ORG_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </div>
          <div className="search-form__actions">
            <button type="submit" className="button">
              Search
            </button>
          </div>
        </form>
      </search>
      {results}
    </>
  );
}
