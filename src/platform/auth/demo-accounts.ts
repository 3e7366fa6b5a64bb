import { AppError } from '../errors.ts';
import type { AccountService } from './account-service.ts';

/** One demo person per role, at real organisations in and around Darlington (issue #3). */
export interface DemoIdentity {
  readonly username: string;
  readonly displayName: string;
  readonly role: string;
  /** Null for the platform's system administrator. */
  readonly orgCode: string | null;
  /** What to try as this person. */
  readonly tryThis: string;
}

export const DEMO_ROLE_START = '2013-04-01';

export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  {
    username: 'demo.ccg.governing',
    displayName: 'Demo governing body member (synthetic)',
    role: 'ccg_governing_body_member',
    orgCode: '00C',
    tryThis: "NHS Darlington CCG's internal records; no patient-level data",
  },
  {
    username: 'demo.ccg.commissioning',
    displayName: 'Demo commissioning manager (synthetic)',
    role: 'ccg_commissioning_manager',
    orgCode: '00C',
    tryThis: "Darlington's pseudonymised responsible population; re-identification is refused",
  },
  {
    username: 'demo.ccg.finance',
    displayName: 'Demo CCG finance (synthetic)',
    role: 'ccg_finance',
    orgCode: '00C',
    tryThis: "Darlington's internal and commercial records",
  },
  {
    username: 'demo.practice',
    displayName: 'Demo practice staff (synthetic)',
    role: 'practice_staff',
    orgCode: 'A83005',
    tryThis: "re-identify Whinfield Medical Practice's own (synthetic) patients, and no one else's",
  },
  {
    username: 'demo.areateam',
    displayName: 'Demo area team assurance (synthetic)',
    role: 'area_team_assurance',
    orgCode: 'Q45',
    tryThis: "every CCG's data except identifiable patient data",
  },
  {
    username: 'demo.region',
    displayName: 'Demo regional assurance (synthetic)',
    role: 'region_assurance',
    orgCode: 'Y54',
    tryThis: "every CCG's data except identifiable patient data",
  },
  {
    username: 'demo.board',
    displayName: 'Demo NHS Commissioning Board oversight (synthetic)',
    role: 'board_oversight',
    orgCode: 'NHSCB',
    tryThis: "every CCG's data except identifiable patient data",
  },
  {
    username: 'demo.hwb',
    displayName: 'Demo HWB member (synthetic)',
    role: 'hwb_member',
    orgCode: 'E06000005',
    tryThis: 'what Darlington CCG (which overlaps Darlington HWB) shares; not other CCGs',
  },
  {
    username: 'demo.healthwatch',
    displayName: 'Demo Healthwatch representative (synthetic)',
    role: 'healthwatch_representative',
    orgCode: 'HW-E06000005',
    tryThis: "Healthwatch Darlington's own records and everything public",
  },
  {
    username: 'demo.provider',
    displayName: 'Demo provider contract manager (synthetic)',
    role: 'provider_contract_manager',
    orgCode: 'RTR',
    tryThis: "South Tees Hospitals' own records; issue API tokens for its data submissions",
  },
  {
    username: 'demo.admin',
    displayName: 'Demo system administrator (synthetic)',
    role: 'system_administrator',
    orgCode: null,
    tryThis: 'accounts, the audit log and import runs; no organisation data',
  },
];

export interface DemoSeedResult {
  /** Accounts made now, each with its one-time password (show once). */
  readonly created: readonly { readonly identity: DemoIdentity; readonly password: string }[];
  /** Accounts that already existed: left as they are. */
  readonly existing: readonly DemoIdentity[];
  /** Accounts that could not be made (e.g. the registry is not imported yet). */
  readonly skipped: readonly { readonly identity: DemoIdentity; readonly reason: string }[];
}

/** Seeds the demo accounts that do not exist yet. Idempotent: existing accounts keep their passwords. */
export async function seedDemoAccounts(accounts: AccountService): Promise<DemoSeedResult> {
  const created: { identity: DemoIdentity; password: string }[] = [];
  const existing: DemoIdentity[] = [];
  const skipped: { identity: DemoIdentity; reason: string }[] = [];
  for (const identity of DEMO_IDENTITIES) {
    const found = await accounts.byUsername(identity.username).catch((err: unknown) => {
      if (err instanceof AppError && err.kind === 'not_found') return null;
      throw err;
    });
    const grant = {
      role: identity.role,
      orgCode: identity.orgCode,
      startDate: DEMO_ROLE_START,
      endDate: null,
    };
    try {
      if (found) {
        // Made before the registry was imported: give it its role now.
        if (!found.roles.some((r) => r.role === identity.role && r.orgCode === identity.orgCode)) {
          await accounts.grantRole(found.id, grant, 'demo-seed');
        }
        existing.push(identity);
        continue;
      }
      const { personId, oneTimePassword } = await accounts.create({
        username: identity.username,
        displayName: identity.displayName,
        isDemo: true,
      });
      created.push({ identity, password: oneTimePassword! });
      await accounts.grantRole(personId, grant, 'demo-seed');
    } catch (err) {
      if (!(err instanceof AppError) || err.kind !== 'validation') throw err;
      skipped.push({ identity, reason: err.message });
    }
  }
  return { created, existing, skipped };
}

/** New one-time passwords for every demo account (seeding any that are missing). */
export async function resetDemoAccounts(accounts: AccountService): Promise<DemoSeedResult> {
  const seeded = await seedDemoAccounts(accounts);
  const reset: { identity: DemoIdentity; password: string }[] = [...seeded.created];
  for (const identity of seeded.existing) {
    const person = await accounts.byUsername(identity.username);
    reset.push({ identity, password: await accounts.resetPassword(person.id) });
  }
  return { created: reset, existing: [], skipped: seeded.skipped };
}
