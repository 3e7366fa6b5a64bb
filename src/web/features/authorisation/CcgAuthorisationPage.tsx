import type { ReactNode } from 'react';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { type Fact, FactList } from '../../components/FactList.tsx';
import { Link } from '../../components/Link.tsx';
import { NotPermitted } from '../../components/NotPermitted.tsx';
import { Stat } from '../../components/Stat.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { useTitle } from '../../components/use-title.ts';
import { apiUrl, seg } from '../../lib/api.ts';
import { csvFilename, downloadCsv } from '../../lib/csv.ts';
import { formatDate, formatInt } from '../../lib/format.ts';
import { signInPath, useLocation } from '../../lib/router.ts';
import { useSession } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { AuthorisationTabs } from './AuthorisationTabs.tsx';
import { BasisBadge } from './BasisBadge.tsx';
import { DomainSection } from './DomainSection.tsx';
import {
  DOMAIN_TITLES,
  directionExerciser,
  domainLabel,
  EVIDENCE_LABELS,
  EVIDENCE_TAGS,
  JULY_2013_LABELS,
  outcomeLabel,
  STATUS_LABELS,
  SYNTHETIC_NOTE,
  supportLevelLabel,
} from './labels.ts';
import type {
  CcgAuthorisationResponse,
  CcgAuthorisationSummary,
  FactProvenance,
  ReadinessCriterion,
  ReadinessResponse,
  SummaryCondition,
  SummaryDirection,
} from './types.ts';

type Summary = CcgAuthorisationSummary;

function governancePathOf(code: string): string {
  return `/ccg/${seg(code)}/governance`;
}

/** A value with the basis it rests on and, beneath, its source. */
function Sourced({ value, provenance }: { readonly value: ReactNode; readonly provenance: FactProvenance }) {
  return (
    <>
      {value} <BasisBadge basis={provenance.basis} source={provenance.source} />
      <span className="provenance-source">{provenance.source}</span>
    </>
  );
}

function Decision({ a }: { readonly a: Summary }) {
  const p = a.provenance;
  const facts: Fact[] = [
    { label: 'Now', value: <strong data-testid="lifecycle-status">{STATUS_LABELS[a.status]}</strong> },
    { label: 'Wave', value: <Sourced value={`Wave ${a.wave}`} provenance={p.wave} /> },
    {
      label: 'Outcome',
      value: (
        <Sourced value={`${outcomeLabel(a)}, decided ${formatDate(a.decidedOn)}`} provenance={p.outcome} />
      ),
    },
    { label: 'Established', value: formatDate(a.establishedOn) },
    {
      label: 'Conditions',
      value: (
        <Sourced
          value={`${formatInt(a.conditionCount)} given, ${formatInt(a.openConditions)} standing`}
          provenance={p.conditionCount}
        />
      ),
    },
    {
      label: 'Directions at go-live',
      value: <Sourced value={a.directionsAtGoLive ? 'Yes' : 'No'} provenance={p.directionsAtGoLive} />,
    },
    {
      label: 'July 2013 review',
      value: <Sourced value={JULY_2013_LABELS[a.july2013]} provenance={p.july2013} />,
    },
    {
      label: 'Directions after July 2013',
      value: (
        <Sourced value={a.directionsAfterJuly2013 ? 'Yes' : 'No'} provenance={p.directionsAfterJuly2013} />
      ),
    },
  ];
  return (
    <section className="card" aria-labelledby="decision">
      <h2 id="decision">The Board’s decision</h2>
      <FactList facts={facts} />
    </section>
  );
}

/** The conditions, with support levels, review dates and lifting; a CSV of them. */
export function ConditionsTable({ a }: { readonly a: Summary }) {
  return (
    <DataTable<SummaryCondition>
      id="conditions"
      rows={a.conditions}
      rowKey={(c) => c.conditionId}
      caption="Conditions"
      description="Each condition cites the criteria it was not satisfied on and the level of support the Board gave (levels IV–VI bring legal directions)."
      csvFilename={csvFilename(`ccg-${a.code}-authorisation-conditions`)}
      emptyMessage="The CCG was authorised without conditions."
      initialSort={{ key: 'condition' }}
      columns={[
        { key: 'condition', header: 'Condition', value: (c) => c.conditionId, nowrap: true },
        {
          key: 'criterion',
          header: 'Criterion',
          value: (c) => c.criterionIds.join(' '),
          render: (c) => (
            <>
              <span className="code">{c.criterionIds.join(', ')}</span>{' '}
              <BasisBadge basis={c.criterion.basis} source={c.criterion.source} />
            </>
          ),
          nowrap: true,
        },
        { key: 'domain', header: 'Domain', value: (c) => domainLabel(c.domain) },
        {
          key: 'level',
          header: 'Support level',
          value: (c) => supportLevelLabel(c.supportLevel),
          render: (c) => (
            <>
              {supportLevelLabel(c.supportLevel)} <BasisBadge basis={c.level.basis} source={c.level.source} />
            </>
          ),
        },
        {
          key: 'review',
          header: 'Review date',
          value: (c) => c.reviewDate,
          render: (c) => formatDate(c.reviewDate),
          nowrap: true,
        },
        {
          key: 'lifted',
          header: 'Lifted',
          value: (c) => c.liftedOn ?? '',
          render: (c) =>
            c.liftedOn ? formatDate(c.liftedOn) : <span className="tag tag--warning">Standing</span>,
          nowrap: true,
        },
        { key: 'description', header: 'Condition wording', value: (c) => c.description, csvOnly: true },
        { key: 'criterionBasis', header: 'Criterion basis', value: (c) => c.criterion.basis, csvOnly: true },
        { key: 'levelBasis', header: 'Level basis', value: (c) => c.level.basis, csvOnly: true },
      ]}
    />
  );
}

