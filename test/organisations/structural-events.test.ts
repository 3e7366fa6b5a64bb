import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StructuralEventService } from '../../src/modules/organisations/event-service.ts';
import { createServices } from '../../src/platform/app.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

/**
 * Recording dated membership events through the API against the real registry. Writes are made with
 * the service directly where the HTTP route needs a signed-in Board user (issue #3 covers that path).
 */
let server: TestServer;
let structuralEvents: StructuralEventService;
beforeAll(async () => {
  server = await startTestServer();
  structuralEvents = createServices(server.database.db).structuralEvents;
});
afterAll(async () => server?.close());

async function get(url: string) {
  return (await server.app.inject({ method: 'GET', url })).json();
}

describe('structural events', () => {
  it('moves a practice: the old membership ends the day before, the new one starts on the date', async () => {
    const { items } = await get('/api/organisations/00C/members?asAt=2013-04-01');
    const practice = items[0].code as string;
    const outcome = await structuralEvents.record(
      { kind: 'move', date: '2014-04-01', practiceCode: practice, fromCcgCode: '00C', toCcgCode: '00D' },
      { source: 'test' },
    );
    expect(outcome).toMatchObject({ closed: 1, opened: 1, dryRun: false });
    const history = (await get(`/api/organisations/${practice}/history`)).memberships;
    expect(
      history.map((m: { ccgCode: string; startDate: string; endDate: string | null }) => [
        m.ccgCode,
        m.startDate,
        m.endDate,
      ]),
    ).toEqual([
      ['00C', '2013-04-01', '2014-03-31'],
      ['00D', '2014-04-01', null],
    ]);
    // History is kept: on 2013-04-01 the practice is still 00C's.
    const then = (await get(`/api/organisations/00C/members?asAt=2013-04-01`)).items.map(
      (m: { code: string }) => m.code,
    );
    expect(then).toContain(practice);
  });

  it('merges two CCGs into a new one with successor links, never rewriting history', async () => {
    // 1 Oct 2014: after the last recorded join to either CCG (Y03553 joined 01M on 1 Apr 2014).
    const before =
      (await get('/api/organisations/01M/members?asAt=2014-09-30')).total +
      (await get('/api/organisations/01N/members?asAt=2014-09-30')).total;
    const outcome = await structuralEvents.record(
      {
        kind: 'merger',
        date: '2014-10-01',
        predecessorCodes: ['01M', '01N'],
        successorCode: '99Z',
        successorName: 'NHS Manchester Clinical Commissioning Group',
      },
      { source: 'test' },
    );
    expect(outcome.organisationsCreated).toEqual(['99Z']);
    expect([...outcome.organisationsClosed].sort()).toEqual(['01M', '01N']);
    expect((await get('/api/organisations/99Z/members?asAt=2014-10-01')).total).toBe(before);
    expect((await get('/api/organisations/01M/members?asAt=2014-09-30')).total).toBeGreaterThan(0);
    const successor = await get('/api/organisations/99Z?asAt=2014-10-01');
    expect(
      successor.related
        .filter((r: { kind: string }) => r.kind === 'successor_of')
        .map((r: { code: string }) => r.code)
        .sort(),
    ).toEqual(['01M', '01N']);
    const events = (await get('/api/structural-events')).items;
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(['move', 'merger']);
  });

  it('rejects an invalid event whole, naming every problem, and changes nothing', async () => {
    const before = (await get('/api/structural-events')).items.length;
    const error = await structuralEvents
      .record(
        { kind: 'join', date: '2013-04-01', practiceCode: 'A81001', ccgCode: 'ZZZ' },
        { source: 'test' },
      )
      .then(
        () => null,
        (e: { problems: { code: string }[] }) => e,
      );
    expect(error?.problems.map((p) => p.code)).toContain('EVT-UNKNOWN-ORG');
    expect((await get('/api/structural-events')).items.length).toBe(before);
  });

  it('validates the request body of POST /api/structural-events, naming each bad field', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/structural-events',
      payload: { kind: 'move', date: '2014-02-30', practiceCode: 'a1', fromCcgCode: '00C' },
    });
    // Validation runs before the access check, so a malformed body is a 400 for anyone.
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .problems.map((p: { path: string }) => p.path)
        .sort(),
    ).toEqual(['body.date', 'body.practiceCode', 'body.toCcgCode']);
  });
});
