import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { type Fact, FactList } from '../../components/FactList.tsx';
import { Link } from '../../components/Link.tsx';
import { OrgHeading } from '../../components/OrgHeading.tsx';
import { PopulationSection } from '../../components/PopulationSection.tsx';
import { ProvenanceBadge } from '../../components/ProvenanceBadge.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { useTitle } from '../../components/use-title.ts';
import { apiUrl, seg } from '../../lib/api.ts';
import type {
  Organisation,
  OrganisationDetailResponse,
  OrgType,
  RelatedOrganisation,
} from '../../lib/api-types.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatDate, formatShare, formatShortDate } from '../../lib/format.ts';
import { orgPath, orgTypeLabel, relationshipLabel } from '../../lib/org-links.ts';
import { useApi } from '../../lib/use-api.ts';

/** Types the population endpoint answers for. */
const WITH_POPULATION: ReadonlySet<OrgType> = new Set([
  'commissioning_board',
  'region',
  'area_team',
  'ccg',
  'gp_practice',
]);

function humanise(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

/** Simple attribute values (text, numbers, lists of text) as facts; nested objects are left out. */
function attributeFacts(o: Organisation): Fact[] {
  const facts: Fact[] = [];
  for (const [key, value] of Object.entries(o.attributes)) {
    if (value === null || value === undefined || value === '') continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      facts.push({ label: humanise(key), value: String(value) });
    } else if (Array.isArray(value) && value.every((v) => typeof v === 'string') && value.length > 0) {
      facts.push({ label: humanise(key), value: value.join(', ') });
    }
  }
  return facts;
}

function Relationships({
  organisation: o,
  related,
  asAt,
}: {
  readonly organisation: Organisation;
  readonly related: readonly RelatedOrganisation[];
  readonly asAt: string;
}) {
  const hasShares = related.some((r) => r.share !== null);
  return (
    <DataTable<RelatedOrganisation>
      rows={related}
      rowKey={(r) => `${r.kind}-${r.direction}-${r.code}-${r.startDate}`}
      caption="Relationships in force"
      description={`${related.length.toLocaleString('en-GB')} relationships in force on ${formatDate(asAt)}, in both directions.`}
      csvFilename={csvFilename(`org-${o.code}-relationships`, asAt)}
      initialSort={{ key: 'relationship' }}
      emptyMessage="No relationships are in force on this date."
      pageSize={100}
      columns={[
        { key: 'relationship', header: 'Relationship', value: (r) => relationshipLabel(r) },
        { key: 'kind', header: 'Kind', value: (r) => r.kind, csvOnly: true },
        { key: 'direction', header: 'Direction', value: (r) => r.direction, csvOnly: true },
        {
          key: 'name',
          header: 'Organisation',
          value: (r) => r.name,
          render: (r) => (
            <>
              <Link to={orgPath(r.code, r.orgType)}>{r.name}</Link>{' '}
              <ProvenanceBadge provenance={r.provenance} note={r.provenanceNote} />
            </>
          ),
        },
        {
          key: 'code',
          header: 'Code',
          value: (r) => r.code,
          render: (r) => <span className="code">{r.code}</span>,
        },
        { key: 'type', header: 'Type', value: (r) => orgTypeLabel(r.orgType) },
        {
          key: 'start',
          header: 'From',
          value: (r) => r.startDate,
          nowrap: true,
          render: (r) => formatShortDate(r.startDate),
        },
        {
          key: 'end',
          header: 'Until',
          value: (r) => r.endDate,
          nowrap: true,
          render: (r) => (r.endDate ? formatShortDate(r.endDate) : <span className="muted">Current</span>),
        },
        ...(hasShares
          ? [
              {
                key: 'share',
                header: 'Share',
                value: (r: RelatedOrganisation) => (r.share === null ? null : Number(r.share)),
                render: (r: RelatedOrganisation) => formatShare(r.share),
                numeric: true,
              },
            ]
          : []),
        { key: 'provenance', header: 'Provenance', value: (r) => r.provenance, csvOnly: true },
        { key: 'provenanceNote', header: 'Provenance note', value: (r) => r.provenanceNote, csvOnly: true },
      ]}
    />
  );
}

export function OrganisationPage({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  const detail = useApi<OrganisationDetailResponse>(apiUrl(`/api/organisations/${seg(code)}`, { asAt }));
  useTitle(detail.status === 'success' ? detail.data.organisation.name : `Organisation ${code}`);

  if (detail.status === 'error') {
    return (
      <>
        <Breadcrumbs items={[{ label: 'Organisations', to: '/organisations' }, { label: code }]} />
        <h1>Organisation {code}</h1>
        <ErrorPanel error={detail.error} heading="Could not load this organisation" />
      </>
    );
  }
  if (detail.status !== 'success') return <Loading label={`Loading ${code}…`} />;
  const { organisation: o, related } = detail.data;
  const profile = o.orgType === 'ccg' || o.orgType === 'gp_practice' ? orgPath(o.code, o.orgType) : null;

  return (
    <>
      <Breadcrumbs
        items={[
          { label: 'Organisations', to: '/organisations' },
          { label: orgTypeLabel(o.orgType), to: `/organisations?type=${o.orgType}` },
          { label: o.name },
        ]}
      />
      <OrgHeading organisation={o} asAt={asAt} />
      {profile && (
        <Notice>
          This is the registry record.{' '}
          <Link to={profile}>Open the {o.orgType === 'ccg' ? 'CCG' : 'practice'} profile</Link> for its
          members, population and history.
        </Notice>
      )}
      <section className="card" aria-labelledby="org-facts">
        <h2 id="org-facts">Registry record</h2>
        <FactList
          facts={[
            { label: 'Code', value: <span className="code">{o.code}</span> },
            { label: 'Type', value: orgTypeLabel(o.orgType) },
            { label: 'Short name', value: o.shortName, hidden: !o.shortName },
            { label: 'ONS code', value: <span className="code">{o.onsCode}</span>, hidden: !o.onsCode },
            { label: 'Postcode', value: o.postcode, hidden: !o.postcode },
            { label: 'Opened', value: formatDate(o.openDate, 'Not recorded') },
            {
              label: 'Closed',
              value: o.closeDate ? formatDate(o.closeDate) : <span className="muted">Still open</span>,
            },
            {
              label: 'Provenance',
              value:
                o.provenance === 'illustrative' ? (
                  <>
                    <ProvenanceBadge provenance={o.provenance} note={o.provenanceNote} />
                    {o.provenanceNote && <span className="small"> {o.provenanceNote}</span>}
                  </>
                ) : (
                  <>Sourced{o.provenanceNote && <span className="small"> — {o.provenanceNote}</span>}</>
                ),
            },
            { label: 'Source', value: <span className="small">{o.source}</span> },
            ...attributeFacts(o),
          ]}
        />
      </section>
      {WITH_POPULATION.has(o.orgType) && <PopulationSection code={o.code} name={o.name} asAt={asAt} />}
      <Relationships organisation={o} related={related} asAt={asAt} />
    </>
  );
}
