import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { FactList } from '../../components/FactList.tsx';
import { Link } from '../../components/Link.tsx';
import { NotPermitted } from '../../components/NotPermitted.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { useTitle } from '../../components/use-title.ts';
import { type ApiError, seg, send, toApiError } from '../../lib/api.ts';
import { csvFilename, downloadCsv } from '../../lib/csv.ts';
import { formatDate, formatDateTime, formatInt } from '../../lib/format.ts';
import { signInPath, useLocation } from '../../lib/router.ts';
import { useSession } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { AuthorisationTabs } from './AuthorisationTabs.tsx';
import { useAuthorisationAccess } from './access.ts';
import { DomainSection } from './DomainSection.tsx';
import { DOMAIN_TITLES, EVIDENCE_LABELS, EVIDENCE_TAGS, STATUS_LABELS } from './labels.ts';
import type {
  AssessmentCriterion,
  AssessmentResponse,
  DesktopScore,
  EvidenceDocument,
  ScaleEntry,
  SiteVisit,
  SurveyResponse,
} from './types.ts';

const scoreLabel = (scale: readonly ScaleEntry[], id: string) => scale.find((s) => s.id === id)?.label ?? id;

/** One criterion's score form: a score on the scale and the rationale, saved through the API. */
function ScoreForm({
  code,
  criterion,
  scale,
  onSaved,
}: {
  readonly code: string;
  readonly criterion: AssessmentCriterion;
  readonly scale: readonly ScaleEntry[];
  readonly onSaved: () => void;
}) {
  const ids = { score: useId(), rationale: useId() };
  const [score, setScore] = useState('');
  const [rationale, setRationale] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!score) {
      setMissing('Choose a score');
      document.getElementById(ids.score)?.focus();
      return;
    }
    setMissing(null);
    setBusy(true);
    setError(null);
    try {
      await send('POST', `/api/ccgs/${seg(code)}/authorisation/assessment/scores`, {
        criterionId: criterion.id,
        score,
        rationale,
      });
      setSaved(true);
      setRationale('');
      onSaved();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="score-form" onSubmit={submit} noValidate aria-label={`Score criterion ${criterion.id}`}>
      {error && <ErrorPanel error={error} heading={`The score for ${criterion.id} was not saved`} focus />}
      <label htmlFor={ids.score} className="field-label">
        Score
      </label>
      {missing && (
        <p className="field-error" role="alert">
          <span className="sr-only">Error: </span>
          {missing}
        </p>
      )}
      <select
        id={ids.score}
        name="score"
        className="select select--small"
        value={score}
        aria-invalid={missing ? true : undefined}
        onChange={(e) => setScore(e.target.value)}
      >
        <option value="">Choose…</option>
        {scale.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      <label htmlFor={ids.rationale} className="field-label">
        Rationale
      </label>
      <textarea
        id={ids.rationale}
        name="rationale"
        className="textarea"
        rows={2}
        value={rationale}
        onChange={(e) => setRationale(e.target.value)}
      />
      <div className="form__actions">
        <button type="submit" className="button button--small" disabled={busy}>
          {busy ? 'Saving…' : 'Save score'}
        </button>
        {saved && (
          <span className="tag tag--current" role="status">
            Saved
          </span>
        )}
      </div>
    </form>
  );
}

function ScoresCell({
  c,
  scale,
}: {
  readonly c: AssessmentCriterion;
  readonly scale: readonly ScaleEntry[];
}) {
  if (!c.scores.length) return <span className="muted">Not scored yet</span>;
  return (
    <ul className="plain-list" data-testid={`scores-${c.id}`}>
      {c.scores.map((s) => (
        <li key={s.scoreId}>
          <strong>{s.assessor.name}</strong>: {scoreLabel(scale, s.score)}
          <span className="cell-note">{s.rationale}</span>
        </li>
      ))}
    </ul>
  );
}

