import type { LightMyRequestResponse } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE } from '../../src/platform/auth/access-control.ts';
import type { App } from '../../src/platform/http/server.ts';

/** A signed-in browser, as the server sees it: the session cookie and the CSRF token to echo. */
export interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

/** The `name=value` of the session cookie a response sets, if any. */
export function sessionCookieOf(res: LightMyRequestResponse): string | undefined {
  const raw = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return raw.find((c) => c.startsWith(`${SESSION_COOKIE}=`))?.split(';')[0];
}

export async function signIn(app: App, username: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in as ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookieOf(res);
  if (!cookie) throw new Error('no session cookie');
  return { cookie, csrf: res.json().csrfToken };
}

/** Headers a well-behaved browser client sends: the cookie always, the CSRF token on writes. */
export function sessionHeaders(session: Session, method = 'GET'): Record<string, string> {
  return method === 'GET'
    ? { cookie: session.cookie }
    : { cookie: session.cookie, [CSRF_HEADER]: session.csrf };
}
