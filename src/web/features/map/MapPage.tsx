import { lazy, Suspense, useId, useMemo, useState } from 'react';
import type { Topology } from 'topojson-specification';
import { type Column, DataTable } from '../../components/DataTable.tsx';
import { Link } from '../../components/Link.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { useTitle } from '../../components/use-title.ts';
import { apiUrl } from '../../lib/api.ts';
import type { MapCcg, MapCcgsResponse } from '../../lib/api-types.ts';
import { withAsAt } from '../../lib/as-at.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatCompact, formatDate, formatInt } from '../../lib/format.ts';
import { navigate } from '../../lib/router.ts';
import { classify, quantileBreaks, rampFor } from '../../lib/scale.ts';
import { useApi } from '../../lib/use-api.ts';

const CcgMap = lazy(() => import('./CcgMap.tsx'));

const CLASSES = 7;

function Legend({
  breaks,
  colours,
}: {
  readonly breaks: readonly number[];
  readonly colours: readonly string[];
}) {
  const labels = colours.map((_, i) => {
    if (breaks.length === 0) return 'All CCGs';
    if (i === 0) return `Under ${formatCompact(breaks[0]!)}`;
    if (i === breaks.length) return `${formatCompact(breaks[i - 1]!)} and over`;
    return `${formatCompact(breaks[i - 1]!)} to under ${formatCompact(breaks[i]!)}`;
  });
  return (
    <figure className="legend">
      <figcaption className="legend__title">Registered patients</figcaption>
      <ul className="legend__items">
        {colours.map((colour, i) => (
          <li key={colour} className="legend__item">
            <span className="legend__swatch" style={{ background: colour }} aria-hidden="true" />
            {labels[i]}
          </li>
        ))}
      </ul>
    </figure>
  );
}

function MapFigure({
  items,
  colourOf,
  regionCode,
  asAt,
}: {
  readonly items: readonly MapCcg[];
  readonly colourOf: (item: MapCcg) => string;
  readonly regionCode: string | null;
  readonly asAt: string;
}) {
  const boundaries = useApi<Topology>('/api/geo/ccg-boundaries', { cache: true });
  if (boundaries.status === 'error')
    return <ErrorPanel error={boundaries.error} heading="Could not load the CCG boundaries" />;
  if (boundaries.status !== 'success') return <Loading label="Loading boundaries…" />;
  return (
    <Suspense fallback={<Loading label="Loading map…" />}>
      <CcgMap
        topology={boundaries.data}
        items={items}
        colourOf={colourOf}
        regionCode={regionCode}
        onOpen={(code) => navigate(withAsAt(`/ccg/${encodeURIComponent(code)}`, asAt))}
      />
    </Suspense>
  );
}

const columns: readonly Column<MapCcg>[] = [
  {
    key: 'code',
    header: 'ODS code',
    value: (r) => r.code,
    render: (r) => <Link to={`/ccg/${encodeURIComponent(r.code)}`}>{r.code}</Link>,
  },
  { key: 'onsCode', header: 'ONS code', value: (r) => r.onsCode, csvOnly: true },
  {
    key: 'name',
    header: 'Name',
    value: (r) => r.name,
    render: (r) => <Link to={`/ccg/${encodeURIComponent(r.code)}`}>{r.name}</Link>,
  },
  {
    key: 'areaTeam',
    header: 'Area team',
    value: (r) => r.areaTeamName,
    render: (r) =>
      r.areaTeamCode ? <Link to={`/org/${encodeURIComponent(r.areaTeamCode)}`}>{r.areaTeamName}</Link> : '—',
  },
  { key: 'areaTeamCode', header: 'Area team code', value: (r) => r.areaTeamCode, csvOnly: true },
  {
    key: 'region',
    header: 'Region',
    value: (r) => r.regionName,
    render: (r) =>
      r.regionCode ? <Link to={`/org/${encodeURIComponent(r.regionCode)}`}>{r.regionName}</Link> : '—',
  },
  { key: 'regionCode', header: 'Region code', value: (r) => r.regionCode, csvOnly: true },
  {
    key: 'practices',
    header: 'Practices with patients',
    value: (r) => r.practicesWithPatients,
    render: (r) => formatInt(r.practicesWithPatients),
    numeric: true,
  },
  {
    key: 'patients',
    header: 'Registered patients',
    value: (r) => r.registeredPatients,
    render: (r) => formatInt(r.registeredPatients),
    numeric: true,
  },
];

