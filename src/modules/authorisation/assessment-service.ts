import { AppError, type Problem } from '../../platform/errors.ts';
import type {
  Application,
  AssessmentProblem,
  EvidenceDocument,
  Recorder,
  SiteVisitFlag,
} from './assessment-model.ts';
import type { AuthorisationDefinitions } from './definitions.ts';
import type { LifecycleService } from './lifecycle-service.ts';
import type {
  ConditionInput,
  CriterionEvidenceStatus,
  DecisionOutcome,
  DirectionInput,
  DomainNumber,
  WaveNumber,
} from './model.ts';
import type { AuthorisationRepository } from './repository.ts';
import {
  criterionScores,
  decisionModerationProblems,
  type EvidenceDocumentInput,
  evidenceDocumentProblems,
  moderatedOutcomes,
  moderationInputProblems,
  moderationReadinessProblems,
  portfolioWarnings,
  scoreProblems,
  selfCertificationProblems,
  siteVisitProblems,
  submissionProblems,
  surveyResponseProblems,
  surveySummary,
} from './rules/index.ts';

const toProblems = (problems: readonly AssessmentProblem[], prefix = 'body'): Problem[] =>
  problems.map((p) => ({ path: `${prefix}.${p.path}`, message: p.message, code: p.code }));
const refuse = (title: string, problems: readonly AssessmentProblem[]) =>
  new AppError('conflict', title, toProblems(problems));
const invalid = (problems: readonly AssessmentProblem[]) => AppError.validation(toProblems(problems));

/** The linked evidence of each criterion on a date (governance and registry), from the readiness check. */
export type LinkedEvidence = (
  code: string,
  asAt: string,
) => Promise<ReadonlyMap<string, CriterionEvidenceStatus>>;

export interface DecisionInput {
  readonly decidedOn: string;
  readonly outcome: DecisionOutcome;
  readonly conditions: readonly ConditionInput[];
  readonly directions: readonly DirectionInput[];
  readonly reason: string;
  readonly evidenceRefs: readonly string[];
}

/**
 * An application from draft to decision: the CCG prepares it (self-certification, evidence documents)
 * and submits it in its wave; named assessors score each criterion, record the 360° survey and the site
 * visit; the Board moderates and decides. Submission and decision are lifecycle events; the rest is
 * recorded against the application, and nothing is deleted.
 */
export class AssessmentService {
  constructor(
    private readonly repo: AuthorisationRepository,
    private readonly lifecycle: LifecycleService,
    private readonly definitions: AuthorisationDefinitions,
    private readonly linkedEvidence: LinkedEvidence,
    private readonly clock: () => Date,
    private readonly newId: () => string,
  ) {}

  private get criteria() {
    return this.definitions.guide.criteria;
  }

  private now(): string {
    return this.clock().toISOString();
  }

  /** The CCG's current application: the latest one not deferred to a later wave. */
  private async current(code: string): Promise<Application | null> {
    const apps = await this.repo.applications(code);
    return apps.filter((a) => a.status !== 'deferred').at(-1) ?? null;
  }

  private async require(code: string, statuses: readonly Application['status'][], doing: string) {
    const ccg = await this.lifecycle.requireCcg(code);
    const app = await this.current(ccg.code);
    if (!app) throw AppError.notFound(`An application by ${ccg.code}`, 'params.code');
    if (!statuses.includes(app.status)) {
      throw new AppError('conflict', `Cannot ${doing}`, [
        {
          path: 'application.status',
          message: `application ${app.applicationId} (wave ${app.wave}) is ${app.status}; ${doing} needs it ${statuses.join(' or ')}`,
          code: 'application_status',
        },
      ]);
    }
    return { ccg, app };
  }

  // ---- the CCG: prepare and submit ---------------------------------------------------------------

