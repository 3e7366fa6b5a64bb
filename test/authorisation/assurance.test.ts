import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GOVERNANCE_AS_AT } from '../../src/modules/governance/demo-seed.ts';
import { type Session, sessionHeaders, signIn } from '../access/sessions.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { pathfinderCcg } from './fixtures.ts';

/**
 * Ongoing assurance through the API: the annual assessment of s14Z16 (consult each relevant HWB,
 * publish a summary) and intervention under s14Z21 (triggers with their evidence, grounds, directions
 * with the consultations the section requires, review and lifting).
 */
let server: TestServer;
const people = {
  assessor: {
    username: 'aa.assessor',
    displayName: 'Ann Assessor',
    password: 'a long enough passphrase 1',
    role: 'area_team_assurance',
    org: 'Q45',
  },
  hwb: {
    username: 'aa.hwb',
    displayName: 'Hal Wellbeing',
    password: 'a long enough passphrase 2',
    role: 'hwb_member',
    org: 'E06000005',
  },
  board: {
    username: 'aa.board',
    displayName: 'Dev Decider',
    password: 'a long enough passphrase 3',
    role: 'board_oversight',
    org: 'NHSCB',
  },
} as const;
type Who = keyof typeof people;
const sessions = {} as Record<Who, Session>;

beforeAll(async () => {
  server = await startTestServer();
  const { accounts } = server.services.access;
  for (const who of Object.keys(people) as Who[]) {
    const p = people[who];
    const { personId } = await accounts.create({
      username: p.username,
      displayName: p.displayName,
      password: p.password,
    });
    await accounts.grantRole(
      personId,
      { role: p.role, orgCode: p.org, startDate: '2013-04-01', endDate: null },
      'test',
    );
    sessions[who] = await signIn(server.app, p.username, p.password);
  }
}, 180_000);
afterAll(async () => server?.close());