function EvidenceCell({ c }: { readonly c: AssessmentCriterion }) {
  const parts: ReactNode[] = [];
  if (c.selfCertification) {
    parts.push(
      <span key="self" className="cell-note">
        Self-certified: <strong>{c.selfCertification.status.replaceAll('_', ' ')}</strong> —{' '}
        {c.selfCertification.statement}
      </span>,
    );
  }
  for (const d of c.documents) {
    parts.push(
      <span key={d.documentId} className="cell-note">
        Document: <a href={d.reference}>{d.title}</a> ({formatDate(d.documentDate)}, {d.author})
      </span>,
    );
  }
  if (c.linkedEvidence && c.linkedEvidence.status !== 'none') {
    parts.push(
      <span key="linked" className="cell-note">
        Platform:{' '}
        <span className={EVIDENCE_TAGS[c.linkedEvidence.status]} data-status={c.linkedEvidence.status}>
          {EVIDENCE_LABELS[c.linkedEvidence.status]}
        </span>{' '}
        {c.linkedEvidence.links.map((l) => l.message).join('; ')}
      </span>,
    );
  }
  return parts.length ? parts : <span className="muted">No evidence</span>;
}

function criteriaCsv(data: AssessmentResponse, scale: readonly ScaleEntry[]) {
  downloadCsv(
    csvFilename(`ccg-${data.ccgCode}-authorisation-assessment`),
    [
      'Criterion',
      'Domain',
      'Wording',
      'Self-certification',
      'Documents',
      'Platform evidence',
      'Scores',
      'Meets',
      'Moderated',
    ],
    data.criteria.map((c) => [
      c.id,
      c.domain,
      c.wording,
      c.selfCertification?.status ?? '',
      c.documents.map((d) => d.title).join(' | '),
      c.linkedEvidence?.status ?? '',
      c.scores.map((s) => `${s.assessor.name}: ${scoreLabel(scale, s.score)}`).join(' | '),
      c.meets === null ? '' : c.meets ? 'yes' : 'no',
      c.moderated ?? '',
    ]),
  );
}

function Criteria({
  data,
  canScore,
  onSaved,
}: {
  readonly data: AssessmentResponse;
  readonly canScore: boolean;
  readonly onSaved: () => void;
}) {
  const scale = data.scale ?? [];
  const domains = [...new Set(data.criteria.map((c) => c.domain))].sort();
  return (
    <section className="card" aria-labelledby="criteria-heading">
      <div className="panel-head">
        <h2 id="criteria-heading">Criteria of the application</h2>
        <button type="button" className="button button--secondary" onClick={() => criteriaCsv(data, scale)}>
          Download criteria and scores (CSV)
        </button>
      </div>
      <p className="muted small">
        Each criterion with the CCG’s self-certification, its evidence documents and the evidence the platform
        links live. {canScore ? 'Score each criterion: your name is recorded with the score.' : ''}
      </p>
      {domains.map((d) => (
        <DomainSection
          key={d}
          id={`assess-domain-${d}`}
          heading={
            <>
              Domain {d}: {DOMAIN_TITLES[d]}
            </>
          }
          headers={
            canScore ? ['Criterion', 'Evidence', 'Scores', 'Your score'] : ['Criterion', 'Evidence', 'Scores']
          }
        >
          {data.criteria
            .filter((c) => c.domain === d)
            .map((c) => (
              <tr
                key={c.id}
                data-criterion={c.id}
                className={c.meets === false ? 'readiness-row--gap' : undefined}
              >
                <td>
                  <span className="code">{c.id}</span> {c.wording}
                  {c.provenance === 'reconstructed' && (
                    <span className="cell-note">
                      <span className="badge badge--illustrative">
                        Reconstructed (not the official wording)
                      </span>
                    </span>
                  )}
                  {c.moderated && (
                    <span className="cell-note">
                      Moderated: <strong>{c.moderated === 'met' ? 'met' : 'not met'}</strong>
                    </span>
                  )}
                </td>
                <td>
                  <EvidenceCell c={c} />
                </td>
                <td>
                  <ScoresCell c={c} scale={scale} />
                </td>
                {canScore && (
                  <td>
                    <ScoreForm code={data.ccgCode} criterion={c} scale={scale} onSaved={onSaved} />
                  </td>
                )}
              </tr>
            ))}
        </DomainSection>
      ))}
    </section>
  );
}

