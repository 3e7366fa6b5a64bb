import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../../platform/config.ts';
import { AppError } from '../../platform/errors.ts';
import { AGE_BANDS, type Organisation, type Population, type Violation } from './model.ts';
import type { OrganisationFilter, OrganisationRepository, Quarter } from './repository.ts';
import {
  checkAreaCoverage,
  checkCcgName,
  checkPracticeMembership,
  flagLocalAuthorityCrossings,
  getRule,
  parseRuleBook,
  type RuleBook,
} from './rules/index.ts';

export const STRUCTURAL_RULES_FILE = 'definitions/organisations/structural-rules.json';

/** Reads and validates the structural rule definitions (every problem reported at once). */
export function loadStructuralRules(file = path.join(REPO_ROOT, STRUCTURAL_RULES_FILE)): RuleBook {
  return parseRuleBook(JSON.parse(readFileSync(file, 'utf8')));
}

/** Registered population types: the roll-up follows member_of → in_area_team → in_region → part_of. */
const POPULATION_TYPES = new Set(['gp_practice', 'ccg', 'area_team', 'region', 'commissioning_board']);

/**
 * The registry's use cases: look-ups "as at" a date, populations, histories and the structural
 * check, which loads its inputs through the repository and hands them to the pure rules.
 */
export class OrganisationService {
  constructor(
    private readonly repo: OrganisationRepository,
    private readonly rules: RuleBook,
  ) {}

  list(filter: OrganisationFilter) {
    return this.repo.list(filter);
  }

  async detail(code: string, asAt: string) {
    const organisation = await this.require(code);
    return { asAt, organisation, related: await this.repo.related(organisation.code, asAt) };
  }

  async members(code: string, asAt: string) {
    const ccg = await this.require(code);
    if (ccg.orgType !== 'ccg') {
      throw AppError.validation([
        { path: 'params.code', message: `${ccg.code} is a ${ccg.orgType}, not a CCG`, code: 'not_a_ccg' },
      ]);
    }
    const quarter = await this.repo.quarterFor(asAt);
    const items = await this.repo.members(ccg.code, asAt, quarter);
    return {
      asAt,
      quarterStart: quarter?.start ?? null,
      quarterEnd: quarter?.end ?? null,
      total: items.length,
      withPatients: items.filter((p) => p.registeredPatients > 0).length,
      items,
    };
  }

  async population(code: string, asAt: string): Promise<Population> {
    const org = await this.require(code);
    if (!POPULATION_TYPES.has(org.orgType)) {
      throw AppError.notFound(`Registered population for ${org.orgType} ${org.code}`, 'params.code');
    }
    const quarter = await this.requireQuarter(asAt);
    const { bands, practices } = await this.repo.population(org.code, asAt, quarter);
    const byKey = new Map(bands.map((b) => [`${b.sex}|${b.ageBand}`, b.patients]));
    const complete = AGE_BANDS.flatMap((ageBand) =>
      (['male', 'female'] as const).map((sex) => ({
        sex,
        ageBand,
        patients: byKey.get(`${sex}|${ageBand}`) ?? 0,
      })),
    );
    return {
      code: org.code,
      quarterStart: quarter.start,
      quarterEnd: quarter.end,
      total: complete.reduce((s, b) => s + b.patients, 0),
      practices,
      bands: complete,
      source: 'NHSBSA Patient List Size, national extract (Open Government Licence v3.0)',
    };
  }

  async history(code: string) {
    const org = await this.require(code);
    return {
      code: org.code,
      memberships: await this.repo.membershipHistory(org.code),
      relationships: await this.repo.related(org.code, null),
    };
  }

  async ccgMap(asAt: string) {
    const quarter = await this.repo.quarterFor(asAt);
    return {
      asAt,
      quarterStart: quarter?.start ?? null,
      quarterEnd: quarter?.end ?? null,
      items: await this.repo.ccgSummaries(asAt, quarter),
    };
  }

  async boundaries(): Promise<Record<string, unknown>> {
    const topology = await this.repo.boundary('ccg-2013');
    if (!topology) throw AppError.notFound('CCG boundaries (import the reference data first)');
    return topology;
  }

  /** Every structural-rule violation on `asAt`, errors first. */
  async violations(
    asAt: string,
  ): Promise<{ asAt: string; counts: { error: number; warning: number }; items: Violation[] }> {
    const quarter = await this.repo.quarterFor(asAt);
    const [practices, units, shares, places, ccgs] = await Promise.all([
      this.repo.practicesOnDate(asAt, quarter),
      this.repo.areaUnits(),
      this.repo.localAuthorityShares(asAt),
      this.repo.placeNamesByCcg(),
      this.repo.openOrganisations('ccg', asAt),
    ]);
    const items: Violation[] = [
      ...checkPracticeMembership(
        // A practice holds a primary medical contract when it has registered patients: CCG Regs 2012
        // reg 2 defines the provider by essential services to registered patients.
        practices.map((p) => ({ ...p, holdsContract: p.patients > 0 })),
        asAt,
        getRule(this.rules, 'ORG-PRACTICE-ONE-CCG'),
      ),
      ...(units.length
        ? checkAreaCoverage(
            units,
            ccgs.filter(hasArea2013).map((c) => c.code),
          )
        : []),
      ...flagLocalAuthorityCrossings(shares, getRule(this.rules, 'ORG-CCG-CROSSES-LA')),
      ...ccgs.flatMap((c) => checkCcgName(c, places.get(c.code) ?? [])),
    ].sort((a, b) =>
      a.severity === b.severity
        ? a.ruleId.localeCompare(b.ruleId) || a.subjectCode.localeCompare(b.subjectCode)
        : a.severity === 'error'
          ? -1
          : 1,
    );
    return {
      asAt,
      counts: {
        error: items.filter((v) => v.severity === 'error').length,
        warning: items.filter((v) => v.severity === 'warning').length,
      },
      items,
    };
  }

  private async require(code: string): Promise<Organisation> {
    const org = await this.repo.get(code);
    if (!org) throw AppError.notFound(`Organisation ${code}`, 'params.code');
    return org;
  }

  private async requireQuarter(asAt: string): Promise<Quarter> {
    const quarter = await this.repo.quarterFor(asAt);
    if (!quarter) {
      throw new AppError('not_found', 'No list-size data', [
        {
          path: 'query.asAt',
          message: `no registered list sizes are held on or before ${asAt}`,
          code: 'no_data',
        },
      ]);
    }
    return quarter;
  }
}

/**
 * The small-area lookup covers the CCGs of April 2013 only; CCGs created later (from ODS eccg) have
 * no small areas in it, so the coverage rule is run for the 2013 CCGs (those with an ONS code).
 */
function hasArea2013(ccg: Organisation): boolean {
  return ccg.onsCode !== null;
}
