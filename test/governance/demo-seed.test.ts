import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GOVERNANCE_AS_AT, seedGovernanceDemo } from '../../src/modules/governance/demo-seed.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** The synthetic governance demo data every test database (and `npm start`) begins with. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const get = async (url: string) => (await server.app.inject({ method: 'GET', url })).json();

describe('governance demo data', () => {
  it('is seeded once: a second run changes nothing', async () => {
    expect(await seedGovernanceDemo(server.database.db)).toEqual({
      status: 'unchanged',
      ccgs: 0,
      faults: 0,
      plantedFaults: [],
    });
  });

  it('gives every April 2013 CCG a governing body, labelled synthetic', async () => {
    const national = await server.services.governance.nationalCompliance(DEMO_GOVERNANCE_AS_AT);
    expect(national.ccgs).toBe(211);
    expect(national.items.every((i) => i.synthetic)).toBe(true);
    const body = await get(`/api/ccgs/00C/governing-body?asAt=${DEMO_GOVERNANCE_AS_AT}`);
    expect(body.synthetic).toBe(true);
    expect(body.members.length).toBeGreaterThanOrEqual(6);
  });

  it('shows the wave-1 fault of real history: five CCGs with no registered nurse', async () => {
    const national = await server.services.governance.nationalCompliance(DEMO_GOVERNANCE_AS_AT);
    const noNurse = national.items.filter((i) => i.ruleIds.includes('GB-NURSE')).map((i) => i.ccgName);
    expect(noNurse).toHaveLength(5);
    for (const name of ['Wokingham', 'Newbury', 'North & West Reading', 'South Reading', 'Wandsworth']) {
      expect(noNurse.some((n) => n.includes(name))).toBe(true);
    }
  });

  it('publishes registers whose entries are labelled synthetic', async () => {
    const register = await get(`/api/ccgs/00C/register-of-interests?asAt=${DEMO_GOVERNANCE_AS_AT}`);
    expect(register.entries.length).toBeGreaterThan(0);
    expect(register.entries.every((e: { synthetic: boolean }) => e.synthetic)).toBe(true);
  });

  it('holds a complete, approved constitution for each CCG', async () => {
    const c = await get(`/api/ccgs/00C/constitution?asAt=${DEMO_GOVERNANCE_AS_AT}`);
    expect(c.constitution.status).toBe('approved');
    expect(c.constitution.content.name).toBe('NHS Darlington Clinical Commissioning Group');
    const compliance = await server.services.governance.compliance('00C', DEMO_GOVERNANCE_AS_AT);
    expect(compliance.constitution).toEqual([]);
  });

  it('plans real conflicts in the upcoming meetings', async () => {
    const { items } = await server.services.governance.meetings('00C', { publishedOnly: false });
    expect(items.length).toBeGreaterThan(0);
    let conflicts = 0;
    for (const m of items)
      conflicts += (await server.services.governance.conflictPlan(m.meetingId)).items.reduce(
        (n, i) => n + i.conflicts.length,
        0,
      );
    expect(conflicts).toBeGreaterThan(0);
  });
});

describe('demo meetings and constitutions', () => {
  it('can be opened through the API by their ids', async () => {
    const { items } = await server.services.governance.meetings('00C', { publishedOnly: false });
    const res = await server.app.inject({
      method: 'GET',
      url: `/api/meetings/${items[0]!.meetingId}/minutes`,
    });
    // Not published yet: a 404 for the minutes, not a 400 for the id.
    expect(res.statusCode).toBe(404);
  });

  it('have a founding constitution in force from 1 April 2013, approved by the Board (synthetic record)', async () => {
    const c = await get('/api/ccgs/00C/constitution?asAt=2013-04-01');
    expect(c.constitution).toMatchObject({
      version: 1,
      effectiveFrom: '2013-04-01',
      decidedBy: 'NHS Commissioning Board (synthetic)',
    });
    const compliance = await server.services.governance.compliance('00C', '2013-04-01');
    expect(compliance.constitutionVersion).toBe(1);
    expect(compliance.constitution).toEqual([]);
  });
});