function Records({ data }: { readonly data: AssessmentResponse }) {
  const scale = data.scale ?? [];
  const code = data.ccgCode;
  return (
    <>
      <DataTable<DesktopScore>
        id="scores"
        rows={data.scores ?? []}
        rowKey={(s) => String(s.scoreId)}
        caption="Desktop review scores"
        description="Every score recorded, by named assessor (a later score by the same assessor replaces the earlier one)."
        csvFilename={csvFilename(`ccg-${code}-desktop-scores`)}
        emptyMessage="No scores yet."
        pageSize={50}
        columns={[
          { key: 'criterion', header: 'Criterion', value: (s) => s.criterionId, nowrap: true },
          { key: 'score', header: 'Score', value: (s) => scoreLabel(scale, s.score) },
          { key: 'assessor', header: 'Assessor', value: (s) => s.assessor.name },
          { key: 'rationale', header: 'Rationale', value: (s) => s.rationale },
          {
            key: 'at',
            header: 'Recorded',
            value: (s) => s.scoredAt,
            render: (s) => formatDateTime(s.scoredAt),
            nowrap: true,
          },
        ]}
      />
      <DataTable<EvidenceDocument>
        id="documents"
        rows={data.documents ?? []}
        rowKey={(d) => d.documentId}
        caption="Evidence documents"
        csvFilename={csvFilename(`ccg-${code}-evidence-documents`)}
        emptyMessage="No documents."
        columns={[
          {
            key: 'title',
            header: 'Title',
            value: (d) => d.title,
            render: (d) => <a href={d.reference}>{d.title}</a>,
          },
          { key: 'type', header: 'Type', value: (d) => d.documentType.replaceAll('_', ' ') },
          { key: 'date', header: 'Date', value: (d) => d.documentDate, nowrap: true },
          { key: 'author', header: 'Author', value: (d) => d.author },
          { key: 'criteria', header: 'Criteria', value: (d) => d.criterionIds.join(' ') },
          { key: 'reference', header: 'Reference', value: (d) => d.reference, csvOnly: true },
        ]}
      />
      <DataTable<SurveyResponse>
        id="survey"
        rows={data.survey?.responses ?? []}
        rowKey={(r) => r.responseId}
        caption="360° stakeholder survey"
        description={
          data.survey
            ? `${formatInt(data.survey.summary.respondents)} of about ${formatInt(data.survey.summary.target)} respondents. ${data.survey.summary.byQuestion
                .filter((q) => q.mean !== null)
                .map((q) => `${q.questionId} mean ${q.mean}`)
                .join('; ')}`
            : undefined
        }
        csvFilename={csvFilename(`ccg-${code}-stakeholder-survey`)}
        emptyMessage="No survey responses yet."
        pageSize={50}
        columns={[
          { key: 'type', header: 'Respondent type', value: (r) => r.respondentType.replaceAll('_', ' ') },
          { key: 'name', header: 'Respondent', value: (r) => r.respondentName },
          {
            key: 'answers',
            header: 'Answers',
            value: (r) =>
              Object.entries(r.answers)
                .map(([q, a]) => `${q}=${a}`)
                .join(' '),
          },
          { key: 'comment', header: 'Comment', value: (r) => r.comment },
          { key: 'received', header: 'Received', value: (r) => r.receivedOn, nowrap: true },
        ]}
      />
      <DataTable<SiteVisit>
        id="site-visits"
        rows={data.siteVisits ?? []}
        rowKey={(v) => v.visitId}
        caption="Site visits"
        csvFilename={csvFilename(`ccg-${code}-site-visits`)}
        emptyMessage="No site visit recorded."
        columns={[
          { key: 'date', header: 'Visited', value: (v) => v.visitedOn, nowrap: true },
          { key: 'panel', header: 'Panel', value: (v) => v.panel.join(', ') },
          { key: 'notes', header: 'Notes', value: (v) => v.notes },
          {
            key: 'flags',
            header: 'Flags',
            value: (v) =>
              v.flags
                .map((f) => `${f.flag}${f.criterionId ? ` ${f.criterionId}` : ''}: ${f.note}`)
                .join(' | '),
          },
        ]}
      />
    </>
  );
}

