import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.close());

async function get(url: string) {
  const res = await server.app.inject({ method: 'GET', url });
  return { status: res.statusCode, type: String(res.headers['content-type']), body: res.json() };
}

describe('GET /api/organisations', () => {
  it('filters by type as at a date', async () => {
    const { status, body } = await get('/api/organisations?type=ccg&asAt=2013-04-01&limit=500');
    expect(status).toBe(200);
    expect(body.total).toBe(211);
    expect(body.items).toHaveLength(211);
  });

  it('searches names and codes, case-insensitively', async () => {
    const { body } = await get('/api/organisations?q=darlington&type=ccg');
    expect((await get('/api/organisations?q=&type=ccg&limit=1')).body.total).toBe(211);
    expect(body.items.map((o: { code: string }) => o.code)).toEqual(['00C']);
  });

  it('filters by parent: the CCGs of an area team', async () => {
    const { body } = await get('/api/organisations?parent=Q45&type=ccg');
    expect(body.items.map((o: { code: string }) => o.code).sort()).toEqual([
      '00C',
      '00D',
      '00J',
      '00K',
      '00M',
    ]);
  });

  it('answers as at a date: the 2015 Newcastle Gateshead CCG is absent in 2013 and present in 2015', async () => {
    expect((await get('/api/organisations?code=13T&asAt=2013-04-01')).body.total).toBe(0);
    expect((await get('/api/organisations?code=13T&asAt=2015-04-01')).body.total).toBe(1);
  });

  it('rejects a bad query with a 400 problem+json naming each bad field', async () => {
    const { status, type, body } = await get('/api/organisations?type=castle&asAt=2013-02-30&limit=0');
    expect(status).toBe(400);
    expect(type).toContain('application/problem+json');
    expect(body.problems.map((p: { path: string }) => p.path).sort()).toEqual([
      'querystring.asAt',
      'querystring.limit',
      'querystring.type',
    ]);
  });
});

describe('GET /api/organisations/:code', () => {
  it('gives a CCG its area team, HWBs and CSU as at the date', async () => {
    const { body } = await get('/api/organisations/00C?asAt=2013-04-01');
    expect(body.organisation.name).toBe('NHS Darlington Clinical Commissioning Group');
    const out = (kind: string) =>
      body.related.filter((r: { kind: string; direction: string }) => r.kind === kind);
    expect(out('in_area_team').map((r: { code: string }) => r.code)).toEqual(['Q45']);
    expect(out('overlaps_hwb').map((r: { code: string; share: string }) => [r.code, r.share])).toEqual([
      ['E06000005', '1.0000'],
    ]);
    expect(out('supports')).toHaveLength(1);
  });

  it('labels illustrative rows as such', async () => {
    const { body } = await get('/api/organisations/00C?asAt=2013-04-01');
    const csu = body.related.find((r: { kind: string }) => r.kind === 'supports');
    expect(csu.provenance).toBe('illustrative');
    expect(csu.provenanceNote).toMatch(/No sourced CSU/);
  });

  it('404s an unknown code with problem+json', async () => {
    const { status, body } = await get('/api/organisations/ZZZ99');
    expect(status).toBe(404);
    expect(body.problems[0].path).toBe('params.code');
  });
});

