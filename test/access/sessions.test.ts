import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/platform/auth/access-control.ts';
import { hashSecretToken } from '../../src/platform/auth/secret-token.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { sessionCookieOf, sessionHeaders, signIn } from './sessions.ts';

/** A clock the test moves by hand. */
function manualClock(start: string) {
  let now = Date.parse(start);
  return {
    clock: () => new Date(now),
    advance: (minutes: number) => {
      now += minutes * 60_000;
    },
  };
}

const time = manualClock('2013-06-03T09:00:00.000Z');
let server: TestServer;
const PASSWORD = 'correct horse battery staple';

async function person(username: string, role = 'ccg_finance', orgCode: string | null = '00C') {
  const { accounts } = server.services.access;
  const { personId } = await accounts.create({ username, displayName: username, password: PASSWORD });
  await accounts.grantRole(personId, { role, orgCode, startDate: '2013-04-01', endDate: null }, 'test');
  return personId;
}

const signInRaw = (username: string, password: string, headers: Record<string, string> = {}) =>
  server.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password }, headers });
const whoAmI = async (cookie: string) =>
  (await server.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })).json();

beforeAll(async () => {
  server = await startTestServer({ clock: time.clock, env: { COMMISSIONER_SIGN_IN_RATE_LIMIT: '1000' } });
}, 120_000);
afterAll(async () => server?.close());

