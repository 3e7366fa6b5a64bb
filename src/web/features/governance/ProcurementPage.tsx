import type { ReactNode } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { Link } from '../../components/Link.tsx';
import { ErrorPanel, Loading } from '../../components/Status.tsx';
import { SyntheticBadge } from '../../components/SyntheticBadge.tsx';
import { apiUrl, seg } from '../../lib/api.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatInt, formatShortDate } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { EntityLabel } from './Entity.tsx';
import { GovernanceLayout } from './GovernanceLayout.tsx';
import { entityText, managementLabel } from './labels.ts';
import { minutesPath } from './MeetingsPage.tsx';
import type { ProcurementDecision, ProcurementDecisionsResponse } from './types.ts';

export function ProcurementPage({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  const state = useApi<ProcurementDecisionsResponse>(apiUrl(`/api/ccgs/${seg(code)}/procurement-decisions`));
  let body: ReactNode;
  if (state.status === 'error')
    body = <ErrorPanel error={state.error} heading="Could not load the register of procurement decisions" />;
  else if (state.status !== 'success') body = <Loading label="Loading procurement decisions…" />;
  else {
    const items = state.data.items;
    body = (
      <DataTable<ProcurementDecision>
        id="procurement-decisions"
        rows={items}
        rowKey={(d) => String(d.id)}
        caption="Register of procurement decisions"
        description={`${formatInt(items.length)} ${items.length === 1 ? 'decision' : 'decisions'} about procurement and contracts: who took part, the conflicts of interest and how they were managed.`}
        csvFilename={csvFilename(`ccg-${code}-procurement-decisions`)}
        initialSort={{ key: 'date', direction: 'descending' }}
        emptyMessage="No procurement decisions are recorded yet. They appear here when a meeting’s minutes record one."
        columns={[
          {
            key: 'date',
            header: 'Decided',
            value: (d) => d.decidedOn,
            nowrap: true,
            render: (d) => formatShortDate(d.decidedOn),
          },
          {
            key: 'description',
            header: 'Decision',
            value: (d) => d.description,
            render: (d) => (
              <>
                {d.description} {d.synthetic && <SyntheticBadge />}
              </>
            ),
          },
          {
            key: 'entities',
            header: 'Concerning',
            value: (d) => d.concernedEntities.map(entityText).join('; '),
            render: (d) =>
              d.concernedEntities.length === 0 ? (
                <span className="muted">—</span>
              ) : (
                <ul className="plain-list">
                  {d.concernedEntities.map((e) => (
                    <li key={entityText(e)}>
                      <EntityLabel entity={e} asAt={asAt} />
                    </li>
                  ))}
                </ul>
              ),
            sortable: false,
          },
          {
            key: 'participants',
            header: 'Who took part',
            value: (d) => d.participants.map((p) => `${p.name}${p.voting ? '' : ' (non-voting)'}`).join('; '),
            sortable: false,
          },
          {
            key: 'conflicts',
            header: 'Conflicts and how managed',
            value: (d) =>
              d.conflicts.map((c) => `${c.name}: ${managementLabel(c.management)}`).join('; ') || null,
            render: (d) =>
              d.conflicts.length === 0 ? (
                <span className="muted">None</span>
              ) : (
                <ul className="plain-list">
                  {d.conflicts.map((c) => (
                    <li key={c.personId}>
                      <strong>{c.name}</strong>: {managementLabel(c.management)}
                      {c.note && <span className="cell-note">{c.note}</span>}
                    </li>
                  ))}
                </ul>
              ),
            sortable: false,
          },
          {
            key: 'source',
            header: 'Source',
            value: (d) => d.source,
            render: (d) =>
              d.meetingId ? <Link to={minutesPath(d.meetingId)}>Minutes</Link> : <span>{d.source}</span>,
            sortable: false,
          },
          {
            key: 'synthetic',
            header: 'Synthetic',
            value: (d) => (d.synthetic ? 'Yes' : 'No'),
            csvOnly: true,
          },
        ]}
      />
    );
  }
  return (
    <GovernanceLayout code={code} asAt={asAt} tab="procurement-decisions" title="Procurement decisions">
      <p className="lead">
        Every decision about procurement or a contract, with who took part and how each conflict of interest
        was managed, so the public can see that conflicts did not sway a contract award.
      </p>
      {body}
    </GovernanceLayout>
  );
}
