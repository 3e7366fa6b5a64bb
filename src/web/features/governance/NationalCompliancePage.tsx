import { lazy, type ReactNode, Suspense, useId, useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { Link } from '../../components/Link.tsx';
import { NotPermitted } from '../../components/NotPermitted.tsx';
import { RequireSignIn } from '../../components/RequireSignIn.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { SyntheticBadge } from '../../components/SyntheticBadge.tsx';
import { useTitle } from '../../components/use-title.ts';
import { apiUrl, seg } from '../../lib/api.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatDate, formatInt } from '../../lib/format.ts';
import { useApi } from '../../lib/use-api.ts';
import { SeverityTag } from './Findings.tsx';
import type { NationalComplianceItem, NationalComplianceResponse, RuleTally } from './types.ts';

const RuleChart = lazy(() => import('./RuleChart.tsx'));

/** What each governing body rule means, for the headline findings (the rule ids are stable). */
const HEADLINES: Readonly<Record<string, string>> = {
  'GB-NURSE': 'No registered nurse on the governing body',
  'GB-SECONDARY-CARE-DOCTOR': 'No secondary care specialist doctor on the governing body',
  'GB-NURSE-INDEPENDENT': 'The registered nurse is tied to a provider the CCG commissions from',
  'GB-SECONDARY-CARE-INDEPENDENT': 'The secondary care doctor is tied to a provider the CCG commissions from',
  'GB-LAY-SCH4-EXCLUSION': 'A lay member is excluded by Schedule 4',
  'GB-SCH5-DISQUALIFICATION': 'A member is disqualified by Schedule 5',
  'GB-CHAIR-NOT-AUDIT-LAY': 'The chair is also the audit lay member',
  'GB-ACCOUNTABLE-OFFICER': 'No accountable officer on the governing body',
  'GB-CFO': 'No chief finance officer on the governing body',
  'GB-LAY-AUDIT': 'No lay member for audit and governance',
  'GB-LAY-PPI': 'No lay member for patient and public involvement',
  'GB-MIN-SIZE': 'Fewer than six members',
};

function ccgPath(code: string): string {
  return `/ccg/${seg(code)}/governance`;
}

function Headlines({ data }: { readonly data: NationalComplianceResponse }) {
  const gbRules = data.byRule.filter((r) => r.ruleId.startsWith('GB-'));
  if (gbRules.length === 0)
    return (
      <Notice tone="success" title="Every governing body meets the composition rules">
        <p>No CCG breaks a governing body rule on {formatDate(data.asAt)}.</p>
      </Notice>
    );
  return (
    <section className="card" aria-labelledby="headlines">
      <h2 id="headlines">Governing body findings</h2>
      <p className="muted small">
        CCGs whose governing body breaks the CCG Regulations 2012 (reg 11–13, Schedules 4 and 5). In wave 1 of
        authorisation, 5 of the 34 CCGs were authorised with a condition because they had no nurse on the
        governing body.
      </p>
      <div className="headlines">
        {gbRules.map((r) => {
          const ccgs = data.items.filter((i) => i.ruleIds.includes(r.ruleId));
          return (
            <section
              key={r.ruleId}
              className="headline"
              aria-labelledby={`headline-${r.ruleId}`}
              data-rule={r.ruleId}
            >
              <h3 id={`headline-${r.ruleId}`} className="headline__title">
                {HEADLINES[r.ruleId] ?? r.ruleId}{' '}
                <span className="count-pill count-pill--bad">
                  {formatInt(r.ccgs)} {r.ccgs === 1 ? 'CCG' : 'CCGs'}
                </span>
              </h3>
              <p className="headline__rule small">
                <span className="code">{r.ruleId}</span> · <span className="muted">{r.legalRef}</span>
              </p>
              <ul className="plain-list">
                {ccgs.map((c) => (
                  <li key={c.ccgCode}>
                    <Link to={ccgPath(c.ccgCode)}>{c.ccgName}</Link>{' '}
                    <span className="muted small code">{c.ccgCode}</span>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}

function Content({ data }: { readonly data: NationalComplianceResponse }) {
  const [onlyFindings, setOnlyFindings] = useState(false);
  const filterId = useId();
  const withWarnings = data.items.filter((i) => i.warning > 0).length;
  const synthetic = data.items.some((i) => i.synthetic);
  const rows = onlyFindings ? data.items.filter((i) => i.ruleIds.length > 0) : data.items;
  return (
    <>
      <dl className="stats">
        <div className="stat">
          <dt>CCGs checked</dt>
          <dd data-testid="ccgs-checked">{formatInt(data.ccgs)}</dd>
        </div>
        <div className="stat stat--error">
          <dt>CCGs with errors</dt>
          <dd data-testid="ccgs-with-errors">{formatInt(data.ccgsWithErrors)}</dd>
        </div>
        <div className="stat stat--warning">
          <dt>CCGs with warnings</dt>
          <dd>{formatInt(withWarnings)}</dd>
        </div>
        <div className="stat">
          <dt>Rules broken</dt>
          <dd>{formatInt(data.byRule.length)}</dd>
        </div>
      </dl>
      {synthetic && (
        <Notice>
          <p>
            <SyntheticBadge /> The governing bodies, registers and meetings behind these findings are
            generated demo data, with faults planted on purpose.
          </p>
        </Notice>
      )}
      <Headlines data={data} />
      <section className="card" aria-labelledby="by-rule-chart">
        <h2 id="by-rule-chart">How many CCGs break each rule</h2>
        {data.byRule.length === 0 ? (
          <p className="muted">No rule is broken.</p>
        ) : (
          <figure className="chart-figure">
            <Suspense fallback={<Loading label="Loading chart…" />}>
              <RuleChart
                rules={data.byRule}
                label={`Bar chart: the number of CCGs breaking each governance rule on ${formatDate(data.asAt)}. Errors in red, warnings in yellow. The same figures are in the table beside it.`}
              />
            </Suspense>
            <figcaption className="muted small">
              <span className="legend-dot legend-dot--error" aria-hidden="true" /> Error{' '}
              <span className="legend-dot legend-dot--warning" aria-hidden="true" /> Warning
            </figcaption>
          </figure>
        )}
        <DataTable<RuleTally>
          rows={data.byRule}
          rowKey={(r) => r.ruleId}
          caption="Rules broken"
          csvFilename={csvFilename('governance-rules-broken', data.asAt)}
          initialSort={{ key: 'ccgs', direction: 'descending' }}
          emptyMessage="No rule is broken."
          columns={[
            {
              key: 'rule',
              header: 'Rule',
              value: (r) => r.ruleId,
              render: (r) => <span className="code">{r.ruleId}</span>,
              nowrap: true,
            },
            {
              key: 'severity',
              header: 'Severity',
              value: (r) => r.severity,
              render: (r) => <SeverityTag severity={r.severity} />,
            },
            { key: 'ccgs', header: 'CCGs', value: (r) => r.ccgs, numeric: true },
            {
              key: 'legal',
              header: 'Legal reference',
              value: (r) => r.legalRef,
              render: (r) => <span className="small">{r.legalRef}</span>,
              sortable: false,
            },
          ]}
        />
      </section>
      <DataTable<NationalComplianceItem>
        id="national-ccgs"
        rows={rows}
        rowKey={(i) => i.ccgCode}
        caption="CCGs"
        description={`${formatInt(rows.length)} of ${formatInt(data.items.length)} CCGs shown, on ${formatDate(data.asAt)}.`}
        csvFilename={csvFilename(
          `governance-compliance-by-ccg${onlyFindings ? '-with-findings' : ''}`,
          data.asAt,
        )}
        initialSort={{ key: 'errors', direction: 'descending' }}
        pageSize={250}
        toolbar={
          <span className="checkbox checkbox--inline">
            <input
              type="checkbox"
              id={filterId}
              checked={onlyFindings}
              onChange={(e) => setOnlyFindings(e.target.checked)}
            />
            <label htmlFor={filterId}>Only CCGs with findings</label>
          </span>
        }
        columns={[
          {
            key: 'name',
            header: 'CCG',
            value: (i) => i.ccgName,
            render: (i) => (
              <>
                <Link to={ccgPath(i.ccgCode)}>{i.ccgName}</Link>
                <span className="cell-note code">{i.ccgCode}</span>
              </>
            ),
          },
          { key: 'code', header: 'Code', value: (i) => i.ccgCode, csvOnly: true },
          {
            key: 'errors',
            header: 'Errors',
            value: (i) => i.error,
            numeric: true,
            render: (i) => (i.error ? <strong className="text-error">{formatInt(i.error)}</strong> : '0'),
          },
          {
            key: 'warnings',
            header: 'Warnings',
            value: (i) => i.warning,
            numeric: true,
          },
          { key: 'gb', header: 'Governing body errors', value: (i) => i.governingBodyErrors, numeric: true },
          {
            key: 'rules',
            header: 'Rules broken',
            value: (i) => i.ruleIds.join(' '),
            render: (i) =>
              i.ruleIds.length === 0 ? (
                <span className="muted">None</span>
              ) : (
                <span className="rule-ids">
                  {i.ruleIds.map((r) => (
                    <span key={r} className="code rule-id">
                      {r}
                    </span>
                  ))}
                </span>
              ),
          },
          {
            key: 'synthetic',
            header: 'Synthetic',
            value: (i) => (i.synthetic ? 'Yes' : 'No'),
            csvOnly: true,
          },
        ]}
      />
    </>
  );
}

function National({ asAt }: { readonly asAt: string }) {
  const state = useApi<NationalComplianceResponse>(apiUrl('/api/governance/compliance', { asAt }));
  let body: ReactNode;
  if (state.status === 'error') {
    body =
      state.error.status === 403 ? (
        <NotPermitted title="You are not permitted to see the national compliance view" error={state.error}>
          <p>
            The national view draws on every CCG’s internal governance records. It is open to the NHS
            Commissioning Board, its regions and area teams.
          </p>
        </NotPermitted>
      ) : (
        <ErrorPanel error={state.error} heading="Could not run the national compliance check" />
      );
  } else if (state.status !== 'success') body = <Loading label="Checking every CCG’s governance…" />;
  else body = <Content data={state.data} />;
  return body;
}

export function NationalCompliancePage({ asAt }: { readonly asAt: string }) {
  useTitle('Governance compliance');
  return (
    <>
      <p className="eyebrow">NHS Commissioning Board</p>
      <h1>Governance compliance</h1>
      <p className="lead">
        Every CCG’s governing body, register of interests, gifts and hospitality and constitution, checked
        against the statutory rules on {formatDate(asAt)}.
      </p>
      <RequireSignIn>{() => <National asAt={asAt} />}</RequireSignIn>
    </>
  );
}
