/**
 * Sign-in in a real browser (Debian's Chromium through Playwright) over plain http://127.0.0.1: the
 * session cookie is `__Host-`, Secure, HttpOnly and SameSite=Strict, which Chromium keeps on a loopback
 * address because it treats it as potentially trustworthy. This is the flow the web UI uses.
 */
import type { Browser, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/platform/auth/access-control.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const PASSWORD = 'correct horse battery staple';

let server: TestServer;
let browser: Browser;
let page: Page;

/** fetch() from inside the page, as the web UI does (same origin, cookies included by the browser). */
function inPage(url: string, init: { method?: string; body?: unknown; csrf?: string } = {}) {
  return page.evaluate(
    async ({ url, init }) => {
      const headers: Record<string, string> = {};
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      if (init.csrf) headers['x-csrf-token'] = init.csrf;
      const res = await fetch(url, {
        method: init.method ?? 'GET',
        headers,
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    { url, init },
  );
}

beforeAll(async () => {
  server = await startTestServer();
  const { accounts } = server.services.access;
  const { personId } = await accounts.create({
    username: 'browser.user',
    displayName: 'Browser user',
    password: PASSWORD,
  });
  await accounts.grantRole(
    personId,
    { role: 'hwb_member', orgCode: 'E06000005', startDate: '2013-04-01', endDate: null },
    'test',
  );
  browser = await launchChromium();
  page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/api/auth/session`);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('sign-in in Chromium over http://127.0.0.1', () => {
  it('signs in, keeps the session in an HttpOnly cookie, writes with the CSRF token, and signs out', async () => {
    expect((await inPage('/api/auth/session')).body).toEqual({ authenticated: false });

    const signedIn = await inPage('/api/auth/sign-in', {
      method: 'POST',
      body: { username: 'browser.user', password: PASSWORD },
    });
    expect(signedIn.status).toBe(200);
    const csrf = signedIn.body.csrfToken as string;

    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === SESSION_COOKIE)).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/',
      domain: '127.0.0.1',
    });
    expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);

    const session = await inPage('/api/auth/session');
    expect(session.body).toMatchObject({
      authenticated: true,
      person: { username: 'browser.user' },
      roles: [{ role: 'hwb_member', orgCode: 'E06000005', current: true }],
    });
    expect((await inPage('/api/access/organisations/00C/people')).status).toBe(200);

    expect((await inPage('/api/auth/sign-out', { method: 'POST' })).status).toBe(403);
    expect((await inPage('/api/auth/sign-out', { method: 'POST', csrf })).status).toBe(204);
    expect((await inPage('/api/auth/session')).body).toEqual({ authenticated: false });
    expect((await page.context().cookies()).some((c) => c.name === SESSION_COOKIE)).toBe(false);
  });
});
