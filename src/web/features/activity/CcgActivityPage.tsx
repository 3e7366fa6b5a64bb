import { type ReactNode, Suspense, useMemo, useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { Link } from '../../components/Link.tsx';
import { RequireSignIn } from '../../components/RequireSignIn.tsx';
import { Loading, Notice } from '../../components/Status.tsx';
import { apiUrl, seg } from '../../lib/api.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatInt } from '../../lib/format.ts';
import { useLocation } from '../../lib/router.ts';
import { useApi } from '../../lib/use-api.ts';
import { ActivityFrame } from './ActivityFrame.tsx';
import { ActivityProblem } from './ActivityProblem.tsx';
import { ComparisonSection } from './ComparisonSection.tsx';
import { ComparisonTable } from './ComparisonTable.tsx';
import {
  activityColumn,
  costColumn,
  monthColumn,
  podColumn,
  syntheticColumn,
  unpricedColumn,
} from './columns.tsx';
import { formatMonth, monthsWithoutActivity } from './format.ts';
import { MonthlyPodChart } from './lazy-charts.ts';
import type { Measure } from './MonthlyPodChart.tsx';
import { MonthPicker } from './MonthPicker.tsx';
import { MonthTotals } from './MonthTotals.tsx';
import { activityPath, contractStatementPath, providerActivityPath } from './paths.ts';
import { ResponsiblePopulation } from './ResponsiblePopulation.tsx';
import { CostBasis, costNote, RunLabels } from './RunLabels.tsx';
import type { CcgActivityResponse, SeriesPoint } from './types.ts';

function MonthlySection({ code, data }: { readonly code: string; readonly data: CcgActivityResponse }) {
  const [measure, setMeasure] = useState<Measure>('value');
  // Every POD's name from the API, not only those of the month shown (a POD may be absent from it).
  const podNames = useMemo(() => new Map(Object.entries(data.podNames)), [data.podNames]);
  const nameOf = (pod: string) => podNames.get(pod) ?? pod;
  const months = data.months.length;
  const empty = monthsWithoutActivity(data.months, data.monthsWithActivity);
  return (
    <section className="card" aria-labelledby="month-by-month">
      <div className="panel-head">
        <h2 id="month-by-month">Month by month, by point of delivery</h2>
        <fieldset
          aria-label="Chart measure"
          style={{ border: 0, margin: 0, padding: 0, display: 'flex', gap: '0.5rem' }}
        >
          {(['value', 'activity'] as const).map((m) => (
            <button
              key={m}
              type="button"
              className={`button button--small${measure === m ? '' : ' button--secondary'}`}
              aria-pressed={measure === m}
              onClick={() => setMeasure(m)}
            >
              {m === 'value' ? 'Cost' : 'Activity'}
            </button>
          ))}
        </fieldset>
      </div>
      <Suspense fallback={<Loading label="Loading chart…" />}>
        <MonthlyPodChart
          months={data.months}
          series={data.series}
          podNames={podNames}
          measure={measure}
          month={data.month}
          label={`${measure === 'value' ? 'Cost' : 'Activity'} paid by CCG ${code} in each of ${months} months, stacked by point of delivery. The table below has the figures.`}
        />
      </Suspense>
      <DataTable<SeriesPoint>
        id="activity-by-month"
        rows={data.series}
        rowKey={(p) => `${p.month}|${p.pod}`}
        caption="Activity and cost by month and point of delivery"
        description={
          <>
            {empty.length > 0 && (
              <span data-testid="months-without-activity">
                No activity in {empty.map(formatMonth).join(', ')}:{' '}
                {empty.length === 1 ? 'it shows' : 'they show'} as zero in the chart.{' '}
              </span>
            )}
            {costNote(data)}
          </>
        }
        csvFilename={csvFilename(`ccg-${code}-activity-by-month`)}
        initialSort={{ key: 'month', direction: 'descending' }}
        pageSize={27}
        columns={[
          monthColumn(),
          podColumn(),
          { key: 'podName', header: 'Point of delivery', value: (p) => nameOf(p.pod) },
          activityColumn<SeriesPoint>(
            'activity',
            'Activity',
            (p) => p.activity,
            (p) => p.unpriced,
          ),
          unpricedColumn<SeriesPoint>('unpriced', 'Of which unpriced', (p) => p.unpriced),
          costColumn(),
          syntheticColumn(data.synthetic),
        ]}
      />
    </section>
  );
}

function ActivityContent({ code, data }: { readonly code: string; readonly data: CcgActivityResponse }) {
  const { month, previousMonth } = data;
  if (month === null)
    return (
      <>
        <RunLabels labels={data} />
        <Notice title="No activity paid by this CCG">
          <p>The current run has no activity for which CCG {code} pays.</p>
        </Notice>
      </>
    );
  const window = { months: data.months, monthsWithActivity: data.monthsWithActivity, month, previousMonth };
  const compared = previousMonth ? ` against ${formatMonth(previousMonth)}` : '';
  return (
    <>
      <RunLabels labels={data} />
      <CostBasis basis={data.costBasis}>
        Each provider’s statement, with gross and net of both, is linked from the table by provider.
      </CostBasis>
      <MonthPicker window={window} pathOf={(m) => activityPath(code, m)} />
      <MonthTotals
        rows={data.byPod}
        month={month}
        previousMonth={previousMonth}
        extra={
          <div className="stat">
            <dt>Providers paid in {formatMonth(month)}</dt>
            <dd data-testid="provider-count">
              {formatInt(data.byProvider.filter((p) => p.activity > 0).length)}
            </dd>
          </div>
        }
      />
      <MonthlySection code={code} data={data} />
      <ComparisonSection
        headingId="pod-comparison"
        title="Cost by point of delivery"
        chart={{
          rows: data.byPod,
          label: `Cost by point of delivery in ${formatMonth(month)}${compared}. The table below has the figures.`,
        }}
        id="activity-by-pod"
        caption="By point of delivery"
        description={costNote(data)}
        rows={data.byPod}
        month={month}
        previousMonth={previousMonth}
        labels={data}
        codeHeader="POD code"
        nameHeader="Point of delivery"
        csvBase={`ccg-${code}-activity-by-pod`}
        emptyMessage="No activity in this month or the month before."
      />
      <ComparisonTable
        id="activity-by-provider"
        caption="By provider"
        description={
          <>
            Follow a provider to see its activity by specialty, or open the contract’s statement.{' '}
            {costNote(data)}
          </>
        }
        rows={data.byProvider}
        month={month}
        previousMonth={previousMonth}
        labels={data}
        codeHeader="Provider code"
        nameHeader="Provider"
        renderName={(r) => <Link to={providerActivityPath(code, r.key, month)}>{r.name}</Link>}
        extraColumns={[
          {
            key: 'statement',
            header: 'Contract',
            value: () => null,
            render: (r) => (
              <Link to={contractStatementPath(code, r.key)} aria-label={`Contract statement: ${r.name}`}>
                Statement
              </Link>
            ),
            sortable: false,
            screenOnly: true,
          },
        ]}
        csvBase={`ccg-${code}-activity-by-provider`}
        emptyMessage="No provider was paid in this month or the month before."
      />
    </>
  );
}

function CcgActivity({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  const month = useLocation().search.get('month');
  const state = useApi<CcgActivityResponse>(apiUrl(`/api/ccgs/${seg(code)}/activity`, { month }));
  let body: ReactNode;
  if (state.status === 'error')
    body = (
      <>
        <ActivityProblem
          error={state.error}
          what="this CCG’s activity and costs"
          access="commercial"
          heading="Could not load the CCG’s activity"
        />
        {state.error.status === 400 && (
          <p>
            <Link to={activityPath(code)}>Show the latest month with activity</Link>
          </p>
        )}
      </>
    );
  else if (state.status !== 'success') body = <Loading label="Loading activity and costs…" />;
  else body = <ActivityContent code={code} data={state.data} />;
  return (
    <ActivityFrame code={code} asAt={asAt} title="Activity and cost">
      <p className="lead">
        What the CCG pays for, month by month: activity and cost by point of delivery and by provider against
        the month before, with each provider’s specialties and contract statement; and the people the CCG is
        responsible for.
      </p>
      {body}
      {/* Its own request and access (CCG-internal): shown even to those the commercial figures are closed to. */}
      <ResponsiblePopulation code={code} />
    </ActivityFrame>
  );
}

/** A CCG's activity page (issue #5): commercial in confidence, so for signed-in people only. */
export function CcgActivityPage({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  return <RequireSignIn>{() => <CcgActivity code={code} asAt={asAt} />}</RequireSignIn>;
}
