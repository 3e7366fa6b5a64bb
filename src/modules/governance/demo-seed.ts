import type { Database } from '../../platform/db/database.ts';
import { generateGovernance } from '../../synth/governance/generate.ts';
import type { GovernanceSeed, PlantedFault, SynthCcg } from '../../synth/governance/types.ts';
import { OrganisationRepository } from '../organisations/repository.ts';
import { GovernanceRepository } from './repository.ts';

/** The seed and date the demo governance data is generated for (same seed → same data). */
export const DEMO_GOVERNANCE_SEED = 'commissioner-governance-2013';
// Six months in: the first annual review, gifts and a round of meetings have happened (fuller demo).
export const DEMO_GOVERNANCE_AS_AT = '2013-09-30';

export interface DemoSeedResult {
  readonly status: 'seeded' | 'unchanged';
  readonly ccgs: number;
  readonly faults: number;
  /** Each deliberate fault, with the rule id the checks report for it (empty when unchanged). */
  readonly plantedFaults: readonly PlantedFault[];
}

/** CCGs were established, with constitutions the Board had approved, on 1 April 2013. */
const ESTABLISHED = '2013-04-01';

/** "DL3 6JL" → "DL": the postcode area, used to find the trusts near a CCG. */
const postcodeArea = (postcode: string | null) =>
  /^([A-Z]{1,2})\d/.exec((postcode ?? '').toUpperCase())?.[1] ?? null;

/**
 * Gathers what the generator needs from the registry: each CCG's member practices, CSU, local
 * authorities, and the trusts it plausibly commissions from. No contracts exist yet, so the trusts are
 * those headquartered in the postcode areas of its practices (synthetic context, labelled so).
 */
export async function synthInputs(
  orgs: OrganisationRepository,
  asAt: string,
): Promise<{ ccgs: SynthCcg[]; names: Record<string, string>; foundationTrusts: string[] }> {
  const [ccgs, memberships, support, places, trusts, fts, practices] = await Promise.all([
    orgs.openOrganisations('ccg', asAt),
    orgs.membershipsOn(asAt),
    orgs.supportOn(asAt),
    orgs.placeNamesByCcg(),
    orgs.openOrganisations('provider_nhs_trust', asAt),
    orgs.openOrganisations('provider_foundation_trust', asAt),
    orgs.openOrganisations('gp_practice', asAt),
  ]);
  const providers = [...trusts, ...fts];
  const byArea = new Map<string, string[]>();
  for (const p of providers) {
    const area = postcodeArea(p.postcode);
    if (area) byArea.set(area, [...(byArea.get(area) ?? []), p.code]);
  }
  const names: Record<string, string> = {};
  for (const o of [...providers, ...ccgs, ...practices]) names[o.code] = o.name;
  const synth: SynthCcg[] = ccgs
    .filter((c) => c.onsCode !== null)
    .map((c) => {
      const members = memberships.filter((m) => m.ccgCode === c.code);
      const areas = [
        ...new Set(members.map((m) => postcodeArea(m.postcode)).filter((a): a is string => a !== null)),
      ].sort();
      return {
        code: c.code,
        name: c.name,
        memberPracticeCodes: members.map((m) => m.practiceCode),
        commissionedProviderCodes: [...new Set(areas.flatMap((a) => byArea.get(a) ?? []))].sort(),
        csuCode: support.get(c.code) ?? null,
        localAuthorityNames: places.get(c.code) ?? [],
      };
    });
  return { ccgs: synth, names, foundationTrusts: fts.map((f) => f.code) };
}

/** Writes one generated seed, every CCG in one transaction: all or nothing. */
export async function writeGovernanceSeed(
  db: Database,
  seed: GovernanceSeed,
  commissioned: ReadonlyMap<string, readonly string[]>,
  foundingMembers: ReadonlyMap<string, readonly string[]>,
): Promise<void> {
  await new GovernanceRepository(db).transaction(async (repo) => {
    for (const c of seed.ccgs) {
      await repo.setCommissionedProviders(c.ccgCode, commissioned.get(c.ccgCode) ?? [], true);
      await repo.addPeople(c.ccgCode, c.people, c.population, true);
      for (const d of c.declarations) await repo.addDeclaration(c.ccgCode, d, true);
      for (const n of c.nilReturns) await repo.addNilReturn(c.ccgCode, n, true);
      for (const g of c.gifts) await repo.addGift(c.ccgCode, g, true);
      for (const m of c.meetings) {
        await repo.addMeeting({
          ...m,
          ccgCode: c.ccgCode,
          status: 'draft',
          minutes: null,
          publishedAt: null,
          synthetic: true,
        });
      }
      // The founding constitution: in force from establishment, naming the members of that day.
      await repo.addConstitution({
        ccgCode: c.ccgCode,
        version: 1,
        effectiveFrom: ESTABLISHED,
        status: 'approved',
        content: {
          ...c.constitution,
          members: [...(foundingMembers.get(c.ccgCode) ?? c.constitution.members)],
        },
        submittedAt: '2012-10-01T00:00:00.000Z',
        decidedAt: '2013-03-31T00:00:00.000Z',
        decidedBy: 'NHS Commissioning Board (synthetic)',
        decisionNote: 'Approved with the CCG’s establishment (synthetic demo record).',
        synthetic: true,
      });
    }
  });
}

/**
 * Gives every CCG a synthetic, plausible governing body, register and meetings (issue #4 demo data),
 * with deliberate faults so the compliance views show real findings. Runs once: a database that
 * already holds governance data is left alone.
 */
export async function seedGovernanceDemo(
  db: Database,
  options: { seed?: string; asAt?: string } = {},
): Promise<DemoSeedResult> {
  const repo = new GovernanceRepository(db);
  if (await repo.hasGovernanceData()) return { status: 'unchanged', ccgs: 0, faults: 0, plantedFaults: [] };
  const asAt = options.asAt ?? DEMO_GOVERNANCE_AS_AT;
  const inputs = await synthInputs(new OrganisationRepository(db), asAt);
  const seed = generateGovernance({
    seed: options.seed ?? DEMO_GOVERNANCE_SEED,
    ccgs: inputs.ccgs,
    asAt,
    organisationNames: inputs.names,
    foundationTrustCodes: inputs.foundationTrusts,
  });
  const founding = new Map<string, string[]>();
  for (const m of await new OrganisationRepository(db).membershipsOn(ESTABLISHED)) {
    founding.set(m.ccgCode, [...(founding.get(m.ccgCode) ?? []), m.practiceCode]);
  }
  await writeGovernanceSeed(
    db,
    seed,
    new Map(inputs.ccgs.map((c) => [c.code, c.commissionedProviderCodes])),
    founding,
  );
  const plantedFaults = seed.ccgs.flatMap((c) => c.faults);
  return { status: 'seeded', ccgs: seed.ccgs.length, faults: plantedFaults.length, plantedFaults };
}
