import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIVITY_COST_BASIS, STATEMENT_COST_BASIS } from '../../src/modules/activity/activity-service.ts';
import {
  monthsBetween,
  monthWindow,
  previousCalendarMonth,
} from '../../src/modules/activity/month-window.ts';
import { PRICE_BASIS } from '../../src/modules/activity/results.ts';
import { type Session, sessionHeaders, signIn } from '../access/sessions.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { type ActivityUser, createActivityUsers, USERS } from './activity-users.ts';
import {
  CCG,
  CLEAN_LOAD_ID,
  PSEUDONYMS,
  QUARANTINE_LOAD_ID,
  RUN_ID,
  writeLoadsFixture,
  writeResultsFixture,
} from './results-fixture.ts';

/**
 * The activity API over a hand-made run (results-fixture.ts). Every expected figure below is worked
 * out by hand from the fixture's rows, for CCG 00K as payer: by default August 2013 (its latest month
 * with activity) against July 2013 (a month of the run in which it paid for nothing).
 */
let server: TestServer;
let activityDir: string;
const sessions = {} as Record<ActivityUser, Session>;

beforeAll(async () => {
  activityDir = mkdtempSync(path.join(os.tmpdir(), 'activity-api-'));
  await writeResultsFixture(activityDir);
  await writeLoadsFixture(activityDir);
  server = await startTestServer({
    env: { COMMISSIONER_ACTIVITY_DIR: activityDir, COMMISSIONER_SIGN_IN_RATE_LIMIT: '1000' },
  });
  await createActivityUsers(server);
  for (const [key, u] of Object.entries(USERS)) {
    sessions[key as ActivityUser] = await signIn(server.app, u.username, u.password);
  }
}, 180_000);

afterAll(async () => {
  await server?.services.activity.close();
  await server?.close();
  if (activityDir) rmSync(activityDir, { recursive: true, force: true });
});

async function get(url: string, as: ActivityUser | null = 'finance') {
  const res = await server.app.inject({
    method: 'GET',
    url,
    headers: as ? sessionHeaders(sessions[as]) : {},
  });
  return { status: res.statusCode, body: res.json(), text: res.body, type: res.headers['content-type'] };
}

const RVW = 'RVW';
const RTH = 'RTH';

/** A row of a comparison: activity (of which unpriced) and cost in the month and the calendar month before. */
const compared = (
  key: string,
  name: string,
  [activity, unpriced, value]: readonly [number, number, number],
  [previousActivity, previousUnpriced, previousValue]: readonly [number, number, number] = [0, 0, 0],
) => ({ key, name, activity, unpriced, value, previousActivity, previousUnpriced, previousValue });
const NONE = [0, 0, 0] as const;

/** The months of the fixture's run (any payer): April to August 2013, July with no activity for 00K. */
const RUN_MONTHS = ['2013-04', '2013-05', '2013-06', '2013-07', '2013-08'];
const COST_BASIS =
  'after readmission deductions, before the marginal rate emergency adjustment, which is on the contract statement';

