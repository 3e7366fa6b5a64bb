import { AppError, type Problem } from '../../platform/errors.ts';
import type { OrganisationRepository } from '../organisations/repository.ts';
import type { AssessmentProblem, Recorder } from './assessment-model.ts';
import type {
  AnnualAssessment,
  FunctionsExercisedBy,
  HwbResponseInput,
  Intervention,
  InterventionGround,
  InterventionPowerId,
  ManualTriggerEvidence,
} from './assurance-model.ts';
import type { AssuranceRepository } from './assurance-repository.ts';
import type { AuthorisationDefinitions } from './definitions.ts';
import type { LifecycleService } from './lifecycle-service.ts';
import type { FinancialPosition, GovernanceFindings, OutcomeFailures, TriggerResult } from './model.ts';
import {
  assessInterventionTriggers,
  giveDirection,
  hwbReadinessRecusals,
  hwbResponseProblems,
  liftInterventionDirections,
  openIntervention,
  openingPlan,
  type PublicationInput,
  publicationProblems,
  publishedSummary,
  recordConsultation,
  recordReview,
  varyInterventionDirection,
} from './rules/index.ts';

const toProblems = (problems: readonly AssessmentProblem[]): Problem[] =>
  problems.map((p) => ({ path: `body.${p.path}`, message: p.message, code: p.code }));
const ESTABLISHED = [
  'established_authorised',
  'established_with_conditions',
  'established_not_authorised_under_directions',
];

/** Which module feeds each trigger source, and how the evidence was got. */
const FEEDS = {
  governance: 'Live from the governance module (the compliance panel on the date)',
  finance: 'The finance module will feed this; until it exists, evidence is entered by hand',
  outcomes: 'The outcomes module will feed this; until it exists, evidence is entered by hand',
} as const;

export type GovernanceFindingsOn = (code: string, asAt: string) => Promise<GovernanceFindings | null>;

/**
 * The Board's ongoing assurance of established CCGs: the annual assessment (s14Z16), consulting each
 * relevant HWB and publishing a summary; the computed intervention triggers with their evidence; and
 * intervention records (s14Z21) from grounds to lifting.
 */
export class AssuranceService {
  constructor(
    private readonly repo: AssuranceRepository,
    private readonly orgs: OrganisationRepository,
    private readonly lifecycle: LifecycleService,
    private readonly definitions: AuthorisationDefinitions,
    private readonly governanceFindings: GovernanceFindingsOn,
    private readonly clock: () => Date,
    private readonly newId: () => string,
  ) {}

  private async requireEstablished(code: string, doing: string) {
    const ccg = await this.lifecycle.requireCcg(code);
    const state = await this.lifecycle.state(ccg.code);
    if (!ESTABLISHED.includes(state.status)) {
      throw new AppError('conflict', `Cannot ${doing}`, [
        {
          path: 'params.code',
          message: `${ccg.code} is ${state.status.replaceAll('_', ' ')}: ${doing} applies to established CCGs (from ${this.definitions.waves.establishmentDate})`,
          code: 'not_established',
        },
      ]);
    }
    return ccg;
  }

