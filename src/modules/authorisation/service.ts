import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';
import type { GovernanceService } from '../governance/service.ts';
import type { OrganisationRepository } from '../organisations/repository.ts';
import type {
  CriteriaDefinitions,
  DemoCcgAuthorisation,
  SupportLevelDefinitions,
  WaveDefinitions,
} from './model.ts';
import {
  assignDemoWaves,
  criteriaVersion,
  GUIDE_CRITERIA_VERSION,
  linkedEvidenceStatus,
  loadCriteria,
  loadSupportLevels,
  loadWaves,
} from './rules/index.ts';

const DEFINITIONS = path.join(REPO_ROOT, 'definitions', 'authorisation');
/** The seed of the demo's synthetic assignments (the real named facts do not depend on it). */
export const DEMO_AUTHORISATION_SEED = 'commissioner-authorisation-2013';
const GO_LIVE = '2013-04-01';

export interface AuthorisationDefinitions {
  readonly criteria: CriteriaDefinitions;
  readonly supportLevels: SupportLevelDefinitions;
  readonly waves: WaveDefinitions;
}

export function loadAuthorisationDefinitions(): AuthorisationDefinitions {
  const read = (f: string) => JSON.parse(readFileSync(path.join(DEFINITIONS, f), 'utf8'));
  return {
    criteria: loadCriteria(read('criteria.json')),
    supportLevels: loadSupportLevels(read('support-levels.json')),
    waves: loadWaves(read('waves.json')),
  };
}

/**
 * Authorisation of CCGs by the Board (issue #6), as far as it has landed: the 2012–13 waves and
 * outcomes (real where sources name the CCG, synthetic otherwise and labelled per field), and each
 * CCG's readiness against the criteria with evidence linked live from governance and the registry.
 * Recording applications, scores and decisions through the lifecycle is not built yet.
 */
export class AuthorisationService {
  private demo: Promise<DemoCcgAuthorisation[]> | null = null;

  constructor(
    private readonly orgs: OrganisationRepository,
    private readonly governance: GovernanceService,
    private readonly definitions: AuthorisationDefinitions,
  ) {}

  /** The demo assignment for the 211 CCGs of April 2013; deterministic, so computed once. */
  private waves(): Promise<DemoCcgAuthorisation[]> {
    this.demo ??= this.orgs.openOrganisations('ccg', GO_LIVE).then((ccgs) =>
      assignDemoWaves(
        ccgs.filter((c) => c.onsCode !== null).map((c) => ({ code: c.code, name: c.name })),
        DEMO_AUTHORISATION_SEED,
        {
          waves: this.definitions.waves,
          supportLevels: this.definitions.supportLevels.levels,
          criteria: criteriaVersion(this.definitions.criteria, GUIDE_CRITERIA_VERSION).criteria,
        },
      ),
    );
    return this.demo;
  }

  /** The national board: every CCG's wave, outcome and conditions, with totals. */
  async status(filter: { wave?: number | undefined } = {}) {
    const all = await this.waves();
    const items = all.filter((c) => filter.wave === undefined || c.wave === filter.wave);
    const byWave = [1, 2, 3, 4].map((wave) => {
      const inWave = all.filter((c) => c.wave === wave);
      return {
        wave,
        ccgs: inWave.length,
        authorised: inWave.filter((c) => c.outcome === 'authorised').length,
        withConditions: inWave.filter((c) => c.outcome === 'authorised_with_conditions').length,
        underDirections: inWave.filter((c) => c.directionsAtGoLive).length,
      };
    });
    const conditionsByDomain = [1, 2, 3, 4, 5, 6].map((domain) => ({
      domain,
      conditions: all.reduce((n, c) => n + c.conditions.filter((k) => k.domain === domain).length, 0),
    }));
    return {
      totals: {
        ccgs: all.length,
        authorised: all.filter((c) => c.outcome === 'authorised').length,
        withConditions: all.filter((c) => c.outcome === 'authorised_with_conditions').length,
        underDirectionsAtGoLive: all.filter((c) => c.directionsAtGoLive).length,
        conditionsLiftedInJuly2013Review: all.filter((c) => c.conditionsLiftedInJuly2013Review).length,
      },
      byWave,
      conditionsByDomain,
      items,
    };
  }

  async ccg(code: string) {
    const found = (await this.waves()).find((c) => c.code === code.toUpperCase());
    if (!found) throw AppError.notFound(`Authorisation record of CCG ${code}`, 'params.code');
    return found;
  }

  /**
   * Readiness against the criteria in force: each criterion with its platform evidence, linked live
   * (governance findings on the date; registry support and partnerships), or marked manual where the
   * module that will feed it does not exist yet.
   */
  async readiness(code: string, asAt: string) {
    const ccg = await this.orgs.get(code);
    if (ccg?.orgType !== 'ccg') throw AppError.notFound(`CCG ${code}`, 'params.code');
    const [compliance, related] = await Promise.all([
      this.governance.compliance(ccg.code, asAt),
      this.orgs.related(ccg.code, asAt),
    ]);
    const errors = [...compliance.governingBody, ...compliance.register, ...compliance.constitution].filter(
      (v) => v.severity === 'error',
    );
    const sources = {
      governance: compliance.hasGoverningBody
        ? {
            asAt,
            errorCount: errors.length,
            warningCount: compliance.counts.warning,
            errorRuleIds: [...new Set(errors.map((v) => v.ruleId))].sort(),
          }
        : null,
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
    const version = criteriaVersion(this.definitions.criteria, GUIDE_CRITERIA_VERSION);
    const criteria = version.criteria.map((c) => ({
      id: c.id,
      domain: c.domain,
      wording: c.wording,
      provenance: c.provenance,
      evidence: linkedEvidenceStatus(c, sources),
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