  async application(code: string) {
    const ccg = await this.lifecycle.requireCcg(code);
    const [state, applications] = await Promise.all([
      this.lifecycle.state(ccg.code),
      this.repo.applications(ccg.code),
    ]);
    const app = applications.filter((a) => a.status !== 'deferred').at(-1) ?? null;
    const [selfCertifications, documents] = app
      ? await Promise.all([
          this.repo.selfCertifications(app.applicationId),
          this.repo.documents(app.applicationId),
        ])
      : [[], []];
    return {
      ccgCode: ccg.code,
      ccgName: ccg.name,
      lifecycleStatus: state.status,
      application: app,
      applications,
      selfCertifications,
      documents,
      readyToSubmit:
        app?.status === 'draft'
          ? submissionProblems(selfCertifications, this.criteria, this.definitions.assessment)
          : [],
      warnings: portfolioWarnings(documents, this.definitions.assessment),
    };
  }

  /** Starts a draft in a wave: a pathfinder's first, or a deferral to a later wave. */
  async createApplication(code: string, input: { wave: WaveNumber }, by: Recorder): Promise<Application> {
    const ccg = await this.lifecycle.requireCcg(code);
    const state = await this.lifecycle.state(ccg.code);
    const problems: AssessmentProblem[] = [];
    if (state.status !== 'pathfinder' && state.status !== 'applicant') {
      problems.push({
        code: 'not_applying',
        path: 'lifecycle',
        message: `${ccg.code} is ${state.status.replaceAll('_', ' ')}: applications are made by pathfinders (or deferred by applicants)`,
      });
    }
    if (state.status === 'applicant' && input.wave <= state.application.wave) {
      problems.push({
        code: 'not_a_deferral',
        path: 'wave',
        message: `${ccg.code} applied in wave ${state.application.wave}; a new application can only defer to a later wave`,
      });
    }
    const open = (await this.repo.applications(ccg.code)).find((a) => a.status === 'draft');
    if (open) {
      problems.push({
        code: 'draft_exists',
        path: 'wave',
        message: `Draft ${open.applicationId} (wave ${open.wave}) is open`,
      });
    }
    if (problems.length) throw refuse('Cannot start an application', problems);
    const app: Application = {
      applicationId: `APP-${ccg.code}-W${input.wave}-${this.newId()}`,
      ccgCode: ccg.code,
      wave: input.wave,
      criteriaVersion: this.definitions.guide.version,
      status: 'draft',
      createdAt: this.now(),
      createdBy: by,
      submittedOn: null,
      submittedBy: null,
      synthetic: false,
    };
    await this.repo.addApplication(app);
    return app;
  }

  async selfCertify(
    code: string,
    input: { criterionId: string; status: string; statement: string },
    by: Recorder,
  ) {
    const problems = selfCertificationProblems(input, this.criteria, this.definitions.assessment);
    if (problems.length) throw invalid(problems);
    const { app } = await this.require(code, ['draft'], 'self-certify');
    const record = { ...input, statement: input.statement.trim(), certifiedBy: by, certifiedAt: this.now() };
    await this.repo.putSelfCertification(app.applicationId, record);
    return { applicationId: app.applicationId, selfCertification: record };
  }

  /** Adds a document's metadata; also while submitted (the CCG may add evidence when assessors ask). */
  async addDocument(code: string, input: EvidenceDocumentInput, by: Recorder) {
    const problems = evidenceDocumentProblems(input, this.criteria, this.definitions.assessment);
    if (problems.length) throw invalid(problems);
    const { app } = await this.require(code, ['draft', 'submitted'], 'add evidence');
    const doc: EvidenceDocument = {
      ...input,
      title: input.title.trim(),
      committee: input.committee?.trim() || null,
      documentId: `DOC-${this.newId()}`,
      addedBy: by,
      addedAt: this.now(),
      synthetic: false,
    };
    await this.repo.addDocument(app.applicationId, doc);
    const documents = await this.repo.documents(app.applicationId);
    return { document: doc, warnings: portfolioWarnings(documents, this.definitions.assessment) };
  }