describe('the months of a run (pure rules)', () => {
  it.each([
    ['2013-06', '2013-05'],
    ['2013-10', '2013-09'],
    ['2014-01', '2013-12'],
    ['2013-04', '2013-03'],
    ['2000-01', '1999-12'],
  ])('the calendar month before %s is %s', (month, before) => {
    expect(previousCalendarMonth(month)).toBe(before);
  });

  it.each([
    ['2013-04', '2013-04', ['2013-04']],
    ['2013-04', '2013-07', ['2013-04', '2013-05', '2013-06', '2013-07']],
    ['2013-11', '2014-02', ['2013-11', '2013-12', '2014-01', '2014-02']],
    ['2013-07', '2013-06', []],
  ])('from %s to %s: %j', (first, last, months) => {
    expect(monthsBetween(first, last)).toEqual(months);
  });

  it('a financial year is twelve months, April to March', () => {
    const year = monthsBetween('2013-04', '2014-03');
    expect(year).toHaveLength(12);
    expect([year[0], year[8], year[9], year[11]]).toEqual(['2013-04', '2013-12', '2014-01', '2014-03']);
  });

  const ACTIVE = ['2013-04', '2013-05', '2013-06', '2013-08'];
  it.each([
    // By default the latest month with activity, against the calendar month before (July: none).
    [undefined, ACTIVE, '2013-08', '2013-07'],
    // A month without activity is a month of the run: against the month before it.
    ['2013-07', ACTIVE, '2013-07', '2013-06'],
    ['2013-06', ACTIVE, '2013-06', '2013-05'],
    // The first month of the run has no month before it in the run.
    ['2013-04', ACTIVE, '2013-04', null],
    // Nothing active: no month unless one is asked for.
    [undefined, [], null, null],
    ['2013-05', [], '2013-05', '2013-04'],
  ])('month %s (active %j) shows %s against %s', (requested, active, month, previousMonth) => {
    expect(monthWindow(RUN_MONTHS, active, requested)).toEqual({
      months: RUN_MONTHS,
      monthsWithActivity: active,
      month,
      previousMonth,
    });
  });

  it.each([
    [
      '2013-03',
      RUN_MONTHS,
      'unknown_month',
      '2013-03 is not a month of the run: the current run has activity from 2013-04 to 2013-08',
    ],
    [
      '2013-09',
      RUN_MONTHS,
      'unknown_month',
      '2013-09 is not a month of the run: the current run has activity from 2013-04 to 2013-08',
    ],
    ['2013-06', [], 'unknown_month', '2013-06 is not a month of the run: the current run has no activity'],
    ['2013-13', RUN_MONTHS, 'invalid_month', '"2013-13" is not a month (YYYY-MM)'],
  ])('refuses %s', (requested, run, code, message) => {
    expect(() => monthWindow(run, [], requested)).toThrow(
      expect.objectContaining({ problems: [{ path: 'month', code, message }] }),
    );
  });
});

