import { lazy, Suspense, useMemo } from 'react';
import type { Topology } from 'topojson-specification';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { Link } from '../../components/Link.tsx';
import { Stat } from '../../components/Stat.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { SyntheticBadge } from '../../components/SyntheticBadge.tsx';
import { useTitle } from '../../components/use-title.ts';
import { apiUrl, seg } from '../../lib/api.ts';
import type { MapCcg, MapCcgsResponse } from '../../lib/api-types.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatInt } from '../../lib/format.ts';
import { navigate } from '../../lib/router.ts';
import { useApi } from '../../lib/use-api.ts';
import { BasisBadge } from './BasisBadge.tsx';
import {
  domainLabel,
  OUTCOME_COLOURS,
  OUTCOME_LABELS,
  type OutcomeCategory,
  outcomeCategory,
  outcomeLabel,
  STATUS_LABELS,
  SYNTHETIC_NOTE,
} from './labels.ts';
import type { AuthorisationStatusResponse, CcgAuthorisationSummary, WaveTally } from './types.ts';

const CcgMap = lazy(() => import('../map/CcgMap.tsx'));
const DomainChart = lazy(() => import('./DomainChart.tsx'));

/** Authorisation describes the CCGs that went live on 1 April 2013. */
const GO_LIVE = '2013-04-01';
const NO_DATA = '#d8dde0';

export function ccgAuthorisationPath(code: string): string {
  return `/ccg/${seg(code)}/authorisation`;
}

function OutcomeLegend({ counts }: { readonly counts: Readonly<Record<OutcomeCategory, number>> }) {
  const categories = Object.keys(OUTCOME_LABELS) as OutcomeCategory[];
  return (
    <figure className="legend">
      <figcaption className="legend__title">Outcome at go-live</figcaption>
      <ul className="legend__items">
        {categories.map((c) => (
          <li key={c} className="legend__item">
            <span className="legend__swatch" style={{ background: OUTCOME_COLOURS[c] }} aria-hidden="true" />
            {OUTCOME_LABELS[c]} ({formatInt(counts[c])})
          </li>
        ))}
      </ul>
    </figure>
  );
}

function OutcomeMap({ byCode }: { readonly byCode: ReadonlyMap<string, CcgAuthorisationSummary> }) {
  const boundaries = useApi<Topology>('/api/geo/ccg-boundaries', { cache: true });
  const ccgs = useApi<MapCcgsResponse>(apiUrl('/api/map/ccgs', { asAt: GO_LIVE }), { cache: true });
  const items = useMemo(
    () => (ccgs.status === 'success' ? ccgs.data.items.filter((i) => byCode.has(i.code)) : []),
    [ccgs, byCode],
  );
  if (boundaries.status === 'error')
    return <ErrorPanel error={boundaries.error} heading="Could not load the CCG boundaries" />;
  if (ccgs.status === 'error') return <ErrorPanel error={ccgs.error} heading="Could not load the CCGs" />;
  if (boundaries.status !== 'success' || ccgs.status !== 'success')
    return <Loading label="Loading boundaries…" />;
  const category = (item: MapCcg) => {
    const a = byCode.get(item.code);
    return a ? outcomeCategory(a) : null;
  };
  return (
    <Suspense fallback={<Loading label="Loading map…" />}>
      <CcgMap
        topology={boundaries.data}
        items={items}
        regionCode={null}
        title="Clinical commissioning groups in England, coloured by authorisation outcome"
        colourOf={(item) => {
          const c = category(item);
          return c ? OUTCOME_COLOURS[c] : NO_DATA;
        }}
        describe={(item) => {
          const c = category(item);
          const a = byCode.get(item.code);
          return c && a
            ? `${OUTCOME_LABELS[c]}, wave ${a.wave}${a.synthetic ? ' (synthetic)' : ''}`
            : 'no record';
        }}
        onOpen={(code) => navigate(ccgAuthorisationPath(code))}
      />
    </Suspense>
  );
}

