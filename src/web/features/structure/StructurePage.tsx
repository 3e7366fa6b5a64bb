import { useId, useMemo, useState } from 'react';
import type { Severity } from '../../../modules/organisations/model.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Link } from '../../components/Link.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { useTitle } from '../../components/use-title.ts';
import { apiUrl } from '../../lib/api.ts';
import type { Violation, ViolationsResponse } from '../../lib/api-types.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatDate, formatInt } from '../../lib/format.ts';
import { orgPath, orgTypeLabel } from '../../lib/org-links.ts';
import { useApi } from '../../lib/use-api.ts';

function Subject({ v }: { readonly v: Violation }) {
  if (v.subjectType === 'area') {
    return (
      <span>
        <span className="code">{v.subjectCode}</span> <span className="muted small">(small area)</span>
      </span>
    );
  }
  return (
    <span>
      <Link to={orgPath(v.subjectCode, v.subjectType)}>{v.subjectCode}</Link>{' '}
      <span className="muted small">{orgTypeLabel(v.subjectType)}</span>
    </span>
  );
}

function SeverityTag({ severity }: { readonly severity: Severity }) {
  return <span className={`tag tag--${severity}`}>{severity === 'error' ? 'Error' : 'Warning'}</span>;
}

function Content({ data, asAt }: { readonly data: ViolationsResponse; readonly asAt: string }) {
  const [severity, setSeverity] = useState<'' | Severity>('');
  const [rule, setRule] = useState('');
  const severityId = useId();
  const ruleId = useId();

  const byRule = useMemo(() => {
    const counts = new Map<string, { ruleId: string; legalRef: string; error: number; warning: number }>();
    for (const v of data.items) {
      const entry = counts.get(v.ruleId) ?? { ruleId: v.ruleId, legalRef: v.legalRef, error: 0, warning: 0 };
      entry[v.severity]++;
      counts.set(v.ruleId, entry);
    }
    return [...counts.values()];
  }, [data.items]);

  const rows = data.items.filter(
    (v) => (severity === '' || v.severity === severity) && (rule === '' || v.ruleId === rule),
  );

  return (
    <>
      <dl className="stats">
        <div className="stat stat--error">
          <dt>Errors</dt>
          <dd data-testid="count-error">{formatInt(data.counts.error)}</dd>
        </div>
        <div className="stat stat--warning">
          <dt>Warnings</dt>
          <dd data-testid="count-warning">{formatInt(data.counts.warning)}</dd>
        </div>
        <div className="stat">
          <dt>Rules breached</dt>
          <dd>{formatInt(byRule.length)}</dd>
        </div>
      </dl>
      {data.items.length === 0 ? (
        <Notice title="No violations">
          The structure in force on {formatDate(asAt)} passes every structural rule.
        </Notice>
      ) : (
        <>
          <DataTable
            rows={byRule}
            rowKey={(r) => r.ruleId}
            caption="By rule"
            csvFilename={csvFilename('structure-violations-by-rule', asAt)}
            initialSort={{ key: 'errors', direction: 'descending' }}
            columns={[
              {
                key: 'rule',
                header: 'Rule',
                value: (r) => r.ruleId,
                render: (r) => (
                  <button
                    type="button"
                    className="button button--link code"
                    onClick={() => setRule(r.ruleId)}
                  >
                    {r.ruleId}
                  </button>
                ),
              },
              { key: 'legal', header: 'Legal reference', value: (r) => r.legalRef },
              {
                key: 'errors',
                header: 'Errors',
                value: (r) => r.error,
                render: (r) => formatInt(r.error),
                numeric: true,
              },
              {
                key: 'warnings',
                header: 'Warnings',
                value: (r) => r.warning,
                render: (r) => formatInt(r.warning),
                numeric: true,
              },
            ]}
          />
          <DataTable<Violation>
            rows={rows}
            rowKey={(v) => `${v.ruleId}|${v.subjectType}|${v.subjectCode}|${v.message}`}
            caption="Violations"
            description={`${formatInt(rows.length)} of ${formatInt(data.items.length)} shown.`}
            csvFilename={csvFilename(
              ['structure-violations', severity, rule].filter(Boolean).join('-'),
              asAt,
            )}
            initialSort={{ key: 'severity' }}
            pageSize={200}
            toolbar={
              <>
                <span className="inline-field">
                  <label htmlFor={severityId}>Severity</label>
                  <select
                    id={severityId}
                    className="select select--small"
                    value={severity}
                    onChange={(e) => setSeverity(e.target.value as '' | Severity)}
                  >
                    <option value="">All</option>
                    <option value="error">Errors</option>
                    <option value="warning">Warnings</option>
                  </select>
                </span>
                <span className="inline-field">
                  <label htmlFor={ruleId}>Rule</label>
                  <select
                    id={ruleId}
                    className="select select--small"
                    value={rule}
                    onChange={(e) => setRule(e.target.value)}
                  >
                    <option value="">All</option>
                    {byRule.map((r) => (
                      <option key={r.ruleId} value={r.ruleId}>
                        {r.ruleId}
                      </option>
                    ))}
                  </select>
                </span>
              </>
            }
            columns={[
              {
                key: 'rule',
                header: 'Rule',
                value: (v) => v.ruleId,
                render: (v) => <span className="code">{v.ruleId}</span>,
              },
              {
                key: 'severity',
                header: 'Severity',
                value: (v) => v.severity,
                render: (v) => <SeverityTag severity={v.severity} />,
              },
              {
                key: 'subject',
                header: 'Subject',
                value: (v) => v.subjectCode,
                render: (v) => <Subject v={v} />,
              },
              { key: 'subjectType', header: 'Subject type', value: (v) => v.subjectType, csvOnly: true },
              { key: 'message', header: 'Message', value: (v) => v.message },
              {
                key: 'legal',
                header: 'Legal reference',
                value: (v) => v.legalRef,
                render: (v) => <span className="small">{v.legalRef}</span>,
              },
              {
                key: 'detail',
                header: 'Detail',
                value: (v) => (v.detail ? JSON.stringify(v.detail) : null),
                csvOnly: true,
              },
            ]}
          />
        </>
      )}
    </>
  );
}

export function StructurePage({ asAt }: { readonly asAt: string }) {
  useTitle('Structural check');
  const state = useApi<ViolationsResponse>(apiUrl('/api/structure/violations', { asAt }));
  return (
    <>
      <h1>Structural check</h1>
      <p className="lead">
        The organisation structure in force on {formatDate(asAt)}, checked against the statutory and guidance
        rules: every practice in exactly one CCG, CCG areas that together cover England without overlap, CCG
        names, and CCG areas against local authority boundaries.
      </p>
      {state.status === 'error' && (
        <ErrorPanel error={state.error} heading="Could not run the structural check" />
      )}
      {(state.status === 'loading' || state.status === 'idle') && <Loading label="Checking the structure…" />}
      {state.status === 'success' && <Content data={state.data} asAt={asAt} />}
    </>
  );
}
