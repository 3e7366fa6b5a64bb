import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/server.ts';
import { addPerson, BrowserSuite, csvLines } from '../support/web.ts';
import { assessedCcg, BOARD } from './fixtures.ts';

/**
 * The assessor scores a criterion and the Board records its decision, in Chromium, through the pages
 * (issue #6): the scoring page saves through the API and shows refusals; the decision page takes the
 * outcome, a condition with its support level and review date, and the directions its level brings;
 * the public then sees the decision and its conditions.
 */
const LONG = 180_000;
const ASSESSOR = {
  username: 'browser.assessor',
  displayName: 'Ann Browser',
  password: 'a long enough passphrase 4',
};
const DECIDER = {
  username: 'browser.board',
  displayName: 'Dee Board',
  password: 'a long enough passphrase 5',
};

let server: TestServer;
let ccg = '';
const suite = new BrowserSuite();
const { visitor, open, signIn, pageErrors } = suite.visitors;

beforeAll(async () => {
  server = await suite.start();
  ccg = await assessedCcg(server.services, server.database.db, { notMet: ['3.1.1C'], areaTeam: 'Q45' });
  await server.services.authorisation.assessment.moderate(
    ccg,
    { criterionId: '3.1.1C', domain: null, outcome: 'not_met', rationale: 'No route to financial balance' },
    BOARD,
  );
  await addPerson(server, ASSESSOR, { role: 'area_team_assurance', orgCode: 'Q45' });
  await addPerson(server, DECIDER, { role: 'board_oversight', orgCode: 'NHSCB' });
}, 300_000);

afterAll(suite.stop);

describe('authorisation pages in the browser', () => {
  it(
    'an assessor scores a criterion on the scoring page; a refused score shows the API’s error',
    async () => {
      const context = await visitor();
      const page = await signIn(context, ASSESSOR);
      await page.goto(`${server.url}/ccg/${ccg}/authorisation/assessment`);
      const row = page.locator('tr[data-criterion="1.2A"]');
      await row.waitFor();
      expect(await page.getByTestId('application-status').textContent()).toBe('submitted');

      // No rationale: the API refuses it, and the page says why.
      await row.locator('select[name="score"]').selectOption('partly_met');
      await row.getByRole('button', { name: 'Save score' }).click();
      await expect.poll(() => row.getByRole('alert').first().textContent()).toContain('was not saved');
      expect(await row.textContent()).toContain('Give the reason for the score');

      await row.locator('textarea[name="rationale"]').fill('Practices engage, but not all yet');
      await row.getByRole('button', { name: 'Save score' }).click();
      await expect
        .poll(() => page.getByTestId('scores-1.2A').textContent())
        .toContain('Ann Browser: Partly met');
      expect(await page.getByTestId('scores-1.2A').textContent()).toContain(
        'Practices engage, but not all yet',
      );
      await page.screenshot({ path: '/tmp/auth-assessment.png', fullPage: false });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('#scores').getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      const lines = csvLines(await download.path());
      expect(lines[0]).toBe('Criterion,Score,Assessor,Rationale,Recorded');
      expect(lines).toHaveLength(1 + 119 + 1);
      expect(lines.some((l) => l.includes('Ann Browser'))).toBe(true);
      expect(pageErrors).toEqual([]);
    },
    LONG,
  );

  it(
    'the Board records the decision with a level IV condition and its directions; the public sees it',
    async () => {
      const context = await visitor();
      const page = await signIn(context, DECIDER);
      await page.goto(`${server.url}/ccg/${ccg}/authorisation/decision`);
      const form = page.getByTestId('decision-form');
      await form.waitFor();
      const condition = form.getByTestId('condition-1');
      expect(await condition.locator('select[name="criterionId"]').inputValue()).toBe('3.1.1C');

      await form.getByLabel('Date of the decision').fill('2013-03-18');
      await condition.locator('select[name="supportLevel"]').selectOption('4');
      await condition.getByLabel('Review date').fill('2013-06-30');
      await form.getByLabel('Reasons for the decision').fill('The financial plan does not reach balance');
      await form.getByRole('button', { name: 'Record the decision' }).click();
      // Level IV brings legal directions: refused until the Board names them.
      await expect.poll(() => page.getByText('The decision was not recorded').count()).toBe(1);
      expect(await page.locator('.error-panel').textContent()).toContain('bring legal directions');

      await form.getByRole('button', { name: 'Add a direction' }).click();
      await form
        .getByTestId('direction-1')
        .locator('textarea[name="functions"]')
        .fill('Approval of the financial plan');
      await form.getByRole('button', { name: 'Record the decision' }).click();
      await expect.poll(() => page.getByTestId('decision-status').count()).toBe(1);
      expect(await page.getByTestId('decision-outcome').textContent()).toContain(
        'Authorised with conditions',
      );
      const conditionRow = page.locator('#conditions tbody tr').first();
      expect(await conditionRow.textContent()).toContain('Level IV');
      expect(await conditionRow.textContent()).toContain('3.1.1C');
      expect(await page.locator('#directions tbody tr').first().textContent()).toContain(
        'Approval of the financial plan',
      );
      await page.screenshot({ path: '/tmp/auth-decision.png', fullPage: true });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('#conditions').getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      const lines = csvLines(await download.path());
      expect(lines[0]).toBe(
        'Condition,Criterion,Domain,Support level,Review date,Lifted,Condition wording,Criterion basis,Level basis',
      );
      expect(lines[1]).toContain('C1,3.1.1C,Domain 3: Plans,Level IV,2013-06-30,,');

      const history = page.locator('#history tbody tr');
      await expect.poll(() => history.count()).toBe(3);
      expect(await history.last().textContent()).toContain('Dee Board');

      // The public: the decision and its conditions, no form.
      const anonymous = await open(await visitor(), `/ccg/${ccg}/authorisation/decision`);
      await anonymous.getByTestId('decision-outcome').waitFor();
      expect(await anonymous.locator('#conditions tbody tr').count()).toBe(1);
      expect(await anonymous.getByTestId('decision-form').count()).toBe(0);
      expect(await anonymous.locator('#history').count()).toBe(0);
      expect(pageErrors).toEqual([]);
    },
    LONG,
  );
});