describe('a CCG’s activity against the calendar month before', () => {
  it('answers for the latest month with activity by default: August 2013 against July (none), labelled', async () => {
    const { status, body } = await get(`/api/ccgs/${CCG}/activity`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ccg: CCG,
      synthetic: true,
      priceBasis: PRICE_BASIS,
      costBasis: ACTIVITY_COST_BASIS,
      runId: RUN_ID,
      finishedAt: '2026-11-20T09:30:00.000Z',
      months: RUN_MONTHS,
      monthsWithActivity: ['2013-04', '2013-05', '2013-06', '2013-08'],
      month: '2013-08',
      // The calendar month before, though 00K paid for nothing in it (not June, its last month with any).
      previousMonth: '2013-07',
      podNames: expect.objectContaining({ EL: 'Elective inpatient', OPFU: 'Outpatient follow-up' }),
    });
    expect(body.costBasis).toContain(COST_BASIS);
    // 6 follow-ups at RTH, 2 of them without a price (counted at £0); nothing in July.
    expect(body.byPod).toEqual([compared('OPFU', 'Outpatient follow-up', [6, 2, 900])]);
    expect(body.byProvider).toEqual([
      compared(RTH, expect.stringMatching(/oxford university hospitals/i), [6, 2, 900]),
    ]);
  });

  it('compares June with May by POD and provider, with the unpriced activity', async () => {
    const { status, body } = await get(`/api/ccgs/${CCG}/activity?month=2013-06`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ month: '2013-06', previousMonth: '2013-05', months: RUN_MONTHS });
    // Ordered by value, largest first. 00C's and NHS England's rows are not 00K's.
    expect(body.byPod).toEqual([
      compared('EL', 'Elective inpatient', [19, 0, 43500.75], [12, 0, 28000]),
      compared('NEL', 'Non-elective', [5, 0, 9000]),
      compared('OPFA', 'Outpatient first attendance', [35, 5, 5250], [40, 0, 6000]),
    ]);
    expect(body.byProvider.map((p: { key: string }) => p.key)).toEqual([RVW, RTH]);
    expect(body.byProvider[0]).toMatchObject({
      activity: 55,
      unpriced: 5,
      value: 51750,
      previousActivity: 50,
      previousUnpriced: 0,
      previousValue: 31000,
    });
    expect(body.byProvider[0].name).toMatch(/north tees and hartlepool/i);
    expect(body.byProvider[1]).toMatchObject({
      activity: 4,
      unpriced: 0,
      value: 6000.75,
      previousActivity: 2,
      previousValue: 3000,
    });
    expect(body.byProvider[1].name).toMatch(/oxford university hospitals/i);
  });

  it('gives the monthly series by POD for every month the CCG paid for, with the unpriced activity', async () => {
    const { body } = await get(`/api/ccgs/${CCG}/activity`);
    expect(body.series).toEqual([
      { month: '2013-04', pod: 'EL', activity: 8, unpriced: 0, value: 20000 },
      { month: '2013-05', pod: 'EL', activity: 12, unpriced: 0, value: 28000 },
      { month: '2013-05', pod: 'OPFA', activity: 40, unpriced: 0, value: 6000 },
      { month: '2013-06', pod: 'EL', activity: 19, unpriced: 0, value: 43500.75 },
      { month: '2013-06', pod: 'NEL', activity: 5, unpriced: 0, value: 9000 },
      { month: '2013-06', pod: 'OPFA', activity: 35, unpriced: 5, value: 5250 },
      { month: '2013-08', pod: 'OPFU', activity: 6, unpriced: 2, value: 900 },
    ]);
  });

  it('answers a month of the run without activity with zeros, against the month before', async () => {
    const { status, body } = await get(`/api/ccgs/${CCG}/activity?month=2013-07`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ month: '2013-07', previousMonth: '2013-06' });
    // Nothing in July; June's figures as the month before. Equal values (0) in key order.
    expect(body.byPod).toEqual([
      compared('EL', 'Elective inpatient', NONE, [19, 0, 43500.75]),
      compared('NEL', 'Non-elective', NONE, [5, 0, 9000]),
      compared('OPFA', 'Outpatient first attendance', NONE, [35, 5, 5250]),
    ]);
    expect(
      body.byProvider.map((p: { key: string; activity: number; value: number }) => [
        p.key,
        p.activity,
        p.value,
      ]),
    ).toEqual([
      [RTH, 0, 0],
      [RVW, 0, 0],
    ]);
  });

  it('compares a chosen month with the one before, and the first month of the run with nothing', async () => {
    const may = (await get(`/api/ccgs/${CCG}/activity?month=2013-05`)).body;
    expect(may).toMatchObject({ month: '2013-05', previousMonth: '2013-04' });
    expect(may.byPod).toEqual([
      compared('EL', 'Elective inpatient', [12, 0, 28000], [8, 0, 20000]),
      compared('OPFA', 'Outpatient first attendance', [40, 0, 6000]),
    ]);
    const april = (await get(`/api/ccgs/${CCG}/activity?month=2013-04`)).body;
    expect(april).toMatchObject({ month: '2013-04', previousMonth: null });
    expect(april.byProvider).toEqual([
      expect.objectContaining({ key: RVW, activity: 8, value: 20000, previousActivity: 0, previousValue: 0 }),
    ]);
  });

  it('answers a CCG that paid for nothing with empty tables, not an error', async () => {
    const { status, body } = await get('/api/ccgs/00M/activity', 'areaTeam');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ccg: '00M',
      months: RUN_MONTHS,
      monthsWithActivity: [],
      month: null,
      previousMonth: null,
      byPod: [],
      byProvider: [],
      series: [],
    });
    const june = await get('/api/ccgs/00M/activity?month=2013-06', 'areaTeam');
    expect(june.status).toBe(200);
    expect(june.body).toMatchObject({
      month: '2013-06',
      previousMonth: '2013-05',
      byPod: [],
      byProvider: [],
    });
  });

  it.each([
    ['2013-13', 'a month as YYYY-MM'],
    ['June', 'a month as YYYY-MM'],
    ['2013-6', 'a month as YYYY-MM'],
  ])('refuses month=%s with 400 naming month', async (month, message) => {
    const { status, body, type } = await get(`/api/ccgs/${CCG}/activity?month=${month}`);
    expect(status).toBe(400);
    expect(type).toContain('application/problem+json');
    expect(body.problems).toEqual([expect.objectContaining({ path: 'querystring.month', message })]);
  });

  it.each(['2013-09', '2013-03'])(
    'refuses %s, a well-formed month outside the run, with 400 naming month and the run’s months',
    async (month) => {
      const { status, body } = await get(`/api/ccgs/${CCG}/activity?month=${month}`);
      expect(status).toBe(400);
      expect(body.problems).toEqual([
        {
          path: 'month',
          code: 'unknown_month',
          message: `${month} is not a month of the run: the current run has activity from 2013-04 to 2013-08`,
        },
      ]);
    },
  );
});

