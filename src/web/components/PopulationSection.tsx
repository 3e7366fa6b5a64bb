import { lazy, type ReactNode, Suspense } from 'react';
import { AGE_BANDS } from '../../modules/organisations/model.ts';
import { apiUrl, seg } from '../lib/api.ts';
import type { Population } from '../lib/api-types.ts';
import { csvFilename } from '../lib/csv.ts';
import { formatDate, formatInt } from '../lib/format.ts';
import { useApi } from '../lib/use-api.ts';
import { DataTable } from './DataTable.tsx';
import { ErrorPanel, Loading, Notice } from './Status.tsx';

const PyramidChart = lazy(() => import('./PyramidChart.tsx'));

interface Row {
  readonly ageBand: string;
  readonly male: number;
  readonly female: number;
}

/** Registered patients by age band and sex for one organisation: a pyramid plus its data as a table. */
export function PopulationSection({
  code,
  name,
  asAt,
}: {
  readonly code: string;
  readonly name: string;
  readonly asAt: string;
}) {
  const state = useApi<Population>(apiUrl(`/api/organisations/${seg(code)}/population`, { asAt }));

  let body: ReactNode;
  if (state.status === 'loading' || state.status === 'idle') {
    body = <Loading label="Loading registered population…" />;
  } else if (state.status === 'error') {
    body =
      state.error.status === 404 ? (
        <Notice title="No list-size figures apply">
          No published list-size quarter covers {name} on {formatDate(asAt)}.
        </Notice>
      ) : (
        <ErrorPanel error={state.error} heading="Could not load the registered population" />
      );
  } else {
    const population = state.data;
    const rows: Row[] = AGE_BANDS.map((ageBand) => ({
      ageBand,
      male: population.bands
        .filter((b) => b.ageBand === ageBand && b.sex === 'male')
        .reduce((s, b) => s + b.patients, 0),
      female: population.bands
        .filter((b) => b.ageBand === ageBand && b.sex === 'female')
        .reduce((s, b) => s + b.patients, 0),
    }));
    const males = rows.reduce((s, r) => s + r.male, 0);
    const females = rows.reduce((s, r) => s + r.female, 0);
    body = (
      <>
        <p className="muted">
          {formatInt(population.total)} registered patients ({formatInt(males)} male, {formatInt(females)}{' '}
          female)
          {population.practices > 1 && <> at {formatInt(population.practices)} practices</>}, from the
          list-size quarter {formatDate(population.quarterStart)} to {formatDate(population.quarterEnd)}.
        </p>
        <figure className="pyramid">
          <Suspense fallback={<Loading label="Loading chart…" />}>
            <PyramidChart
              bands={population.bands}
              label={`Population pyramid for ${name}: registered patients by age band, male on the left and female on the right. The same figures are in the table below.`}
            />
          </Suspense>
          <figcaption className="muted small">
            Registered patients by age band: male on the left, female on the right. Source:{' '}
            {population.source}.
          </figcaption>
        </figure>
        <details className="details">
          <summary>Show the figures as a table</summary>
          <DataTable
            rows={rows}
            rowKey={(r) => r.ageBand}
            caption="Registered patients by age band"
            csvFilename={csvFilename(`population-${code}`, asAt)}
            columns={[
              { key: 'age', header: 'Age band', value: (r) => r.ageBand, sortable: false },
              {
                key: 'male',
                header: 'Male',
                value: (r) => r.male,
                render: (r) => formatInt(r.male),
                numeric: true,
              },
              {
                key: 'female',
                header: 'Female',
                value: (r) => r.female,
                render: (r) => formatInt(r.female),
                numeric: true,
              },
              {
                key: 'total',
                header: 'Total',
                value: (r) => r.male + r.female,
                render: (r) => formatInt(r.male + r.female),
                numeric: true,
              },
            ]}
          />
        </details>
      </>
    );
  }

  return (
    <section className="card" aria-labelledby={`population-${code}`}>
      <h2 id={`population-${code}`}>Registered population</h2>
      {body}
    </section>
  );
}