describe('sign-in', () => {
  it('sets an HttpOnly, Secure, SameSite=Strict, host-only session cookie and returns the roles and CSRF token', async () => {
    await person('alice.finance');
    const res = await signInRaw('Alice.Finance', PASSWORD);
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[\\w-]{43};`));
    for (const attribute of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/', 'Max-Age=43200']) {
      expect(setCookie).toContain(attribute);
    }
    expect(setCookie).not.toContain('Domain=');
    const body = res.json();
    expect(body.person).toMatchObject({ username: 'alice.finance' });
    expect(body.roles).toMatchObject([
      { role: 'ccg_finance', title: 'CCG finance', orgCode: '00C', current: true },
    ]);
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    expect(body.expiresAt).toBe('2013-06-03T21:00:00.000Z');
    expect(body.endsAt).toBe('2013-06-03T09:30:00.000Z');
  });

  it('stores passwords as argon2id hashes and sessions only as hashes of the cookie', async () => {
    const session = await signIn(server.app, 'alice.finance', PASSWORD);
    const token = session.cookie.split('=')[1]!;
    const stored = await server.database.db
      .selectFrom('person')
      .select('password_hash')
      .where('username', '=', 'alice.finance')
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const rows = await server.database.db
      .selectFrom('auth_session')
      .select(['token_hash', 'csrf_token'])
      .execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.some((r) => r.token_hash === hashSecretToken(token))).toBe(true);
  });

  it('answers a wrong password and an unknown username the same way', async () => {
    const wrong = await signInRaw('alice.finance', 'not the password at all');
    const unknown = await signInRaw('nobody.here', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (b: { requestId: string }) => ({ ...b, requestId: '' });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(sessionCookieOf(wrong)).toBeUndefined();
  });

  it('locks an account after 5 failures in a row (state kept in the database), then unlocks after 15 minutes', async () => {
    await person('bob.locked');
    for (let i = 0; i < 5; i++)
      expect((await signInRaw('bob.locked', `wrong password ${i}`)).statusCode).toBe(401);
    const row = await server.database.db
      .selectFrom('person')
      .select(['locked_until', 'failed_sign_ins'])
      .where('username', '=', 'bob.locked')
      .executeTakeFirstOrThrow();
    expect(row.locked_until).toBe('2013-06-03T09:15:00.000Z');

    const whileLocked = await signInRaw('bob.locked', PASSWORD);
    expect(whileLocked.statusCode).toBe(401);
    expect(whileLocked.json().problems[0].code).toBe('sign_in_failed');

    const audit = await server.database.db
      .selectFrom('audit_event')
      .select(['actor_name', 'outcome', 'detail'])
      .where('record', '=', 'account:bob.locked')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => (a.detail as { failure: string }).failure)).toEqual([
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'locked',
    ]);
    expect(audit.every((a) => a.outcome === 'denied' && a.actor_name === 'bob.locked')).toBe(true);

    time.advance(15);
    expect((await signInRaw('bob.locked', PASSWORD)).statusCode).toBe(200);
  });

  it('lets an administrator clear a lockout', async () => {
    const id = await person('carol.locked');
    for (let i = 0; i < 5; i++) await signInRaw('carol.locked', `wrong password ${i}`);
    expect((await signInRaw('carol.locked', PASSWORD)).statusCode).toBe(401);
    await person('dave.admin', 'system_administrator', null);
    const admin = await signIn(server.app, 'dave.admin', PASSWORD);
    const res = await server.app.inject({
      method: 'POST',
      url: `/api/admin/people/${id}/unlock`,
      headers: sessionHeaders(admin, 'POST'),
    });
    expect(res.statusCode).toBe(200);
    expect((await signInRaw('carol.locked', PASSWORD)).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('shows who is signed in, and nobody without a cookie', async () => {
    const s = await signIn(server.app, 'alice.finance', PASSWORD);
    expect(await whoAmI(s.cookie)).toMatchObject({ authenticated: true, kind: 'person', csrfToken: s.csrf });
    expect(await whoAmI('')).toEqual({ authenticated: false });
  });

  it('ends after 30 idle minutes, and clears the cookie', async () => {
    const s = await signIn(server.app, 'alice.finance', PASSWORD);
    time.advance(29);
    expect((await whoAmI(s.cookie)).authenticated).toBe(true);
    time.advance(29); // 29 minutes since the last request: still active
    expect((await whoAmI(s.cookie)).authenticated).toBe(true);
    time.advance(31);
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/access/organisations/00C/people',
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(401);
    expect(String(res.headers['set-cookie'])).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    const ended = await server.database.db
      .selectFrom('auth_session')
      .select('end_reason')
      .where('token_hash', '=', hashSecretToken(s.cookie.split('=')[1]!))
      .executeTakeFirstOrThrow();
    expect(ended.end_reason).toBe('idle_timeout');
  });

  it('ends 12 hours after sign-in however busy', async () => {
    const s = await signIn(server.app, 'alice.finance', PASSWORD);
    for (let i = 0; i < 35; i++) {
      time.advance(20);
      expect((await whoAmI(s.cookie)).authenticated).toBe(true);
    }
    time.advance(20); // 12 h since sign-in
    expect((await whoAmI(s.cookie)).authenticated).toBe(false);
  });

  it('ends at sign-out', async () => {
    const s = await signIn(server.app, 'alice.finance', PASSWORD);
    const out = await server.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: sessionHeaders(s, 'POST'),
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    expect((await whoAmI(s.cookie)).authenticated).toBe(false);
  });
});

describe('CSRF protection', () => {
  it('refuses a cookie-authenticated write without the CSRF header, or with a wrong one, and audits it', async () => {
    const s = await signIn(server.app, 'alice.finance', PASSWORD);
    const url = '/api/access/organisations/00C/api-tokens';
    const payload = { name: 'x', permissions: ['read:organisation_internal'] };
    const missing = await server.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { cookie: s.cookie, 'x-request-id': 'csrf-missing-1' },
    });
    const wrong = await server.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { cookie: s.cookie, [CSRF_HEADER]: 'forged' },
    });
    const right = await server.app.inject({
      method: 'POST',
      url,
      payload,
      headers: sessionHeaders(s, 'POST'),
    });
    expect([missing.statusCode, wrong.statusCode, right.statusCode]).toEqual([403, 403, 201]);
    expect(missing.json().problems).toEqual([
      { path: 'access', message: 'the x-csrf-token header is missing or wrong', code: 'csrf' },
    ]);
    const audit = await server.database.db
      .selectFrom('audit_event')
      .select(['outcome', 'reason', 'actor_name'])
      .where('request_id', '=', 'csrf-missing-1')
      .execute();
    expect(audit).toEqual([
      {
        outcome: 'denied',
        reason: 'the x-csrf-token header is missing or wrong',
        actor_name: 'alice.finance',
      },
    ]);
  });

  it("does not accept another session's CSRF token", async () => {
    const a = await signIn(server.app, 'alice.finance', PASSWORD);
    const b = await signIn(server.app, 'bob.locked', PASSWORD);
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: a.cookie, [CSRF_HEADER]: b.csrf },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('changing a password', () => {
  it('needs the current password, and ends the other sessions', async () => {
    await person('erin.change');
    const here = await signIn(server.app, 'erin.change', PASSWORD);
    const elsewhere = await signIn(server.app, 'erin.change', PASSWORD);
    const change = (currentPassword: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: sessionHeaders(here, 'POST'),
        payload: { currentPassword, newPassword: 'a much better passphrase' },
      });
    expect((await change('a wrong guess here')).statusCode).toBe(403);
    expect((await change(PASSWORD)).statusCode).toBe(204);
    expect((await whoAmI(here.cookie)).authenticated).toBe(true);
    expect((await whoAmI(elsewhere.cookie)).authenticated).toBe(false);
    expect((await signInRaw('erin.change', PASSWORD)).statusCode).toBe(401);
    expect((await signInRaw('erin.change', 'a much better passphrase')).statusCode).toBe(200);
  });

  it('refuses a new password shorter than 12 characters', async () => {
    const s = await signIn(server.app, 'erin.change', 'a much better passphrase');
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: sessionHeaders(s, 'POST'),
      payload: { currentPassword: 'a much better passphrase', newPassword: 'short' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().problems).toMatchObject([{ path: 'body.newPassword', code: 'too_short' }]);
  });
});

describe('rate limiting', () => {
  it('refuses a fourth sign-in attempt in a minute from one address when the limit is 3, and audits it', async () => {
    const limited = await startTestServer({ env: { COMMISSIONER_SIGN_IN_RATE_LIMIT: '3' } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/sign-in',
          payload: { username: 'nobody', password: 'whatever it is' },
          headers: { 'x-request-id': `rate-limit-${i}` },
        });
        codes.push(res.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
      const audit = await limited.database.db
        .selectFrom('audit_event')
        .select(['outcome', 'status'])
        .where('request_id', '=', 'rate-limit-3')
        .execute();
      expect(audit).toEqual([{ outcome: 'denied', status: 429 }]);
    } finally {
      await limited.close();
    }
  });
});
