import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommissioner } from '../support/cli.ts';
import { type ProvisionedDatabase, provisionTestDatabase } from '../support/db.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** Authorisation as far as it has landed (issue #6): the real 2012–13 results and live readiness. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

const get = async (url: string) => (await server.app.inject({ method: 'GET', url })).json();

describe('the 2012–13 waves (demo)', () => {
  it('reproduces the real totals: 34/67/62/48 per wave, 43 + 168, 15 under directions, 46 lifted in July 2013', async () => {
    const status = await get('/api/authorisation');
    expect(status.byWave.map((w: { ccgs: number }) => w.ccgs)).toEqual([34, 67, 62, 48]);
    expect(status.totals).toEqual({
      ccgs: 211,
      authorised: 43,
      withConditions: 168,
      underDirectionsAtGoLive: 15,
      conditionsLiftedInJuly2013Review: 46,
    });
  });

  it('says per field what is real and what is synthetic', async () => {
    const { authorisation } = await get('/api/ccgs/00C/authorisation');
    expect(['real', 'inferred', 'synthetic']).toContain(authorisation.provenance.wave.basis);
    expect(typeof authorisation.synthetic).toBe('boolean');
  });

  it('filters by wave, and 404s an unknown CCG', async () => {
    expect((await get('/api/authorisation?wave=1')).items).toHaveLength(34);
    expect((await server.app.inject({ method: 'GET', url: '/api/ccgs/ZZZ/authorisation' })).statusCode).toBe(
      404,
    );
  });
});

describe('readiness with linked evidence', () => {
  it('turns a governance criterion from gap to met when the governing body gains a registered nurse', async () => {
    const gov = server.services.governance;
    const national = await gov.nationalCompliance('2013-09-30');
    const ccg = national.items.find((i) => i.ruleIds.includes('GB-NURSE'))!.ccgCode;
    const linked = (r: Awaited<ReturnType<typeof server.services.authorisation.readiness>>) =>
      r.criteria.filter((c) =>
        c.evidence.links.some(
          (l) => l.failingRuleIds.includes('GB-NURSE') || (l.module === 'governance' && l.status === 'met'),
        ),
      );

    const before = await server.services.authorisation.readiness(ccg, '2013-10-01');
    const gaps = linked(before).filter((c) => c.evidence.status === 'gap');
    expect(gaps.length).toBeGreaterThan(0);

    const nurse = await gov.addPerson(ccg, {
      name: 'Ms N (registered nurse)',
      attributes: {
        ...(await gov.people(ccg)).items[0]!.attributes,
        nmcRegisteredNurse: true,
        onGpRegister: false,
        isGpOfMemberPractice: false,
        isIndividualMemberOfCcg: false,
      },
      employments: [],
      convictions: [],
      bankruptcyRestrictions: [],
      dismissals: [],
      capacity: 'gb_member',
      startDate: '2013-10-01',
    });
    await gov.appointPerson(ccg, nurse.personId, {
      roles: ['registered_nurse'],
      startDate: '2013-10-01',
      termEndDate: null,
    });

    const after = await server.services.authorisation.readiness(ccg, '2013-10-01');
    for (const c of gaps) {
      const now = after.criteria.find((x) => x.id === c.id)!;
      expect(now.evidence.links.flatMap((l) => l.failingRuleIds)).not.toContain('GB-NURSE');
    }
  });

  it('marks criteria whose module does not exist yet as manual evidence, naming the module', async () => {
    const r = await server.services.authorisation.readiness('00C', '2013-09-30');
    const manual = r.criteria.flatMap((c) => c.evidence.links).filter((l) => l.status === 'manual');
    expect(manual.length).toBeGreaterThan(0);
    expect(manual.every((l) => /until the \w+ module is built/.test(l.message))).toBe(true);
    expect(r.summary.criteria).toBe(119);
  });
});

describe('commissioner authorisation status', () => {
  let t: ProvisionedDatabase;
  beforeAll(async () => {
    t = await provisionTestDatabase({ withReference: true });
  });
  afterAll(async () => t?.dispose());

  it('prints one wave as JSON, and rejects a wave that does not exist', async () => {
    const r = await runCommissioner(['authorisation', 'status', '--wave', '4', '--json'], {
      database: t.settings,
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).items).toHaveLength(48);
    const bad = await runCommissioner(['authorisation', 'status', '--wave', '5'], { database: t.settings });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--wave: must be 1, 2, 3 or 4');
  });
});
