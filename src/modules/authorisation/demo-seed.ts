import type { Database } from '../../platform/db/database.ts';
import { OrganisationRepository } from '../organisations/repository.ts';
import type { Recorder } from './assessment-model.ts';
import { type AuthorisationDefinitions, loadAuthorisationDefinitions } from './definitions.ts';
import { LifecycleService } from './lifecycle-service.ts';
import { AuthorisationRepository } from './repository.ts';
import { assignDemoWaves, demoLifecycles } from './rules/index.ts';
import { DEMO_AUTHORISATION_SEED } from './service.ts';

export interface AuthorisationSeedResult {
  readonly status: 'seeded' | 'unchanged';
  readonly ccgs: number;
  readonly events: number;
}

/** The demo seed records as this system actor. */
export const DEMO_RECORDER: Recorder = {
  kind: 'system',
  id: 'authorisation demo seed',
  name: 'Authorisation demo seed',
};

/**
 * Stores the demo of the real 2012–13 waves for England's 211 CCGs of April 2013: each CCG's events go
 * through the lifecycle's transitions into the append-only history, with per-field provenance, and its
 * application(s) are recorded as decided (or deferred). All in one transaction; a database that already
 * holds lifecycle data is left alone.
 */
export async function seedAuthorisationDemo(
  db: Database,
  options: { seed?: string; definitions?: AuthorisationDefinitions; clock?: () => Date } = {},
): Promise<AuthorisationSeedResult> {
  const repo = new AuthorisationRepository(db);
  if (await repo.hasLifecycleData()) return { status: 'unchanged', ccgs: 0, events: 0 };
  const definitions = options.definitions ?? loadAuthorisationDefinitions();
  const seed = options.seed ?? DEMO_AUTHORISATION_SEED;
  const orgs = new OrganisationRepository(db);
  const ccgs = (await orgs.openOrganisations('ccg', definitions.waves.establishmentDate))
    .filter((c) => c.onsCode !== null)
    .map((c) => ({ code: c.code, name: c.name }));
  const demo = assignDemoWaves(ccgs, seed, {
    waves: definitions.waves,
    supportLevels: definitions.supportLevels.levels,
    criteria: definitions.guide.criteria,
  });
  const lifecycles = demoLifecycles(
    demo,
    {
      waves: definitions.waves,
      supportLevels: definitions.supportLevels.levels,
      criteria: definitions.guide.criteria,
    },
    seed,
  );
  const clock = options.clock ?? (() => new Date());
  let events = 0;
  await repo.transaction(async (trx) => {
    const lifecycle = new LifecycleService(trx, orgs, definitions.context, clock);
    for (const l of lifecycles) {
      await lifecycle.seed(
        trx,
        l.ccgCode,
        l.events.map((e) => ({
          event: e.event,
          meta: {
            actor: DEMO_RECORDER,
            evidenceRefs: e.evidenceRefs,
            reason: e.reason,
            provenance: e.provenance,
            synthetic: true,
          },
        })),
        l.provenance,
        true,
      );
      events += l.events.length;
      for (const a of l.applications) {
        await trx.addApplication({
          applicationId: `APP-${l.ccgCode}-W${a.wave}-demo`,
          ccgCode: l.ccgCode,
          wave: a.wave,
          criteriaVersion: definitions.guide.version,
          status: a.status,
          createdAt: `${a.submittedOn}T00:00:00.000Z`,
          createdBy: DEMO_RECORDER,
          submittedOn: a.submittedOn,
          submittedBy: DEMO_RECORDER,
          synthetic: true,
        });
      }
    }
  });
  return { status: 'seeded', ccgs: lifecycles.length, events };
}
