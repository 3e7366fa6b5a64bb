import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommissioner } from '../support/cli.ts';
import { type ProvisionedDatabase, provisionTestDatabase } from '../support/db.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/** Authorisation (issue #6): the real 2012–13 results read back from storage, and live readiness. */
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
      notAuthorised: 0,
      underDirectionsAtGoLive: 15,
      conditionsLiftedInJuly2013Review: 46,
      underDirectionsAfterJuly2013: 8,
    });
    expect(status.current).toMatchObject({ withConditions: 59, underDirections: 8 });
  });

  it('reads them from the stored lifecycle: 211 CCGs with their history, and a recorded event changes the board', async () => {
    const db = server.database.db;
    const stored = await sql<{ ccgs: number; events: number; history: number }>`
      select (select count(*)::int from auth_ccg) as ccgs, (select sum(events)::int from auth_ccg) as events,
             (select count(*)::int from auth_history) as history`.execute(db);
    expect(stored.rows[0]).toEqual({
      ccgs: 211,
      events: stored.rows[0]!.history,
      history: stored.rows[0]!.history,
    });
    expect(stored.rows[0]!.history).toBeGreaterThan(211 * 3);

    const before = await get('/api/authorisation');
    const remaining = before.items.find(
      (c: { july2013: string; directions: { liftedOn: string | null }[] }) =>
        c.july2013 === 'remaining' && c.directions.every((d) => d.liftedOn !== null),
    );
    const open = remaining.conditions.filter((c: { liftedOn: string | null }) => c.liftedOn === null);
    for (const c of open) {
      await server.services.authorisation.lifecycle.record(
        remaining.code,
        { kind: 'lift_condition', date: '2013-10-31', conditionId: c.conditionId },
        { kind: 'person', id: 'test', name: 'Test Board member' },
        { reason: 'Quarterly review: condition met' },
      );
    }
    const after = await get('/api/authorisation');
    expect(after.current.withConditions).toBe(before.current.withConditions - 1);
    expect(after.current.authorised).toBe(before.current.authorised + 1);
    expect(after.totals).toEqual(before.totals);
    const ccg = (await get(`/api/ccgs/${remaining.code}/authorisation`)).authorisation;
    expect(ccg).toMatchObject({ status: 'established_authorised', openConditions: 0, july2013: 'remaining' });
  });

  it('says per field what is real and what is synthetic, as stored with the demo', async () => {
    const { authorisation } = await get('/api/ccgs/00C/authorisation');
    expect(['real', 'inferred', 'synthetic']).toContain(authorisation.provenance.wave.basis);
    expect(typeof authorisation.synthetic).toBe('boolean');
    const bassetlaw = (await get('/api/ccgs/02Q/authorisation')).authorisation;
    expect(bassetlaw).toMatchObject({
      wave: 1,
      outcome: 'authorised',
      provenance: { wave: { basis: 'real' } },
    });
    const nene = (await get('/api/ccgs/04G/authorisation')).authorisation;
    expect(
      nene.directions.find((d: { exercisedBy: { kind: string } }) => d.exercisedBy.kind === 'ccg'),
    ).toMatchObject({
      exercisedBy: { ccgCode: '03V' },
      provenance: { basis: 'real' },
    });
  });

  it('filters by wave, and 404s an unknown CCG', async () => {
    expect((await get('/api/authorisation?wave=1')).items).toHaveLength(34);
    expect((await server.app.inject({ method: 'GET', url: '/api/ccgs/ZZZ/authorisation' })).statusCode).toBe(
      404,
    );
  });
});

describe('changes after establishment reuse the registry’s events', () => {
  it('records a practice moving between CCGs on both CCGs’ histories, and refuses it for a CCG not party to it', async () => {
    const { eventId } = await server.services.structuralEvents.record(
      { kind: 'move', date: '2014-04-01', practiceCode: 'A83005', fromCcgCode: '00C', toCcgCode: '00D' },
      { source: 'authorisation test' },
    );
    const who = { kind: 'person' as const, id: 'test', name: 'Test Board member' };
    const lifecycle = server.services.authorisation.lifecycle;
    const event = await lifecycle.registryEvent(eventId!);
    const before = await lifecycle.state('00C');
    for (const ccg of ['00C', '00D']) {
      const { state, entry } = await lifecycle.record(ccg, event, who, {
        reason: 'A83005 moved',
        evidenceRefs: [`structural_event ${eventId}`],
      });
      expect(entry.event.kind).toBe('move');
      expect(entry.from).toBe(entry.to);
      expect(state.status).toBe((await lifecycle.state(ccg)).status);
    }
    expect((await lifecycle.state('00C')).history).toHaveLength(before.history.length + 1);
    await expect(lifecycle.record('08H', event, who, { reason: 'not ours' })).rejects.toMatchObject({
      kind: 'conflict',
      problems: [{ code: 'not_party', message: 'The move of 2014-04-01 does not concern 08H' }],
    });
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

  it('prints a CCG’s history: Liverpool applied in wave 1 and deferred to wave 4, each event with its basis', async () => {
    const json = await runCommissioner(['authorisation', 'history', '99A', '--json'], {
      database: t.settings,
    });
    expect(json.code).toBe(0);
    const history = JSON.parse(json.stdout);
    expect(
      history.items
        .slice(0, 4)
        .map((h: { event: { kind: string; wave?: number } }) => [h.event.kind, h.event.wave]),
    ).toEqual([
      ['pathfinder_approval', undefined],
      ['apply_in_wave', 1],
      ['apply_in_wave', 4],
      ['decision', undefined],
    ]);
    expect(history.items[2].provenance.basis).toBe('real');
    const text = await runCommissioner(['authorisation', 'history', '99A'], { database: t.settings });
    expect(text.stdout).toMatch(/NHS Liverpool.*\(99A\)/);
    expect(text.stdout).toContain('Authorisation demo seed');
    const bad = await runCommissioner(['authorisation', 'history', 'NOPE'], { database: t.settings });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('ccg: must be a CCG ODS code');
  });
});