  private async names(codes: readonly string[]): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const code of codes) out[code] = (await this.orgs.get(code))?.name ?? code;
    return out;
  }

  // ---- annual assessment (s14Z16) -----------------------------------------------------------------

  /** The published summaries (public). */
  async publishedAssessments(code: string) {
    const ccg = await this.lifecycle.requireCcg(code);
    const items = await this.repo.annualAssessments(ccg.code, { publishedOnly: true });
    const names = await this.names([...new Set(items.flatMap((a) => a.hwbCodes))]);
    return { ccgCode: ccg.code, ccgName: ccg.name, items: items.map((a) => publishedSummary(a, names)) };
  }

  async assessments(code: string) {
    const ccg = await this.lifecycle.requireCcg(code);
    return {
      ccgCode: ccg.code,
      items: await this.repo.annualAssessments(ccg.code, { publishedOnly: false }),
    };
  }

  async annualAssessment(id: string): Promise<AnnualAssessment> {
    const a = await this.repo.annualAssessment(id);
    if (!a) throw AppError.notFound(`Annual assessment ${id}`, 'params.assessmentId');
    return a;
  }

  /** The CCG an annual assessment is of (the access policy's owner); null when there is none. */
  annualAssessmentCcg(id: string): Promise<string | null> {
    return this.repo.annualAssessmentCcg(id);
  }

  /** Opens the year's assessment and consults each relevant HWB: the CCG's overlaps_hwb on the day. */
  async openAnnualAssessment(code: string, input: { financialYear: string; openedOn: string }, by: Recorder) {
    const ccg = await this.requireEstablished(code, 'an annual assessment');
    const related = await this.orgs.related(ccg.code, input.openedOn);
    const hwbCodes = related
      .filter((r) => r.kind === 'overlaps_hwb' && r.direction === 'outgoing')
      .map((r) => r.code)
      .sort();
    const plan = openingPlan({ ...input, hwbCodes }, this.definitions.assurance);
    if (plan.problems.length) throw AppError.validation(toProblems(plan.problems));
    const existing = await this.repo.annualAssessments(ccg.code, { publishedOnly: false });
    if (existing.some((a) => a.financialYear === input.financialYear)) {
      throw new AppError('conflict', 'Annual assessment already opened', [
        {
          path: 'body.financialYear',
          message: `${ccg.code} already has an assessment for ${input.financialYear}`,
          code: 'duplicate',
        },
      ]);
    }
    const assessment: AnnualAssessment = {
      assessmentId: `AA-${ccg.code}-${input.financialYear}`,
      ccgCode: ccg.code,
      financialYear: input.financialYear,
      status: 'consulting',
      openedOn: input.openedOn,
      consultationCloses: plan.consultationCloses,
      hwbCodes,
      responses: [],
      rating: null,
      findings: [],
      summary: null,
      publishedOn: null,
      openedBy: by,
      publishedBy: null,
      synthetic: false,
    };
    await this.repo.addAnnualAssessment(assessment);
    return assessment;
  }

  /** An HWB's view; replaces its earlier one until publication. Its CCG representatives are recused. */
  async respond(id: string, hwbCode: string, input: HwbResponseInput, by: Recorder) {
    return this.repo.transaction(async (repo) => {
      const a = await repo.annualAssessment(id, true);
      if (!a) throw AppError.notFound(`Annual assessment ${id}`, 'params.assessmentId');
      const code = hwbCode.toUpperCase();
      const problems = hwbResponseProblems(a, code, input, this.definitions.assurance);
      if (problems.length) {
        const conflict = problems.some((p) => p.code === 'published' || p.code === 'not_consulted');
        throw new AppError(
          conflict ? 'conflict' : 'validation',
          'The HWB response cannot be recorded',
          toProblems(problems),
        );
      }
      const recusals = input.meeting
        ? hwbReadinessRecusals(
            {
              itemId: `${a.assessmentId}-${code}`,
              title: `Annual assessment of ${a.ccgCode}`,
              ccgCodes: [a.ccgCode],
              decision: true,
            },
            input.meeting.attendees,
            input.meeting.date,
          )
        : null;
      const response = {
        hwbCode: code,
        view: input.view,
        comments: input.comments.trim(),
        respondedOn: input.respondedOn,
        respondedBy: by,
        recusals,
      };
      const next = { ...a, responses: [...a.responses.filter((r) => r.hwbCode !== code), response] };
      await repo.saveAnnualAssessment(next);
      return {
        assessmentId: a.assessmentId,
        response,
        waitingFor: next.hwbCodes.filter((h) => !next.responses.some((r) => r.hwbCode === h)),
      };
    });
  }

  async publish(id: string, input: PublicationInput, by: Recorder) {
    const published = await this.repo.transaction(async (repo) => {
      const a = await repo.annualAssessment(id, true);
      if (!a) throw AppError.notFound(`Annual assessment ${id}`, 'params.assessmentId');
      const problems = publicationProblems(a, input, this.definitions.assurance);
      if (problems.length) {
        const conflict = problems.some((p) => p.code === 'published' || p.code === 'hwb_not_consulted');
        throw new AppError(
          conflict ? 'conflict' : 'validation',
          'The summary cannot be published',
          toProblems(problems),
        );
      }
      const next: AnnualAssessment = {
        ...a,
        status: 'published',
        rating: input.rating,
        findings: input.findings,
        summary: input.summary.trim(),
        publishedOn: input.publishedOn,
        publishedBy: by,
      };
      await repo.saveAnnualAssessment(next);
      return next;
    });
    // Outside the transaction: on PGlite it holds the only connection.
    return publishedSummary(published, await this.names(published.hwbCodes));
  }

  // ---- intervention triggers ---------------------------------------------------------------------

  async addTriggerEvidence(
    code: string,
    input:
      | {
          source: 'finance';
          asAt: string;
          financialYear: string;
          allocationPence: number;
          forecastOutturnPence: number;
          note: string;
        }
      | {
          source: 'outcomes';
          asAt: string;
          indicatorsAssessed: number;
          failures: { indicatorId: string; description: string }[];
          note: string;
        },
    by: Recorder,
  ) {
    const ccg = await this.lifecycle.requireCcg(code);
    const { source, asAt, note, ...detail } = input;
    if (source === 'outcomes' && input.failures.length > input.indicatorsAssessed) {
      throw AppError.validation([
        {
          path: 'body.failures',
          message: `${input.failures.length} failures of ${input.indicatorsAssessed} indicators assessed`,
          code: 'too_many',
        },
      ]);
    }
    const evidence: ManualTriggerEvidence = {
      source,
      asAt,
      detail,
      note: note.trim(),
      recordedBy: by,
      recordedAt: this.clock().toISOString(),
    };
    await this.repo.addTriggerEvidence(ccg.code, evidence);
    return { ccgCode: ccg.code, evidence, triggers: await this.triggers(ccg.code, asAt) };
  }

  /** Every trigger on the date with its evidence and where that evidence comes from. */
  async triggers(code: string, asAt: string) {
    const ccg = await this.lifecycle.requireCcg(code);
    const [governance, manual] = await Promise.all([
      this.governanceFindings(ccg.code, asAt),
      this.repo.latestTriggerEvidence(ccg.code),
    ]);
    const finance = manual.find((m) => m.source === 'finance');
    const outcomes = manual.find((m) => m.source === 'outcomes');
    const financial: FinancialPosition | null = finance
      ? { asAt: finance.asAt, ...(finance.detail as Omit<FinancialPosition, 'asAt'>) }
      : null;
    const outcomeFailures: OutcomeFailures | null = outcomes
      ? { asAt: outcomes.asAt, ...(outcomes.detail as Omit<OutcomeFailures, 'asAt'>) }
      : null;
    const assessment = assessInterventionTriggers(
      { ccgCode: ccg.code, governance, financial, outcomes: outcomeFailures },
      this.definitions.triggers,
    );
    const source = (r: TriggerResult) =>
      this.definitions.triggers.triggers.find((t) => t.id === r.triggerId)!.source;
    const feed = (r: TriggerResult) => {
      const s = source(r);
      const m = s === 'finance' ? finance : s === 'outcomes' ? outcomes : undefined;
      return {
        source: s,
        feed: FEEDS[s],
        manual: m ? { asAt: m.asAt, note: m.note, recordedBy: m.recordedBy, recordedAt: m.recordedAt } : null,
      };
    };
    return {
      ccgCode: ccg.code,
      asAt,
      results: assessment.results.map((r) => ({ ...r, ...feed(r) })),
      raised: assessment.raised.map((r) => ({ ...r, ...feed(r) })),
    };
  }

  // ---- interventions (s14Z21) ---------------------------------------------------------------------

  async interventions(code: string, options: { publicOnly: boolean }) {
    const ccg = await this.lifecycle.requireCcg(code);
    return { ccgCode: ccg.code, ccgName: ccg.name, items: await this.repo.interventions(ccg.code, options) };
  }

  async intervention(id: string): Promise<Intervention> {
    const i = await this.repo.intervention(id);
    if (!i) throw AppError.notFound(`Intervention ${id}`, 'params.interventionId');
    return i;
  }

  async open(
    code: string,
    input: { ground: InterventionGround; grounds: string; openedOn: string },
    by: Recorder,
  ) {
    const ccg = await this.requireEstablished(code, 'intervention under s14Z21');
    const { raised } = await this.triggers(ccg.code, input.openedOn);
    const result = openIntervention(
      {
        interventionId: `INT-${ccg.code}-${this.newId()}`,
        ccgCode: ccg.code,
        ...input,
        grounds: input.grounds.trim(),
        triggers: raised.map((r) => ({ triggerId: r.triggerId, title: r.title, evidence: r.evidence })),
        openedBy: by,
        synthetic: false,
      },
      this.definitions.assurance,
    );
    if (!result.ok) throw AppError.validation(toProblems(result.problems));
    await this.repo.addIntervention(result.next);
    return result.next;
  }

  private async step(
    id: string,
    what: string,
    run: (i: Intervention) => Promise<ReturnType<typeof giveDirection>>,
  ) {
    return this.repo.transaction(async (repo) => {
      const i = await repo.intervention(id, true);
      if (!i) throw AppError.notFound(`Intervention ${id}`, 'params.interventionId');
      const result = await run(i);
      if (!result.ok) {
        const conflict = result.problems.some((p) =>
          [
            'lifted',
            'not_in_force',
            'requires',
            'consultation_required',
            'report_required',
            'date_order',
          ].includes(p.code),
        );
        throw new AppError(
          conflict ? 'conflict' : 'validation',
          `Cannot ${what}`,
          toProblems(result.problems),
        );
      }
      await repo.saveIntervention(result.next);
      return result.next;
    });
  }

  consult(
    id: string,
    input: { consulteeCode: string; basis: string; consultedOn: string; response: string },
  ) {
    return this.step(id, 'record the consultation', async (i) =>
      recordConsultation(i, {
        ...input,
        consulteeCode: input.consulteeCode.toUpperCase(),
        consultationId: `CON-${this.newId()}`,
      }),
    );
  }

  async direct(
    id: string,
    input: {
      power: InterventionPowerId;
      functions: string[];
      exercisedBy: FunctionsExercisedBy;
      givenOn: string;
      until: string | null;
      detail: string;
      dissolutionReport: string | null;
    },
  ) {
    // Registry look-ups first, outside the transaction (on PGlite it holds the only connection).
    const { ccgCode } = await this.intervention(id);
    // s14Z22: the relevant local authorities are the upper-tier authorities the CCG's area overlaps.
    const related = await this.orgs.related(ccgCode, input.givenOn);
    const localAuthorities = related
      .filter((r) => r.kind === 'overlaps_hwb' && r.direction === 'outgoing')
      .map((r) => r.code);
    if (input.exercisedBy.kind === 'ccg') {
      const other = await this.orgs.get(input.exercisedBy.ccgCode.toUpperCase());
      if (other?.orgType !== 'ccg')
        throw AppError.notFound(`CCG ${input.exercisedBy.ccgCode}`, 'body.exercisedBy.ccgCode');
    }
    const exercisedBy =
      input.exercisedBy.kind === 'ccg'
        ? { kind: 'ccg' as const, ccgCode: input.exercisedBy.ccgCode.toUpperCase() }
        : input.exercisedBy;
    return this.step(id, 'give the direction', async (i) =>
      giveDirection(
        i,
        { ...input, exercisedBy, directionId: `DIR-${this.newId()}` },
        this.definitions.assurance,
        localAuthorities,
      ),
    );
  }

  vary(id: string, input: { directionId: string; functions: string[]; variedOn: string; note: string }) {
    return this.step(id, 'vary the direction', async (i) => varyInterventionDirection(i, input));
  }

  review(
    id: string,
    input: { reviewedOn: string; outcome: 'continue' | 'vary' | 'lift'; note: string },
    by: Recorder,
  ) {
    return this.step(id, 'record the review', async (i) => recordReview(i, { ...input, reviewedBy: by }));
  }

  lift(id: string, input: { directionIds: string[]; liftedOn: string }) {
    return this.step(id, 'lift the directions', async (i) => liftInterventionDirections(i, input));
  }
}
