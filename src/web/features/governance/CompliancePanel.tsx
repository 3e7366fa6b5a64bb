import type { ReactNode } from 'react';
import { Link } from '../../components/Link.tsx';
import { NotPermitted } from '../../components/NotPermitted.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { SyntheticBadge } from '../../components/SyntheticBadge.tsx';
import { apiUrl, seg } from '../../lib/api.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatDate, formatInt } from '../../lib/format.ts';
import { signInPath, useLocation } from '../../lib/router.ts';
import { useApi } from '../../lib/use-api.ts';
import { useGovernanceAccess } from './access.ts';
import { AllClear, CsvButton, downloadFindings, FindingList } from './Findings.tsx';
import { COMPLIANCE_GROUPS, type ComplianceGroup } from './labels.ts';
import type { ComplianceResponse, GovernanceViolation } from './types.ts';

const HEADING_ID = 'compliance-heading';

function groupsOf(
  data: ComplianceResponse,
): { key: ComplianceGroup; findings: readonly GovernanceViolation[] }[] {
  return [
    { key: 'governingBody', findings: data.governingBody },
    { key: 'register', findings: data.register },
    { key: 'gifts', findings: data.gifts.flatMap((g) => g.violations) },
    { key: 'constitution', findings: data.constitution },
  ];
}

const EMPTY: Record<ComplianceGroup, string> = {
  governingBody:
    'No findings: the governing body meets every composition rule (reg 11–13, Schedules 4 and 5, chair and deputy chair).',
  register: 'No findings: declarations are in time and everyone has declared or made a nil return.',
  gifts: 'No findings: every gift and hospitality offer was handled as the guidance thresholds require.',
  constitution: 'No findings: the constitution in force holds every element Schedule 1A requires.',
};

function Panel({
  data,
  asAt,
  constitutionInForce,
}: {
  readonly data: ComplianceResponse;
  readonly asAt: string;
  /** Null while unknown. */
  readonly constitutionInForce: boolean | null;
}) {
  const groups = groupsOf(data);
  const total = data.counts.error + data.counts.warning;
  const gifts = data.gifts;
  const toDeclare = gifts.filter((g) => g.mustDeclare).length;
  const prohibited = gifts.filter((g) => g.prohibited).length;
  return (
    <>
      <div className="panel-head">
        <div>
          <h2 id={HEADING_ID} className="org-title">
            Compliance panel {data.synthetic && <SyntheticBadge />}
          </h2>
          <p className="muted small panel-head__note">
            Every finding of the governance rules on {formatDate(data.asAt)}. Open to {data.ccgName} and the
            NHS Commissioning Board only.
          </p>
        </div>
        <CsvButton
          label="Download findings (CSV)"
          disabled={total === 0}
          onClick={() =>
            downloadFindings(
              csvFilename(`ccg-${data.ccgCode}-governance-findings`, asAt),
              groups.map((g) => ({ area: COMPLIANCE_GROUPS[g.key], findings: g.findings })),
            )
          }
        />
      </div>
      <dl className="stats">
        <div className="stat stat--error">
          <dt>Errors</dt>
          <dd data-testid="count-error">{formatInt(data.counts.error)}</dd>
        </div>
        <div className="stat stat--warning">
          <dt>Warnings</dt>
          <dd data-testid="count-warning">{formatInt(data.counts.warning)}</dd>
        </div>
        <div className={`stat ${total === 0 ? 'stat--ok' : ''}`}>
          <dt>Findings</dt>
          <dd data-testid="findings-count">{formatInt(total)}</dd>
        </div>
      </dl>
      {!data.hasGoverningBody && (
        <Notice tone="warning" title="No governing body recorded">
          {data.ccgName} has no governing body on record, so its composition could not be checked.
        </Notice>
      )}
      {total === 0 && data.hasGoverningBody && (
        <Notice tone="success" title="No findings">
          <p>
            On {formatDate(data.asAt)} the governing body, the register of interests, gifts and hospitality
            and the constitution pass every rule.
          </p>
        </Notice>
      )}
      <div className="compliance-groups">
        {groups.map((g) => (
          <section key={g.key} className="compliance-group" aria-labelledby={`compliance-${g.key}`}>
            <h3 id={`compliance-${g.key}`} className="compliance-group__title">
              {COMPLIANCE_GROUPS[g.key]}{' '}
              <span className={`count-pill${g.findings.length ? ' count-pill--bad' : ''}`}>
                {formatInt(g.findings.length)}
                <span className="sr-only"> {g.findings.length === 1 ? 'finding' : 'findings'}</span>
              </span>
            </h3>
            {g.key === 'gifts' && gifts.length > 0 && (
              <p className="muted small">
                {formatInt(gifts.length)} {gifts.length === 1 ? 'offer' : 'offers'} assessed against the
                guidance thresholds: {formatInt(toDeclare)} to be declared, {formatInt(prohibited)} to be
                declined.
              </p>
            )}
            {g.key === 'constitution' && g.findings.length === 0 && constitutionInForce === false ? (
              <p className="muted">
                No approved constitution is in force on {formatDate(data.asAt)}, so there was none to check.
              </p>
            ) : g.findings.length === 0 ? (
              <AllClear>{EMPTY[g.key]}</AllClear>
            ) : (
              <FindingList findings={g.findings} empty={EMPTY[g.key]} testId={`findings-${g.key}`} />
            )}
          </section>
        ))}
      </div>
    </>
  );
}

