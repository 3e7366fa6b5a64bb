import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * out by hand from the fixture's rows, for CCG 00K as payer: June 2013 against May 2013 by default.
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

describe('a CCG’s activity against the previous month', () => {
  it('answers for the latest month by default: June 2013 against May, by POD and provider, labelled', async () => {
    const { status, body } = await get(`/api/ccgs/${CCG}/activity`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ccg: CCG,
      synthetic: true,
      priceBasis: PRICE_BASIS,
      runId: RUN_ID,
      finishedAt: '2026-11-20T09:30:00.000Z',
      months: ['2013-04', '2013-05', '2013-06'],
      month: '2013-06',
      previousMonth: '2013-05',
    });
    // Ordered by value, largest first. 00C's and NHS England's rows are not 00K's.
    expect(body.byPod).toEqual([
      {
        key: 'EL',
        name: 'Elective inpatient',
        activity: 19,
        value: 43500.75,
        previousActivity: 12,
        previousValue: 28000,
      },
      { key: 'NEL', name: 'Non-elective', activity: 5, value: 9000, previousActivity: 0, previousValue: 0 },
      {
        key: 'OPFA',
        name: 'Outpatient first attendance',
        activity: 35,
        value: 5250,
        previousActivity: 40,
        previousValue: 6000,
      },
    ]);
    expect(body.byProvider.map((p: { key: string }) => p.key)).toEqual([RVW, RTH]);
    expect(body.byProvider[0]).toMatchObject({
      activity: 55,
      value: 51750,
      previousActivity: 50,
      previousValue: 31000,
    });
    expect(body.byProvider[0].name).toMatch(/north tees and hartlepool/i);
    expect(body.byProvider[1]).toMatchObject({
      activity: 4,
      value: 6000.75,
      previousActivity: 2,
      previousValue: 3000,
    });
    expect(body.byProvider[1].name).toMatch(/oxford university hospitals/i);
  });

  it('gives the monthly series by POD for every month the CCG paid for', async () => {
    const { body } = await get(`/api/ccgs/${CCG}/activity`);
    expect(body.series).toEqual([
      { month: '2013-04', pod: 'EL', activity: 8, value: 20000 },
      { month: '2013-05', pod: 'EL', activity: 12, value: 28000 },
      { month: '2013-05', pod: 'OPFA', activity: 40, value: 6000 },
      { month: '2013-06', pod: 'EL', activity: 19, value: 43500.75 },
      { month: '2013-06', pod: 'NEL', activity: 5, value: 9000 },
      { month: '2013-06', pod: 'OPFA', activity: 35, value: 5250 },
    ]);
  });

  it('compares a chosen month with the one before, and the first month with nothing', async () => {
    const may = (await get(`/api/ccgs/${CCG}/activity?month=2013-05`)).body;
    expect(may).toMatchObject({ month: '2013-05', previousMonth: '2013-04' });
    expect(may.byPod).toEqual([
      {
        key: 'EL',
        name: 'Elective inpatient',
        activity: 12,
        value: 28000,
        previousActivity: 8,
        previousValue: 20000,
      },
      {
        key: 'OPFA',
        name: 'Outpatient first attendance',
        activity: 40,
        value: 6000,
        previousActivity: 0,
        previousValue: 0,
      },
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
      months: [],
      month: null,
      byPod: [],
      byProvider: [],
      series: [],
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

  it('refuses a well-formed month without activity with 400 naming month and listing the months', async () => {
    const { status, body } = await get(`/api/ccgs/${CCG}/activity?month=2013-09`);
    expect(status).toBe(400);
    expect(body.problems).toEqual([
      {
        path: 'month',
        code: 'unknown_month',
        message: 'no activity paid by 00K in 2013-09; months with activity: 2013-04, 2013-05, 2013-06',
      },
    ]);
  });
});

describe('drill-down to a provider', () => {
  it('gives RVW’s activity for 00K by specialty and POD, June against May', async () => {
    const { status, body } = await get(`/api/ccgs/${CCG}/activity/providers/rvw`);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ccg: CCG,
      provider: RVW,
      synthetic: true,
      priceBasis: PRICE_BASIS,
      month: '2013-06',
      previousMonth: '2013-05',
    });
    expect(body.providerName).toMatch(/north tees and hartlepool/i);
    expect(body.bySpecialty).toEqual([
      {
        key: '110',
        name: 'Trauma and Orthopaedics',
        activity: 47,
        value: 35250,
        previousActivity: 50,
        previousValue: 31000,
      },
      {
        key: '300',
        name: 'General Medicine',
        activity: 5,
        value: 9000,
        previousActivity: 0,
        previousValue: 0,
      },
      {
        key: '100',
        name: 'General Surgery',
        activity: 3,
        value: 7500,
        previousActivity: 0,
        previousValue: 0,
      },
    ]);
    expect(body.byPod.map((p: { key: string; activity: number }) => [p.key, p.activity])).toEqual([
      ['EL', 15],
      ['NEL', 5],
      ['OPFA', 35],
    ]);
  });

  it('validates the provider code and the month', async () => {
    const badProvider = await get(`/api/ccgs/${CCG}/activity/providers/R!W`);
    expect(badProvider.status).toBe(400);
    expect(badProvider.body.problems).toEqual([expect.objectContaining({ path: 'params.provider' })]);
    const badMonth = await get(`/api/ccgs/${CCG}/activity/providers/RVW?month=13-2013`);
    expect(badMonth.status).toBe(400);
    expect(badMonth.body.problems).toEqual([expect.objectContaining({ path: 'querystring.month' })]);
  });
});

describe('the contract statement', () => {
  it('lists 00K–RVW month by month and POD with readmission and marginal rate adjustments', async () => {
    const { status, body } = await get(`/api/ccgs/${CCG}/contracts/${RVW}/statement`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ccg: CCG, provider: RVW, synthetic: true, priceBasis: PRICE_BASIS });
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
        activity: 114,
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
