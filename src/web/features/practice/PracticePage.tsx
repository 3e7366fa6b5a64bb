import { Breadcrumbs, type Crumb } from '../../components/Breadcrumbs.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { FactList } from '../../components/FactList.tsx';
import { Link } from '../../components/Link.tsx';
import { OrgHeading } from '../../components/OrgHeading.tsx';
import { PopulationSection } from '../../components/PopulationSection.tsx';
import { ProvenanceBadge } from '../../components/ProvenanceBadge.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { useTitle } from '../../components/use-title.ts';
import { apiUrl, seg } from '../../lib/api.ts';
import type {
  HistoryResponse,
  MembershipPeriod,
  Organisation,
  OrganisationDetailResponse,
} from '../../lib/api-types.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatDate, formatShortDate } from '../../lib/format.ts';
import { orgPath, orgTypeLabel } from '../../lib/org-links.ts';
import { useApi } from '../../lib/use-api.ts';

/** The address lines the reference import keeps in `attributes.address`. */
function addressOf(o: Organisation): string[] {
  const lines = o.attributes.address;
  return Array.isArray(lines)
    ? lines.filter((l): l is string => typeof l === 'string' && l.trim() !== '')
    : [];
}

function MembershipHistory({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  const history = useApi<HistoryResponse>(`/api/organisations/${seg(code)}/history`);
  if (history.status === 'error')
    return <ErrorPanel error={history.error} heading="Could not load the membership history" />;
  if (history.status !== 'success') return <Loading label="Loading membership history…" />;
  const inForce = (m: MembershipPeriod) => m.startDate <= asAt && (m.endDate === null || m.endDate >= asAt);
  return (
    <DataTable<MembershipPeriod>
      rows={history.data.memberships}
      rowKey={(m) => `${m.ccgCode}-${m.startDate}`}
      caption="CCG membership history"
      description="Every period this practice has been a member of a CCG, not just the one in force."
      csvFilename={csvFilename(`practice-${code}-memberships`)}
      initialSort={{ key: 'start' }}
      emptyMessage="No CCG membership is recorded for this practice."
      columns={[
        {
          key: 'ccg',
          header: 'CCG',
          value: (m) => m.ccgName,
          render: (m) => (
            <>
              <Link to={`/ccg/${encodeURIComponent(m.ccgCode)}`}>{m.ccgName}</Link>
              {inForce(m) && <span className="badge badge--current">On {formatShortDate(asAt)}</span>}
            </>
          ),
        },
        {
          key: 'code',
          header: 'CCG code',
          value: (m) => m.ccgCode,
          render: (m) => <span className="code">{m.ccgCode}</span>,
        },
        {
          key: 'start',
          header: 'From',
          value: (m) => m.startDate,
          nowrap: true,
          render: (m) => formatShortDate(m.startDate),
        },
        {
          key: 'end',
          header: 'Until',
          value: (m) => m.endDate,
          nowrap: true,
          render: (m) => (m.endDate ? formatShortDate(m.endDate) : <span className="muted">Current</span>),
        },
        {
          key: 'source',
          header: 'Source',
          value: (m) => m.source,
          render: (m) => <span className="small">{m.source}</span>,
        },
        { key: 'event', header: 'Event id', value: (m) => m.eventId, csvOnly: true },
      ]}
    />
  );
}

function Profile({ detail, asAt }: { readonly detail: OrganisationDetailResponse; readonly asAt: string }) {
  const { organisation: o, related } = detail;
  const ccgs = related.filter((r) => r.kind === 'member_of' && r.direction === 'outgoing');
  const address = addressOf(o);
  const crumbs: Crumb[] = [{ label: 'Map', to: '/' }];
  if (ccgs.length === 1) crumbs.push({ label: ccgs[0]!.name, to: orgPath(ccgs[0]!.code, ccgs[0]!.orgType) });
  crumbs.push({ label: o.name });

  return (
    <>
      <Breadcrumbs items={crumbs} />
      <OrgHeading organisation={o} asAt={asAt} />
      {ccgs.length === 0 && (
        <Notice tone="warning" title="No CCG on this date">
          {o.name} is not a member of any clinical commissioning group on {formatDate(asAt)}. Every practice
          holding a primary medical services contract must belong to one (NHS Act 2006 s14A). See the
          membership history below for the periods that are recorded.
        </Notice>
      )}
      {ccgs.length > 1 && (
        <Notice tone="warning" title="More than one CCG on this date">
          The registry records {o.name} as a member of {ccgs.length} CCGs on {formatDate(asAt)}; a practice
          may belong to only one. The <Link to="/structure">structural check</Link> lists this as a violation.
        </Notice>
      )}
      <div className="grid-2">
        <section className="card" aria-labelledby="practice-facts">
          <h2 id="practice-facts">Practice details</h2>
          <FactList
            facts={[
              { label: 'Practice code', value: <span className="code">{o.code}</span> },
              {
                label: `CCG on ${formatShortDate(asAt)}`,
                value:
                  ccgs.length === 0 ? (
                    <span className="muted">None</span>
                  ) : (
                    <ul className="plain-list" data-testid="practice-ccg">
                      {ccgs.map((c) => (
                        <li key={c.code}>
                          <Link to={orgPath(c.code, c.orgType)}>{c.name}</Link>{' '}
                          <ProvenanceBadge provenance={c.provenance} note={c.provenanceNote} />
                          <span className="muted small"> since {formatDate(c.startDate)}</span>
                        </li>
                      ))}
                    </ul>
                  ),
              },
              {
                label: 'Address',
                value:
                  address.length || o.postcode ? (
                    <address>
                      {address.map((line) => (
                        <span key={line} className="address-line">
                          {line}
                        </span>
                      ))}
                      {o.postcode && !address.includes(o.postcode) && (
                        <span className="address-line">{o.postcode}</span>
                      )}
                    </address>
                  ) : (
                    <span className="muted">Not held</span>
                  ),
              },
              { label: 'Postcode', value: o.postcode ?? <span className="muted">Not held</span> },
              { label: 'Opened', value: formatDate(o.openDate, 'Not recorded') },
              { label: 'Closed', value: formatDate(o.closeDate), hidden: o.closeDate === null },
              {
                label: 'Note',
                value: <span className="small">{o.provenanceNote}</span>,
                hidden: o.provenanceNote === null || o.provenance === 'illustrative',
              },
              { label: 'Source', value: <span className="small">{o.source}</span> },
            ]}
          />
        </section>
        <PopulationSection code={o.code} name={o.name} asAt={asAt} />
      </div>
      <MembershipHistory code={o.code} asAt={asAt} />
    </>
  );
}

export function PracticePage({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  const detail = useApi<OrganisationDetailResponse>(apiUrl(`/api/organisations/${seg(code)}`, { asAt }));
  useTitle(detail.status === 'success' ? detail.data.organisation.name : `Practice ${code}`);

  if (detail.status === 'error') {
    return (
      <>
        <h1>Practice {code}</h1>
        <ErrorPanel error={detail.error} heading="Could not load this practice" />
      </>
    );
  }
  if (detail.status !== 'success') return <Loading label={`Loading practice ${code}…`} />;
  const o = detail.data.organisation;
  if (o.orgType !== 'gp_practice') {
    return (
      <>
        <h1>{o.name}</h1>
        <Notice title="Not a GP practice">
          {o.code} is a {orgTypeLabel(o.orgType).toLowerCase()}.{' '}
          <Link to={orgPath(o.code, o.orgType)}>Open its page</Link>.
        </Notice>
      </>
    );
  }
  return <Profile detail={detail.data} asAt={asAt} />;
}