function PanelLoading({ label }: { readonly label: string }) {
  return (
    <>
      <h2 id={HEADING_ID}>Compliance panel</h2>
      <Loading label={label} />
    </>
  );
}

function ComplianceData({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  const state = useApi<ComplianceResponse>(apiUrl(`/api/ccgs/${seg(code)}/governance/compliance`, { asAt }));
  // The compliance answer does not say whether a constitution was in force; the public one does.
  const constitution = useApi<unknown>(apiUrl(`/api/ccgs/${seg(code)}/constitution`, { asAt }));
  const constitutionInForce =
    constitution.status === 'success'
      ? true
      : constitution.status === 'error' && constitution.error.status === 404
        ? false
        : null;
  if (state.status === 'error') {
    return (
      <>
        <h2 id={HEADING_ID}>Compliance panel</h2>
        {state.error.status === 403 ? (
          <NotPermitted title="You are not permitted to see this CCG’s compliance panel" error={state.error}>
            <p>The panel is open to the CCG’s own staff and to the NHS Commissioning Board.</p>
          </NotPermitted>
        ) : (
          <ErrorPanel error={state.error} heading="Could not run the compliance checks" />
        )}
      </>
    );
  }
  if (state.status !== 'success') return <PanelLoading label="Running the compliance checks…" />;
  return <Panel data={state.data} asAt={asAt} constitutionInForce={constitutionInForce} />;
}

/**
 * The CCG's compliance panel: every governance finding, grouped, for those who may see it; otherwise a
 * plain explanation of who may, and a way to sign in.
 */
export function CompliancePanel({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  const access = useGovernanceAccess(code);
  const { href } = useLocation();
  let body: ReactNode;
  if (access.loading) body = <PanelLoading label="Checking your sign-in…" />;
  else if (!access.signedIn || !access.read) {
    body = (
      <>
        <h2 id={HEADING_ID}>Compliance panel</h2>
        <Notice
          title={
            access.signedIn ? 'Your roles do not include this CCG' : 'Sign in to see the compliance panel'
          }
        >
          <p>
            The compliance panel checks this CCG’s governing body, register of interests, gifts and
            hospitality and constitution against the statutory rules. It draws on internal records, so it is
            open only to the CCG’s own staff and to the NHS Commissioning Board, its regions and area teams.
          </p>
          <p>
            {access.signedIn ? (
              <Link to="/account">See your roles</Link>
            ) : (
              <Link to={signInPath(href)}>Sign in</Link>
            )}
            . The governing body below is public.
          </p>
        </Notice>
      </>
    );
  } else body = <ComplianceData code={code} asAt={asAt} />;
  return (
    <section className="card compliance" aria-labelledby={HEADING_ID} data-testid="compliance-panel">
      {body}
    </section>
  );
}
