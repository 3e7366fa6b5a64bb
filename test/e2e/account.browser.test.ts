/**
 * Sign-in, the account page, API tokens and the audit log in a real browser (Debian's Chromium through
 * Playwright's library API) against the real server. People and roles are made through the real
 * account service, as an administrator would; nothing is mocked. Screenshots go to /tmp/account-*.png.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/platform/auth/access-control.ts';
import { launchChromium } from '../support/browser.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const WEB_DIR = path.join(REPO_ROOT, 'dist', 'web');
const LONG = 120_000;

const MANAGER = {
  username: 'e2e.manager',
  displayName: 'Edith Example',
  password: 'a long enough passphrase 1',
  /** Set on the account page by the first test. */
  newPassword: 'a different long passphrase 3',
};
const ADMIN = {
  username: 'e2e.admin',
  displayName: 'Ada Administrator',
  password: 'another long passphrase 2',
};
const WRONG_PASSWORD = 'not the right password at all';

let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

/** A fresh browser profile (no cookies), as a new visitor. */
async function visitor(viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
  context.setDefaultTimeout(30_000);
  contexts.push(context);
  return context;
}

async function open(context: BrowserContext, pathAndQuery: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(`${pathAndQuery}: ${err.message}`));
  await page.goto(`${server.url}${pathAndQuery}`);
  return page;
}

/** What the server thinks of this browser's session (fetch from inside the page, with its cookie). */
function sessionOf(page: Page): Promise<{ authenticated: boolean; person?: { username: string } }> {
  return page.evaluate(async () => (await fetch('/api/auth/session')).json());
}