  /** Submits the draft in its wave: the lifecycle's apply_in_wave, dated the day of submission. */
  async submit(code: string, input: { submittedOn: string }, by: Recorder) {
    const { ccg, app } = await this.require(code, ['draft'], 'submit');
    const missing = submissionProblems(
      await this.repo.selfCertifications(app.applicationId),
      this.criteria,
      this.definitions.assessment,
    );
    if (missing.length) throw refuse('The application is not complete', missing);
    const earlier = (await this.repo.applications(ccg.code)).filter((a) => a.status === 'submitted');
    const { state } = await this.lifecycle.record(
      ccg.code,
      { kind: 'apply_in_wave', date: input.submittedOn, wave: app.wave },
      by,
      {
        reason: `Application ${app.applicationId} submitted in wave ${app.wave}`,
        evidenceRefs: [app.applicationId],
      },
      async (repo) => {
        for (const e of earlier) await repo.setApplicationStatus(e.applicationId, 'submitted', 'deferred');
        if (
          !(await repo.setApplicationStatus(app.applicationId, 'draft', 'submitted', {
            on: input.submittedOn,
            by,
          }))
        ) {
          throw new AppError('conflict', 'The application was submitted meanwhile');
        }
      },
    );
    return { applicationId: app.applicationId, status: 'submitted' as const, lifecycleStatus: state.status };
  }

  // ---- the assessors -----------------------------------------------------------------------------

  /** Everything an assessor or the Board needs for one application, criterion by criterion. */
  async assessment(code: string, asAt?: string) {
    const ccg = await this.lifecycle.requireCcg(code);
    const app = await this.current(ccg.code);
    const state = await this.lifecycle.state(ccg.code);
    const base = { ccgCode: ccg.code, ccgName: ccg.name, lifecycleStatus: state.status };
    if (!app || app.status === 'draft')
      return { ...base, application: app, open: false, criteria: [], survey: null };
    const id = app.applicationId;
    const [selfCerts, documents, scores, survey, siteVisits, moderation, linked] = await Promise.all([
      this.repo.selfCertifications(id),
      this.repo.documents(id),
      this.repo.scores(id),
      this.repo.survey(id),
      this.repo.siteVisits(id),
      this.repo.moderation(id),
      this.linkedEvidence(ccg.code, asAt ?? app.submittedOn ?? this.now().slice(0, 10)),
    ]);
    const scored = criterionScores(this.criteria, scores, moderation, this.definitions.assessment);
    const summary = surveySummary(survey, this.definitions.assessment);
    return {
      ...base,
      application: app,
      open: app.status === 'submitted',
      criteria: this.criteria.map((c, i) => ({
        id: c.id,
        domain: c.domain,
        wording: c.wording,
        provenance: c.provenance,
        selfCertification: selfCerts.find((s) => s.criterionId === c.id) ?? null,
        documents: documents.filter((d) => d.criterionIds.includes(c.id)),
        linkedEvidence: linked.get(c.id) ?? null,
        scores: scored[i]!.latest,
        meets: scored[i]!.meets,
        moderated: scored[i]!.moderated,
      })),
      documents,
      scores,
      survey: { summary, responses: survey },
      siteVisits,
      moderation,
      moderationReadiness: moderationReadinessProblems(
        scored,
        summary,
        siteVisits.length,
        this.definitions.assessment,
      ),
      scale: this.definitions.assessment.desktopReview.scale,
    };
  }

  async addScore(
    code: string,
    input: { criterionId: string; score: string; rationale: string },
    by: Recorder,
  ) {
    if (by.kind !== 'person') {
      throw AppError.validation([
        {
          path: 'actor',
          message: 'Desktop review scores are recorded by a named assessor: sign in as a person',
          code: 'named_assessor',
        },
      ]);
    }
    const problems = scoreProblems(input, this.criteria, this.definitions.assessment);
    if (problems.length) throw invalid(problems);
    const { app } = await this.require(code, ['submitted'], 'score');
    const score = {
      ...input,
      rationale: input.rationale.trim(),
      assessor: by,
      scoredAt: this.now(),
      synthetic: false,
    };
    const scoreId = await this.repo.addScore(app.applicationId, score);
    return { applicationId: app.applicationId, score: { scoreId, ...score } };
  }

  async addSurveyResponse(
    code: string,
    input: {
      respondentType: string;
      respondentOrgCode: string | null;
      respondentName: string;
      answers: Record<string, number>;
      comment: string;
      receivedOn: string;
    },
    by: Recorder,
  ) {
    const problems = surveyResponseProblems(input, this.definitions.assessment);
    if (problems.length) throw invalid(problems);
    const { app } = await this.require(code, ['submitted'], 'record a survey response');
    const response = { ...input, responseId: `SR-${this.newId()}`, recordedBy: by, synthetic: false };
    await this.repo.addSurveyResponse(app.applicationId, response);
    const all = await this.repo.survey(app.applicationId);
    return { response, summary: surveySummary(all, this.definitions.assessment) };
  }

