import { StructuralEventRepository } from '../modules/organisations/event-repository.ts';
import { StructuralEventService } from '../modules/organisations/event-service.ts';
import { OrganisationRepository } from '../modules/organisations/repository.ts';
import { loadStructuralRules, OrganisationService } from '../modules/organisations/service.ts';
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
  access: { config?: AccessConfig; clock?: Clock } = {},
): Services {
  return {
    organisations: new OrganisationService(new OrganisationRepository(db), loadStructuralRules()),
    structuralEvents: new StructuralEventService(new StructuralEventRepository(db)),
    access: createAccessServices(db, access.config ?? loadConfig({}), access.clock ?? systemClock),
  };
}

/** Opens the database (migrating it) and the services over it. */
export async function openPlatform(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<AccessConfig>,
): Promise<Platform> {
  const database = await openDatabase(config);
  const access = { ...loadConfig({}), ...config };
  return {
    database,
    services: createServices(database.db, { config: access }),
    close: () => database.close(),
  };
}
