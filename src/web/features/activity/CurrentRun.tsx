import { readmissionFlagsText } from '../../../modules/activity/readmission-flags-text.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { FactList } from '../../components/FactList.tsx';
import { Notice } from '../../components/Status.tsx';
import { SyntheticBadge } from '../../components/SyntheticBadge.tsx';
import { csvFilename } from '../../lib/csv.ts';
import { formatDateTime, formatInt } from '../../lib/format.ts';
import { runOutOfDate } from './loads-format.ts';
import { SYNTHETIC_ACTIVITY_NOTE } from './RunLabels.tsx';
import type { LoadManifest, RunSummary } from './types.ts';

type Stage = RunSummary['stages'][number];

/** The current results run (results/current.json): what it read, how it flagged readmissions, its timings. */
export function CurrentRun({
  run,
  loads,
}: {
  readonly run: RunSummary | null;
  readonly loads: readonly LoadManifest[];
}) {
  if (!run)
    return (
      <section className="card" aria-labelledby="current-run-heading" data-testid="current-run">
        <h2 id="current-run-heading">Current results run</h2>
        <p>
          No results run yet. Run <code>commissioner activity run</code> to attribute, price and aggregate
          what is loaded; the CCG activity pages show the latest run.
        </p>
      </section>
    );

  const { added, removed, remade } = runOutOfDate(run, loads);
  const flags = run.readmissionFlags;
  return (
    <section className="card" aria-labelledby="current-run-heading" data-testid="current-run">
      <h2 id="current-run-heading">Current results run</h2>
      {(added > 0 || removed > 0 || remade > 0) && (
        <div data-testid="run-out-of-date">
          <Notice tone="warning" title="The results do not match what is loaded">
            <p>
              {[
                added > 0 && `${formatInt(added)} ${added === 1 ? 'load is' : 'loads are'} not in this run`,
                removed > 0 &&
                  `${formatInt(removed)} ${removed === 1 ? 'load it read has' : 'loads it read have'} since been unloaded`,
                remade > 0 &&
                  `${formatInt(remade)} ${remade === 1 ? 'load it read has' : 'loads it read have'} since been made again`,
              ]
                .filter(Boolean)
                .join('; ')}
              . Run <code>commissioner activity run</code> to update the results.
            </p>
          </Notice>
        </div>
      )}
      <FactList
        facts={[
          { label: 'Run', value: <span className="code">{run.runId}</span> },
          {
            label: 'Finished at',
            value: <time dateTime={run.finishedAt}>{formatDateTime(run.finishedAt)}</time>,
          },
          { label: 'Rows', value: formatInt(run.rows) },
          {
            label: 'Synthetic',
            value: run.synthetic ? <SyntheticBadge note={SYNTHETIC_ACTIVITY_NOTE} /> : 'No',
          },
          {
            label: 'Loads read',
            value:
              run.loads.length === 0 ? (
                'None'
              ) : (
                <ul className="plain-list">
                  {run.loads.map((l) => (
                    <li key={l.loadId}>
                      {l.file} <span className="code muted">{l.loadId}</span>: {formatInt(l.rows)} rows
                    </li>
                  ))}
                </ul>
              ),
          },
          {
            label: 'Emergency readmissions',
            value: (
              <span data-testid="readmission-flags">
                {flags ? readmissionFlagsText(flags) : 'Not recorded (a run made before they were)'}
              </span>
            ),
          },
        ]}
      />
      <DataTable<Stage>
        id="run-stages"
        rows={run.stages}
        rowKey={(s) => s.stage}
        caption="Stage timings"
        description="How long each stage of the run took, in the order they ran."
        csvFilename={csvFilename(`activity-run-${run.runId}-stages`)}
        emptyMessage="The run records no stage timings."
        columns={[
          { key: 'runId', header: 'Run', value: () => run.runId, csvOnly: true },
          { key: 'stage', header: 'Stage', value: (s) => s.stage },
          {
            key: 'ms',
            header: 'Time (ms)',
            value: (s) => s.ms,
            render: (s) => formatInt(s.ms),
            numeric: true,
          },
          {
            key: 'rowsPerSecond',
            header: 'Rows per second',
            value: (s) => s.rowsPerSecond,
            render: (s) => (s.rowsPerSecond === null ? '—' : formatInt(s.rowsPerSecond)),
            numeric: true,
          },
        ]}
      />
    </section>
  );
}