const waveColumns: readonly Column<WaveTally>[] = [
  { key: 'wave', header: 'Wave', value: (w) => w.wave, render: (w) => `Wave ${w.wave}` },
  { key: 'ccgs', header: 'CCGs', value: (w) => w.ccgs, numeric: true },
  { key: 'authorised', header: 'Authorised', value: (w) => w.authorised, numeric: true },
  { key: 'withConditions', header: 'With conditions', value: (w) => w.withConditions, numeric: true },
  {
    key: 'underDirections',
    header: 'Under directions at go-live',
    value: (w) => w.underDirections,
    numeric: true,
  },
];

/** Synthetic when any field is; Recorded when the record was made through the platform; else Real. */
function basisOf(c: CcgAuthorisationSummary): 'Synthetic' | 'Recorded' | 'Real' {
  if (c.synthetic) return 'Synthetic';
  return c.provenance.outcome.basis === 'recorded' ? 'Recorded' : 'Real';
}

const ccgColumns: readonly Column<CcgAuthorisationSummary>[] = [
  {
    key: 'code',
    header: 'Code',
    value: (c) => c.code,
    render: (c) => (
      <Link to={ccgAuthorisationPath(c.code)} className="code">
        {c.code}
      </Link>
    ),
    nowrap: true,
  },
  {
    key: 'name',
    header: 'Name',
    value: (c) => c.name,
    render: (c) => <Link to={ccgAuthorisationPath(c.code)}>{c.name}</Link>,
  },
  { key: 'wave', header: 'Wave', value: (c) => c.wave, numeric: true },
  {
    key: 'outcome',
    header: 'Outcome',
    value: (c) => outcomeLabel(c),
    render: (c) =>
      c.outcome === 'authorised' ? (
        <span className="tag tag--current">Authorised</span>
      ) : c.outcome === 'authorised_with_conditions' ? (
        <span className="tag tag--warning">With conditions</span>
      ) : (
        <span className="tag tag--error">Not authorised</span>
      ),
  },
  { key: 'conditions', header: 'Conditions', value: (c) => c.conditionCount, numeric: true },
  {
    key: 'directions',
    header: 'Directions at go-live',
    value: (c) => (c.directionsAtGoLive ? 'Yes' : 'No'),
    render: (c) => (c.directionsAtGoLive ? <strong className="text-error">Yes</strong> : 'No'),
  },
  {
    key: 'july2013',
    header: 'July 2013',
    value: (c) => c.july2013,
    csvOnly: true,
  },
  {
    key: 'status',
    header: 'Now',
    value: (c) => STATUS_LABELS[c.status],
    render: (c) => (
      <Link to={`${ccgAuthorisationPath(c.code)}/decision`}>
        {STATUS_LABELS[c.status]}
        {c.openConditions > 0 && ` (${formatInt(c.openConditions)} open)`}
      </Link>
    ),
    screenOnly: true,
  },
  {
    key: 'basis',
    header: 'Basis',
    value: (c) => basisOf(c),
    render: (c) => (
      <BasisBadge basis={c.synthetic ? 'synthetic' : basisOf(c) === 'Recorded' ? 'recorded' : 'real'} />
    ),
  },
];

