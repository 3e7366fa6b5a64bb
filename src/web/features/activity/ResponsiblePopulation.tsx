import { type ReactNode, Suspense } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { Loading } from '../../components/Status.tsx';
import { apiUrl, seg } from '../../lib/api.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatInt } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { ActivityProblem } from './ActivityProblem.tsx';
import { countColumn, syntheticColumn } from './columns.tsx';
import { PopulationRuleChart } from './lazy-charts.ts';
import { priceNote } from './RunLabels.tsx';
import type { PopulationByRule, ResponsiblePopulationResponse } from './types.ts';

/**
 * The people the CCG is responsible for (with activity in the year), by the Who Pays rule that made
 * it responsible. Its own request: the population is CCG-internal, the activity above commercial.
 */
export function ResponsiblePopulation({ code }: { readonly code: string }) {
  const state = useApi<ResponsiblePopulationResponse>(
    apiUrl(`/api/ccgs/${seg(code)}/responsible-population`),
  );
  let body: ReactNode;
  if (state.status === 'error')
    body = (
      <ActivityProblem
        error={state.error}
        what="this CCG’s responsible population"
        access="internal"
        heading="Could not load the responsible population"
      />
    );
  else if (state.status !== 'success') body = <Loading label="Loading the responsible population…" />;
  else {
    const data = state.data;
    const activity = data.byRule.reduce((s, r) => s + r.activity, 0);
    body = (
      <>
        {data.byRule.length > 0 && (
          <Suspense fallback={<Loading label="Loading chart…" />}>
            <PopulationRuleChart
              rules={data.byRule}
              label={`Patients the CCG is responsible for, by Who Pays rule: ${data.byRule
                .map((r) => `${r.rule} ${formatInt(r.patients)}`)
                .join(', ')}`}
            />
          </Suspense>
        )}
        <DataTable<PopulationByRule>
          id="population-by-rule"
          rows={data.byRule}
          rowKey={(r) => r.rule}
          caption="Responsible population by Who Pays rule"
          description={
            <>
              {formatInt(activity)} activities in the year (their cost is on the activity pages, open to those
              with commercial access). A person can be counted under more than one rule (an emergency
              admission under R1 and a planned one under R4), so patients are not added up. {priceNote(data)}
            </>
          }
          csvFilename={csvFilename(`ccg-${code}-responsible-population-by-rule`)}
          initialSort={{ key: 'patients', direction: 'descending' }}
          emptyMessage="No one in this run is this CCG’s responsibility."
          columns={[
            {
              key: 'rule',
              header: 'Rule',
              value: (r) => r.rule,
              render: (r) => <span className="code">{r.rule}</span>,
              nowrap: true,
            },
            { key: 'title', header: 'What made the CCG responsible', value: (r) => r.title },
            countColumn('patients', 'Patients', (r) => r.patients),
            countColumn('activity', 'Activity', (r) => r.activity),
            syntheticColumn(data.synthetic),
          ]}
        />
      </>
    );
  }
  return (
    <section className="card" aria-labelledby="responsible-population" data-testid="responsible-population">
      <h2 id="responsible-population">Responsible population</h2>
      <p className="muted small">
        The people with activity in the year for whom this CCG is the responsible commissioner under “Who
        Pays?” (2013), by the rule that decided it. The activity above is what the CCG pays; the two differ
        only where payment moves to another CCG under s14Z7 (the unconfirmed{' '}
        <span className="code">emergencyPayment</span> switch, off by default).
      </p>
      {body}
    </section>
  );
}