describe('members, population and history', () => {
  it('lists the member practices of a CCG with registered patients', async () => {
    const { body } = await get('/api/organisations/00C/members?asAt=2013-04-01');
    expect(body.total).toBe(body.items.length);
    expect(body.total).toBeGreaterThan(0);
    const sum = body.items.reduce(
      (s: number, p: { registeredPatients: number }) => s + p.registeredPatients,
      0,
    );
    const ccg = (await get('/api/map/ccgs?asAt=2013-04-01')).body.items.find(
      (c: { code: string }) => c.code === '00C',
    );
    expect(sum).toBe(ccg.registeredPatients);
    expect(ccg.registeredPatients).toBe(105_876);
  });

  it('refuses members of a non-CCG', async () => {
    const { status, body } = await get('/api/organisations/Q45/members');
    expect(status).toBe(400);
    expect(body.problems[0].code).toBe('not_a_ccg');
  });

  it('rolls population up from practices to CCG, area team, region and England', async () => {
    const england = (await get('/api/organisations/NHSCB/population?asAt=2013-04-01')).body;
    const regions = await Promise.all(
      ['Y54', 'Y55', 'Y56', 'Y57'].map((c) => get(`/api/organisations/${c}/population?asAt=2013-04-01`)),
    );
    expect(england.bands).toHaveLength(18);
    expect(regions.reduce((s, r) => s + r.body.total, 0)).toBe(england.total);
    // Practices under legacy parents with a CCG from 1 Apr 2013 count; those whose CCG is unknown do not.
    expect(england.total).toBeGreaterThan(56_002_534);
    expect(england.total).toBeLessThan(56_025_327);
  });

  it('shows a practice joining its CCG later: the Lincolnshire practice C83081 joined 04D on 1 Aug 2013', async () => {
    const { body } = await get('/api/organisations/C83081/history');
    expect(body.memberships).toEqual([
      expect.objectContaining({ ccgCode: '04D', startDate: '2013-08-01', endDate: null }),
    ]);
    const before = (await get('/api/organisations/C83081?asAt=2013-07-31')).body.related.filter(
      (r: { kind: string }) => r.kind === 'member_of',
    );
    const after = (await get('/api/organisations/C83081?asAt=2013-08-01')).body.related.filter(
      (r: { kind: string }) => r.kind === 'member_of',
    );
    expect(before).toEqual([]);
    expect(after.map((r: { code: string }) => r.code)).toEqual(['04D']);
  });

  it('keeps history across the 2015 Newcastle Gateshead change: a 00G practice moves to 13T', async () => {
    const members = (await get('/api/organisations/00G/members?asAt=2013-04-01')).body.items;
    const moved = [];
    for (const m of members.slice(0, 10)) {
      const h = (await get(`/api/organisations/${m.code}/history`)).body.memberships;
      if (h.some((p: { ccgCode: string }) => p.ccgCode === '13T')) moved.push(h);
    }
    expect(moved.length).toBeGreaterThan(0);
    for (const h of moved) {
      expect(h[0]).toEqual(
        expect.objectContaining({ ccgCode: '00G', startDate: '2013-04-01', endDate: '2015-03-31' }),
      );
      expect(h[1]).toEqual(expect.objectContaining({ ccgCode: '13T', startDate: '2015-04-01' }));
    }
  });
});

describe('map, boundaries and structural violations', () => {
  it('summarises all 211 CCGs for the map, adding up to the patients of member practices', async () => {
    const { body } = await get('/api/map/ccgs?asAt=2013-04-01');
    expect(body.items).toHaveLength(211);
    expect(
      body.items.every((c: { onsCode: string; areaTeamCode: string }) => c.onsCode && c.areaTeamCode),
    ).toBe(true);
  });

  it('serves the boundaries as TopoJSON', async () => {
    const { body } = await get('/api/geo/ccg-boundaries');
    expect(body.type).toBe('Topology');
    expect(body.objects.CCG_APR_2013_EN_BGC_WGS84.geometries).toHaveLength(211);
  });

  it('reports every practice whose April 2013 membership is unknown or has no CCG', async () => {
    const { body } = await get('/api/structure/violations?asAt=2013-04-01');
    const practices = body.items.filter((v: { ruleId: string }) => v.ruleId === 'ORG-PRACTICE-ONE-CCG');
    expect(practices.map((v: { subjectCode: string }) => v.subjectCode).sort()).toEqual([
      'B86669', // joined 03G on 1 Jun 2013
      'C83081', // the five Lincolnshire practices joined 04D on 1 Aug 2013
      'C83615',
      'C83644',
      'C83655',
      'C83656',
      'Y03438', // HMP The Mount: commissioned by a hub, not a CCG
      'Y03584', // joined 03W in 2015
    ]);
    expect(practices.every((v: { legalRef: string }) => v.legalRef.includes('s14A'))).toBe(true);
    expect(body.counts.error).toBe(
      body.items.filter((v: { severity: string }) => v.severity === 'error').length,
    );
  });

  it('flags CCGs that cross local authority boundaries for justification', async () => {
    const { body } = await get('/api/structure/violations?asAt=2013-04-01');
    const crossing = body.items.filter((v: { ruleId: string }) => v.ruleId === 'ORG-CCG-CROSSES-LA');
    expect(crossing.map((v: { subjectCode: string }) => v.subjectCode)).toContain('01Y'); // Tameside and Glossop
    expect(crossing.every((v: { severity: string }) => v.severity === 'warning')).toBe(true);
  });
});

describe('the HTTP surface', () => {
  it('serves OpenAPI docs', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toContain('/api/organisations/{code}');
  });

  it('sets security headers and a request id', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/organisations?limit=1' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-request-id']).toMatch(/^[\w-]{8,}$/);
  });

  it('answers unknown API paths with a problem, not a page', async () => {
    const { status, body } = await get('/api/nothing-here');
    expect(status).toBe(404);
    expect(body.title).toBe('Not found');
  });
});

describe('succession', () => {
  it('links 13T Newcastle Gateshead to the three CCGs it succeeded in April 2015', async () => {
    const { body } = await get('/api/organisations/13T?asAt=2015-04-01');
    const predecessors = body.related.filter(
      (r: { kind: string; direction: string }) => r.kind === 'successor_of' && r.direction === 'outgoing',
    );
    expect(predecessors.map((r: { code: string }) => r.code).sort()).toEqual(['00F', '00G', '00H']);
  });
});