async function call(who: Who | null, method: 'GET' | 'POST', url: string, payload?: unknown) {
  const res = await server.app.inject({
    method,
    url,
    headers: who ? sessionHeaders(sessions[who], method) : {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  return { status: res.statusCode, body: res.json() };
}
const codes = (body: { problems?: { code?: string }[] }) => (body.problems ?? []).map((p) => p.code);

describe('the annual assessment (s14Z16)', () => {
  const id = 'AA-00C-2013-14';

  it('opens the year’s assessment of Darlington CCG and consults its relevant HWB from the registry', async () => {
    const opened = await call('assessor', 'POST', '/api/ccgs/00C/annual-assessments', {
      financialYear: '2013-14',
      openedOn: '2014-04-07',
    });
    expect(opened.status).toBe(200);
    expect(opened.body.assessment).toMatchObject({
      assessmentId: id,
      status: 'consulting',
      hwbCodes: ['E06000005'],
      consultationCloses: '2014-05-05',
      openedBy: { name: 'Ann Assessor' },
    });
    const twice = await call('assessor', 'POST', '/api/ccgs/00C/annual-assessments', {
      financialYear: '2013-14',
      openedOn: '2014-04-08',
    });
    expect(twice.status).toBe(409);
  });

  it('refuses an assessment of a CCG that is not established, and a year written wrongly', async () => {
    const ccg = await pathfinderCcg(server.services, server.database.db);
    const r = await call('assessor', 'POST', `/api/ccgs/${ccg}/annual-assessments`, {
      financialYear: '2013-14',
      openedOn: '2014-04-07',
    });
    expect(r.status).toBe(409);
    expect(codes(r.body)).toEqual(['not_established']);
    const bad = await call('assessor', 'POST', '/api/ccgs/00D/annual-assessments', {
      financialYear: '2013-15',
      openedOn: '2014-04-07',
    });
    expect(bad.status).toBe(400);
    expect(codes(bad.body)).toEqual(['financial_year']);
  });

  it('will not publish before the HWB has answered and the consultation is open', async () => {
    const r = await call('assessor', 'POST', `/api/annual-assessments/${id}/publish`, {
      publishedOn: '2014-04-20',
      rating: 'assured',
      summary: 'Assured',
    });
    expect(r.status).toBe(409);
    expect(codes(r.body)).toEqual(['hwb_not_consulted']);
    expect(r.body.problems[0].message).toContain('E06000005');
  });

  it('takes the HWB’s own view, recusing the CCG’s representative on the board; another HWB may not answer for it', async () => {
    const payload = {
      view: 'contributes_partly',
      comments: 'Good on children’s services; slow on the alcohol strategy.',
      respondedOn: '2014-04-25',
      meeting: {
        date: '2014-04-24',
        attendees: [
          { personId: 'cllr', name: 'Cllr Chair', voting: true, represents: [] },
          {
            personId: 'gp',
            name: 'Dr CCG Rep',
            voting: true,
            represents: [{ ccgCode: '00C', startDate: '2013-04-01', endDate: null }],
          },
        ],
      },
    };
    const other = await call('hwb', 'POST', `/api/annual-assessments/${id}/hwbs/E06000047/response`, payload);
    expect(other.status).toBe(403);
    const r = await call('hwb', 'POST', `/api/annual-assessments/${id}/hwbs/E06000005/response`, payload);
    expect(r.status).toBe(200);
    expect(r.body.response.recusals.recusals).toEqual([{ personId: 'gp', management: 'leave_room' }]);
    expect(r.body.waitingFor).toEqual([]);
    const badView = await call('hwb', 'POST', `/api/annual-assessments/${id}/hwbs/E06000005/response`, {
      ...payload,
      view: 'marvellous',
    });
    expect(badView.status).toBe(400);
    expect(codes(badView.body)).toEqual(['unknown_view']);
  });

  it('publishes the summary, which the public then sees with the HWB’s view; drafts stay internal', async () => {
    expect((await call(null, 'GET', '/api/ccgs/00C/annual-assessments')).body.items).toEqual([]);
    const published = await call('assessor', 'POST', `/api/annual-assessments/${id}/publish`, {
      publishedOn: '2014-05-01',
      rating: 'assured_with_support',
      summary: 'Darlington CCG is assured with support on its financial plan.',
      findings: [{ duty: 's223H-J', finding: 'Small forecast overspend in Q3 recovered by year end' }],
    });
    expect(published.status).toBe(200);
    const pub = await call(null, 'GET', '/api/ccgs/00C/annual-assessments');
    expect(pub.body.items).toHaveLength(1);
    expect(pub.body.items[0]).toMatchObject({
      financialYear: '2013-14',
      rating: 'assured_with_support',
      publishedOn: '2014-05-01',
      hwbViews: [
        { hwbCode: 'E06000005', hwbName: expect.stringContaining('Darlington'), view: 'contributes_partly' },
      ],
    });
    const late = await call('hwb', 'POST', `/api/annual-assessments/${id}/hwbs/E06000005/response`, {
      view: 'contributes',
      comments: 'Changed our mind',
      respondedOn: '2014-05-02',
    });
    expect(late.status).toBe(409);
    expect(codes(late.body)).toEqual(['published']);
  });
});

describe('intervention triggers and records (s14Z21)', () => {
  let ccg = '';
  let interventionId = '';

  it('shows each raised trigger with its evidence, and where the evidence comes from', async () => {
    const national = await server.services.governance.nationalCompliance(DEMO_GOVERNANCE_AS_AT);
    ccg = national.items.find((i) => i.ruleIds.includes('GB-NURSE'))!.ccgCode;
    const r = await call(
      'board',
      'GET',
      `/api/ccgs/${ccg}/intervention-triggers?asAt=${DEMO_GOVERNANCE_AS_AT}`,
    );
    expect(r.status).toBe(200);
    const statutory = r.body.results.find((t: { triggerId: string }) => t.triggerId === 'INT-GOV-STATUTORY');
    expect(statutory).toMatchObject({ status: 'raised', source: 'governance' });
    expect(statutory.evidence).toContain('GB-NURSE');
    expect(statutory.feed).toMatch(/governance module/);
    const finance = r.body.results.find((t: { triggerId: string }) => t.triggerId === 'INT-FIN-OVERSPEND');
    expect(finance).toMatchObject({ status: 'no_data', manual: null });
    expect(finance.feed).toMatch(/finance module will feed this/);
  });

  it('raises the finance trigger from manual evidence, saying who entered it (the CCG’s own area team)', async () => {
    const areaTeam = await server.services.authorisation.assessorOwner(ccg);
    const refused = await call('assessor', 'POST', `/api/ccgs/${ccg}/intervention-evidence`, {
      source: 'outcomes',
      asAt: '2013-12-31',
      indicatorsAssessed: 10,
      failures: [],
      note: 'Not Q45’s CCG',
    });
    expect(refused.status).toBe(areaTeam === 'Q45' ? 200 : 403);
    if (areaTeam !== 'Q45') {
      const { accounts } = server.services.access;
      const assessor = await accounts.byUsername(people.assessor.username);
      await accounts.grantRole(
        assessor.id,
        { role: 'area_team_assurance', orgCode: areaTeam, startDate: '2013-04-01', endDate: null },
        'test',
      );
    }
    const r = await call('assessor', 'POST', `/api/ccgs/${ccg}/intervention-evidence`, {
      source: 'finance',
      asAt: '2013-12-31',
      financialYear: '2013-14',
      allocationPence: 30_000_000_000,
      forecastOutturnPence: 30_600_000_000,
      note: 'Month 9 forecast from the CCG’s finance return',
    });
    expect(r.status).toBe(200);
    const overspend = r.body.triggers.results.find(
      (t: { triggerId: string }) => t.triggerId === 'INT-FIN-OVERSPEND',
    );
    expect(overspend.status).toBe('raised');
    expect(overspend.evidence).toContain('overspend £6.0m');
    expect(overspend.manual).toMatchObject({ asAt: '2013-12-31', recordedBy: { name: 'Ann Assessor' } });
  });

  it('opens an intervention on its grounds, keeping the raised triggers; a draft is not public', async () => {
    const r = await call('board', 'POST', `/api/ccgs/${ccg}/interventions`, {
      ground: 'significant_risk',
      grounds: 'Governing body without a registered nurse and a forecast overspend',
      openedOn: '2014-01-15',
    });
    expect(r.status).toBe(200);
    interventionId = r.body.intervention.interventionId;
    expect(r.body.intervention.status).toBe('draft');
    expect(r.body.intervention.triggers.map((t: { triggerId: string }) => t.triggerId)).toEqual(
      expect.arrayContaining(['INT-GOV-STATUTORY', 'INT-FIN-OVERSPEND']),
    );
    expect((await call(null, 'GET', `/api/ccgs/${ccg}/interventions`)).body.items).toEqual([]);
  });

  const direct = (payload: Record<string, unknown>) =>
    call('board', 'POST', `/api/interventions/${interventionId}/directions`, {
      functions: ['Commissioning of acute services from the local trust'],
      exercisedBy: { kind: 'ccg_itself' },
      givenOn: '2014-02-01',
      detail: 'As set out in the Board’s letter',
      ...payload,
    });

  it('refuses (8)(b) before a direction to cease, and before the other CCG is consulted (s14Z21(10))', async () => {
    const early = await direct({
      power: 'another_ccg_performs',
      exercisedBy: { kind: 'ccg', ccgCode: '00D' },
    });
    expect(early.status).toBe(409);
    expect(codes(early.body)).toEqual(['requires', 'consultation_required']);
    const cease = await direct({ power: 'cease_functions', until: '2015-03-31' });
    expect(cease.status).toBe(200);
    expect(cease.body.intervention.status).toBe('in_force');
    const unconsulted = await direct({
      power: 'another_ccg_performs',
      exercisedBy: { kind: 'ccg', ccgCode: '00D' },
    });
    expect(codes(unconsulted.body)).toEqual(['consultation_required']);
    expect(unconsulted.body.problems[0].message).toContain('s14Z21(10): consult 00D');
    const consulted = await call('board', 'POST', `/api/interventions/${interventionId}/consultations`, {
      consulteeCode: '00D',
      basis: 's14Z21(10)',
      consultedOn: '2014-02-01',
      response: 'Willing to commission the acute contract on the CCG’s behalf',
    });
    expect(consulted.status).toBe(200);
    const ok = await direct({ power: 'another_ccg_performs', exercisedBy: { kind: 'ccg', ccgCode: '00D' } });
    expect(ok.status).toBe(200);
    const self = await direct({ power: 'another_ccg_performs', exercisedBy: { kind: 'ccg', ccgCode: ccg } });
    expect(codes(self.body)).toContain('direction_self');
  });

  it('refuses dissolution until the CCG and its local authorities are consulted and a report is published (s14Z22)', async () => {
    const r = await direct({ power: 'dissolve', functions: [], exercisedBy: { kind: 'ccg_itself' } });
    expect(r.status).toBe(409);
    expect(codes(r.body)).toEqual(['consultation_required', 'report_required']);
    expect(r.body.problems[0].message).toContain(ccg);
  });

  it('publishes the intervention once directions are given; reviews and lifting end it', async () => {
    const pub = await call(null, 'GET', `/api/ccgs/${ccg}/interventions`);
    expect(pub.body.items).toHaveLength(1);
    expect(pub.body.items[0].directions.map((d: { power: string }) => d.power)).toEqual([
      'cease_functions',
      'another_ccg_performs',
    ]);
    const review = await call('board', 'POST', `/api/interventions/${interventionId}/reviews`, {
      reviewedOn: '2014-06-30',
      outcome: 'continue',
      note: 'Recovery plan on track',
    });
    expect(review.status).toBe(200);
    const backdated = await call('board', 'POST', `/api/interventions/${interventionId}/lift`, {
      liftedOn: '2014-06-01',
    });
    expect(backdated.status).toBe(409);
    expect(codes(backdated.body)).toEqual(['date_order']);
    const lifted = await call('board', 'POST', `/api/interventions/${interventionId}/lift`, {
      liftedOn: '2015-03-31',
    });
    expect(lifted.status).toBe(200);
    expect(lifted.body.intervention).toMatchObject({ status: 'lifted', liftedOn: '2015-03-31' });
    expect(lifted.body.intervention.reviews[0].reviewedBy.name).toBe('Dev Decider');
  });
});
