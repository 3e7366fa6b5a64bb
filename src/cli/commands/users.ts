import { recordAudit } from '../../platform/audit/record-audit.ts';
import { systemActor } from '../../platform/audit/system-actor.ts';
import type { AccountService } from '../../platform/auth/account-service.ts';
import { type DemoSeedResult, resetDemoAccounts } from '../../platform/auth/demo-accounts.ts';
import { isoDateText } from '../../platform/auth/schemas.ts';
import type { Config } from '../../platform/config.ts';
import type { Database } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { printJson, printTable } from '../table.ts';
import { withPlatform } from './with-platform.ts';

/** Prints demo accounts with their one-time passwords (the only time they are ever shown). */
export function printDemoAccounts(result: DemoSeedResult, signInUrl?: string): void {
  if (result.created.length) {
    console.log(
      '\nDemo accounts (synthetic people, one per role). Passwords are shown this once and stored only as argon2id hashes:',
    );
    printTable(result.created, [
      ['username', (c) => c.identity.username],
      ['role', (c) => c.identity.role],
      ['organisation', (c) => c.identity.orgCode ?? '(platform)'],
      ['one-time password', (c) => c.password],
    ]);
  }
  if (result.existing.length) {
    console.log(
      `\nDemo accounts: ${result.existing.map((i) => i.username).join(', ')} already exist; their passwords were printed when they were made.`,
    );
    console.log('  New passwords: stop the server, then `npm run commissioner -- users reset-demo`.');
  }
  for (const s of result.skipped) console.log(`  Not seeded: ${s.identity.username}: ${s.reason}`);
  if (signInUrl && (result.created.length || result.existing.length)) {
    console.log(`  Sign in at ${signInUrl} (or POST /api/auth/sign-in with {"username","password"}).`);
  }
}

async function audited(db: Database, action: string, record: string, detail: Record<string, unknown> = {}) {
  await recordAudit(db, { ...systemActor('cli'), action, record, outcome: 'allowed', detail });
}

async function personId(accounts: AccountService, username: string): Promise<number> {
  return (await accounts.byUsername(username)).id;
}

export async function usersListCommand(config: Config, opts: { json?: boolean }) {
  await withPlatform(config, async ({ services }) => {
    const people = await services.access.accounts.list();
    if (opts.json) return printJson(people);
    printTable(
      people.flatMap((p) => (p.roles.length ? p.roles : [null]).map((r) => ({ p, r }))),
      [
        ['username', ({ p }) => p.username],
        ['name', ({ p }) => p.displayName],
        ['role', ({ r }) => r?.role ?? '-'],
        ['organisation', ({ r }) => (r ? (r.orgCode ?? '(platform)') : '-')],
        ['from', ({ r }) => r?.startDate ?? ''],
        ['to', ({ r }) => (r ? (r.endDate ?? 'in force') : '')],
        ['locked until', ({ p }) => p.lockedUntil ?? ''],
      ],
    );
  });
}

export async function usersAddCommand(config: Config, username: string, opts: { name: string }) {
  await withPlatform(config, async ({ services, database }) => {
    const { personId: id, oneTimePassword } = await services.access.accounts.create({
      username,
      displayName: opts.name,
    });
    await audited(database.db, 'person_create', `person:${id}`, { username: username.toLowerCase() });
    console.log(
      `Created ${username.toLowerCase()} (id ${id}). One-time password (shown once): ${oneTimePassword}`,
    );
  });
}

export async function usersGrantCommand(
  config: Config,
  username: string,
  role: string,
  opts: { org?: string; from: string; to?: string },
) {
  for (const [flag, value] of [
    ['--from', opts.from],
    ['--to', opts.to],
  ] as const) {
    if (value !== undefined && !isoDateText.safeParse(value).success) {
      throw AppError.validation([{ path: flag, message: 'must be a real date written YYYY-MM-DD' }]);
    }
  }
  await withPlatform(config, async ({ services, database }) => {
    const accounts = services.access.accounts;
    const id = await personId(accounts, username);
    const orgCode = opts.org?.toUpperCase() ?? null;
    const assignmentId = await accounts.grantRole(
      id,
      { role, orgCode, startDate: opts.from, endDate: opts.to ?? null },
      systemActor('cli').actorName!,
    );
    await audited(database.db, 'role_grant', `person:${id}`, { role, orgCode, assignmentId });
    console.log(
      `Granted ${role} at ${orgCode ?? '(platform)'} to ${username} from ${opts.from} (assignment ${assignmentId}).`,
    );
  });
}

export async function usersEndRoleCommand(
  config: Config,
  username: string,
  assignment: string,
  opts: { on: string },
) {
  if (!isoDateText.safeParse(opts.on).success) {
    throw AppError.validation([{ path: '--on', message: 'must be a real date written YYYY-MM-DD' }]);
  }
  await withPlatform(config, async ({ services, database }) => {
    const accounts = services.access.accounts;
    const id = await personId(accounts, username);
    await accounts.endRole(id, Number(assignment), opts.on);
    await audited(database.db, 'role_end', `person:${id}`, {
      assignmentId: Number(assignment),
      endDate: opts.on,
    });
    console.log(`Ended assignment ${assignment} of ${username} on ${opts.on}.`);
  });
}

export async function usersUnlockCommand(config: Config, username: string) {
  await withPlatform(config, async ({ services, database }) => {
    const id = await personId(services.access.accounts, username);
    await services.access.accounts.unlock(id);
    await audited(database.db, 'person_unlock', `person:${id}`);
    console.log(`Unlocked ${username}.`);
  });
}

export async function usersResetPasswordCommand(config: Config, username: string) {
  await withPlatform(config, async ({ services, database }) => {
    const id = await personId(services.access.accounts, username);
    const password = await services.access.accounts.resetPassword(id);
    await audited(database.db, 'password_reset', `person:${id}`);
    console.log(`New one-time password for ${username} (shown once): ${password}`);
  });
}

export async function usersResetDemoCommand(config: Config) {
  if (!config.demoAccounts) {
    throw AppError.validation([
      { path: 'COMMISSIONER_DEMO_ACCOUNTS', message: 'demo accounts are switched off' },
    ]);
  }
  await withPlatform(config, async ({ services, database }) => {
    const result = await resetDemoAccounts(services.access.accounts);
    await services.access.patients.seedSynthetic();
    await audited(database.db, 'demo_reset', 'demo_accounts', { accounts: result.created.length });
    printDemoAccounts(result);
  });
}
