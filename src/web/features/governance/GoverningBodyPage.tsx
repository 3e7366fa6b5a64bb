import { DataTable } from '../../components/DataTable.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { SyntheticBadge } from '../../components/SyntheticBadge.tsx';
import { apiUrl, seg } from '../../lib/api.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatDate, formatInt, formatShortDate } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { CompliancePanel } from './CompliancePanel.tsx';
import { GovernanceLayout } from './GovernanceLayout.tsx';
import { roleLabel } from './labels.ts';
import type { GoverningBodyMember, GoverningBodyResponse } from './types.ts';

/** The public list of governing body members on the date, with a CSV. */
export function GoverningBodyTable({
  code,
  asAt,
  compact = false,
}: {
  readonly code: string;
  readonly asAt: string;
  /** On the CCG page: fewer columns. */
  readonly compact?: boolean;
}) {
  const state = useApi<GoverningBodyResponse>(apiUrl(`/api/ccgs/${seg(code)}/governing-body`, { asAt }));
  if (state.status === 'error')
    return <ErrorPanel error={state.error} heading="Could not load the governing body" />;
  if (state.status !== 'success') return <Loading label="Loading the governing body…" />;
  const { members, synthetic } = state.data;
  return (
    <DataTable<GoverningBodyMember>
      id="governing-body"
      rows={members}
      rowKey={(m) => `${m.personId}|${m.startDate}`}
      caption="Governing body members"
      description={
        members.length === 0
          ? undefined
          : `${formatInt(members.length)} members on ${formatDate(asAt)}.${synthetic ? ' The people are synthetic demo data.' : ''}`
      }
      csvFilename={csvFilename(`ccg-${code}-governing-body`, asAt)}
      emptyMessage={`No governing body members are recorded on ${formatDate(asAt)}.`}
      columns={[
        {
          key: 'name',
          header: 'Name',
          value: (m) => m.name,
          render: (m) => (
            <>
              {m.name} {m.synthetic && <SyntheticBadge />}
            </>
          ),
        },
        {
          key: 'roles',
          header: 'Role',
          value: (m) => m.roles.map(roleLabel).join('; '),
          sortable: false,
        },
        {
          key: 'from',
          header: 'Appointed',
          value: (m) => m.startDate,
          nowrap: true,
          render: (m) => formatShortDate(m.startDate),
          csvOnly: compact,
        },
        {
          key: 'term',
          header: 'Term ends',
          value: (m) => m.termEndDate,
          nowrap: true,
          render: (m) =>
            m.termEndDate ? formatShortDate(m.termEndDate) : <span className="muted">Not set</span>,
        },
        { key: 'personId', header: 'Person id', value: (m) => m.personId, csvOnly: true },
        { key: 'synthetic', header: 'Synthetic', value: (m) => (m.synthetic ? 'Yes' : 'No'), csvOnly: true },
      ]}
    />
  );
}

export function GoverningBodyPage({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  return (
    <GovernanceLayout code={code} asAt={asAt} tab="governance" title="Governing body">
      <p className="lead">
        Who sits on the governing body on {formatDate(asAt)}, and whether its make-up, the register of
        interests and the constitution meet the rules of the NHS Act 2006 and the CCG Regulations 2012.
      </p>
      <CompliancePanel code={code} asAt={asAt} />
      <GoverningBodyTable code={code} asAt={asAt} />
      <Notice>
        <p>
          The governing body must include the accountable officer, a chief finance officer, a registered
          nurse, a secondary care specialist doctor and two lay members, one for audit and governance and one
          for patient and public involvement (CCG Regs 2012 reg 11 and 12).
        </p>
      </Notice>
    </GovernanceLayout>
  );
}
