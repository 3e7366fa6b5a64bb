import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { GovernanceService } from '../governance/service.ts';
import type { OrganisationRepository } from '../organisations/repository.ts';
import type { Recorder } from './assessment-model.ts';
import { AssessmentService } from './assessment-service.ts';
import { AssuranceRepository } from './assurance-repository.ts';
import { AssuranceService } from './assurance-service.ts';
import type { AuthorisationDefinitions } from './definitions.ts';
import { LifecycleService } from './lifecycle-service.ts';
import type { CcgAuthorisationSummary, CriterionEvidenceStatus, GovernanceFindings } from './model.ts';
import { AuthorisationRepository } from './repository.ts';
import {
  boardStatus,
  type EvidenceSources,
  linkedEvidenceStatus,
  monthWindow,
  summariseCcg,
} from './rules/index.ts';

export { type AuthorisationDefinitions, loadAuthorisationDefinitions } from './definitions.ts';

/** The seed of the demo's synthetic assignments (the real named facts do not depend on it). */
export const DEMO_AUTHORISATION_SEED = 'commissioner-authorisation-2013';

/** Who made a request, before their name is looked up. */
export interface ActorRef {
  readonly kind: 'person' | 'api_token' | 'system';
  readonly id: string;
}

/**
 * Authorisation of CCGs by the Board and their assurance after it (issue #6). The national board and
 * each CCG's record are read from the stored lifecycle (the demo of the real 2012–13 waves is stored
 * through the same transitions); `lifecycle`, `assessment` and `assurance` record what the CCGs, the
 * assessors and the Board do.
 */
export class AuthorisationService {
  readonly lifecycle: LifecycleService;
  readonly assessment: AssessmentService;
  readonly assurance: AssuranceService;
  private readonly repo: AuthorisationRepository;

  constructor(
    db: Database,
    private readonly orgs: OrganisationRepository,
    private readonly governance: GovernanceService,
    readonly definitions: AuthorisationDefinitions,
    clock: () => Date,
    newId: () => string,
  ) {
    this.repo = new AuthorisationRepository(db);
    this.lifecycle = new LifecycleService(this.repo, orgs, definitions.context, clock);
    this.assessment = new AssessmentService(
      this.repo,
      this.lifecycle,
      definitions,
      async (code, asAt) =>
        new Map((await this.readiness(code, asAt)).criteria.map((c) => [c.id, c.evidence])),
      clock,
      newId,
    );
    this.assurance = new AssuranceService(
      new AssuranceRepository(db),
      orgs,
      this.lifecycle,
      definitions,
      (code, asAt) => this.governanceFindings(code, asAt),
      clock,
      newId,
    );
  }

  private get reviewContext() {
    const review = this.definitions.waves.reviews.find((r) => r.id === 'july-2013');
    if (!review) throw new AppError('internal', 'The waves definitions have no july-2013 review');
    return { establishmentDate: this.definitions.waves.establishmentDate, review: monthWindow(review.month) };
  }

  private async summaries(code?: string): Promise<CcgAuthorisationSummary[]> {
    const stored = await this.repo.states(code);
    const context = this.reviewContext;
    return stored.flatMap((s) => {
      const summary = summariseCcg(s, context);
      return summary ? [summary] : [];
    });
  }

  /** The national board, from storage: every decided CCG's wave, outcome and conditions, with totals. */
  async status(filter: { wave?: number | undefined } = {}) {
    return boardStatus(await this.summaries(), filter);
  }

  /** A CCG's decision, conditions and directions (public), with its lifecycle state now. */
  async ccg(code: string) {
    const ccg = await this.lifecycle.requireCcg(code);
    const [summary] = await this.summaries(ccg.code);
    if (!summary) {
      const state = await this.lifecycle.state(ccg.code);
      throw new AppError('not_found', `No authorisation decision for ${ccg.code}`, [
        {
          path: 'params.code',
          message: `${ccg.name} (${ccg.code}) has no decision recorded; its lifecycle state is ${state.status.replaceAll('_', ' ')}`,
          code: 'not_found',
        },
      ]);
    }
    return summary;
  }

  /** Names a request's actor: a person by their display name (assessors are named), else by id. */
  async recorder(actor: ActorRef): Promise<Recorder> {
    const name = actor.kind === 'person' ? await this.repo.displayName(actor.id) : null;
    return { kind: actor.kind, id: actor.id, name: name ?? actor.id };
  }

  /**
   * The organisation whose assessors record a CCG's assessment: its area team, or the Board itself
   * where the registry gives it none. An unknown code is returned as it is (nobody owns it).
   */
  async assessorOwner(code: string): Promise<string> {
    const upper = code.toUpperCase();
    const ccg = await this.orgs.get(upper);
    if (ccg?.orgType !== 'ccg') return upper;
    return (await this.repo.areaTeamOf(upper)) ?? 'NHSCB';
  }

  /** The governance compliance findings of the CCG on the date, as the triggers and readiness read them. */
  async governanceFindings(code: string, asAt: string): Promise<GovernanceFindings | null> {
    const compliance = await this.governance.compliance(code, asAt);
    if (!compliance.hasGoverningBody) return null;
    const errors = [...compliance.governingBody, ...compliance.register, ...compliance.constitution].filter(
      (v) => v.severity === 'error',
    );
    return {
      asAt,
      errorCount: errors.length,
      warningCount: compliance.counts.warning,
      errorRuleIds: [...new Set(errors.map((v) => v.ruleId))].sort(),
    };
  }

  /**
   * Readiness against the criteria in force: each criterion with its platform evidence, linked live
   * (governance findings on the date; registry support and partnerships), or marked manual where the
   * module that will feed it does not exist yet.
   */
  async readiness(code: string, asAt: string) {
    const ccg = await this.lifecycle.requireCcg(code);
    const [governance, related] = await Promise.all([
      this.governanceFindings(ccg.code, asAt),
      this.orgs.related(ccg.code, asAt),
    ]);
    const sources: EvidenceSources = {
      governance,
      registry: {
        asAt,
        supportingCsuCodes: related
          .filter((r) => r.kind === 'supports' && r.direction === 'incoming')
          .map((r) => r.code),
        overlappingHwbCodes: related
          .filter((r) => r.kind === 'overlaps_hwb' && r.direction === 'outgoing')
          .map((r) => r.code),
        areaTeamCode:
          related.find((r) => r.kind === 'in_area_team' && r.direction === 'outgoing')?.code ?? null,
      },
    };
    const version = this.definitions.guide;
    const criteria = version.criteria.map((c) => ({
      id: c.id,
      domain: c.domain,
      wording: c.wording,
      provenance: c.provenance,
      evidence: linkedEvidenceStatus(c, sources) as CriterionEvidenceStatus,
    }));
    const count = (s: string) => criteria.filter((c) => c.evidence.status === s).length;
    return {
      ccgCode: ccg.code,
      ccgName: ccg.name,
      asAt,
      criteriaVersion: version.version,
      summary: {
        criteria: criteria.length,
        met: count('met'),
        gaps: count('gap'),
        manual: count('manual'),
        noData: count('no_data'),
        notLinked: count('none'),
      },
      criteria,
    };
  }
}
