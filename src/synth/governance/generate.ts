/**
 * The synthetic governance generator (see ../governance.ts): plans the faults and shared clinicians
 * across all CCGs, then generates each CCG in input order from its own seeded streams.
 */
import { isIsoDate } from '../../modules/governance/rules/dates.ts';
import { buildConstitution } from './constitution.ts';
import { createCcgContext, providerUniverse } from './context.ts';
import { FAULT_RULE_IDS, planFaults } from './faults.ts';
import { buildGifts } from './gifts.ts';
import { buildMeetings, governingBodyQuorum, planMeetings, plantFederationShareholders } from './meetings.ts';
import { buildPeople } from './people.ts';
import { buildRegister } from './register.ts';
import { planSharedClinicians } from './shared.ts';
import type { CcgGovernanceSeed, GovernanceSeed, GovernanceSynthInput } from './types.ts';

/** CCGs were established on 1 April 2013; the register and meeting rules apply from then. */
export const EARLIEST_AS_AT = '2013-04-01';

function validate(input: GovernanceSynthInput): void {
  if (!isIsoDate(input.asAt) || input.asAt < EARLIEST_AS_AT) {
    throw new RangeError(
      `asAt must be a date written YYYY-MM-DD on or after ${EARLIEST_AS_AT}, not "${input.asAt}"`,
    );
  }
  const seen = new Set<string>();
  for (const ccg of input.ccgs) {
    if (!/^[A-Z0-9]+$/i.test(ccg.code)) throw new RangeError(`CCG code "${ccg.code}" is not an ODS code`);
    if (seen.has(ccg.code)) throw new RangeError(`CCG code "${ccg.code}" appears more than once`);
    seen.add(ccg.code);
  }
}

export function generateGovernance(input: GovernanceSynthInput): GovernanceSeed {
  validate(input);
  const universe = providerUniverse(input.ccgs);
  const faults = planFaults(input.seed, input.ccgs);
  const names = input.organisationNames ?? {};
  const foundationTrusts = new Set(input.foundationTrustCodes ?? []);
  const shared = planSharedClinicians(
    input.seed,
    input.ccgs,
    faults,
    universe,
    (code, fallback) => names[code] ?? fallback,
    (code) => (foundationTrusts.has(code) ? 'foundation_trust' : 'nhs_body'),
  );
  const ccgs = input.ccgs.map((_, index): CcgGovernanceSeed => {
    const ctx = createCcgContext({
      input,
      index,
      faults: faults[index]!,
      shared: shared[index]!,
      universe,
      faultRuleIds: FAULT_RULE_IDS,
    });
    const people = buildPeople(ctx);
    const gbQuorum = governingBodyQuorum(ctx, people);
    const plans = planMeetings(ctx, people, gbQuorum);
    if (ctx.faults.has('inquorate_item')) plantFederationShareholders(ctx, plans[0]!, people);
    const register = buildRegister(ctx, people);
    const meetings = buildMeetings(ctx, plans, people, register.declarations);
    const gifts = buildGifts(ctx, people);
    const constitution = buildConstitution(ctx, gbQuorum);
    return {
      ccgCode: ctx.ccg.code,
      people: people.map((p) => ({
        personId: p.personId,
        name: p.name,
        attributes: p.attributes,
        employments: p.employments,
        convictions: [],
        bankruptcyRestrictions: [],
        dismissals: p.dismissals,
        appointments: p.appointments,
      })),
      population: register.population,
      declarations: register.declarations,
      nilReturns: register.nilReturns,
      gifts,
      meetings,
      constitution,
      faults: ctx.faultRecords,
    };
  });
  return { synthetic: true, seed: input.seed, asAt: input.asAt, ccgs };
}
