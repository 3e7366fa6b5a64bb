import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { AccountRepository } from './account-repository.ts';
import { AccountService } from './account-service.ts';
import { ApiTokenRepository } from './api-token-repository.ts';
import { ApiTokenService } from './api-token-service.ts';
import { AuthService } from './auth-service.ts';
import { type Clock, systemClock } from './clock.ts';
import type { RoleBook } from './model.ts';
import { OwnerFactsRepository } from './owner-facts-repository.ts';
import { PatientRepository } from './patients/patient-repository.ts';
import { PatientService } from './patients/patient-service.ts';
import { resolvePseudonymKey } from './pseudonym-key.ts';
import { Pseudonymiser } from './pseudonymiser.ts';
import { loadRoleBook } from './role-book.ts';
import { SessionRepository } from './session-repository.ts';
import { type AccessSettings, accessSettings } from './settings.ts';

/** Everything access control needs at run time, wired once in the composition root (app.ts). */
export interface AccessServices {
  readonly db: Database;
  readonly clock: Clock;
  readonly roleBook: RoleBook;
  readonly settings: AccessSettings;
  readonly auth: AuthService;
  readonly accounts: AccountService;
  readonly tokens: ApiTokenService;
  readonly patients: PatientService;
  readonly ownerFacts: OwnerFactsRepository;
}

export type AccessConfig = AccessSettings & Pick<Config, 'pseudonymKey' | 'secretsDir' | 'environment'>;

export function createAccessServices(
  db: Database,
  config: AccessConfig,
  clock: Clock = systemClock,
): AccessServices {
  const roleBook = loadRoleBook();
  const settings = accessSettings(config);
  const accounts = new AccountRepository(db);
  const ownerFacts = new OwnerFactsRepository(db);
  return {
    db,
    clock,
    roleBook,
    settings,
    auth: new AuthService(accounts, new SessionRepository(db), new ApiTokenRepository(db), settings, clock),
    accounts: new AccountService(accounts, roleBook, clock),
    tokens: new ApiTokenService(new ApiTokenRepository(db), ownerFacts, roleBook, clock),
    // The key is read on first use, so commands that never pseudonymise never touch it.
    patients: new PatientService(
      new PatientRepository(db),
      new Pseudonymiser(() => resolvePseudonymKey(config)),
    ),
    ownerFacts,
  };
}
