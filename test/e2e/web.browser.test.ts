/**
 * The web UI in a real browser (Debian's Chromium through Playwright's library API) against the real
 * server with the April 2013 reference data. Screenshots go to /tmp/web-*.png for a human to look at.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  MembersResponse,
  OrganisationDetailResponse,
  ViolationsResponse,
} from '../../src/web/lib/api-types.ts';
import { launchChromium } from '../support/browser.ts';
import { REPO_ROOT } from '../support/paths.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

const WEB_DIR = path.join(REPO_ROOT, 'dist', 'web');
const LONG = 120_000;

let server: TestServer;
let browser: Browser;
let context: BrowserContext;
const pageErrors: string[] = [];

async function api<T>(pathAndQuery: string): Promise<T> {
  const response = await fetch(`${server.url}${pathAndQuery}`);
  expect(response.status, `GET ${pathAndQuery}`).toBe(200);
  return (await response.json()) as T;
}

async function open(pathAndQuery: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (err) => pageErrors.push(`${pathAndQuery}: ${err.message}`));
  await page.goto(`${server.url}${pathAndQuery}`);
  return page;
}

beforeAll(async () => {
  // npm test builds the UI first; build it here too when the test runs on its own.
  if (!existsSync(path.join(WEB_DIR, 'index.html'))) {
    const { build } = await import('vite');
    await build({ configFile: path.join(REPO_ROOT, 'src', 'web', 'vite.config.ts'), logLevel: 'warn' });
  }
  server = await startTestServer();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  context.setDefaultTimeout(60_000);
}, 300_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
});

describe('web UI', () => {
  it(
    'draws the 211 CCGs and opens a CCG page from the map',
    async () => {
      const memberList = await api<MembersResponse>('/api/organisations/00C/members?asAt=2013-04-01');
      const page = await open('/');
      const areas = page.locator('path[data-code]');
      await areas.nth(210).waitFor({ state: 'attached' });
      expect(await areas.count()).toBe(211);
      await expect.poll(() => page.locator('table tbody tr').count()).toBe(211);
      await page.screenshot({ path: '/tmp/web-map.png' });

      await page.locator('path[data-code="00C"]').click();
      await page.waitForURL((url) => url.pathname === '/ccg/00C');
      await expect.poll(() => page.locator('h1').textContent()).toContain('Darlington');
      const count = page.getByTestId('practice-count');
      await count.waitFor();
      expect((await count.textContent())?.trim()).toBe(memberList.total.toLocaleString('en-GB'));
      await page.locator('.pyramid-chart svg').waitFor();
      await page.locator('table tbody tr').first().waitFor();
      await page.screenshot({ path: '/tmp/web-ccg.png', fullPage: true });

      // The member practices CSV: UTF-8 BOM, a header row, one row per member practice.
      const members = page.locator('section.data-table', { hasText: 'Member practices' });
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        members.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('ccg-00c-member-practices-2013-04-01.csv');
      const csv = readFileSync(await download.path(), 'utf8');
      expect(
        csv.startsWith('\uFEFFPractice code,Name,Postcode,Registered patients,Member from,Member until\r\n'),
      ).toBe(true);
      expect(csv.trimEnd().split('\r\n')).toHaveLength(memberList.total + 1);
      await page.close();
    },
    LONG,
  );

  it(
    'shows a practice with its CCG on the date',
    async () => {
      const members = await api<MembersResponse>('/api/organisations/00C/members?asAt=2013-04-01');
      const first = members.items[0];
      expect(first).toBeDefined();
      const detail = await api<OrganisationDetailResponse>(
        `/api/organisations/${first!.code}?asAt=2013-04-01`,
      );
      const page = await open(`/practice/${first!.code}`);
      await expect.poll(() => page.locator('h1').textContent()).toContain(detail.organisation.name);
      const ccgLink = page.locator('[data-testid=practice-ccg] a');
      await ccgLink.first().waitFor();
      expect(await ccgLink.first().getAttribute('href')).toBe('/ccg/00C');
      expect(await ccgLink.first().textContent()).toContain('Darlington');
      await page.locator('.pyramid-chart svg').waitFor();
      await page.screenshot({ path: '/tmp/web-practice.png', fullPage: true });
      await page.close();
    },
    LONG,
  );

  it(
    'shows the structural check with counts and a table',
    async () => {
      const violations = await api<ViolationsResponse>('/api/structure/violations?asAt=2013-04-01');
      const page = await open('/structure');
      const errors = page.getByTestId('count-error');
      await errors.waitFor();
      expect(await errors.textContent()).toBe(violations.counts.error.toLocaleString('en-GB'));
      expect(await page.getByTestId('count-warning').textContent()).toBe(
        violations.counts.warning.toLocaleString('en-GB'),
      );
      if (violations.items.length > 0) {
        const table = page.locator('section.data-table', { hasText: 'Violations' }).locator('table');
        await table.waitFor();
        expect(await table.locator('tbody tr').count()).toBe(Math.min(violations.items.length, 200));
      }
      await page.screenshot({ path: '/tmp/web-structure.png', fullPage: true });
      await page.close();
    },
    LONG,
  );

  it('raised no uncaught errors in the pages', () => {
    expect(pageErrors).toEqual([]);
  });
});
