import { randomUUID } from 'node:crypto';
import { ActivityService } from '../modules/activity/activity-service.ts';
import { loadActivityDisplayDefinitions } from '../modules/activity/display-definitions.ts';
import { ActivityResults } from '../modules/activity/results-reader.ts';
import { ActivityStore } from '../modules/activity/store.ts';
import { AuthorisationService, loadAuthorisationDefinitions } from '../modules/authorisation/service.ts';
import { GovernanceRepository } from '../modules/governance/repository.ts';
import { GovernanceService, loadGovernanceDefinitions } from '../modules/governance/service.ts';
import { StructuralEventRepository } from '../modules/organisations/event-repository.ts';
import { StructuralEventService } from '../modules/organisations/event-service.ts';
import { OrganisationRepository } from '../modules/organisations/repository.ts';
import { loadStructuralRules, OrganisationService } from '../modules/organisations/service.ts';
import { PopulationService } from '../modules/population/population-service.ts';
import { type AccessConfig, createAccessServices } from './auth/access-services.ts';
import { type Clock, systemClock } from './auth/clock.ts';
import { type Config, loadConfig } from './config.ts';
import { type Database, type DatabaseHandle, openDatabase } from './db/database.ts';
import type { Services } from './http/server.ts';

export interface Platform {
  readonly database: DatabaseHandle;
  readonly services: Services;
  close(): Promise<void>;
}

/**
 * Wires repositories into services: the composition root, shared by the CLI, the server and tests.
 * `access` defaults to the development settings (loadConfig of an empty environment) and the system clock.
 */
export function createServices(
  db: Database,
  access: { config?: AccessConfig & Partial<Pick<Config, 'activityDir'>>; clock?: Clock } = {},
): Services {
  const clock = access.clock ?? systemClock;
  const organisationRepository = new OrganisationRepository(db);
  const governance = new GovernanceService(
    new GovernanceRepository(db),
    organisationRepository,
    loadGovernanceDefinitions(),
    clock,
    () => randomUUID().slice(0, 8),
  );
  const display = loadActivityDisplayDefinitions();
  // One reader of the current activity results (and its DuckDB) behind the activity and population views.
  const results = new ActivityResults(
    new ActivityStore(access.config?.activityDir ?? loadConfig({}).activityDir),
  );
  return {
    activity: new ActivityService(
      results,
      (codes) => organisationRepository.names(codes),
      display.treatmentFunctions,
    ),
    population: new PopulationService(results, display.ruleTitles),
    organisations: new OrganisationService(organisationRepository, loadStructuralRules()),
    structuralEvents: new StructuralEventService(new StructuralEventRepository(db)),
    access: createAccessServices(db, access.config ?? loadConfig({}), clock),
    governance,
    authorisation: new AuthorisationService(
      db,
      organisationRepository,
      governance,
      loadAuthorisationDefinitions(),
      clock,
      () => randomUUID().slice(0, 8),
    ),
  };
}

/** Opens the database (migrating it) and the services over it. */
export async function openPlatform(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> &
    Partial<AccessConfig> &
    Partial<Pick<Config, 'activityDir'>>,
): Promise<Platform> {
  const database = await openDatabase(config);
  const access = { ...loadConfig({}), ...config };
  return {
    database,
    services: createServices(database.db, { config: access }),
    close: () => database.close(),
  };
}