function Content({ data }: { readonly data: AuthorisationStatusResponse }) {
  const byCode = useMemo(() => new Map(data.items.map((i) => [i.code, i])), [data.items]);
  const counts = useMemo(() => {
    const found: Record<OutcomeCategory, number> = { authorised: 0, conditions: 0, directions: 0 };
    for (const i of data.items) found[outcomeCategory(i)] += 1;
    return found;
  }, [data.items]);
  const real = data.items.filter((i) => !i.synthetic).length;
  const totalConditions = data.conditionsByDomain.reduce((n, d) => n + d.conditions, 0);
  const { totals } = data;
  return (
    <>
      <dl className="stats" data-testid="authorisation-totals">
        <Stat label="CCGs" testId="total-ccgs">
          {formatInt(totals.ccgs)}
        </Stat>
        <Stat label="Authorised" testId="total-authorised" tone="ok">
          {formatInt(totals.authorised)}
        </Stat>
        <Stat label="Authorised with conditions" testId="total-with-conditions" tone="warning">
          {formatInt(totals.withConditions)}
        </Stat>
        <Stat label="Under directions at go-live" testId="total-under-directions" tone="error">
          {formatInt(totals.underDirectionsAtGoLive)}
        </Stat>
        <Stat label="Conditions lifted in the July 2013 review" testId="total-lifted-july-2013">
          {formatInt(totals.conditionsLiftedInJuly2013Review)}
        </Stat>
      </dl>
      <h2 className="stats-heading">Where they stand now</h2>
      <dl className="stats" data-testid="authorisation-current">
        <Stat label="Fully authorised" testId="current-authorised" tone="ok">
          {formatInt(data.current.authorised)}
        </Stat>
        <Stat label="Still with conditions" testId="current-with-conditions" tone="warning">
          {formatInt(data.current.withConditions)}
        </Stat>
        <Stat label="Conditions standing">{formatInt(data.current.openConditions)}</Stat>
        <Stat label="Under directions" tone="error">
          {formatInt(data.current.underDirections)}
        </Stat>
      </dl>
      <p className="muted small">
        Read from each CCG’s stored lifecycle: the decisions of 2012–13 and every condition and direction
        lifted or varied since.
      </p>
      <Notice>
        <p>
          <SyntheticBadge note={SYNTHETIC_NOTE} /> Only the CCGs named in published sources are real (
          {formatInt(real)} of {formatInt(data.items.length)}); the waves, outcomes and conditions of the rest
          are generated to match the published totals. Each CCG’s page shows the basis of every field.
        </p>
      </Notice>

      <div className="map-layout">
        <div className="map-layout__map card ccg-map-card">
          <a className="skip-link skip-link--inline" href="#authorisation-ccgs">
            Skip the map: go to the table of CCGs
          </a>
          <OutcomeMap byCode={byCode} />
        </div>
        <aside className="map-layout__side">
          <div className="card">
            <OutcomeLegend counts={counts} />
            <p className="muted small">
              The {formatInt(data.items.length)} CCGs that took on their functions on 1 April 2013. Hover over
              or tab to a CCG for its outcome; select it to open its authorisation.
            </p>
          </div>
        </aside>
      </div>

      <DataTable<WaveTally>
        rows={data.byWave}
        rowKey={(w) => String(w.wave)}
        caption="Outcomes by wave"
        description="The Board decided in four waves between December 2012 and March 2013."
        csvFilename={csvFilename('authorisation-by-wave')}
        columns={waveColumns}
      />

      <section className="card" aria-labelledby="conditions-by-domain">
        <h2 id="conditions-by-domain">Conditions by domain</h2>
        <p className="muted small">
          {formatInt(totalConditions)} conditions, by the domain of the criterion each one cites.
        </p>
        <figure className="chart-figure">
          <Suspense fallback={<Loading label="Loading chart…" />}>
            <DomainChart
              domains={data.conditionsByDomain}
              label={`Bar chart: the number of authorisation conditions in each of the six domains. ${data.conditionsByDomain
                .map((d) => `${domainLabel(d.domain)}: ${d.conditions}`)
                .join('; ')}.`}
            />
          </Suspense>
        </figure>
      </section>

      <DataTable<CcgAuthorisationSummary>
        id="authorisation-ccgs"
        rows={data.items}
        rowKey={(c) => c.code}
        caption="CCGs"
        description={`${formatInt(data.items.length)} CCGs: ${formatInt(real)} real (named in sources), ${formatInt(data.items.length - real)} with synthetic fields.`}
        csvFilename={csvFilename('authorisation-ccgs')}
        initialSort={{ key: 'name' }}
        pageSize={250}
        columns={ccgColumns}
      />
    </>
  );
}

export function AuthorisationBoardPage() {
  useTitle('Authorisation of CCGs');
  const state = useApi<AuthorisationStatusResponse>('/api/authorisation');
  return (
    <>
      <p className="eyebrow">NHS Commissioning Board, 2012–13</p>
      <h1>Authorisation of CCGs</h1>
      <p className="lead">
        How the Board authorised the clinical commissioning groups before they went live on 1 April 2013: the
        waves, who was authorised outright, who with conditions, and who was under directions.
      </p>
      {state.status === 'error' && (
        <ErrorPanel error={state.error} heading="Could not load the authorisation board" />
      )}
      {(state.status === 'loading' || state.status === 'idle') && (
        <Loading label="Loading the authorisation board…" />
      )}
      {state.status === 'success' && <Content data={state.data} />}
    </>
  );
}
