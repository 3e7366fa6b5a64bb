import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GOVERNANCE_AS_AT, seedGovernanceDemo } from '../../src/modules/governance/demo-seed.ts';
import type { TestServer } from '../support/server.ts';
import { addPerson, BrowserSuite, csvLines } from '../support/web.ts';

const LONG = 180_000;
const AS_AT = DEMO_GOVERNANCE_AS_AT;
const MANAGER = {
  username: 'auth.manager',
  displayName: 'Aled Authorisation',
  password: 'a long enough passphrase 3',
};

let server: TestServer;
/** A CCG whose governing body breaks GB-NURSE on the demo date. */
let ccg = '';
const suite = new BrowserSuite();
const { visitor, open, signIn, pageErrors } = suite.visitors;

beforeAll(async () => {
  server = await suite.start();
  await seedGovernanceDemo(server.database.db);
  const national = await server.services.governance.nationalCompliance(AS_AT);
  const noNurse = national.items.find((i) => i.ruleIds.includes('GB-NURSE'));
  expect(noNurse, 'the demo plants a CCG with no registered nurse').toBeDefined();
  ccg = noNurse!.ccgCode;
  await addPerson(server, MANAGER, { role: 'ccg_commissioning_manager', orgCode: ccg });
}, 300_000);

afterAll(suite.stop);

describe('CCG authorisation in the browser', () => {
  it(
    'shows the national board: totals, 211 CCGs on the map and a CSV of every CCG',
    async () => {
      const context = await visitor();
      const page = await open(context, '/authorisation');
      await page.getByTestId('total-ccgs').waitFor();
      expect(await page.getByTestId('total-ccgs').textContent()).toBe('211');
      expect(await page.getByTestId('total-authorised').textContent()).toBe('43');
      expect(await page.getByTestId('total-with-conditions').textContent()).toBe('168');
      expect(await page.getByTestId('total-under-directions').textContent()).toBe('15');
      await expect.poll(() => page.locator('.ccg-map path[data-code]').count()).toBe(211);
      await page.locator('.rule-chart svg').first().waitFor();
      expect(await page.getByTestId('synthetic-badge').count()).toBeGreaterThan(0);
      await expect.poll(() => page.locator('#authorisation-ccgs tbody tr').count()).toBe(211);
      await page.screenshot({ path: '/tmp/auth-board.png', fullPage: true });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('#authorisation-ccgs').getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      const lines = csvLines(await download.path());
      expect(lines[0]).toBe('Code,Name,Wave,Outcome,Conditions,Directions at go-live,July 2013,Basis');
      expect(lines).toHaveLength(212);
      expect(lines.some((l) => l.endsWith(',Synthetic'))).toBe(true);
      expect(pageErrors).toEqual([]);
    },
    LONG,
  );

  it(
    'shows a CCG manager their CCG’s readiness, with a gap from the planted GB-NURSE fault',
    async () => {
      const context = await visitor();
      // Signed out: the decision is public; readiness explains the sign-in.
      const anonymous = await open(context, `/ccg/${ccg}/authorisation?asAt=${AS_AT}`);
      await expect
        .poll(() => anonymous.getByTestId('readiness').textContent())
        .toContain('Sign in to see readiness');
      await anonymous.close();

      const page = await signIn(context, MANAGER);
      await page.goto(`${server.url}/ccg/${ccg}/authorisation?asAt=${AS_AT}`);
      const criteria = page.getByTestId('readiness-criteria');
      await criteria.waitFor();
      expect(await criteria.textContent()).toBe('119');
      expect(Number(await page.getByTestId('readiness-gaps').textContent())).toBeGreaterThan(0);
      const gaps = page.locator('[data-status="gap"]');
      expect(await gaps.count()).toBeGreaterThan(0);
      const nurse = page.locator('a[data-rule="GB-NURSE"]').first();
      expect(await nurse.getAttribute('href')).toContain(`/ccg/${ccg}/governance`);
      expect(await page.getByText('Reconstructed (not the official wording)').count()).toBeGreaterThan(0);
      await page.screenshot({ path: '/tmp/auth-readiness.png', fullPage: true });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download readiness (CSV)' }).click(),
      ]);
      expect(csvLines(await download.path())).toHaveLength(120);
      expect(pageErrors).toEqual([]);
    },
    LONG,
  );
});
