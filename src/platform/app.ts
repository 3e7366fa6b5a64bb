import { StructuralEventRepository } from '../modules/organisations/event-repository.ts';
import { StructuralEventService } from '../modules/organisations/event-service.ts';
import { OrganisationRepository } from '../modules/organisations/repository.ts';
import { loadStructuralRules, OrganisationService } from '../modules/organisations/service.ts';
import type { Config } from './config.ts';
import { type Database, type DatabaseHandle, openDatabase } from './db/database.ts';
import type { Services } from './http/server.ts';

export interface Platform {
  readonly database: DatabaseHandle;
  readonly services: Services;
  close(): Promise<void>;
}

/** Wires repositories into services: the composition root, shared by the CLI, the server and tests. */
export function createServices(db: Database): Services {
  return {
    organisations: new OrganisationService(new OrganisationRepository(db), loadStructuralRules()),
    structuralEvents: new StructuralEventService(new StructuralEventRepository(db)),
  };
}

/** Opens the database (migrating it) and the services over it. */
export async function openPlatform(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Platform> {
  const database = await openDatabase(config);
  return { database, services: createServices(database.db), close: () => database.close() };
}