function MapContent({ data, asAt }: { readonly data: MapCcgsResponse; readonly asAt: string }) {
  const [regionCode, setRegionCode] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const regionId = useId();
  const filterId = useId();

  const { breaks, colours } = useMemo(() => {
    const b = quantileBreaks(
      data.items.map((i) => i.registeredPatients),
      CLASSES,
    );
    return { breaks: b, colours: rampFor(b) };
  }, [data.items]);
  const colourOf = useMemo(
    () => (item: MapCcg) => colours[classify(item.registeredPatients, breaks)]!,
    [breaks, colours],
  );

  const regions = useMemo(() => {
    const found = new Map<string, string>();
    for (const i of data.items) if (i.regionCode) found.set(i.regionCode, i.regionName ?? i.regionCode);
    return [...found].sort((a, b) => a[1].localeCompare(b[1]));
  }, [data.items]);

  const patients = data.items.reduce((s, i) => s + i.registeredPatients, 0);
  const practices = data.items.reduce((s, i) => s + i.practicesWithPatients, 0);
  const needle = filter.trim().toLowerCase();
  const rows = data.items.filter(
    (i) =>
      (regionCode === null || i.regionCode === regionCode) &&
      (needle === '' ||
        i.name.toLowerCase().includes(needle) ||
        i.code.toLowerCase().includes(needle) ||
        (i.areaTeamName ?? '').toLowerCase().includes(needle)),
  );
  const regionName = regionCode ? regions.find(([c]) => c === regionCode)?.[1] : null;

  if (data.items.length === 0) {
    return (
      <Notice title="No CCGs on this date">
        There were no clinical commissioning groups in force on {formatDate(asAt)}. CCGs took on their
        statutory functions on 1 April 2013.
      </Notice>
    );
  }

  return (
    <>
      <dl className="stats">
        <div className="stat">
          <dt>CCGs</dt>
          <dd>{formatInt(data.items.length)}</dd>
        </div>
        <div className="stat">
          <dt>Practices with registered patients</dt>
          <dd>{formatInt(practices)}</dd>
        </div>
        <div className="stat">
          <dt>Registered patients</dt>
          <dd>{formatInt(patients)}</dd>
        </div>
      </dl>

      <div className="map-layout">
        <div className="map-layout__map card ccg-map-card">
          <a className="skip-link skip-link--inline" href="#ccg-table">
            Skip the map: go to the table of CCGs
          </a>
          <MapFigure items={data.items} colourOf={colourOf} regionCode={regionCode} asAt={asAt} />
        </div>
        <aside className="map-layout__side">
          <div className="card">
            <label htmlFor={regionId} className="field-label">
              Zoom to a region
            </label>
            <select
              id={regionId}
              className="select"
              value={regionCode ?? ''}
              onChange={(e) => setRegionCode(e.target.value || null)}
            >
              <option value="">All England</option>
              {regions.map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
            <Legend breaks={breaks} colours={colours} />
            <p className="muted small">
              Classes are quantiles of the {formatInt(data.items.length)} CCGs, rounded. Hover over or tab to
              a CCG for its figures; select it to open its profile.
            </p>
            {data.quarterStart && (
              <p className="muted small">
                List sizes for the quarter {formatDate(data.quarterStart)} to {formatDate(data.quarterEnd)}.
              </p>
            )}
          </div>
        </aside>
      </div>

      <DataTable
        rows={rows}
        columns={columns}
        rowKey={(r) => r.code}
        id="ccg-table"
        caption={regionName ? `CCGs in ${regionName}` : 'All CCGs'}
        description={`${formatInt(rows.length)} of ${formatInt(data.items.length)} CCGs in force on ${formatDate(asAt)}.`}
        csvFilename={csvFilename(regionCode ? `ccgs-${regionCode}` : 'ccgs', asAt)}
        initialSort={{ key: 'name' }}
        emptyMessage="No CCG matches the filter."
        toolbar={
          <span className="inline-field">
            <label htmlFor={filterId} className="sr-only">
              Filter CCGs
            </label>
            <input
              id={filterId}
              type="search"
              className="input"
              placeholder="Filter by name, code or area team"
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
            />
          </span>
        }
      />
    </>
  );
}

export function MapPage({ asAt }: { readonly asAt: string }) {
  useTitle('Map of CCGs');
  const state = useApi<MapCcgsResponse>(apiUrl('/api/map/ccgs', { asAt }));
  return (
    <>
      <h1>Clinical commissioning groups in England</h1>
      <p className="lead">
        {state.status === 'success' ? `The ${formatInt(state.data.items.length)} CCGs` : 'The CCGs'} in force
        on {formatDate(asAt)}, shaded by the number of patients registered with their member practices.
      </p>
      {state.status === 'error' && <ErrorPanel error={state.error} heading="Could not load the CCGs" />}
      {(state.status === 'loading' || state.status === 'idle') && <Loading label="Loading CCGs…" />}
      {state.status === 'success' && <MapContent data={state.data} asAt={asAt} />}
    </>
  );
}
