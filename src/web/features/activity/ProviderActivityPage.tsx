import type { ReactNode } from 'react';
import { Link } from '../../components/Link.tsx';
import { RequireSignIn } from '../../components/RequireSignIn.tsx';
import { Loading } from '../../components/Status.tsx';
import { apiUrl, seg } from '../../lib/api.ts';
import { useLocation } from '../../lib/router.ts';
import { useApi } from '../../lib/use-api.ts';
import { ActivityFrame } from './ActivityFrame.tsx';
import { ActivityProblem } from './ActivityProblem.tsx';
import { ComparisonSection } from './ComparisonSection.tsx';
import { ComparisonTable } from './ComparisonTable.tsx';
import { formatMonth } from './format.ts';
import { MonthPicker } from './MonthPicker.tsx';
import { MonthTotals } from './MonthTotals.tsx';
import {
  activityPath,
  contractStatementPath,
  type ProviderPageProps,
  providerActivityPath,
} from './paths.ts';
import { CostBasis, costNote, RunLabels } from './RunLabels.tsx';
import type { ProviderActivityResponse } from './types.ts';

/** Specialties in the chart: the largest by cost; the table has them all. */
const CHART_ROWS = 12;

function ProviderContent({ code, data }: { readonly code: string; readonly data: ProviderActivityResponse }) {
  const { month, previousMonth } = data;
  const statement = (
    <p>
      <Link to={contractStatementPath(code, data.provider)}>
        Contract statement for {data.providerName} (SLAM-style, month by month)
      </Link>
    </p>
  );
  // The API answers 404 for a provider the CCG pays for nothing, so there is always a month.
  if (month === null)
    return (
      <>
        <RunLabels labels={data} />
        <p>
          The current run has no activity at {data.providerName} for which CCG {code} pays.
        </p>
      </>
    );
  const compared = previousMonth ? ` against ${formatMonth(previousMonth)}` : '';
  const top = data.bySpecialty.slice(0, CHART_ROWS);
  // What both tables share: the month, the run's labels and the price basis.
  const compare = {
    description: costNote(data),
    month,
    previousMonth,
    labels: data,
    emptyMessage: `No activity at ${data.providerName} paid by ${code} in this month or the month before.`,
  };
  return (
    <>
      <RunLabels labels={data} />
      <CostBasis basis={data.costBasis}>
        <Link to={contractStatementPath(code, data.provider)}>{data.providerName}’s contract statement</Link>{' '}
        has the gross, both adjustments and the net.
      </CostBasis>
      <MonthPicker
        window={{ months: data.months, monthsWithActivity: data.monthsWithActivity, month, previousMonth }}
        pathOf={(m) => providerActivityPath(code, data.provider, m)}
      />
      <MonthTotals rows={data.byPod} month={month} previousMonth={previousMonth} />
      {statement}
      <ComparisonSection
        headingId="specialty-comparison"
        title="Cost by specialty"
        chart={
          top.length > 0
            ? {
                rows: top,
                label: `Cost at ${data.providerName} by specialty in ${formatMonth(month)}${compared}${
                  data.bySpecialty.length > CHART_ROWS ? `, the ${CHART_ROWS} largest` : ''
                }. The table below has the figures.`,
              }
            : null
        }
        {...compare}
        id="provider-by-specialty"
        caption="By specialty (treatment function)"
        rows={data.bySpecialty}
        codeHeader="Treatment function code"
        nameHeader="Specialty"
        csvBase={`ccg-${code}-${data.provider}-activity-by-specialty`}
      />
      <ComparisonTable
        {...compare}
        id="provider-by-pod"
        caption="By point of delivery"
        rows={data.byPod}
        codeHeader="POD code"
        nameHeader="Point of delivery"
        csvBase={`ccg-${code}-${data.provider}-activity-by-pod`}
      />
    </>
  );
}

function ProviderActivity({ code, provider, asAt }: ProviderPageProps) {
  const month = useLocation().search.get('month');
  const state = useApi<ProviderActivityResponse>(
    apiUrl(`/api/ccgs/${seg(code)}/activity/providers/${seg(provider)}`, { month }),
  );
  let body: ReactNode;
  if (state.status === 'error')
    body = (
      <ActivityProblem
        error={state.error}
        what={`this CCG’s activity at ${provider}`}
        access="commercial"
        heading={`Could not load the activity at ${provider}`}
      />
    );
  else if (state.status !== 'success') body = <Loading label={`Loading the activity at ${provider}…`} />;
  else body = <ProviderContent code={code} data={state.data} />;
  const name = state.status === 'success' ? state.data.providerName : provider;
  return (
    <ActivityFrame
      code={code}
      asAt={asAt}
      title={name}
      crumbs={[{ label: 'Activity and cost', to: activityPath(code, month) }]}
    >
      <p className="lead">
        What CCG {code} pays {name} for, by specialty and point of delivery, against the month before (by
        default the latest month with activity at {name}).
      </p>
      {body}
    </ActivityFrame>
  );
}

/** Drill-down from the CCG's activity page to one provider: commercial in confidence, signed-in only. */
export function ProviderActivityPage({ code, provider, asAt }: ProviderPageProps) {
  return (
    <RequireSignIn>{() => <ProviderActivity code={code} provider={provider} asAt={asAt} />}</RequireSignIn>
  );
}