/** Directions: which functions, exercised by whom, given and lifted when; a CSV of them. */
export function DirectionsTable({ a }: { readonly a: Summary }) {
  return (
    <DataTable<SummaryDirection>
      id="directions"
      rows={a.directions}
      rowKey={(d) => d.directionId}
      caption="Directions"
      description="Legal directions (CCG Regs 2012 reg 8): the Board or another named CCG exercises the functions."
      csvFilename={csvFilename(`ccg-${a.code}-authorisation-directions`)}
      emptyMessage="No directions were given."
      columns={[
        { key: 'direction', header: 'Direction', value: (d) => d.directionId, nowrap: true },
        {
          key: 'functions',
          header: 'Functions',
          value: (d) => d.functions.join('; '),
          render: (d) => (
            <>
              {d.functions.join('; ')} <BasisBadge basis={d.provenance.basis} source={d.provenance.source} />
            </>
          ),
        },
        { key: 'by', header: 'Exercised by', value: (d) => directionExerciser(d) },
        {
          key: 'given',
          header: 'Given',
          value: (d) => d.givenOn,
          render: (d) => formatDate(d.givenOn),
          nowrap: true,
        },
        {
          key: 'lifted',
          header: 'Lifted',
          value: (d) => d.liftedOn ?? '',
          render: (d) =>
            d.liftedOn ? formatDate(d.liftedOn) : <strong className="text-error">In force</strong>,
          nowrap: true,
        },
        { key: 'basis', header: 'Basis', value: (d) => d.provenance.basis, csvOnly: true },
      ]}
    />
  );
}

function EvidenceCell({ c, code }: { readonly c: ReadinessCriterion; readonly code: string }) {
  const { status, links } = c.evidence;
  const manual = links.filter((l) => l.status === 'manual').map((l) => l.module);
  const failing = [...new Set(links.flatMap((l) => l.failingRuleIds))];
  return (
    <>
      <span className={EVIDENCE_TAGS[status]} data-status={status}>
        {EVIDENCE_LABELS[status]}
      </span>
      {status === 'manual' && manual.length > 0 && (
        <span className="cell-note">Until the {[...new Set(manual)].join(', ')} module is built</span>
      )}
      {failing.length > 0 && (
        <span className="rule-ids">
          {failing.map((r) => (
            <Link key={r} to={governancePathOf(code)} className="code rule-id" data-rule={r}>
              {r}
            </Link>
          ))}
        </span>
      )}
      {links
        .filter((l) => l.status === 'gap' || l.status === 'no_data')
        .map((l) => (
          <span key={`${l.module}-${l.check}`} className="cell-note">
            {l.message}
          </span>
        ))}
    </>
  );
}

function readinessCsv(data: ReadinessResponse) {
  downloadCsv(
    csvFilename(`ccg-${data.ccgCode}-authorisation-readiness`, data.asAt),
    ['Criterion', 'Domain', 'Wording', 'Wording basis', 'Evidence', 'Modules', 'Failing rules', 'Messages'],
    data.criteria.map((c) => [
      c.id,
      domainLabel(c.domain),
      c.wording,
      c.provenance === 'real' ? 'Real' : 'Reconstructed (not the official wording)',
      EVIDENCE_LABELS[c.evidence.status],
      [...new Set(c.evidence.links.map((l) => l.module))].join(' '),
      [...new Set(c.evidence.links.flatMap((l) => l.failingRuleIds))].join(' '),
      c.evidence.links.map((l) => l.message).join(' | '),
    ]),
  );
}

