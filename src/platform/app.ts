import { OrganisationRepository } from '../modules/organisations/repository.ts';
import { loadStructuralRules, OrganisationService } from '../modules/organisations/service.ts';
import type { Config } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/database.ts';
import type { Services } from './http/server.ts';

export interface Platform {
  readonly database: DatabaseHandle;
  readonly services: Services;
  close(): Promise<void>;
}

/** Opens the database (migrating it) and wires repositories into services: the composition root. */
export async function openPlatform(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Platform> {
  const rules = loadStructuralRules();
  const database = await openDatabase(config);
  const services: Services = {
    organisations: new OrganisationService(new OrganisationRepository(database.db), rules),
  };
  return { database, services, close: () => database.close() };
}
