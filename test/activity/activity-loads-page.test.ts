import { renameSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { activityBrowserSuite, downloadTable, rowCells } from './activity-browser.ts';
import { USERS } from './activity-users.ts';
import {
  CLEAN_LOAD_ID,
  PSEUDONYMS,
  QUARANTINE_LOAD_ID,
  RUN_ID,
  UNREADABLE_REASON,
} from './results-fixture.ts';

/**
 * The activity loads page (/admin/activity-loads) in Chromium over the loads and run of
 * results-fixture.ts: one load of 10 rows with 3 quarantined, one clean load, and a run that read the
 * first only.
 */
const LONG = 180_000;
const { suite, activityDir } = activityBrowserSuite('activity-loads-page-');
const { visitor, open, signIn, pageErrors } = suite.visitors;

describe('the activity loads page in the browser', () => {
  it(
    'shows the platform administrator every load, a load’s quarantined rows and the current run, with CSVs',
    async () => {
      const page = await signIn(await visitor(), USERS.admin);
      // From the header's administration links.
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Activity loads' })
        .click();
      await page.waitForURL((url) => url.pathname === '/admin/activity-loads');

      // Every load with its counts: file, id, loaded at, rows, accepted, quarantined, synthetic, rule.
      // Matched by its first cell: the clean load's row names this load too (it superseded rows of it).
      const fixture = await rowCells(page, 'activity-loads', /^\s*activity-2013-14-fixture\.csv/);
      expect(fixture.slice(0, 2)).toEqual(['activity-2013-14-fixture.csv', QUARANTINE_LOAD_ID]);
      expect(fixture[2]).toMatch(/^20 Nov 2026, 09:00:00/);
      expect(fixture.slice(3, 6)).toEqual(['10', '7', '3']);
      expect(fixture[6]).toMatch(/^synthetic/i);
      expect(fixture[7]).toBe('30 days, same provider');
      const clean = await rowCells(page, 'activity-loads', CLEAN_LOAD_ID);
      expect(clean.slice(3, 6)).toEqual(['10', '10', '0']);
      expect(clean.at(-1)).toBe('None');
      expect(
        await page.locator('#activity-loads tbody tr').first().getByTestId('synthetic-badge').count(),
      ).toBe(1);
      // The clean load superseded two rows of the first (latest submission wins).
      expect(clean[8]).toBe(`2 rows of activity-2013-14-fixture.csv (load ${QUARANTINE_LOAD_ID})`);
      expect(fixture[8]).toBe('—');
      expect(await downloadTable(page, 'activity-loads')).toEqual([
        'File,Load id,Loaded at,Rows,Accepted,Quarantined,Synthetic,Readmission rule,Supersedes,Format,Layout version,Bytes,Content hash,Load time (ms)',
        `activity-2013-14-fixture.csv,${QUARANTINE_LOAD_ID},2026-11-20T09:00:00.000Z,10,7,3,Yes,"30 days, same provider",,csv,2013-14.1,4096,${QUARANTINE_LOAD_ID}${'0'.repeat(48)},850`,
        `activity-clean.csv,${CLEAN_LOAD_ID},2026-11-20T09:10:00.000Z,10,10,0,Yes,"30 days, same provider",2 rows of activity-2013-14-fixture.csv (load ${QUARANTINE_LOAD_ID}),csv,2013-14.1,4096,${CLEAN_LOAD_ID}${'0'.repeat(48)},850`,
      ]);

      // The current run: its id, rows, readmission flags and stage timings; it did not read the clean load.
      const run = page.getByTestId('current-run');
      expect(await run.textContent()).toContain(RUN_ID);
      expect(await run.getByTestId('synthetic-badge').count()).toBe(1);
      expect(await page.getByTestId('readmission-flags').textContent()).toBe(
        '30 days, same provider; as flagged at load',
      );
      expect(await page.getByTestId('run-out-of-date').textContent()).toContain('1 load is not in this run');
      expect(await rowCells(page, 'run-stages', 'price')).toEqual(['price', '12', '26,250']);
      expect(await downloadTable(page, 'run-stages')).toEqual([
        'Run,Stage,Time (ms),Rows per second',
        `${RUN_ID},price,12,26250`,
      ]);
      // How loads are managed.
      const cli = (await page.getByTestId('loads-cli').textContent()) ?? '';
      expect(cli).toContain('commissioner activity load FILE…');
      expect(cli).toContain('commissioner activity unload LOAD-ID…');
      expect(cli).toContain('--supersede');
      expect(cli).toContain('commissioner activity run');

      // Open the load with quarantined rows: the load is in the URL.
      await page
        .getByRole('link', { name: 'Show rows quarantined from activity-2013-14-fixture.csv' })
        .click();
      await page.waitForURL((url) => url.searchParams.get('load') === QUARANTINE_LOAD_ID);
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe('load-quarantine-heading');

      // Its rejected rows by reason (as the loader counted them, values masked).
      expect(await rowCells(page, 'load-rejections', 'is not a whole number')).toEqual([
        'age_at_activity_date: "…" is not a whole number',
        '1',
      ]);
      expect(await downloadTable(page, 'load-rejections')).toHaveLength(4);

      // Its quarantined rows: file, line, reason and the values as given, the pseudonym withheld.
      const a4 = await rowCells(page, 'quarantined-rows', 'is not a whole number');
      expect(a4.slice(0, 3)).toEqual([
        'activity-2013-14-fixture.csv',
        '4',
        'age_at_activity_date: "abc" is not a whole number',
      ]);
      expect(a4[3]).toContain('activity_id: A4');
      expect(a4[3]).toContain('age_at_activity_date: abc');
      expect(await rowCells(page, 'quarantined-rows', UNREADABLE_REASON)).toEqual([
        'activity-2013-14-fixture.csv',
        '3',
        UNREADABLE_REASON,
        'No field could be read',
      ]);
      expect(await page.getByTestId('quarantine-count').textContent()).toMatch(/^Rows 1–3 of 3,/);
      const rows = await downloadTable(page, 'quarantined-rows');
      expect(rows[0]).toBe('File,Line,Reason,Values as given');
      expect(rows).toHaveLength(4);
      const html = await page.content();
      for (const pseudonym of PSEUDONYMS.inRawValues) {
        expect(html).not.toContain(pseudonym);
        expect(rows.join('\n')).not.toContain(pseudonym);
      }

      // The URL opens the same load directly, and Close shuts it.
      await page.reload();
      await page.getByTestId('load-quarantine').waitFor();
      expect((await rowCells(page, 'quarantined-rows', UNREADABLE_REASON))[1]).toBe('3');
      await page.screenshot({ path: '/tmp/activity-loads.png', fullPage: true });
      await page.getByTestId('load-quarantine').getByRole('link', { name: 'Close' }).click();
      await page.waitForURL((url) => !url.searchParams.has('load'));
      expect(await page.getByTestId('load-quarantine').count()).toBe(0);
      expect(pageErrors).toEqual([]);
    },
    LONG,
  );

  it(
    'refuses a CCG’s finance officer, and asks a signed-out visitor to sign in',
    async () => {
      const page = await signIn(await visitor(), USERS.finance);
      await page.goto(`${suite.server.url}/admin/activity-loads`);
      const refusal = page.getByTestId('not-permitted');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('You are not permitted to see the activity loads');
      expect(await page.locator('#activity-loads').count()).toBe(0);
      expect(await page.getByRole('link', { name: 'Activity loads' }).count()).toBe(0);

      const anonymous = await open(await visitor(), `/admin/activity-loads?load=${QUARANTINE_LOAD_ID}`);
      await anonymous.waitForURL((url) => url.pathname === '/sign-in');
      expect(new URL(anonymous.url()).searchParams.get('next')).toBe(
        `/admin/activity-loads?load=${QUARANTINE_LOAD_ID}`,
      );
      expect(pageErrors).toEqual([]);
    },
    LONG,
  );

  it(
    'says when nothing is loaded, with the commands to load and run',
    async () => {
      const loads = path.join(activityDir(), 'loads');
      renameSync(loads, `${loads}-away`);
      try {
        const page = await signIn(await visitor(), USERS.admin);
        await page.goto(`${suite.server.url}/admin/activity-loads`);
        const empty = page.getByTestId('no-loads');
        await empty.waitFor();
        expect(await empty.textContent()).toContain('No activity file has been loaded yet');
        expect(await page.getByTestId('loads-cli').textContent()).toContain(
          'commissioner activity load FILE…',
        );
        expect(await page.locator('#activity-loads').count()).toBe(0);
        // The run stays until the next one, and says it read a load that is gone.
        expect(await page.getByTestId('run-out-of-date').textContent()).toContain(
          '1 load it read has since been unloaded',
        );
      } finally {
        renameSync(`${loads}-away`, loads);
      }
      expect(pageErrors).toEqual([]);
    },
    LONG,
  );
});