async function fillSignIn(page: Page, username: string, password: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Username').fill(username);
  await form.getByLabel('Password', { exact: true }).fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

const header = (page: Page) => page.locator('header.site-header');

beforeAll(async () => {
  if (!existsSync(path.join(WEB_DIR, 'index.html'))) {
    const { build } = await import('vite');
    await build({ configFile: path.join(REPO_ROOT, 'src', 'web', 'vite.config.ts'), logLevel: 'warn' });
  }
  server = await startTestServer();
  const { accounts } = server.services.access;
  const manager = await accounts.create(MANAGER);
  await accounts.grantRole(
    manager.personId,
    { role: 'ccg_commissioning_manager', orgCode: '00C', startDate: '2013-04-01', endDate: null },
    'test',
  );
  // An ended role too, so the account page shows both states.
  await accounts.grantRole(
    manager.personId,
    { role: 'ccg_finance', orgCode: '00D', startDate: '2013-04-01', endDate: '2014-03-31' },
    'test',
  );
  const admin = await accounts.create(ADMIN);
  await accounts.grantRole(
    admin.personId,
    { role: 'system_administrator', orgCode: null, startDate: '2013-04-01', endDate: null },
    'test',
  );
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

describe('signing in and the account page', () => {
  it(
    'signs in through the form, comes back to the page, shows the name, lists the roles, and signs out',
    async () => {
      const context = await visitor();
      const page = await open(context, '/organisations');
      await header(page).getByRole('link', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/sign-in');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/organisations');
      await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in');
      await expect.poll(() => page.locator('main').textContent()).toContain('npm start');
      await page.screenshot({ path: '/tmp/account-sign-in.png', fullPage: true });

      await fillSignIn(page, MANAGER.username, MANAGER.password);
      await page.waitForURL((url) => url.pathname === '/organisations');
      const who = page.getByTestId('signed-in-as');
      await who.waitFor();
      expect(await who.textContent()).toBe(MANAGER.displayName);
      await expect.poll(() => header(page).getByRole('button', { name: 'Sign out' }).count()).toBe(1);
      // The session is in an HttpOnly cookie the page's scripts cannot read.
      expect((await context.cookies()).find((c) => c.name === SESSION_COOKIE)?.httpOnly).toBe(true);
      expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);
      // A commissioning manager is no administrator: no audit link.
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Account' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
      await page.screenshot({ path: '/tmp/account-header-signed-in.png' });

      await nav.getByRole('link', { name: 'Account' }).click();
      await page.waitForURL((url) => url.pathname === '/account');
      await expect.poll(() => page.getByTestId('account-name').textContent()).toBe(MANAGER.displayName);
      expect(await page.getByTestId('account-username').textContent()).toBe(MANAGER.username);
      const roles = page.locator('section.data-table', { hasText: 'Your roles at organisations' });
      const rows = roles.locator('tbody tr');
      await expect.poll(() => rows.count()).toBe(2);
      const current = rows.filter({ hasText: 'CCG commissioning manager' });
      expect(await current.count()).toBe(1);
      const orgLink = current.getByRole('link');
      expect(await orgLink.getAttribute('href')).toBe('/org/00C');
      expect(await orgLink.textContent()).toContain('Darlington');
      expect(await current.textContent()).toContain('Current');
      expect(await current.textContent()).toContain('1 Apr 2013');
      const ended = rows.filter({ hasText: 'CCG finance' });
      expect(await ended.getByRole('link').getAttribute('href')).toBe('/org/00D');
      expect(await ended.textContent()).toContain('Ended');
      expect(await ended.textContent()).toContain('31 Mar 2014');
      // Session times and the way to the organisation's API tokens.
      expect(await page.getByTestId('session-ends').textContent()).toMatch(/\d{4}/);
      expect(await page.getByTestId('session-expires').textContent()).toMatch(/\d{4}/);
      expect(await page.getByRole('link', { name: /API tokens of .*Darlington/ }).getAttribute('href')).toBe(
        '/org/00C/api-tokens',
      );
      await page.screenshot({ path: '/tmp/account-page.png', fullPage: true });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        roles.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('account-e2e.manager-roles.csv');
      const csv = readFileSync(await download.path(), 'utf8');
      const lines = csv
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      expect(lines[0]).toBe('Role,Role id,Organisation,Organisation code,Organisation type,From,To,Current');
      expect(lines).toHaveLength(3);
      expect(
        lines.some(
          (l) =>
            l.startsWith('CCG commissioning manager,ccg_commissioning_manager,') &&
            l.includes(',00C,') &&
            l.endsWith(',Yes'),
        ),
      ).toBe(true);

      // Changing the password: a wrong current password is refused with the API's problem…
      const passwordForm = page.getByRole('form', { name: 'Change your password' });
      await passwordForm.getByLabel('Current password').fill(WRONG_PASSWORD);
      await passwordForm.getByLabel('New password', { exact: true }).fill(MANAGER.newPassword);
      await passwordForm.getByLabel('New password again').fill(MANAGER.newPassword);
      await passwordForm.getByRole('button', { name: 'Change password' }).click();
      const refused = page.locator('#password .error-panel');
      await refused.waitFor();
      expect(await refused.textContent()).toContain('Password not changed');
      expect(await refused.textContent()).toContain('body.currentPassword: is not your current password');
      // …and the right one changes it (the request carries the CSRF token, or the API would refuse it).
      await passwordForm.getByLabel('Current password').fill(MANAGER.password);
      await passwordForm.getByRole('button', { name: 'Change password' }).click();
      await expect
        .poll(() => page.locator('#password .notice').textContent())
        .toContain('Your password has been changed');
      expect(await page.getByTestId('signed-in-as').textContent()).toBe(MANAGER.displayName);
      await page.locator('#password').screenshot({ path: '/tmp/account-password-changed.png' });

      // Signing out from the account page: the server ends the session and the header says so.
      await header(page).getByRole('button', { name: 'Sign out' }).click();
      await header(page).getByRole('link', { name: 'Sign in' }).waitFor();
      await page.waitForURL((url) => url.pathname === '/sign-in');
      expect(await page.getByTestId('signed-in-as').count()).toBe(0);
      await expect.poll(() => page.locator('main').textContent()).toContain('You have signed out');
      expect((await sessionOf(page)).authenticated).toBe(false);
      expect((await context.cookies()).some((c) => c.name === SESSION_COOKIE)).toBe(false);
      await page.screenshot({ path: '/tmp/account-signed-out.png' });

      // Signed out, the account page sends you to sign in, and back afterwards.
      await page.goto(`${server.url}/account`);
      await page.waitForURL((url) => url.pathname === '/sign-in');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/account');
      await page.close();
    },
    LONG,
  );

  it(
    'refuses a wrong password with the same message as an unknown user, and stays signed out',
    async () => {
      const context = await visitor();
      const page = await open(context, '/sign-in');
      await fillSignIn(page, MANAGER.username, WRONG_PASSWORD);
      const error = page.getByTestId('sign-in-error');
      await error.waitFor();
      const wrongPassword = await error.textContent();
      expect(wrongPassword).toContain('Sign-in failed');
      expect(wrongPassword).toContain('username or password is wrong');
      // The error takes focus, so a screen reader announces it; the password is cleared.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
        'sign-in-error',
      );
      expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      expect(await header(page).getByRole('link', { name: 'Sign in' }).count()).toBe(1);
      expect(await page.getByTestId('signed-in-as').count()).toBe(0);
      expect((await sessionOf(page)).authenticated).toBe(false);
      await page.screenshot({ path: '/tmp/account-sign-in-error.png', fullPage: true });

      // No user enumeration: an unknown username reads exactly the same.
      await fillSignIn(page, 'nobody.here', WRONG_PASSWORD);
      await expect.poll(() => error.textContent()).toBe(wrongPassword);

      // Empty fields are caught before anything is sent.
      await page.getByLabel('Username').fill('');
      await page.getByRole('form', { name: 'Sign in' }).getByRole('button', { name: 'Sign in' }).click();
      await expect
        .poll(() => page.locator('.error-panel').first().textContent())
        .toContain('Enter your username');
      await page.close();
    },
    LONG,
  );

  it(
    'refuses the audit log to a non-administrator, and issues, shows once and revokes an API token',
    async () => {
      const context = await visitor();
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      const page = await open(context, '/admin/audit');
      await page.waitForURL((url) => url.pathname === '/sign-in');
      await fillSignIn(page, MANAGER.username, MANAGER.newPassword);
      await page.waitForURL((url) => url.pathname === '/admin/audit');
      const refusal = page.getByTestId('not-permitted');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('not permitted to see the audit log');
      await page.screenshot({ path: '/tmp/account-audit-refused.png', fullPage: true });

      await page.goto(`${server.url}/org/00C/api-tokens`);
      await expect.poll(() => page.locator('h1').textContent()).toBe('API tokens');
      await page.locator('section.data-table', { hasText: 'Tokens' }).waitFor();
      await page.getByLabel('Name').fill('CSU monthly import');
      await page.getByLabel(/Read organisation-internal records/).check();
      await page.getByLabel(/Read pseudonymised patient-level data/).check();
      await page.getByRole('button', { name: 'Issue token' }).click();

      const issued = page.getByTestId('new-token');
      await issued.waitFor();
      const token = await issued.getByLabel('API token').inputValue();
      expect(token).toMatch(/^cmr_[\w-]{43}$/);
      expect(await issued.textContent()).toContain('only time it is shown');
      await issued.getByRole('button', { name: 'Copy token' }).click();
      await expect
        .poll(() => issued.textContent())
        .toMatch(/Copied to the clipboard|Could not reach the clipboard/);
      if ((await issued.textContent())?.includes('Copied')) {
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
      }
      await page.screenshot({ path: '/tmp/account-token-issued.png', fullPage: true });

      // The token works as a bearer token, for what it was given.
      const viaToken = await fetch(`${server.url}/api/access/organisations/00C/people`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(viaToken.status).toBe(200);

      await issued.getByRole('button', { name: /hide the token/ }).click();
      expect(await page.getByTestId('new-token').count()).toBe(0);
      const row = page.locator('section.data-table tbody tr', { hasText: 'CSU monthly import' });
      expect(await row.textContent()).toContain('Active');
      expect(await page.locator('main').textContent()).not.toContain(token);

      await row.getByRole('button', { name: /Revoke/ }).click();
      await row.getByRole('button', { name: 'Yes, revoke' }).click();
      await expect.poll(() => row.textContent()).toContain('Revoked');
      const afterRevoke = await fetch(`${server.url}/api/access/organisations/00C/people`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(afterRevoke.status).toBe(401);
      await page.screenshot({ path: '/tmp/account-tokens.png', fullPage: true });

      await header(page).getByRole('button', { name: 'Sign out' }).click();
      await header(page).getByRole('link', { name: 'Sign in' }).waitFor();
      await page.close();
    },
    LONG,
  );

  it(
    'shows an administrator the audit log, with the failed sign-in as a denied attempt',
    async () => {
      const context = await visitor();
      const page = await open(context, '/');
      await header(page).getByRole('link', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/sign-in');
      await fillSignIn(page, ADMIN.username, ADMIN.password);
      await page.waitForURL((url) => url.pathname === '/');
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Audit log' }).click();
      await page.waitForURL((url) => url.pathname === '/admin/audit');

      const events = page.locator('section.data-table', { hasText: 'Events' });
      await events.locator('tbody tr').first().waitFor();
      expect(await page.getByTestId('audit-count').textContent()).toMatch(/^Showing 1–\d+ of [\d,]+ events/);

      const filters = page.getByRole('form', { name: 'Filter the audit log' });
      await filters.getByLabel('Actor').fill(MANAGER.username);
      await filters.getByLabel('Outcome').selectOption('denied');
      await filters.getByLabel('Action').fill('sign_in');
      await filters.getByRole('button', { name: 'Show events' }).click();
      await page.waitForURL((url) => url.searchParams.get('outcome') === 'denied');
      expect(new URL(page.url()).searchParams.get('actor')).toBe(MANAGER.username);

      const rows = events.locator('tbody tr');
      await expect
        .poll(() => page.getByTestId('audit-count').textContent())
        .toMatch(/^Showing 1–1 of 1 events/);
      const failed = rows.first();
      const text = (await failed.textContent()) ?? '';
      expect(text).toContain('Denied');
      expect(text).toContain('sign_in');
      expect(text).toContain(MANAGER.username);
      expect(text).toContain('account:e2e.manager');
      expect(text).toContain('401');
      await page.screenshot({ path: '/tmp/account-audit.png', fullPage: true });

      // All the manager's refused attempts: the failed sign-in and the refused audit-log read.
      await filters.getByLabel('Action').fill('');
      await filters.getByRole('button', { name: 'Show events' }).click();
      await page.waitForURL((url) => !url.searchParams.has('action'));
      await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
      const all = (await events.locator('tbody').textContent()) ?? '';
      expect(all).toContain('/api/audit');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        events.getByRole('button', { name: /Download CSV/ }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('audit-log-denied.csv');
      const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
      expect(csv.split('\r\n')[0]).toBe(
        'Event,When,Outcome,Action,Who,Actor type,Actor id,Acting as,Record,Route,Classification,Owner organisation,Status,Reason,IP address,Request id,Detail',
      );
      expect(csv).toContain('sign_in');

      // The session ends behind the page's back (here: the cookie is gone): the next step shows it.
      await context.clearCookies();
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
      await page.waitForURL((url) => url.pathname === '/sign-in');
      expect(new URL(page.url()).searchParams.get('next')).toBe('/account');
      await expect.poll(() => page.locator('main').textContent()).toContain('Your session has ended');
      await header(page).getByRole('link', { name: 'Sign in' }).waitFor();
      await page.screenshot({ path: '/tmp/account-session-ended.png' });
      await page.goto(`${server.url}/admin/audit?outcome=denied`);
      await page.waitForURL((url) => url.pathname === '/sign-in');
      await fillSignIn(page, ADMIN.username, ADMIN.password);
      await page.waitForURL((url) => url.pathname === '/admin/audit');
      await events.locator('tbody tr').first().waitFor();

      // A narrow screen: the header and filters wrap rather than overflow.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: '/tmp/account-audit-mobile.png', fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.close();
    },
    LONG,
  );

  it(
    'tells the person to wait when sign-in is rate-limited',
    async () => {
      const limited = await startTestServer({ env: { COMMISSIONER_SIGN_IN_RATE_LIMIT: '2' } });
      try {
        const context = await visitor();
        const page = await context.newPage();
        page.on('pageerror', (err) => pageErrors.push(`rate limit: ${err.message}`));
        await page.goto(`${limited.url}/sign-in`);
        const error = page.getByTestId('sign-in-error');
        for (let attempt = 1; attempt <= 2; attempt++) {
          await fillSignIn(page, 'someone', WRONG_PASSWORD);
          await expect.poll(() => error.textContent()).toContain('Sign-in failed');
        }
        await fillSignIn(page, 'someone', WRONG_PASSWORD);
        await expect.poll(() => error.textContent()).toContain('Too many sign-in attempts');
        expect(await error.textContent()).toContain('Wait a minute');
        await page.screenshot({ path: '/tmp/account-sign-in-rate-limited.png' });
        await page.close();
      } finally {
        await limited.close();
      }
    },
    LONG,
  );

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