function Content({ data, reload }: { readonly data: AssessmentResponse; readonly reload: () => void }) {
  const access = useAuthorisationAccess(data.assessorOrg);
  const app = data.application;
  if (!app) {
    return (
      <Notice title="No application">
        <p>
          {data.ccgName} has no application ({STATUS_LABELS[data.lifecycleStatus].toLowerCase()}).
          Applications are made by pathfinder CCGs in a wave.
        </p>
      </Notice>
    );
  }
  if (app.status === 'draft') {
    return (
      <Notice title="The application is still a draft">
        <p>
          The CCG is preparing its application for wave {app.wave}; assessment starts when it is submitted.
        </p>
      </Notice>
    );
  }
  const scored = data.criteria.filter((c) => c.scores.length > 0).length;
  const canScore = data.open && access.assess;
  return (
    <>
      <section className="card" aria-labelledby="application-heading">
        <h2 id="application-heading">Application</h2>
        <FactList
          facts={[
            { label: 'Wave', value: `Wave ${app.wave}` },
            { label: 'Submitted', value: formatDate(app.submittedOn) },
            { label: 'Status', value: <span data-testid="application-status">{app.status}</span> },
            { label: 'Criteria', value: `${app.criteriaVersion} (${formatInt(data.criteria.length)})` },
            { label: 'Scored', value: <span data-testid="criteria-scored">{formatInt(scored)}</span> },
            { label: 'Assessors', value: `${data.assessorOrg} (the CCG’s area team)` },
          ]}
        />
        {app.synthetic && (
          <p className="muted small">
            This application is part of the demo of the 2012–13 waves: its assessment records were not kept,
            so only the decision is shown.
          </p>
        )}
        {!data.open && <p className="muted small">The Board has decided: scoring is closed.</p>}
        {data.open && !access.loading && !access.assess && (
          <p className="muted small">
            Scores are recorded by assessors at {data.assessorOrg}; you can read them here.
          </p>
        )}
        {data.open && (data.moderationReadiness?.length ?? 0) > 0 && (
          <>
            <h3>Before moderation</h3>
            <ul data-testid="moderation-readiness">
              {data.moderationReadiness!.map((p) => (
                <li key={p.code}>{p.message}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <Criteria data={data} canScore={canScore} onSaved={reload} />
      <Records data={data} />
    </>
  );
}

export function AssessmentPage({ code }: { readonly code: string }) {
  useTitle(`Assessment of CCG ${code}`);
  const { session } = useSession();
  const { href } = useLocation();
  const [reloadKey, setReloadKey] = useState(0);
  const signedIn = session.status === 'signed-in';
  const state = useApi<AssessmentResponse>(
    signedIn ? `/api/ccgs/${seg(code)}/authorisation/assessment` : null,
    {
      reloadKey,
    },
  );
  const name = state.status === 'success' ? state.data.ccgName : `CCG ${code}`;
  let body: ReactNode;
  if (session.status === 'loading') body = <Loading label="Checking your sign-in…" />;
  else if (!signedIn)
    body = (
      <Notice title="Sign in to see the assessment">
        <p>
          The assessment is open to the CCG’s assessors at its area team and to the NHS Commissioning Board.{' '}
          <Link to={signInPath(href)}>Sign in</Link>.
        </p>
      </Notice>
    );
  else if (state.status === 'error')
    body =
      state.error.status === 403 ? (
        <NotPermitted title="You are not permitted to see this assessment" error={state.error}>
          <p>Assessments are open to the CCG’s area team, its region and the Board.</p>
        </NotPermitted>
      ) : (
        <ErrorPanel error={state.error} heading="Could not load the assessment" />
      );
  else if (state.status !== 'success') body = <Loading label="Loading the assessment…" />;
  else body = <Content data={state.data} reload={() => setReloadKey((k) => k + 1)} />;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: 'Authorisation', to: '/authorisation' },
          { label: name, to: `/ccg/${seg(code)}/authorisation` },
          { label: 'Assessment' },
        ]}
      />
      <p className="eyebrow">{name}</p>
      <h1>Assessment</h1>
      <AuthorisationTabs code={code} current="assessment" />
      {body}
    </>
  );
}