describe('drill-down to a provider', () => {
  it('gives RVW’s activity for 00K by specialty and POD in RVW’s own latest month (June, against May)', async () => {
    const { status, body } = await get(`/api/ccgs/${CCG}/activity/providers/rvw`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ccg: CCG,
      provider: RVW,
      synthetic: true,
      priceBasis: PRICE_BASIS,
      costBasis: ACTIVITY_COST_BASIS,
      months: RUN_MONTHS,
      monthsWithActivity: ['2013-04', '2013-05', '2013-06'],
      // Not the CCG's latest month (August, when it paid RVW for nothing).
      month: '2013-06',
      previousMonth: '2013-05',
    });
    expect(body.providerName).toMatch(/north tees and hartlepool/i);
    expect(body.bySpecialty).toEqual([
      compared('110', 'Trauma and Orthopaedics', [47, 5, 35250], [50, 0, 31000]),
      compared('300', 'General Medicine', [5, 0, 9000]),
      compared('100', 'General Surgery', [3, 0, 7500]),
    ]);
    expect(
      body.byPod.map((p: { key: string; activity: number; unpriced: number }) => [
        p.key,
        p.activity,
        p.unpriced,
      ]),
    ).toEqual([
      ['EL', 15, 0],
      ['NEL', 5, 0],
      ['OPFA', 35, 5],
    ]);
  });

  it('defaults RTH to its latest month, August, against July (none)', async () => {
    const { body } = await get(`/api/ccgs/${CCG}/activity/providers/RTH`);
    expect(body).toMatchObject({ month: '2013-08', previousMonth: '2013-07' });
    expect(body.bySpecialty).toEqual([compared('130', 'Ophthalmology', [6, 2, 900])]);
  });

  it('answers a month of the run without activity at the provider with zeros', async () => {
    const { status, body } = await get(`/api/ccgs/${CCG}/activity/providers/RVW?month=2013-08`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ month: '2013-08', previousMonth: '2013-07', bySpecialty: [], byPod: [] });
  });

  it.each([
    [CCG, 'RXX', 'finance'],
    [CCG, 'RTR', 'finance'],
    // 00C pays RVW, never RTH.
    ['00C', RTH, 'otherCcg'],
  ] as const)(
    '404s %s’s drill-down to %s, a provider it pays for nothing, naming the provider',
    async (ccg, provider, as) => {
      const { status, body } = await get(`/api/ccgs/${ccg}/activity/providers/${provider}`, as);
      expect(status).toBe(404);
      expect(body.problems).toEqual([
        {
          path: 'provider',
          code: 'not_found',
          message: `provider ${provider} with activity paid by ${ccg} not found`,
        },
      ]);
    },
  );

  it('validates the provider code and the month', async () => {
    const badProvider = await get(`/api/ccgs/${CCG}/activity/providers/R!W`);
    expect(badProvider.status).toBe(400);
    expect(badProvider.body.problems).toEqual([expect.objectContaining({ path: 'params.provider' })]);
    const badMonth = await get(`/api/ccgs/${CCG}/activity/providers/RVW?month=13-2013`);
    expect(badMonth.status).toBe(400);
    expect(badMonth.body.problems).toEqual([expect.objectContaining({ path: 'querystring.month' })]);
    const outside = await get(`/api/ccgs/${CCG}/activity/providers/RVW?month=2013-09`);
    expect(outside.status).toBe(400);
    expect(outside.body.problems).toEqual([
      expect.objectContaining({ path: 'month', code: 'unknown_month' }),
    ]);
  });
});

