import { renameSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { activityBrowserSuite, downloadTable, rowCells } from './activity-browser.ts';
import { USERS } from './activity-users.ts';
import { CCG } from './results-fixture.ts';

/**
 * The CCG activity pages in Chromium over the hand-made run of results-fixture.ts (synthetic). The
 * figures are worked out by hand from its rows: 00K pays RVW and RTH over a run of April to August
 * 2013; it paid for nothing in July, and August (RTH only) is its latest month.
 */
const COST_BASIS =
  'after readmission deductions, before the marginal rate emergency adjustment, which is on the contract statement';
const LONG = 180_000;
const { suite, activityDir } = activityBrowserSuite('activity-page-');
const { visitor, open, signIn, pageErrors } = suite.visitors;

describe('the CCG activity page in the browser', () => {
  it(
    'shows 00K’s finance officer August against July (no activity), then June against May, labelled, with CSVs',
    async () => {
      const context = await visitor();
      const page = await signIn(context, USERS.finance);
      // From the CCG's own page.
      await page.goto(`${suite.server.url}/ccg/${CCG}`);
      await page.getByRole('link', { name: 'Activity and cost' }).click();
      await page.waitForURL((url) => url.pathname === `/ccg/${CCG}/activity`);

      // Labelled: synthetic, and the basis of the prices.
      await page.getByTestId('activity-labels').waitFor();
      expect(await page.getByTestId('activity-labels').getByTestId('synthetic-badge').count()).toBe(1);
      expect(await page.getByTestId('price-basis').textContent()).toContain('2013-14 NHS Reference Costs');
      // What the costs are, so they are not taken for the statement's gross or net.
      expect(await page.getByTestId('cost-basis').textContent()).toContain(COST_BASIS);

      // By default the latest month with activity, August, against the calendar month before: July, when
      // 00K paid for nothing (not June, its last month with any).
      expect(await page.getByTestId('compared-with').textContent()).toBe('compared with July 2013');
      const picker = page.getByTestId('month-picker').getByLabel('Month', { exact: true });
      expect(await picker.inputValue()).toBe('2013-08');
      expect(await picker.locator('option').allTextContents()).toEqual([
        'August 2013',
        'July 2013 (no activity)',
        'June 2013',
        'May 2013',
        'April 2013',
      ]);
      // 6 follow-ups at RTH, 2 of them without a price (counted at £0).
      expect(await page.getByTestId('total-activity').textContent()).toBe('6');
      expect(await page.getByTestId('total-unpriced').textContent()).toBe(
        'of which 2 unpriced (counted at £0)',
      );
      expect(await page.getByTestId('total-activity-change').textContent()).toBe('+6 (new) on July 2013');
      expect(await page.getByTestId('total-value').textContent()).toBe('£900');
      expect(await rowCells(page, 'activity-by-pod', 'Outpatient follow-up')).toEqual([
        'Outpatient follow-up\nOPFU',
        '6\nof which 2 unpriced',
        '0',
        '+6 (new)',
        '£900',
        '£0',
        '+£900 (new)',
      ]);
      expect((await downloadTable(page, 'activity-by-pod')).slice(1)).toEqual([
        'OPFU,Outpatient follow-up,6,2,0,0,6,900,0,900,Yes',
      ]);
      // Every POD keeps its name month by month, though only OPFU is in August's comparison.
      const byMonth = await downloadTable(page, 'activity-by-month');
      expect(byMonth[0]).toBe(
        'Month,POD code,Point of delivery,Activity,Of which unpriced,Cost (£),Synthetic',
      );
      expect(byMonth.slice(1).sort()).toEqual([
        '2013-04,EL,Elective inpatient,8,0,20000,Yes',
        '2013-05,EL,Elective inpatient,12,0,28000,Yes',
        '2013-05,OPFA,Outpatient first attendance,40,0,6000,Yes',
        '2013-06,EL,Elective inpatient,19,0,43500.75,Yes',
        '2013-06,NEL,Non-elective,5,0,9000,Yes',
        '2013-06,OPFA,Outpatient first attendance,35,5,5250,Yes',
        '2013-08,OPFU,Outpatient follow-up,6,2,900,Yes',
      ]);
      expect(await rowCells(page, 'activity-by-month', 'Non-elective')).toEqual([
        'June 2013',
        'NEL',
        'Non-elective',
        '5',
        '£9,000',
      ]);
      expect(await page.getByTestId('months-without-activity').textContent()).toContain(
        'No activity in July 2013: it shows as zero in the chart.',
      );
      // The monthly chart: a continuous month axis (July drawn, as zero) and every POD named in the legend.
      const monthly = page.locator('.activity-chart').first();
      await expect.poll(() => monthly.locator('svg').count(), { timeout: 30_000 }).toBe(1);
      expect(await monthly.getAttribute('aria-label')).toMatch(/^Cost paid by CCG 00K in each of 5 months/);
      const chartText = await monthly.locator('svg text').allTextContents();
      expect(chartText.filter((t) => /^[A-Z][a-z]{2} 2013$/.test(t))).toEqual([
        'Apr 2013',
        'May 2013',
        'Jun 2013',
        'Jul 2013',
        'Aug 2013',
      ]);
      for (const name of ['Elective inpatient', 'Non-elective', 'Outpatient first attendance']) {
        expect(chartText).toContain(name);
      }
      expect(chartText).not.toContain('EL');

      // June, chosen in the page: against May, in the URL.
      await picker.selectOption('2013-06');
      await page.waitForURL((url) => url.searchParams.get('month') === '2013-06');
      await expect.poll(() => page.getByTestId('compared-with').textContent()).toBe('compared with May 2013');

      // Totals: 19 + 5 + 35 = 59 against 12 + 40 = 52; £57,750.75 against £34,000.
      expect(await page.getByTestId('total-activity').textContent()).toBe('59');
      expect(await page.getByTestId('total-activity-change').textContent()).toBe('+7 (+13.5%) on May 2013');
      expect(await page.getByTestId('total-value').textContent()).toBe('£57,751');
      expect(await page.getByTestId('total-value-change').textContent()).toBe(
        '+£23,751 (+69.9%) on May 2013',
      );

      expect(await page.getByTestId('total-unpriced').textContent()).toBe(
        'of which 5 unpriced (counted at £0)',
      );

      // A POD: elective inpatients, 19 (£43,500.75) in June against 12 (£28,000) in May.
      expect(await rowCells(page, 'activity-by-pod', 'Elective inpatient')).toEqual([
        'Elective inpatient\nEL',
        '19',
        '12',
        '+7 (+58.3%)',
        '£43,501',
        '£28,000',
        '+£15,501 (+55.4%)',
      ]);
      // New in June: nothing the month before.
      expect(await rowCells(page, 'activity-by-pod', 'Non-elective')).toEqual([
        'Non-elective\nNEL',
        '5',
        '0',
        '+5 (new)',
        '£9,000',
        '£0',
        '+£9,000 (new)',
      ]);
      // 5 of June's 35 outpatient first attendances had no price.
      expect(await rowCells(page, 'activity-by-pod', 'Outpatient first attendance')).toEqual([
        'Outpatient first attendance\nOPFA',
        '35\nof which 5 unpriced',
        '40',
        '-5 (-12.5%)',
        '£5,250',
        '£6,000',
        '-£750 (-12.5%)',
      ]);
      // A provider: RVW, 55 (£51,750) against 50 (£31,000).
      const rvw = await rowCells(page, 'activity-by-provider', 'RVW');
      expect(rvw[0]).toMatch(/^north tees and hartlepool nhs foundation trust\nRVW$/i);
      expect(rvw.slice(1)).toEqual([
        '55\nof which 5 unpriced',
        '50',
        '+5 (+10%)',
        '£51,750',
        '£31,000',
        '+£20,750 (+66.9%)',
        'Statement',
      ]);

      // The responsible population by Who Pays rule.
      expect(await rowCells(page, 'population-by-rule', 'R4')).toEqual([
        'R4',
        'General rule: the CCG of GP registration',
        '60',
        '120',
      ]);

      // The charts: month by month, June against May, and the population by rule.
      await expect.poll(() => page.locator('.activity-chart svg').count(), { timeout: 30_000 }).toBe(2);
      await expect.poll(() => page.locator('.rule-chart svg').count(), { timeout: 30_000 }).toBe(1);
      await page.screenshot({ path: '/tmp/activity-ccg.png', fullPage: true });
      // The monthly chart shows cost, or activity at the press of a button.
      const activityButton = page
        .getByRole('group', { name: 'Chart measure' })
        .getByRole('button', { name: 'Activity', exact: true });
      await activityButton.click();
      await expect.poll(() => monthly.getAttribute('aria-label')).toMatch(/^Activity paid by CCG 00K/);
      expect(await activityButton.getAttribute('aria-pressed')).toBe('true');

      // CSVs of every table: money to the penny, the unpriced activity, labelled synthetic.
      const byPod = await downloadTable(page, 'activity-by-pod');
      expect(byPod).toEqual([
        'POD code,Point of delivery,Activity Jun 2013,Of which unpriced Jun 2013,Activity May 2013,Of which unpriced May 2013,Change in activity,Cost Jun 2013 (£),Cost May 2013 (£),Change in cost (£),Synthetic',
        'EL,Elective inpatient,19,0,12,0,7,43500.75,28000,15500.75,Yes',
        'NEL,Non-elective,5,0,0,0,5,9000,0,9000,Yes',
        'OPFA,Outpatient first attendance,35,5,40,0,-5,5250,6000,-750,Yes',
      ]);
      const byProvider = await downloadTable(page, 'activity-by-provider');
      expect(byProvider[0]).toBe(
        'Provider code,Provider,Activity Jun 2013,Of which unpriced Jun 2013,Activity May 2013,Of which unpriced May 2013,Change in activity,Cost Jun 2013 (£),Cost May 2013 (£),Change in cost (£),Synthetic',
      );
      expect(byProvider).toHaveLength(3);
      expect(byProvider[1]).toMatch(
        /^RVW,NORTH TEES AND HARTLEPOOL[^,]*,55,5,50,0,5,51750,31000,20750,Yes$/i,
      );
      expect(byProvider[2]).toMatch(
        /^RTH,OXFORD UNIVERSITY HOSPITALS[^,]*,4,0,2,0,2,6000\.75,3000,3000\.75,Yes$/i,
      );
      const population = await downloadTable(page, 'population-by-rule');
      expect(population).toEqual([
        'Rule,What made the CCG responsible,Patients,Activity,Synthetic',
        'R4,General rule: the CCG of GP registration,60,120,Yes',
        'R1,Emergency services: the CCG where the person is present,5,5,Yes',
      ]);

      // Another month, chosen in the page: May against April, in the URL.
      await picker.selectOption('2013-05');
      await page.waitForURL((url) => url.searchParams.get('month') === '2013-05');
      expect((await rowCells(page, 'activity-by-pod', 'Elective inpatient')).slice(1, 4)).toEqual([
        '12',
        '8',
        '+4 (+50%)',
      ]);
      expect(await page.getByTestId('compared-with').textContent()).toBe('compared with April 2013');
      expect(pageErrors).toEqual([]);
    },
    LONG,
  );

  it(
    'drills down to a provider by specialty, and on to the contract’s statement',
    async () => {
      const context = await visitor();
      const page = await signIn(context, USERS.finance);
      await page.goto(`${suite.server.url}/ccg/${CCG}/activity?month=2013-06`);
      await page
        .locator('#activity-by-provider tbody tr', { hasText: 'RVW' })
        .getByRole('link')
        .first()
        .click();
      await page.waitForURL((url) => url.pathname === `/ccg/${CCG}/activity/providers/RVW`);
      expect(new URL(page.url()).searchParams.get('month')).toBe('2013-06');
      await expect.poll(() => page.locator('h1').textContent()).toMatch(/north tees and hartlepool/i);
      expect(await page.getByTestId('activity-labels').getByTestId('synthetic-badge').count()).toBe(1);
      expect(await page.getByTestId('cost-basis').textContent()).toContain(COST_BASIS);

      // Trauma and orthopaedics: 12 elective + 35 outpatient (5 unpriced) in June, against 10 + 40 in May.
      expect(await rowCells(page, 'provider-by-specialty', 'Trauma and Orthopaedics')).toEqual([
        'Trauma and Orthopaedics\n110',
        '47\nof which 5 unpriced',
        '50',
        '-3 (-6%)',
        '£35,250',
        '£31,000',
        '+£4,250 (+13.7%)',
      ]);
      expect(await page.getByTestId('total-activity').textContent()).toBe('55');
      const specialties = await downloadTable(page, 'provider-by-specialty');
      expect(specialties.slice(1)).toEqual([
        '110,Trauma and Orthopaedics,47,5,50,0,-3,35250,31000,4250,Yes',
        '300,General Medicine,5,0,0,0,5,9000,0,9000,Yes',
        '100,General Surgery,3,0,0,0,3,7500,0,7500,Yes',
      ]);
      expect((await downloadTable(page, 'provider-by-pod')).slice(1)).toEqual([
        'EL,Elective inpatient,15,0,10,0,5,37500,25000,12500,Yes',
        'NEL,Non-elective,5,0,0,0,5,9000,0,9000,Yes',
        'OPFA,Outpatient first attendance,35,5,40,0,-5,5250,6000,-750,Yes',
      ]);
      await expect.poll(() => page.locator('.activity-chart svg').count(), { timeout: 30_000 }).toBe(1);
      await page.screenshot({ path: '/tmp/activity-provider.png', fullPage: true });

      // Without a month, the drill-down shows RVW's own latest month (June), not the CCG's (August).
      await page.goto(`${suite.server.url}/ccg/${CCG}/activity/providers/RVW`);
      await expect.poll(() => page.getByTestId('compared-with').textContent()).toBe('compared with May 2013');
      expect(await page.getByTestId('month-picker').getByLabel('Month', { exact: true }).inputValue()).toBe(
        '2013-06',
      );
      expect(await page.getByTestId('total-activity').textContent()).toBe('55');

      // The contract's SLAM-style statement: the year and each month and POD.
      await page.getByRole('link', { name: /Contract statement for/ }).click();
      await page.waitForURL((url) => url.pathname === `/ccg/${CCG}/contracts/RVW`);
      await page.getByTestId('statement-net').waitFor();
      expect(await page.getByTestId('statement-activity').textContent()).toBe('113');
      expect(await page.getByTestId('statement-gross').textContent()).toBe('£103,950.00');
      // Deductions shown as negative amounts: £103,950 − £1,200 − £2,700 = £100,050.
      expect(await page.getByTestId('statement-readmission').textContent()).toBe('-£1,200.00');
      expect(await page.getByTestId('statement-mret').textContent()).toBe('-£2,700.00');
      expect(await page.getByTestId('statement-net').textContent()).toBe('£100,050.00');
      expect(await page.getByTestId('activity-labels').getByTestId('synthetic-badge').count()).toBe(1);
      const nel = page.locator('#statement-lines tbody tr', { hasText: 'NEL' });
      expect((await nel.locator('td').allTextContents()).map((t) => t.trim())).toEqual([
        'June 2013',
        'NEL',
        '5',
        '£10,200.00',
        '-£1,200.00',
        '-£2,700.00',
        '£6,300.00',
      ]);
      expect(await page.getByTestId('statement-basis').textContent()).toContain(
        'Deductions are shown as negative amounts: gross plus the readmission deduction and the marginal rate adjustment is net.',
      );
      const statement = await downloadTable(page, 'statement-by-month');
      expect(statement).toEqual([
        'Month,Activity,Gross (£),Readmission deduction (£),Marginal rate adjustment (£),Net (£),Synthetic',
        '2013-04,8,20000,0,0,20000,Yes',
        '2013-05,50,31000,0,0,31000,Yes',
        '2013-06,55,52950,-1200,-2700,49050,Yes',
      ]);
      // Every month's columns add up to its net, to the penny.
      for (const csvLine of statement.slice(1)) {
        const [, , gross, readmission, mret, net] = csvLine.split(',').map(Number);
        expect(Math.round(((gross ?? 0) + (readmission ?? 0) + (mret ?? 0)) * 100)).toBe(
          Math.round((net ?? 0) * 100),
        );
      }
      const lines = await downloadTable(page, 'statement-lines');
      expect(lines).toHaveLength(7);
      expect(lines).toContain('2013-06,NEL,5,10200,-1200,-2700,6300,Yes');
      await page.screenshot({ path: '/tmp/activity-statement.png', fullPage: true });

      // A provider the CCG pays for nothing: not found, naming the provider (not empty tables).
      await page.goto(`${suite.server.url}/ccg/${CCG}/activity/providers/RXX`);
      const problem = page.getByRole('alert');
      await problem.waitFor();
      expect(await problem.textContent()).toContain('provider RXX with activity paid by 00K not found');
      expect(await page.locator('#provider-by-specialty').count()).toBe(0);
      expect(pageErrors).toEqual([]);
    },
    LONG,
  );

  it(
    'asks a signed-out visitor to sign in and brings them back; refuses another CCG’s manager',
    async () => {
      const context = await visitor();
      const page = await open(context, `/ccg/${CCG}/activity?month=2013-05`);
      await page.waitForURL((url) => url.pathname === '/sign-in');
      expect(new URL(page.url()).searchParams.get('next')).toBe(`/ccg/${CCG}/activity?month=2013-05`);
      const form = page.getByRole('form', { name: 'Sign in' });
      await form.getByLabel('Username').fill(USERS.finance.username);
      await form.getByLabel('Password', { exact: true }).fill(USERS.finance.password);
      await form.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === `/ccg/${CCG}/activity`);
      expect(await page.getByTestId('total-activity').textContent()).toBe('52');

      const other = await signIn(await visitor(), USERS.otherCcg);
      await other.goto(`${suite.server.url}/ccg/${CCG}/activity`);
      // The commercial figures' refusal (the responsible population, CCG-internal, has its own).
      const refusal = other.getByTestId('not-permitted').filter({ hasText: 'activity and costs' });
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain(
        'You are not permitted to see this CCG’s activity and costs',
      );
      expect(await other.locator('#activity-by-pod').count()).toBe(0);
      expect(pageErrors).toEqual([]);
    },
    LONG,
  );

  it(
    'says what to do when nothing has been priced yet',
    async () => {
      const pointer = path.join(activityDir(), 'results', 'current.json');
      renameSync(pointer, `${pointer}.away`);
      try {
        const page = await signIn(await visitor(), USERS.finance);
        await page.goto(`${suite.server.url}/ccg/${CCG}/activity`);
        // Said by the activity and by the responsible population, each from its own request.
        await expect.poll(() => page.getByTestId('nothing-priced').count(), { timeout: 30_000 }).toBe(2);
        const notice = page.getByTestId('nothing-priced').first();
        const text = await notice.textContent();
        expect(text).toContain('No priced activity yet');
        expect(text).toContain('commissioner activity load');
        expect(text).toContain('commissioner activity run');
      } finally {
        renameSync(`${pointer}.away`, pointer);
      }
      expect(pageErrors).toEqual([]);
    },
    LONG,
  );
});
