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
  MemberPractice,
  MembersResponse,
  OrganisationDetailResponse,
  RelatedOrganisation,
} from '../../lib/api-types.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatDate, formatInt, formatShare, formatShortDate } from '../../lib/format.ts';
import { orgPath, orgTypeLabel } from '../../lib/org-links.ts';
import { type ApiState, useApi } from '../../lib/use-api.ts';
import { governancePath } from '../governance/GovernanceLayout.tsx';
import { GoverningBodyTable } from '../governance/GoverningBodyPage.tsx';

const GOVERNANCE_LINKS = [
  {
    tab: 'governance',
    label: 'Governing body and compliance',
    note: 'Members, and the compliance panel for the CCG and the Board',
  },
  {
    tab: 'register',
    label: 'Register of interests',
    note: 'Published interests; declarations and nil returns for staff',
  },
  { tab: 'meetings', label: 'Meetings and minutes', note: 'Conflict and quorum checks, published minutes' },
  { tab: 'constitution', label: 'Constitution', note: 'Members, area, decision-making, conflicts' },
  {
    tab: 'procurement-decisions',
    label: 'Procurement decisions',
    note: 'Who took part, the conflicts and how they were managed',
  },
] as const;

function GovernanceSection({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  return (
    <section className="card" aria-labelledby="ccg-governance" id="governance">
      <h2 id="ccg-governance">Governance</h2>
      <p>
        <Link to={`/ccg/${seg(code)}/authorisation`}>Authorisation by the NHS Commissioning Board</Link>
        <span className="muted small"> — wave, outcome, conditions and readiness against the criteria</span>
      </p>
      <nav aria-label="Governance of this CCG">
        <ul className="tile-links">
          {GOVERNANCE_LINKS.map((l) => (
            <li key={l.tab}>
              <Link to={governancePath(code, l.tab)} className="tile-link">
                <span className="tile-link__label">{l.label}</span>
                <span className="tile-link__note">{l.note}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <GoverningBodyTable code={code} asAt={asAt} compact />
    </section>
  );
}

function RelatedLink({ r }: { readonly r: RelatedOrganisation }) {
  return (
    <>
      <Link to={orgPath(r.code, r.orgType)}>{r.name}</Link>{' '}
      <ProvenanceBadge provenance={r.provenance} note={r.provenanceNote} />
    </>
  );
}

interface MembersProps {
  readonly code: string;
  readonly asAt: string;
  readonly members: ApiState<MembersResponse>;
}

function MembersTable({ code, asAt, members }: MembersProps) {
  if (members.status === 'error')
    return <ErrorPanel error={members.error} heading="Could not load the member practices" />;
  if (members.status !== 'success') return <Loading label="Loading member practices…" />;
  const { items, quarterStart, quarterEnd } = members.data;
  return (
    <DataTable<MemberPractice>
      rows={items}
      rowKey={(r) => r.code}
      caption="Member practices"
      description={
        <>
          {formatInt(members.data.total)} practices are members on {formatDate(asAt)}.
          {quarterStart
            ? ` Registered patients from the list-size quarter ${formatDate(quarterStart)} to ${formatDate(quarterEnd)}.`
            : ' No list-size quarter covers this date, so registered patients show as 0.'}
        </>
      }
      csvFilename={csvFilename(`ccg-${code}-member-practices`, asAt)}
      initialSort={{ key: 'name' }}
      emptyMessage="This CCG has no member practices on this date."
      pageSize={100}
      columns={[
        {
          key: 'code',
          header: 'Practice code',
          value: (r) => r.code,
          render: (r) => <Link to={`/practice/${encodeURIComponent(r.code)}`}>{r.code}</Link>,
        },
        {
          key: 'name',
          header: 'Name',
          value: (r) => r.name,
          render: (r) => <Link to={`/practice/${encodeURIComponent(r.code)}`}>{r.name}</Link>,
        },
        { key: 'postcode', header: 'Postcode', value: (r) => r.postcode },
        {
          key: 'patients',
          header: 'Registered patients',
          value: (r) => r.registeredPatients,
          render: (r) => formatInt(r.registeredPatients),
          numeric: true,
        },
        {
          key: 'start',
          header: 'Member from',
          value: (r) => r.startDate,
          nowrap: true,
          render: (r) => formatShortDate(r.startDate),
        },
        {
          key: 'end',
          header: 'Member until',
          value: (r) => r.endDate,
          nowrap: true,
          render: (r) => (r.endDate ? formatShortDate(r.endDate) : <span className="muted">Current</span>),
        },
      ]}
    />
  );
}

function PracticeCount({ members }: { readonly members: ApiState<MembersResponse> }) {
  if (members.status === 'success') {
    const patients = members.data.items.reduce((s, p) => s + p.registeredPatients, 0);
    return (
      <>
        <span data-testid="practice-count">{formatInt(members.data.total)}</span>
        <span className="muted">
          {' '}
          ({formatInt(members.data.withPatients)} with registered lists; {formatInt(patients)} registered
          patients)
        </span>
      </>
    );
  }
  if (members.status === 'error') return <span className="muted">Not available</span>;
  return <span className="muted">Loading…</span>;
}

function Profile({ detail, asAt }: { readonly detail: OrganisationDetailResponse; readonly asAt: string }) {
  const { organisation: o, related } = detail;
  const areaTeam = related.find((r) => r.kind === 'in_area_team' && r.direction === 'outgoing');
  const areaTeamDetail = useApi<OrganisationDetailResponse>(
    areaTeam ? apiUrl(`/api/organisations/${seg(areaTeam.code)}`, { asAt }) : null,
  );
  const region =
    areaTeamDetail.status === 'success'
      ? areaTeamDetail.data.related.find((r) => r.kind === 'in_region' && r.direction === 'outgoing')
      : undefined;
  const members = useApi<MembersResponse>(apiUrl(`/api/organisations/${seg(o.code)}/members`, { asAt }));
  const hwbs = related.filter((r) => r.kind === 'overlaps_hwb' && r.direction === 'outgoing');
  const csus = related.filter((r) => r.kind === 'supports' && r.direction === 'incoming');

  const crumbs: Crumb[] = [{ label: 'Map', to: '/' }];
  if (region) crumbs.push({ label: region.name, to: orgPath(region.code, region.orgType) });
  if (areaTeam) crumbs.push({ label: areaTeam.name, to: orgPath(areaTeam.code, areaTeam.orgType) });
  crumbs.push({ label: o.shortName ?? o.name });

  return (
    <>
      <Breadcrumbs items={crumbs} />
      <OrgHeading organisation={o} asAt={asAt} />
      <div className="grid-2">
        <section className="card" aria-labelledby="ccg-facts">
          <h2 id="ccg-facts">Key facts</h2>
          <FactList
            facts={[
              { label: 'ODS code', value: <span className="code">{o.code}</span> },
              { label: 'ONS code', value: o.onsCode ? <span className="code">{o.onsCode}</span> : '—' },
              {
                label: 'Area team',
                value: areaTeam ? (
                  <RelatedLink r={areaTeam} />
                ) : (
                  <span className="muted">None on this date</span>
                ),
              },
              {
                label: 'Region',
                value: region ? (
                  <RelatedLink r={region} />
                ) : areaTeam && areaTeamDetail.status !== 'success' && areaTeamDetail.status !== 'error' ? (
                  <span className="muted">Loading…</span>
                ) : (
                  <span className="muted">Not known</span>
                ),
              },
              {
                label: 'Commissioning support',
                value:
                  csus.length === 0 ? (
                    <span className="muted">No CSU recorded on this date</span>
                  ) : (
                    <ul className="plain-list">
                      {csus.map((c) => (
                        <li key={c.code}>
                          <RelatedLink r={c} />
                        </li>
                      ))}
                    </ul>
                  ),
              },
              { label: 'Member practices', value: <PracticeCount members={members} /> },
              { label: 'Established', value: formatDate(o.openDate) },
              { label: 'Closed', value: formatDate(o.closeDate), hidden: o.closeDate === null },
              { label: 'Source', value: <span className="small">{o.source}</span> },
            ]}
          />
        </section>
        <section className="card" aria-labelledby="ccg-hwbs">
          <h2 id="ccg-hwbs" className="sr-only">
            Health and wellbeing boards
          </h2>
          <DataTable<RelatedOrganisation>
            rows={hwbs}
            rowKey={(r) => r.code}
            caption="Health and wellbeing boards it overlaps"
            description="Share: the part of the CCG's small areas (LSOAs) that lie in each board's area."
            csvFilename={csvFilename(`ccg-${o.code}-hwbs`, asAt)}
            initialSort={{ key: 'share', direction: 'descending' }}
            emptyMessage="No health and wellbeing board overlaps are recorded on this date."
            columns={[
              {
                key: 'name',
                header: 'Health and wellbeing board',
                value: (r) => r.name,
                render: (r) => <RelatedLink r={r} />,
              },
              {
                key: 'code',
                header: 'Code',
                value: (r) => r.code,
                render: (r) => <span className="code">{r.code}</span>,
              },
              {
                key: 'share',
                header: 'Share',
                value: (r) => (r.share === null ? null : Number(r.share)),
                render: (r) => formatShare(r.share),
                numeric: true,
              },
              { key: 'provenance', header: 'Provenance', value: (r) => r.provenance, csvOnly: true },
            ]}
          />
        </section>
      </div>
      <GovernanceSection code={o.code} asAt={asAt} />
      <section className="card" aria-labelledby="ccg-activity">
        <h2 id="ccg-activity">Activity and contracts</h2>
        <p>
          <Link to={`/ccg/${seg(o.code)}/activity`}>Activity and cost</Link>
          <span className="muted small">
            {' '}
            — what the CCG pays for by month, point of delivery and provider, contract statements and its
            responsible population (for the CCG’s staff and the NHS Commissioning Board; sign in)
          </span>
        </p>
      </section>
      <PopulationSection code={o.code} name={o.name} asAt={asAt} />
      <MembersTable code={o.code} asAt={asAt} members={members} />
    </>
  );
}

export function CcgPage({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  const detail = useApi<OrganisationDetailResponse>(apiUrl(`/api/organisations/${seg(code)}`, { asAt }));
  useTitle(detail.status === 'success' ? detail.data.organisation.name : `CCG ${code}`);

  if (detail.status === 'error') {
    return (
      <>
        <Breadcrumbs items={[{ label: 'Map', to: '/' }, { label: code }]} />
        <h1>CCG {code}</h1>
        <ErrorPanel error={detail.error} heading="Could not load this CCG" />
      </>
    );
  }
  if (detail.status !== 'success') return <Loading label={`Loading CCG ${code}…`} />;
  const o = detail.data.organisation;
  if (o.orgType !== 'ccg') {
    return (
      <>
        <h1>{o.name}</h1>
        <Notice title="Not a CCG">
          {o.code} is a {orgTypeLabel(o.orgType).toLowerCase()}.{' '}
          <Link to={orgPath(o.code, o.orgType)}>Open its page</Link>.
        </Notice>
      </>
    );
  }
  return <Profile detail={detail.data} asAt={asAt} />;
}