describe('the contract statement', () => {
  it('lists 00K–RVW month by month and POD with readmission and marginal rate adjustments', async () => {
    const { status, body } = await get(`/api/ccgs/${CCG}/contracts/${RVW}/statement`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ccg: CCG,
      provider: RVW,
      synthetic: true,
      priceBasis: PRICE_BASIS,
      costBasis: STATEMENT_COST_BASIS,
    });
    const line = (
      month: string,
      pod: string,
      activity: number,
      gross: number,
      readm = 0,
      mret = 0,
      net = gross,
    ) => ({
      month,
      pod,
      activity,
      grossValue: gross,
      readmissionDeduction: readm,
      marginalRateAdjustment: mret,
      netValue: net,
    });
    expect(body.lines).toEqual([
      line('2013-04', 'EL', 8, 20000),
      line('2013-05', 'EL', 10, 25000),
      line('2013-05', 'OPFA', 40, 6000),
      line('2013-06', 'EL', 15, 37500),
      line('2013-06', 'NEL', 5, 10200, 1200, -2700, 6300),
      line('2013-06', 'OPFA', 35, 5250),
    ]);
  });

  it('404s a provider the CCG has no priced contract with, naming the provider', async () => {
    const { status, body } = await get(`/api/ccgs/${CCG}/contracts/RTR/statement`);
    expect(status).toBe(404);
    expect(body.problems).toEqual([expect.objectContaining({ path: 'provider', code: 'not_found' })]);
  });
});

describe('the responsible population by Who Pays rule', () => {
  it('counts 00K’s people by the rule that made it responsible, with titles from the rule book', async () => {
    const { status, body } = await get(`/api/ccgs/${CCG}/responsible-population`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ccg: CCG, synthetic: true, runId: RUN_ID });
    // No money: the population is CCG-internal (open to more roles than the commercial activity).
    expect(JSON.stringify(body)).not.toMatch(/"value"/);
    expect(body.byRule).toEqual([
      {
        rule: 'R4',
        title: 'General rule: the CCG of GP registration',
        patients: 60,
        activity: 120,
      },
      {
        rule: 'R1',
        title: 'Emergency services: the CCG where the person is present',
        patients: 5,
        activity: 5,
      },
    ]);
  });
});

describe('who may see it', () => {
  const routes = [
    `/api/ccgs/${CCG}/activity`,
    `/api/ccgs/${CCG}/activity/providers/${RVW}`,
    `/api/ccgs/${CCG}/contracts/${RVW}/statement`,
    `/api/ccgs/${CCG}/responsible-population`,
  ];

  it.each(routes)(
    '%s: 401 signed out, 403 for another CCG, 200 for the CCG and its area team',
    async (url) => {
      expect((await get(url, null)).status).toBe(401);
      const other = await get(url, 'otherCcg');
      expect(other.status).toBe(403);
      expect(other.text).not.toContain('43500');
      expect((await get(url, 'finance')).status).toBe(200);
      expect((await get(url, 'areaTeam')).status).toBe(200);
      // The platform's administrator sees no organisation's data.
      expect((await get(url, 'admin')).status).toBe(403);
    },
  );
});

