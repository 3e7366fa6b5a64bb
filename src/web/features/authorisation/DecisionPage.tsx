import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorSummary, type FieldError, TextField } from '../../components/Form.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { useTitle } from '../../components/use-title.ts';
import { type ApiError, seg, send, toApiError } from '../../lib/api.ts';
import { isIsoDate } from '../../lib/as-at.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatDate, localIsoDate } from '../../lib/format.ts';
import { useSession } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { AuthorisationTabs } from './AuthorisationTabs.tsx';
import { useAuthorisationAccess } from './access.ts';
import { BasisBadge } from './BasisBadge.tsx';
import { ConditionsTable, DirectionsTable } from './CcgAuthorisationPage.tsx';
import { directionExerciser, outcomeLabel, STATUS_LABELS, supportLevelLabel } from './labels.ts';
import type {
  AssessmentResponse,
  CcgAuthorisationResponse,
  CcgAuthorisationSummary,
  DefinitionsResponse,
  HistoryEntry,
  HistoryResponse,
  Intervention,
  InterventionsResponse,
  PublishedAssessment,
  PublishedAssessmentsResponse,
} from './types.ts';

type Outcome = 'authorise' | 'authorise_with_conditions' | 'not_authorised_with_directions';
interface ConditionRow {
  readonly key: number;
  criterionId: string;
  supportLevel: number;
  reviewDate: string;
  description: string;
}
interface DirectionRow {
  readonly key: number;
  functions: string;
  by: 'board' | 'ccg';
  ccgCode: string;
  ccgName: string;
}

const OUTCOMES: readonly { readonly id: Outcome; readonly label: string }[] = [
  { id: 'authorise', label: 'Authorise' },
  { id: 'authorise_with_conditions', label: 'Authorise with conditions' },
  { id: 'not_authorised_with_directions', label: 'Establish without authorisation, under directions' },
];

let rowKey = 0;

