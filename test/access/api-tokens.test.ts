import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';
import { type Session, sessionHeaders, signIn } from './sessions.ts';

let now = Date.parse('2013-06-03T09:00:00.000Z');
let server: TestServer;
let manager: Session;
const PASSWORD = 'correct horse battery staple';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function issue(body: Record<string, unknown>, org = '00C') {
  return server.app.inject({
    method: 'POST',
    url: `/api/access/organisations/${org}/api-tokens`,
    headers: sessionHeaders(manager, 'POST'),
    payload: body,
  });
}

beforeAll(async () => {
  server = await startTestServer({ clock: () => new Date(now) });
  const { accounts } = server.services.access;
  const { personId } = await accounts.create({
    username: 'csu.lead',
    displayName: 'CSU lead',
    password: PASSWORD,
  });
  await accounts.grantRole(
    personId,
    { role: 'ccg_commissioning_manager', orgCode: '00C', startDate: '2013-04-01', endDate: null },
    'test',
  );
  manager = await signIn(server.app, 'csu.lead', PASSWORD);
}, 120_000);
afterAll(async () => server?.close());

describe('API tokens', () => {
  it('are shown once on issue, and stored only as a hash', async () => {
    const res = await issue({
      name: 'CSU import',
      permissions: ['read:organisation_internal', 'read:pseudonymised_patient'],
    });
    expect(res.statusCode).toBe(201);
    const { token, id, prefix } = res.json();
    expect(token).toMatch(/^cmr_[\w-]{43}$/);
    expect(token.startsWith(prefix)).toBe(true);

    const list = await server.app.inject({
      method: 'GET',
      url: '/api/access/organisations/00C/api-tokens',
      headers: sessionHeaders(manager),
    });
    expect(list.json().items.find((t: { id: number }) => t.id === id)).toMatchObject({
      name: 'CSU import',
      orgCode: '00C',
      permissions: ['read:organisation_internal', 'read:pseudonymised_patient'],
      createdBy: 'person:csu.lead',
    });
    expect(list.body).not.toContain(token);
    const stored = await sql<{
      row: string;
    }>`select api_token::text as row from api_token where id = ${id}`.execute(server.database.db);
    expect(stored.rows[0]!.row).not.toContain(token.slice(4));
  });

  it('act at their own organisation with their own permissions, and need no CSRF token', async () => {
    const { token } = (
      await issue({
        name: 'reader',
        permissions: ['read:organisation_internal', 'write:organisation_internal'],
      })
    ).json();
    const own = await server.app.inject({
      method: 'GET',
      url: '/api/access/organisations/00C/people',
      headers: bearer(token),
    });
    const other = await server.app.inject({
      method: 'GET',
      url: '/api/access/organisations/00D/people',
      headers: bearer(token),
    });
    const patients = await server.app.inject({
      method: 'GET',
      url: '/api/patients/responsible-population/00C',
      headers: bearer(token),
    });
    const write = await server.app.inject({
      method: 'POST',
      url: '/api/access/organisations/00C/api-tokens/999999/revoke',
      headers: bearer(token),
    });
    expect([own.statusCode, other.statusCode, patients.statusCode, write.statusCode]).toEqual([
      200, 403, 403, 404,
    ]);
    const session = await server.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: bearer(token),
    });
    expect(session.json()).toMatchObject({
      authenticated: true,
      kind: 'api_token',
      token: { orgCode: '00C', name: 'reader' },
    });
  });

  it('stop working the moment they are revoked, and the refusal is audited', async () => {
    const { token, id } = (
      await issue({ name: 'to revoke', permissions: ['read:organisation_internal'] })
    ).json();
    const url = '/api/access/organisations/00C/people';
    expect((await server.app.inject({ method: 'GET', url, headers: bearer(token) })).statusCode).toBe(200);
    const revoke = await server.app.inject({
      method: 'POST',
      url: `/api/access/organisations/00C/api-tokens/${id}/revoke`,
      headers: sessionHeaders(manager, 'POST'),
    });
    expect(revoke.json()).toMatchObject({ id, revokedBy: 'person:csu.lead' });
    const after = await server.app.inject({
      method: 'GET',
      url,
      headers: { ...bearer(token), 'x-request-id': 'revoked-use-1' },
    });
    expect(after.statusCode).toBe(401);
    expect(after.json().title).toBe('Invalid API token');
    // Even public data is refused to a revoked token, so a client notices at once.
    expect(
      (await server.app.inject({ method: 'GET', url: '/api/organisations/00C', headers: bearer(token) }))
        .statusCode,
    ).toBe(401);
    const audit = await server.database.db
      .selectFrom('audit_event')
      .select(['outcome', 'reason'])
      .where('request_id', '=', 'revoked-use-1')
      .execute();
    expect(audit).toEqual([{ outcome: 'denied', reason: 'the API token is unknown, expired or revoked' }]);
  });

  it('expire when they say so', async () => {
    const { token } = (
      await issue({
        name: 'short-lived',
        permissions: ['read:organisation_internal'],
        expiresAt: '2013-06-03T10:00:00Z',
      })
    ).json();
    const url = '/api/access/organisations/00C/people';
    expect((await server.app.inject({ method: 'GET', url, headers: bearer(token) })).statusCode).toBe(200);
    now += 61 * 60_000;
    expect((await server.app.inject({ method: 'GET', url, headers: bearer(token) })).statusCode).toBe(401);
    // The manager's session went idle meanwhile.
    manager = await signIn(server.app, 'csu.lead', PASSWORD);
  });

  it('never hold more than their issuer holds at that organisation', async () => {
    const wider = await issue({ name: 'too much', permissions: ['write:pseudonymised_patient'] });
    expect(wider.statusCode).toBe(403);
    expect(wider.json().problems).toMatchObject([{ path: 'body.permissions.0', code: 'not_held' }]);
    const identifiable = await issue({ name: 'never', permissions: ['read:identifiable_patient'] });
    expect(identifiable.statusCode).toBe(400);
    const elsewhere = await issue({ name: 'elsewhere', permissions: ['read:organisation_internal'] }, '00D');
    expect(elsewhere.statusCode).toBe(403);
  });

  it('cannot issue tokens themselves', async () => {
    const { token } = (await issue({ name: 'writer', permissions: ['write:organisation_internal'] })).json();
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/access/organisations/00C/api-tokens',
      headers: bearer(token),
      payload: { name: 'child', permissions: ['write:organisation_internal'] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().problems).toMatchObject([{ code: 'people_only' }]);
  });

  it('refuse a malformed Authorization header rather than falling back to anonymous', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/organisations/00C',
      headers: { authorization: 'Basic abc' },
    });
    expect(res.statusCode).toBe(401);
  });
});