describe('loads and their quarantine', () => {
  it('lists the loads and the current run for the platform administrator only', async () => {
    const { status, body } = await get('/api/activity/loads', 'admin');
    expect(status).toBe(200);
    expect(body.loads.map((l: { loadId: string }) => l.loadId)).toEqual([QUARANTINE_LOAD_ID, CLEAN_LOAD_ID]);
    expect(body.run).toMatchObject({ runId: RUN_ID, synthetic: true });
    expect((await get('/api/activity/loads', 'finance')).status).toBe(403);
  });

  it('gives the quarantined rows with file, line, reason and raw values, the pseudonym withheld', async () => {
    const { status, body, text } = await get(`/api/activity/loads/${QUARANTINE_LOAD_ID}/quarantine`, 'admin');
    expect(status).toBe(200);
    expect(body.load).toMatchObject({ loadId: QUARANTINE_LOAD_ID, rejected: 3 });
    expect(body.rows.map((r: { file: string; line: number }) => [r.file, r.line])).toEqual([
      ['activity-2013-14-fixture.csv', 3],
      ['activity-2013-14-fixture.csv', 4],
      ['activity-2013-14-fixture.csv', 5],
    ]);
    const a4 = body.rows[1];
    expect(a4.reason).toBe('age_at_activity_date: "abc" is not a whole number');
    const raw = JSON.parse(a4.rawValues);
    expect(raw).toMatchObject({ activity_id: 'A4', age_at_activity_date: 'abc', provider_code: 'RVW' });
    expect(raw).not.toHaveProperty('patient_pseudonym');
    for (const pseudonym of PSEUDONYMS.inRawValues) expect(text).not.toContain(pseudonym);
  });

  it('pages with limit and offset, and answers a load without rejects with no rows', async () => {
    const page = await get(`/api/activity/loads/${QUARANTINE_LOAD_ID}/quarantine?limit=1&offset=1`, 'admin');
    expect(page.body.rows.map((r: { line: number }) => r.line)).toEqual([4]);
    const clean = await get(`/api/activity/loads/${CLEAN_LOAD_ID}/quarantine`, 'admin');
    expect(clean.status).toBe(200);
    expect(clean.body.rows).toEqual([]);
  });

  it('404s an unknown load, 400s a malformed load id, and refuses CCG staff', async () => {
    const unknown = await get('/api/activity/loads/ffffffffffffffff/quarantine', 'admin');
    expect(unknown.status).toBe(404);
    expect(unknown.body.problems).toEqual([expect.objectContaining({ path: 'loadId' })]);
    const malformed = await get('/api/activity/loads/not-a-load/quarantine', 'admin');
    expect(malformed.status).toBe(400);
    expect(malformed.body.problems).toEqual([expect.objectContaining({ path: 'params.loadId' })]);
    expect((await get(`/api/activity/loads/${QUARANTINE_LOAD_ID}/quarantine`, 'finance')).status).toBe(403);
  });
});

describe('before anything has been priced', () => {
  it('answers every CCG route with a 404 problem saying so, and the loads with no run', async () => {
    const pointer = path.join(activityDir, 'results', 'current.json');
    renameSync(pointer, `${pointer}.away`);
    try {
      for (const url of [
        `/api/ccgs/${CCG}/activity`,
        `/api/ccgs/${CCG}/activity/providers/${RVW}`,
        `/api/ccgs/${CCG}/contracts/${RVW}/statement`,
        `/api/ccgs/${CCG}/responsible-population`,
      ]) {
        const { status, body, type } = await get(url);
        expect(status, url).toBe(404);
        expect(type).toContain('application/problem+json');
        expect(body.title, url).toBe('No priced activity yet');
      }
      expect((await get('/api/activity/loads', 'admin')).body.run).toBeNull();
    } finally {
      renameSync(`${pointer}.away`, pointer);
    }
  });
});
