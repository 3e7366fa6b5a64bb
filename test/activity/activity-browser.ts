import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, expect } from 'vitest';
import { BrowserSuite, csvLines } from '../support/web.ts';
import { createActivityUsers } from './activity-users.ts';
import { writeLoadsFixture, writeResultsFixture } from './results-fixture.ts';

/**
 * A browser test file's suite over a server whose activity directory holds results-fixture.ts's run and
 * loads, with the activity users (activity-users.ts). Registers its own beforeAll and afterAll.
 */
export function activityBrowserSuite(prefix: string): {
  readonly suite: BrowserSuite;
  readonly activityDir: () => string;
} {
  const suite = new BrowserSuite();
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    await writeResultsFixture(dir);
    await writeLoadsFixture(dir);
    await suite.start(createActivityUsers, {
      env: { COMMISSIONER_ACTIVITY_DIR: dir, COMMISSIONER_SIGN_IN_RATE_LIMIT: '1000' },
    });
  }, 300_000);
  afterAll(async () => {
    await suite.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return { suite, activityDir: () => dir };
}

/** The cells of the one row of `table` (an element id) that contains (or matches) `text`, as shown (line breaks kept). */
export async function rowCells(page: Page, table: string, text: string | RegExp): Promise<string[]> {
  const row = page.locator(`#${table} tbody tr`, { hasText: text });
  await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(1);
  return (await row.locator('td').allInnerTexts()).map((t) => t.trim());
}

/** Clicks the table's "Download CSV" and returns the file's lines. */
export async function downloadTable(page: Page, table: string): Promise<string[]> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`#${table}`).getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  return csvLines(await download.path());
}