  async addSiteVisit(
    code: string,
    input: { visitedOn: string; panel: string[]; notes: string; flags: SiteVisitFlag[] },
    by: Recorder,
  ) {
    const problems = siteVisitProblems(input, this.criteria);
    if (problems.length) throw invalid(problems);
    const { app } = await this.require(code, ['submitted'], 'record a site visit');
    const visit = { ...input, visitId: `SV-${this.newId()}`, recordedBy: by, synthetic: false };
    await this.repo.addSiteVisit(app.applicationId, visit);
    return { visit };
  }

  // ---- the Board: moderation and decision ---------------------------------------------------------

  async moderate(
    code: string,
    input: {
      criterionId: string | null;
      domain: DomainNumber | null;
      outcome: 'met' | 'not_met';
      rationale: string;
    },
    by: Recorder,
  ) {
    const problems = moderationInputProblems(input, this.criteria);
    if (problems.length) throw invalid(problems);
    const { app } = await this.require(code, ['submitted'], 'moderate');
    const id = app.applicationId;
    const [scores, survey, visits, moderation] = await Promise.all([
      this.repo.scores(id),
      this.repo.survey(id),
      this.repo.siteVisits(id),
      this.repo.moderation(id),
    ]);
    const scored = criterionScores(this.criteria, scores, moderation, this.definitions.assessment);
    const waiting = moderationReadinessProblems(
      scored,
      surveySummary(survey, this.definitions.assessment),
      visits.length,
      this.definitions.assessment,
    );
    if (waiting.length) throw refuse('The assessment is not complete enough to moderate', waiting);
    await this.repo.addModeration(id, {
      ...input,
      rationale: input.rationale.trim(),
      moderatedBy: by,
      moderatedAt: this.now(),
    });
    const outcomes = moderatedOutcomes(this.criteria, await this.repo.moderation(id));
    return {
      applicationId: id,
      moderated: [...outcomes.values()].filter((o) => o !== null).length,
      notMet: [...outcomes].filter(([, o]) => o === 'not_met').map(([c]) => c),
    };
  }

  /**
   * The Board's decision on the submitted application: checked against the moderation (every criterion
   * not met becomes a condition), then recorded as the lifecycle's decision event.
   */
  async decide(code: string, input: DecisionInput, by: Recorder) {
    // A decided application may be decided again only where the lifecycle allows it (a CCG established
    // but not authorised, under directions); the state machine refuses it otherwise, naming the state.
    const { ccg, app } = await this.require(code, ['submitted', 'decided'], 'decide');
    // The moderation binds the decision on the submitted application, not a later one.
    const outcomes = moderatedOutcomes(this.criteria, await this.repo.moderation(app.applicationId));
    const moderated = app.status === 'submitted' && [...outcomes.values()].some((o) => o !== null);
    const problems = moderated
      ? decisionModerationProblems(input.conditions, outcomes, this.definitions.assessment)
      : [];
    if (problems.length) throw refuse('The decision does not follow the moderation', problems);
    if (!input.reason.trim())
      throw invalid([
        { code: 'reason_required', path: 'reason', message: 'Record the reasons for the decision' },
      ]);
    const { state, entry } = await this.lifecycle.record(
      ccg.code,
      {
        kind: 'decision',
        date: input.decidedOn,
        outcome: input.outcome,
        conditions: input.conditions,
        directions: input.directions,
      },
      by,
      { reason: input.reason.trim(), evidenceRefs: [app.applicationId, ...input.evidenceRefs] },
      async (repo) => {
        if (
          app.status === 'submitted' &&
          !(await repo.setApplicationStatus(app.applicationId, 'submitted', 'decided'))
        ) {
          throw new AppError('conflict', 'The application was decided meanwhile');
        }
      },
    );
    return { applicationId: app.applicationId, lifecycleStatus: state.status, decision: entry.event, state };
  }
}