/** Adds or removes a row of a repeating group (a condition, a direction). */
function RowButton({
  action,
  onClick,
  children,
}: {
  readonly action: 'add' | 'remove';
  readonly onClick: () => void;
  readonly children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={action === 'add' ? 'button button--secondary' : 'button button--link'}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/** The Board's decision on a submitted application: outcome, conditions with support levels and review dates, directions. */
function DecisionForm({
  code,
  assessment,
  definitions,
  onDecided,
}: {
  readonly code: string;
  readonly assessment: AssessmentResponse;
  readonly definitions: DefinitionsResponse;
  readonly onDecided: () => void;
}) {
  const ids = { date: useId(), outcome: useId(), reason: useId() };
  const unmet = assessment.criteria.filter((c) => c.moderated === 'not_met');
  const [decidedOn, setDecidedOn] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(unmet.length ? 'authorise_with_conditions' : 'authorise');
  const [reason, setReason] = useState('');
  const [conditions, setConditions] = useState<ConditionRow[]>(() =>
    unmet.map((c) => ({
      key: ++rowKey,
      criterionId: c.id,
      supportLevel: 1,
      reviewDate: '',
      description: `Not met: ${c.wording}`,
    })),
  );
  const [directions, setDirections] = useState<DirectionRow[]>([]);
  const [fieldErrors, setFieldErrors] = useState<FieldError[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const update = <T extends { key: number }>(
    set: (f: (rows: T[]) => T[]) => void,
    key: number,
    patch: Partial<T>,
  ) => set((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const remove = <T extends { key: number }>(set: (f: (rows: T[]) => T[]) => void, key: number) =>
    set((rows) => rows.filter((r) => r.key !== key));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors: FieldError[] = [];
    if (!isIsoDate(decidedOn)) errors.push({ fieldId: ids.date, message: 'Enter the date of the decision' });
    if (!reason.trim()) errors.push({ fieldId: ids.reason, message: 'Record the reasons for the decision' });
    conditions.forEach((c, i) => {
      if (!isIsoDate(c.reviewDate))
        errors.push({
          fieldId: `condition-${c.key}-review`,
          message: `Enter a review date for condition ${i + 1}`,
        });
    });
    setFieldErrors(errors);
    if (errors.length) return;
    setBusy(true);
    setError(null);
    try {
      await send('POST', `/api/ccgs/${seg(code)}/authorisation/decision`, {
        decidedOn,
        outcome,
        reason,
        conditions: conditions.map((c, i) => ({
          conditionId: `C${i + 1}`,
          criterionIds: [c.criterionId],
          domain: Number(c.criterionId[0]),
          supportLevel: c.supportLevel,
          reviewDate: c.reviewDate,
          description: c.description,
        })),
        directions: directions.map((d, i) => ({
          directionId: `D${i + 1}`,
          functions: d.functions
            .split(/\r?\n/)
            .map((f) => f.trim())
            .filter(Boolean),
          exercisedBy:
            d.by === 'board' ? { kind: 'board' } : { kind: 'ccg', ccgCode: d.ccgCode, ccgName: d.ccgName },
        })),
      });
      onDecided();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="decide-heading" data-testid="decision-form">
      <h2 id="decide-heading">Record the Board’s decision</h2>
      <p className="muted small">
        {unmet.length
          ? `Moderation found ${unmet.length} criteria not met; each is a condition below (every unmet criterion becomes a condition).`
          : 'No criterion was moderated as not met.'}{' '}
        Levels IV–VI bring legal directions: name who exercises which functions.
      </p>
      <ErrorSummary errors={fieldErrors} />
      {error && <ErrorPanel error={error} heading="The decision was not recorded" focus />}
      <form className="form" onSubmit={submit} noValidate aria-labelledby="decide-heading">
        <TextField
          id={ids.date}
          label="Date of the decision"
          type="date"
          width="short"
          value={decidedOn}
          error={fieldErrors.find((e) => e.fieldId === ids.date)?.message ?? null}
          onChange={(e) => setDecidedOn(e.target.value)}
        />
        <div className="field">
          <label htmlFor={ids.outcome} className="field-label">
            Outcome
          </label>
          <select
            id={ids.outcome}
            name="outcome"
            className="select"
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as Outcome)}
          >
            {OUTCOMES.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </div>

        <fieldset className="fieldset">
          <legend>Conditions</legend>
          {conditions.length === 0 && <p className="muted small">No conditions.</p>}
          {conditions.map((c, i) => (
            <div key={c.key} className="condition-row" data-testid={`condition-${i + 1}`}>
              <p className="field-label">Condition {i + 1}</p>
              <label className="field-label" htmlFor={`condition-${c.key}-criterion`}>
                Criterion
              </label>
              <select
                id={`condition-${c.key}-criterion`}
                name="criterionId"
                className="select"
                value={c.criterionId}
                onChange={(e) => update(setConditions, c.key, { criterionId: e.target.value })}
              >
                {definitions.criteria.map((k) => (
                  <option key={k.id} value={k.id}>
                    {k.id} — {k.wording.slice(0, 90)}
                  </option>
                ))}
              </select>
              <label className="field-label" htmlFor={`condition-${c.key}-level`}>
                Support level
              </label>
              <select
                id={`condition-${c.key}-level`}
                name="supportLevel"
                className="select"
                value={c.supportLevel}
                onChange={(e) => update(setConditions, c.key, { supportLevel: Number(e.target.value) })}
              >
                {definitions.supportLevels.map((l) => (
                  <option key={l.level} value={l.level}>
                    {supportLevelLabel(l.level)}: {l.definition.slice(0, 80)}
                    {l.bringsDirections ? ' (brings directions)' : ''}
                  </option>
                ))}
              </select>
              <TextField
                id={`condition-${c.key}-review`}
                label="Review date"
                type="date"
                width="short"
                value={c.reviewDate}
                error={fieldErrors.find((e) => e.fieldId === `condition-${c.key}-review`)?.message ?? null}
                onChange={(e) => update(setConditions, c.key, { reviewDate: e.target.value })}
              />
              <TextField
                label="Condition"
                value={c.description}
                onChange={(e) => update(setConditions, c.key, { description: e.target.value })}
              />
              <RowButton action="remove" onClick={() => remove(setConditions, c.key)}>
                Remove condition {i + 1}
              </RowButton>
            </div>
          ))}
          <RowButton
            action="add"
            onClick={() =>
              setConditions((rows) => [
                ...rows,
                {
                  key: ++rowKey,
                  criterionId: definitions.criteria[0]!.id,
                  supportLevel: 1,
                  reviewDate: '',
                  description: '',
                },
              ])
            }
          >
            Add a condition
          </RowButton>
        </fieldset>

        <fieldset className="fieldset">
          <legend>Directions</legend>
          {directions.length === 0 && <p className="muted small">No directions.</p>}
          {directions.map((d, i) => (
            <div key={d.key} className="direction-row" data-testid={`direction-${i + 1}`}>
              <label className="field-label" htmlFor={`direction-${d.key}-functions`}>
                Direction {i + 1}: functions (one per line)
              </label>
              <textarea
                id={`direction-${d.key}-functions`}
                name="functions"
                className="textarea"
                rows={2}
                value={d.functions}
                onChange={(e) => update(setDirections, d.key, { functions: e.target.value })}
              />
              <label className="field-label" htmlFor={`direction-${d.key}-by`}>
                Exercised by
              </label>
              <select
                id={`direction-${d.key}-by`}
                name="exercisedBy"
                className="select"
                value={d.by}
                onChange={(e) => update(setDirections, d.key, { by: e.target.value as 'board' | 'ccg' })}
              >
                <option value="board">The Board</option>
                <option value="ccg">Another CCG</option>
              </select>
              {d.by === 'ccg' && (
                <>
                  <TextField
                    label="CCG code"
                    width="short"
                    value={d.ccgCode}
                    onChange={(e) => update(setDirections, d.key, { ccgCode: e.target.value.toUpperCase() })}
                  />
                  <TextField
                    label="CCG name"
                    value={d.ccgName}
                    onChange={(e) => update(setDirections, d.key, { ccgName: e.target.value })}
                  />
                </>
              )}
              <RowButton action="remove" onClick={() => remove(setDirections, d.key)}>
                Remove direction {i + 1}
              </RowButton>
            </div>
          ))}
          <RowButton
            action="add"
            onClick={() =>
              setDirections((rows) => [
                ...rows,
                { key: ++rowKey, functions: '', by: 'board', ccgCode: '', ccgName: '' },
              ])
            }
          >
            Add a direction
          </RowButton>
        </fieldset>

        <div className="field">
          <label htmlFor={ids.reason} className="field-label">
            Reasons for the decision
          </label>
          <textarea
            id={ids.reason}
            name="reason"
            className="textarea"
            rows={3}
            value={reason}
            aria-invalid={fieldErrors.some((e) => e.fieldId === ids.reason) ? true : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Recording…' : 'Record the decision'}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The Board lifts a standing condition on a date, giving its reason. */
function LiftConditions({
  a,
  onLifted,
}: {
  readonly a: CcgAuthorisationSummary;
  readonly onLifted: () => void;
}) {
  const standing = a.conditions.filter((c) => c.liftedOn === null);
  const [date, setDate] = useState(localIsoDate());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const lift = async (conditionId: string) => {
    setError(null);
    try {
      await send('POST', `/api/ccgs/${seg(a.code)}/authorisation/events`, {
        kind: 'lift_condition',
        date,
        conditionId,
        reason: reason.trim() || `Condition ${conditionId} met`,
      });
      onLifted();
    } catch (err) {
      setError(toApiError(err));
    }
  };
  if (!standing.length) return null;
  return (
    <section className="card" aria-labelledby="lift-heading">
      <h2 id="lift-heading">Review the conditions</h2>
      {error && <ErrorPanel error={error} heading="The condition was not lifted" focus />}
      <TextField
        label="Date of the review"
        type="date"
        width="short"
        value={date}
        onChange={(e) => setDate(e.target.value)}
      />
      <TextField label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      <ul className="plain-list">
        {standing.map((c) => (
          <li key={c.conditionId}>
            {c.conditionId} ({c.criterionIds.join(', ')}, {supportLevelLabel(c.supportLevel)}){' '}
            <button
              type="button"
              className="button button--small button--secondary"
              onClick={() => lift(c.conditionId)}
            >
              Lift {c.conditionId}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function AnnualAssessments({ code }: { readonly code: string }) {
  const state = useApi<PublishedAssessmentsResponse>(`/api/ccgs/${seg(code)}/annual-assessments`);
  if (state.status === 'error')
    return <ErrorPanel error={state.error} heading="Could not load the annual assessments" />;
  if (state.status !== 'success') return <Loading label="Loading the annual assessments…" />;
  return (
    <DataTable<PublishedAssessment>
      id="annual-assessments"
      rows={state.data.items}
      rowKey={(a) => a.assessmentId}
      caption="Annual assessments (s14Z16)"
      description="The Board’s published summaries, with each relevant health and wellbeing board’s view."
      csvFilename={csvFilename(`ccg-${code}-annual-assessments`)}
      emptyMessage="No annual assessment has been published."
      columns={[
        { key: 'year', header: 'Year', value: (a) => a.financialYear, nowrap: true },
        { key: 'rating', header: 'Rating', value: (a) => (a.rating ?? '').replaceAll('_', ' ') },
        { key: 'summary', header: 'Summary', value: (a) => a.summary },
        {
          key: 'hwbs',
          header: 'HWB views',
          value: (a) =>
            a.hwbViews
              .map((h) => `${h.hwbName}: ${h.view ? h.view.replaceAll('_', ' ') : 'no response'}`)
              .join('; '),
        },
        {
          key: 'published',
          header: 'Published',
          value: (a) => a.publishedOn,
          render: (a) => formatDate(a.publishedOn),
          nowrap: true,
        },
      ]}
    />
  );
}

function Interventions({ code }: { readonly code: string }) {
  const state = useApi<InterventionsResponse>(`/api/ccgs/${seg(code)}/interventions`);
  if (state.status === 'error')
    return <ErrorPanel error={state.error} heading="Could not load the interventions" />;
  if (state.status !== 'success') return <Loading label="Loading the interventions…" />;
  const rows = state.data.items.flatMap((i: Intervention) => i.directions.map((d) => ({ i, d })));
  return (
    <DataTable<(typeof rows)[number]>
      id="interventions"
      rows={rows}
      rowKey={(r) => r.d.directionId}
      caption="Intervention (s14Z21)"
      description="Directions the Board has given an established CCG it found failing, or at significant risk of failing."
      csvFilename={csvFilename(`ccg-${code}-interventions`)}
      emptyMessage="No intervention."
      columns={[
        { key: 'intervention', header: 'Intervention', value: (r) => r.i.interventionId, csvOnly: true },
        { key: 'grounds', header: 'Grounds', value: (r) => r.i.grounds },
        { key: 'power', header: 'Power', value: (r) => r.d.power.replaceAll('_', ' ') },
        { key: 'functions', header: 'Functions', value: (r) => r.d.functions.join('; ') },
        { key: 'by', header: 'Performed by', value: (r) => directionExerciser(r.d) },
        { key: 'given', header: 'Given', value: (r) => r.d.givenOn, nowrap: true },
        { key: 'lifted', header: 'Lifted', value: (r) => r.d.liftedOn ?? 'in force', nowrap: true },
      ]}
    />
  );
}

function History({ code }: { readonly code: string }) {
  const state = useApi<HistoryResponse>(`/api/ccgs/${seg(code)}/authorisation/history`);
  if (state.status === 'error')
    return state.error.status === 403 ? null : (
      <ErrorPanel error={state.error} heading="Could not load the history" />
    );
  if (state.status !== 'success') return <Loading label="Loading the history…" />;
  return (
    <DataTable<HistoryEntry>
      id="history"
      rows={state.data.items}
      rowKey={(h) => String(h.seq)}
      caption="Lifecycle history"
      description="Every event, in order: never rewritten (internal to the CCG and the Board)."
      csvFilename={csvFilename(`ccg-${code}-authorisation-history`)}
      columns={[
        { key: 'seq', header: '#', value: (h) => h.seq, numeric: true },
        { key: 'date', header: 'Date', value: (h) => h.date, nowrap: true },
        { key: 'event', header: 'Event', value: (h) => h.event.kind.replaceAll('_', ' ') },
        { key: 'to', header: 'Then', value: (h) => STATUS_LABELS[h.to] },
        { key: 'actor', header: 'Recorded by', value: (h) => h.actor.name },
        { key: 'reason', header: 'Reason', value: (h) => h.reason },
        {
          key: 'basis',
          header: 'Basis',
          value: (h) => h.provenance?.basis ?? 'recorded',
          render: (h) => (
            <BasisBadge basis={h.provenance?.basis ?? 'recorded'} source={h.provenance?.source} />
          ),
        },
        { key: 'evidence', header: 'Evidence', value: (h) => h.evidenceRefs.join(' | '), csvOnly: true },
      ]}
    />
  );
}

/** For the Board: the decision form while the CCG is an applicant (read from its assessment). */
function BoardDecision({ code, onDecided }: { readonly code: string; readonly onDecided: () => void }) {
  const assessment = useApi<AssessmentResponse>(`/api/ccgs/${seg(code)}/authorisation/assessment`);
  const definitions = useApi<DefinitionsResponse>('/api/authorisation/definitions', { cache: true });
  if (assessment.status === 'error')
    return <ErrorPanel error={assessment.error} heading="Could not load the application" />;
  if (definitions.status === 'error')
    return <ErrorPanel error={definitions.error} heading="Could not load the criteria" />;
  if (assessment.status !== 'success' || definitions.status !== 'success')
    return <Loading label="Loading the application…" />;
  const a = assessment.data;
  if (!a.open) {
    return (
      <Notice title="Nothing to decide">
        <p>
          {a.ccgName} is {STATUS_LABELS[a.lifecycleStatus].toLowerCase()}: the Board decides on a submitted
          application.
        </p>
      </Notice>
    );
  }
  return <DecisionForm code={code} assessment={a} definitions={definitions.data} onDecided={onDecided} />;
}

export function DecisionPage({ code }: { readonly code: string }) {
  const [reloadKey, setReloadKey] = useState(0);
  const state = useApi<CcgAuthorisationResponse>(`/api/ccgs/${seg(code)}/authorisation`, { reloadKey });
  const { session } = useSession();
  const access = useAuthorisationAccess(null);
  const a = state.status === 'success' ? state.data.authorisation : null;
  const undecided = state.status === 'error' && state.error.status === 404;
  useTitle(a ? `Decision on ${a.name}` : `Decision on CCG ${code}`);
  const reload = () => setReloadKey((k) => k + 1);
  let decision: ReactNode;
  if (a) {
    decision = (
      <>
        <section className="card" aria-labelledby="decision-summary">
          <h2 id="decision-summary">Decision</h2>
          <p data-testid="decision-outcome">
            <strong>{outcomeLabel(a)}</strong> on {formatDate(a.decidedOn)} (wave {a.wave}); now{' '}
            <strong data-testid="decision-status">{STATUS_LABELS[a.status]}</strong>.{' '}
            <BasisBadge basis={a.provenance.outcome.basis} source={a.provenance.outcome.source} />
          </p>
        </section>
        <ConditionsTable a={a} />
        <DirectionsTable a={a} />
        {access.board && <LiftConditions a={a} onLifted={reload} />}
      </>
    );
  } else if (undecided) {
    decision = (
      <>
        <Notice title="No decision yet">
          <p>{state.status === 'error' ? state.error.problems[0]?.message : ''}</p>
        </Notice>
        {access.board && <BoardDecision code={code} onDecided={reload} />}
      </>
    );
  } else if (state.status === 'error') {
    decision = <ErrorPanel error={state.error} heading="Could not load the decision" />;
  } else {
    decision = <Loading label="Loading the decision…" />;
  }
  return (
    <>
      <Breadcrumbs
        items={[
          { label: 'Authorisation', to: '/authorisation' },
          { label: a?.name ?? code, to: `/ccg/${seg(code)}/authorisation` },
          { label: 'Decision' },
        ]}
      />
      <p className="eyebrow">{a?.name ?? `CCG ${code}`}</p>
      <h1>Decision, conditions and assurance</h1>
      <AuthorisationTabs code={code} current="decision" />
      {decision}
      <AnnualAssessments code={code} />
      <Interventions code={code} />
      {session.status === 'signed-in' && <History key={reloadKey} code={code} />}
    </>
  );
}