function ReadinessContent({ data }: { readonly data: ReadinessResponse }) {
  const s = data.summary;
  const domains = [...new Set(data.criteria.map((c) => c.domain))].sort();
  return (
    <>
      <dl className="stats" data-testid="readiness-summary">
        <Stat label="Criteria" testId="readiness-criteria">
          {formatInt(s.criteria)}
        </Stat>
        <Stat label="Met" testId="readiness-met" tone="ok">
          {formatInt(s.met)}
        </Stat>
        <Stat label="Gaps" testId="readiness-gaps" tone="error">
          {formatInt(s.gaps)}
        </Stat>
        <Stat label="Manual evidence">{formatInt(s.manual)}</Stat>
        <Stat label="No data">{formatInt(s.noData)}</Stat>
        <Stat label="Not linked">{formatInt(s.notLinked)}</Stat>
      </dl>
      <div className="panel-head">
        <p className="muted small">
          Criteria version {data.criteriaVersion}, evidence as at {formatDate(data.asAt)}. Gaps come from the
          CCG’s <Link to={governancePathOf(data.ccgCode)}>governance findings</Link> and the registry.
        </p>
        <button type="button" className="button button--secondary" onClick={() => readinessCsv(data)}>
          Download readiness (CSV)
        </button>
      </div>
      {domains.map((d) => {
        const rows = data.criteria.filter((c) => c.domain === d);
        const gaps = rows.filter((c) => c.evidence.status === 'gap').length;
        return (
          <DomainSection
            key={d}
            id={`readiness-domain-${d}`}
            heading={
              <>
                Domain {d}: {DOMAIN_TITLES[d]}{' '}
                <span className="muted small">
                  {formatInt(rows.length)} criteria
                  {gaps > 0 && (
                    <>
                      , <strong className="text-error">{formatInt(gaps)} with a gap</strong>
                    </>
                  )}
                </span>
              </>
            }
            headers={['Criterion', 'Wording', 'Evidence']}
          >
            {rows.map((c) => (
              <tr
                key={c.id}
                data-criterion={c.id}
                className={c.evidence.status === 'gap' ? 'readiness-row--gap' : undefined}
              >
                <td className="nowrap">
                  <span className="code">{c.id}</span>
                </td>
                <td>
                  {c.wording}
                  {c.provenance === 'reconstructed' && (
                    <span className="cell-note">
                      <span
                        className="badge badge--illustrative"
                        title="Reconstructed within the real numbering"
                      >
                        Reconstructed (not the official wording)
                      </span>
                    </span>
                  )}
                </td>
                <td>
                  <EvidenceCell c={c} code={data.ccgCode} />
                </td>
              </tr>
            ))}
          </DomainSection>
        );
      })}
    </>
  );
}

function Readiness({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  const { session } = useSession();
  const { href } = useLocation();
  const signedIn = session.status === 'signed-in';
  const state = useApi<ReadinessResponse>(
    signedIn ? apiUrl(`/api/ccgs/${seg(code)}/authorisation/readiness`, { asAt }) : null,
  );
  let body: ReactNode;
  if (session.status === 'loading') body = <Loading label="Checking your sign-in…" />;
  else if (!signedIn)
    body = (
      <Notice title="Sign in to see readiness">
        <p>
          Readiness draws on the CCG’s internal governance records, so it is open to the CCG’s own staff, the
          NHS Commissioning Board and its area teams. <Link to={signInPath(href)}>Sign in</Link> to see it.
        </p>
      </Notice>
    );
  else if (state.status === 'error')
    body =
      state.error.status === 403 ? (
        <NotPermitted title="You are not permitted to see this CCG’s readiness" error={state.error}>
          <p>Readiness is open to the CCG’s own staff, the NHS Commissioning Board and its area teams.</p>
        </NotPermitted>
      ) : (
        <ErrorPanel error={state.error} heading="Could not check readiness" />
      );
  else if (state.status !== 'success') body = <Loading label="Checking readiness against the criteria…" />;
  else body = <ReadinessContent data={state.data} />;
  return (
    <section className="card" aria-labelledby="readiness" data-testid="readiness">
      <h2 id="readiness">Readiness against the criteria</h2>
      <p className="muted small">
        Each criterion with the evidence the platform links to it live. Criteria marked “Reconstructed” keep
        the real numbering but not the official wording.
      </p>
      {body}
    </section>
  );
}

export function CcgAuthorisationPage({ code, asAt }: { readonly code: string; readonly asAt: string }) {
  const state = useApi<CcgAuthorisationResponse>(`/api/ccgs/${seg(code)}/authorisation`);
  const a = state.status === 'success' ? state.data.authorisation : null;
  useTitle(a ? `Authorisation of ${a.name}` : `Authorisation of CCG ${code}`);
  return (
    <>
      <Breadcrumbs
        items={[
          { label: 'Authorisation', to: '/authorisation' },
          { label: a?.name ?? code, to: `/ccg/${seg(code)}` },
          { label: 'Authorisation' },
        ]}
      />
      <p className="eyebrow">{a?.name ?? `CCG ${code}`}</p>
      <h1>Authorisation {a?.synthetic && <BasisBadge basis="synthetic" />}</h1>
      <AuthorisationTabs code={code} current="overview" />
      {state.status === 'error' && (
        <ErrorPanel error={state.error} heading="Could not load the authorisation" />
      )}
      {(state.status === 'loading' || state.status === 'idle') && (
        <Loading label="Loading the authorisation…" />
      )}
      {a && (
        <>
          <p className="lead">
            How the NHS Commissioning Board authorised {a.name} ({a.code}), and where it stands now.
          </p>
          {a.synthetic && (
            <Notice>
              <p>
                Some of this CCG’s fields are synthetic. {SYNTHETIC_NOTE} Each field shows its basis and
                source.
              </p>
            </Notice>
          )}
          <Decision a={a} />
          <ConditionsTable a={a} />
          <DirectionsTable a={a} />
        </>
      )}
      <Readiness code={code} asAt={asAt} />
    </>
  );
}
