import type { TestServer } from '../support/server.ts';
import { CCG, OTHER_CCG } from './results-fixture.ts';

/** Demo people for the activity tests, each with one role (definitions/access/roles.json). */
export const USERS = {
  /** Finance at the paying CCG: reads its commercial and internal records. */
  finance: {
    username: 'demo.activity.finance',
    displayName: `Demo CCG finance, ${CCG} (synthetic)`,
    password: 'a long enough passphrase 51',
    role: 'ccg_finance',
    orgCode: CCG,
  },
  /** Commissioning manager at another CCG: none of 00K's records. */
  otherCcg: {
    username: 'demo.activity.other',
    displayName: `Demo commissioning manager, ${OTHER_CCG} (synthetic)`,
    password: 'a long enough passphrase 52',
    role: 'ccg_commissioning_manager',
    orgCode: OTHER_CCG,
  },
  /** The Board's area team for Durham, Darlington and Tees: every CCG's commercial records. */
  areaTeam: {
    username: 'demo.activity.areateam',
    displayName: 'Demo area team assurance (synthetic)',
    password: 'a long enough passphrase 53',
    role: 'area_team_assurance',
    orgCode: 'Q45',
  },
  /** The platform's administrator: loads and their quarantine, no organisation's data. */
  admin: {
    username: 'demo.activity.admin',
    displayName: 'Demo system administrator (synthetic)',
    password: 'a long enough passphrase 54',
    role: 'system_administrator',
    orgCode: null,
  },
} as const;

export type ActivityUser = keyof typeof USERS;

/** Creates every activity test user with its role from 1 April 2013. */
export async function createActivityUsers(server: TestServer): Promise<void> {
  const { accounts } = server.services.access;
  for (const u of Object.values(USERS)) {
    const { personId } = await accounts.create({
      username: u.username,
      displayName: u.displayName,
      password: u.password,
      isDemo: true,
    });
    await accounts.grantRole(
      personId,
      { role: u.role, orgCode: u.orgCode, startDate: '2013-04-01', endDate: null },
      'test',
    );
  }
}
