import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_GOVERNANCE_AS_AT, seedGovernanceDemo } from '../../src/modules/governance/demo-seed.ts';
import { MANAGEMENT_LABELS } from '../../src/web/features/governance/labels.ts';
import type {
  ComplianceResponse,
  ConflictPlanResponse,
  GoverningBodyResponse,
  InternalRegisterResponse,
  PublicRegisterResponse,
} from '../../src/web/features/governance/types.ts';
import type { TestServer } from '../support/server.ts';
import { addPerson, BrowserSuite, csvLines } from '../support/web.ts';

const LONG = 180_000;
/** The date the demo governance data describes: its constitutions are in force from then. */
const AS_AT = DEMO_GOVERNANCE_AS_AT;
/** The meeting the test plans, after the demo date. */
const MEETING_DATE = '2013-10-15';

const MANAGER = {
  username: 'gov.manager',
  displayName: 'Gwen Governance',
  password: 'a long enough passphrase 1',
};
const BOARD = {
  username: 'gov.board',
  displayName: 'Bryn Board',
  password: 'another long passphrase 2',
};

let server: TestServer;
/** A CCG whose synthetic governing body has no registered nurse (a planted wave 1 fault). */
let ccg = '';
const suite = new BrowserSuite();
const { visitor, open, signIn, pageErrors } = suite.visitors;

/** GET through the page, with its session cookie: what the signed-in person's API answers. */
function fetchAs<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (u) => {
    const response = await fetch(u, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`GET ${u}: ${response.status} ${await response.text()}`);
    return response.json();
  }, url) as Promise<T>;
}

async function api<T>(pathAndQuery: string): Promise<T> {
  const response = await fetch(`${server.url}${pathAndQuery}`);
  expect(response.status, `GET ${pathAndQuery}`).toBe(200);
  return (await response.json()) as T;
}

beforeAll(async () => {
  server = await suite.start();
  // Idempotent: a server that already seeded the demo is left as it is.
  await seedGovernanceDemo(server.database.db);
  const national = await server.services.governance.nationalCompliance(AS_AT);
  const noNurse = national.items.find((i) => i.ruleIds.includes('GB-NURSE'));
  expect(noNurse, 'the demo plants a CCG with no registered nurse').toBeDefined();
  ccg = noNurse!.ccgCode;

  await addPerson(server, MANAGER, { role: 'ccg_commissioning_manager', orgCode: ccg });
  await addPerson(server, BOARD, { role: 'board_oversight', orgCode: 'NHSCB' });
}, 300_000);

afterAll(suite.stop);

describe('CCG governance in the browser', () => {
  it(
    'shows the public register of interests labelled Synthetic, and downloads it as CSV',
    async () => {
      const register = await api<PublicRegisterResponse>(
        `/api/ccgs/${ccg}/register-of-interests?asAt=${AS_AT}`,
      );
      expect(register.entries.length).toBeGreaterThan(0);
      const context = await visitor();
      const page = await open(context, `/ccg/${ccg}?asAt=${AS_AT}`);
      // From the CCG page to its register through the governance section.
      const governance = page.getByRole('navigation', { name: 'Governance of this CCG' });
      await governance.getByRole('link', { name: /Register of interests/ }).click();
      await page.waitForURL((url) => url.pathname === `/ccg/${ccg}/register`);
      expect(new URL(page.url()).searchParams.get('asAt')).toBe(AS_AT);

      const table = page.locator('#public-register');
      const rows = table.locator('tbody tr');
      // The table shows 100 rows before "Show all"; every row is labelled.
      const shown = Math.min(register.entries.length, 100);
      await expect.poll(() => rows.count()).toBe(shown);
      for (let i = 0; i < shown; i++) {
        expect(await rows.nth(i).getByTestId('synthetic-badge').textContent()).toContain('Synthetic');
      }
      // The organisations interests resolve to are named from the registry and linked.
      const withOrg = register.entries.find((e) => e.entity?.kind === 'organisation');
      if (withOrg?.entity?.kind === 'organisation') {
        const code = withOrg.entity.code.toUpperCase();
        await expect.poll(() => table.getByText(code, { exact: true }).count()).toBeGreaterThan(0);
      }
      await page.screenshot({ path: '/tmp/gov-register-public.png', fullPage: true });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        table.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(
        `ccg-${ccg.toLowerCase()}-register-of-interests-${AS_AT}.csv`,
      );
      const lines = csvLines(await download.path());
      expect(lines[0]).toBe(
        'Name,Capacity,Type of interest,Interest,Organisation or company,From,To,Declaration id,Synthetic',
      );
      expect(lines).toHaveLength(register.entries.length + 1);
      expect(lines.slice(1).every((l) => l.endsWith(',Yes'))).toBe(true);

      // Signed out: the internal register explains who may see it.
      await page.getByRole('link', { name: 'Internal register' }).click();
      await expect
        .poll(() => page.locator('main').textContent())
        .toContain('Sign in to see the internal register');
    },
    LONG,
  );

  it(
    'shows the CCG’s compliance panel with the planted GB-NURSE finding, matching the API',
    async () => {
      const context = await visitor();
      // Signed out: the public governing body, and why the panel needs a sign-in.
      const anonymous = await open(context, `/ccg/${ccg}/governance?asAt=${AS_AT}`);
      await expect
        .poll(() => anonymous.getByTestId('compliance-panel').textContent())
        .toContain('Sign in to see the compliance panel');
      await anonymous.locator('#governing-body tbody tr').first().waitFor();
      await anonymous.close();

      const page = await signIn(context, MANAGER);
      await page.goto(`${server.url}/ccg/${ccg}/governance?asAt=${AS_AT}`);
      const panel = page.getByTestId('compliance-panel');
      const count = panel.getByTestId('findings-count');
      await count.waitFor();
      const expected = await fetchAs<ComplianceResponse>(
        page,
        `/api/ccgs/${ccg}/governance/compliance?asAt=${AS_AT}`,
      );
      const total = expected.counts.error + expected.counts.warning;
      expect(total).toBeGreaterThan(0);
      expect(await count.textContent()).toBe(String(total));
      expect(await panel.getByTestId('count-error').textContent()).toBe(String(expected.counts.error));
      expect(await panel.getByTestId('count-warning').textContent()).toBe(String(expected.counts.warning));
      expect(await panel.locator('.finding').count()).toBe(total);
      const nurse = panel.locator('[data-rule="GB-NURSE"]');
      expect(await nurse.count()).toBe(1);
      const text = await nurse.textContent();
      expect(text).toContain('GB-NURSE');
      expect(text).toContain('Error');
      expect(text).toContain('reg 11(3)(b)');
      expect(await panel.getByTestId('synthetic-badge').count()).toBeGreaterThan(0);
      await page.screenshot({ path: '/tmp/gov-compliance.png', fullPage: true });

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        panel.getByRole('button', { name: 'Download findings (CSV)' }).click(),
      ]);
      const lines = csvLines(await download.path());
      expect(lines[0]).toBe('Area,Rule,Severity,Subject type,Subject,Message,Why,Legal reference,Detail');
      expect(lines).toHaveLength(total + 1);
      expect(lines.some((l) => l.startsWith('Governing body,GB-NURSE,error,'))).toBe(true);

      // A CCG user is not the Board: no national view in the menu, and a clear refusal at its address.
      expect(
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Governance' })
          .count(),
      ).toBe(0);
      await page.goto(`${server.url}/governance?asAt=${AS_AT}`);
      await page.getByTestId('not-permitted').waitFor();
      expect(await page.getByTestId('not-permitted').textContent()).toContain('national compliance view');
    },
    LONG,
  );

  it(
    'plans a meeting, finds the conflict and the recusal, records it and publishes minutes that show it',
    async () => {
      const context = await visitor();
      const page = await signIn(context, MANAGER);
      await page.goto(`${server.url}/ccg/${ccg}/meetings?asAt=${AS_AT}`);

      // Someone on the governing body with a declared interest in an organisation, in force on the day.
      const gb = await fetchAs<GoverningBodyResponse>(
        page,
        `/api/ccgs/${ccg}/governing-body?asAt=${MEETING_DATE}`,
      );
      const register = await fetchAs<InternalRegisterResponse>(
        page,
        `/api/ccgs/${ccg}/register-of-interests/internal?asAt=${MEETING_DATE}`,
      );
      const members = new Set(gb.members.map((m) => m.personId));
      const chair = gb.members.find((m) => m.roles.includes('chair'))!;
      const deputy = gb.members.find((m) => m.roles.includes('deputy_chair'))!;
      const candidates = register.declarations.filter(
        (d) =>
          d.entity?.kind === 'organisation' &&
          members.has(d.declarant.personId) &&
          d.startDate <= MEETING_DATE &&
          (d.endDate === null || d.endDate >= MEETING_DATE),
      );
      // The chair's own interest shows who chairs the item instead; otherwise anyone's.
      const interest = candidates.find((d) => d.declarant.personId === chair.personId) ?? candidates[0]!;
      expect(interest, 'a governing body member has an organisation interest').toBeDefined();
      const conflicted = gb.members.find((m) => m.personId === interest.declarant.personId)!;
      const orgCode = interest.entity?.kind === 'organisation' ? interest.entity.code.toUpperCase() : '';

      await page.getByRole('link', { name: 'Plan a meeting' }).click();
      await page.waitForURL((url) => url.pathname === `/ccg/${ccg}/meetings/new`);
      const form = page.getByRole('form', { name: 'Plan a meeting' });
      await form.getByLabel('Date').fill(MEETING_DATE);
      await form.getByLabel('Chair', { exact: true }).waitFor();
      await expect
        .poll(() => form.getByLabel('Chair', { exact: true }).locator('option').count())
        .toBe(gb.members.length + 1);
      await form.getByLabel('Chair', { exact: true }).selectOption(chair.personId);
      await form.getByLabel('Deputy chair', { exact: true }).selectOption(deputy.personId);
      // Every governing body member attends by default, with their quorum categories.
      const row = form.locator('table.attendance tbody tr', { hasText: conflicted.name });
      expect(await row.getByRole('checkbox').first().isChecked()).toBe(true);
      // The quorum comes from the constitution in force.
      await expect
        .poll(() => form.locator('#builder-quorum').locator('..').textContent())
        .toContain('From the constitution');

      await form.getByLabel('Title').fill('Award of the community services contract');
      await form.getByLabel('A decision is to be taken').check();
      await form.getByLabel('Find the organisation').fill(orgCode);
      const option = form.locator('.lookup__option', { hasText: orgCode });
      await option.first().click();
      await expect.poll(() => form.getByTestId('item-entities').textContent()).toContain(orgCode);
      await page.screenshot({ path: '/tmp/gov-meeting-builder.png', fullPage: true });
      await form.getByRole('button', { name: 'Save and check for conflicts' }).click();
      await page.waitForURL((url) => /^\/meetings\/[^/]+$/.test(url.pathname));
      const meetingId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]!);

      // The check: the conflict, the proposed management, who chairs the item, the quorum after it.
      const check = page.getByTestId('conflict-check');
      await check.waitFor();
      const { plan } = await fetchAs<ConflictPlanResponse>(
        page,
        `/api/meetings/${encodeURIComponent(meetingId)}/conflict-plan`,
      );
      const planned = plan.items.find((i) => i.itemId === 'I1')!;
      const recusal = planned.recusals.find((r) => r.personId === conflicted.personId)!;
      expect(recusal, 'the check proposes managing the conflict').toBeDefined();
      const item = check.getByTestId('plan-item-I1');
      // The declared interest's words come from the internal register, which may arrive after the plan.
      await expect.poll(() => item.textContent()).toContain(interest.description);
      const itemText = await item.textContent();
      expect(itemText).toContain(conflicted.name);
      expect(itemText).toContain(MANAGEMENT_LABELS[recusal.management]);
      expect(await item.getByTestId('item-chair').textContent()).toContain(
        plan.names[planned.itemChair.personId ?? ''] ?? 'nobody',
      );
      expect(await item.getByTestId('item-quorum').textContent()).toContain(
        planned.quorum.quorate ? 'Quorate' : 'Inquorate',
      );
      expect(Number(await check.getByTestId('conflict-count').textContent())).toBe(
        plan.items.reduce((n, i) => n + i.conflicts.length, 0),
      );
      await page.screenshot({ path: '/tmp/gov-conflict-check.png', fullPage: true });

      // Recording: the API's own problems show as path: message…
      const record = page.getByRole('form', { name: 'Record the meeting' });
      const present = record.getByRole('group', { name: 'Present' }).getByRole('checkbox');
      const attendees = await present.count();
      for (let i = 0; i < attendees; i++) await present.nth(i).uncheck();
      await record.getByRole('button', { name: 'Record the meeting' }).click();
      const refused = page.locator('#record .error-panel');
      await refused.waitFor();
      expect(await refused.textContent()).toContain('The meeting was not recorded');
      expect(await refused.textContent()).toContain('body.presentPersonIds');
      await page.screenshot({ path: '/tmp/gov-record-refused.png', fullPage: true });
      for (let i = 0; i < attendees; i++) await present.nth(i).check();

      // …and with everyone present, the conflict handled as proposed (prefilled) goes through.
      const itemForm = record.getByTestId('record-item-I1');
      expect(await itemForm.textContent()).toContain(conflicted.name);
      await itemForm.getByLabel('Discussion').fill('The tender evaluation was presented.');
      await itemForm
        .getByLabel('Decision', { exact: true })
        .fill('Award the contract to the preferred bidder');
      await itemForm.getByLabel(/A decision about procurement/).check();
      await record.getByRole('button', { name: 'Record the meeting' }).click();
      await expect.poll(() => page.locator('main').textContent()).toContain('The meeting has been recorded');
      await page.getByRole('button', { name: 'Publish minutes' }).click();
      await page.waitForURL((url) => url.pathname === `/meetings/${meetingId}/minutes`);

      // The public minutes, read by someone not signed in, show the recusal.
      const publicContext = await visitor();
      const minutes = await open(publicContext, `/meetings/${encodeURIComponent(meetingId)}/minutes`);
      const minute = minutes.getByTestId('minute-I1');
      await minute.waitFor();
      const conflicts = await minute.getByTestId('minute-conflicts').textContent();
      expect(conflicts).toContain(conflicted.name);
      expect(conflicts).toContain(MANAGEMENT_LABELS[recusal.management]);
      expect(await minute.textContent()).toContain('Award the contract to the preferred bidder');
      expect(await minutes.getByTestId('minutes-present').locator('li').count()).toBe(attendees);
      await minutes.screenshot({ path: '/tmp/gov-minutes.png', fullPage: true });

      // The decision is in the register of procurement decisions, with the conflict and how it was managed.
      await minutes.getByRole('link', { name: 'Procurement decisions' }).click();
      await minutes.waitForURL((url) => url.pathname === `/ccg/${ccg}/procurement-decisions`);
      const decision = minutes.locator('#procurement-decisions tbody tr', { hasText: 'community services' });
      await decision.waitFor();
      expect(await decision.textContent()).toContain(conflicted.name);
      await minutes.screenshot({ path: '/tmp/gov-procurement.png', fullPage: true });
    },
    LONG,
  );

  it(
    'shows the Board the national view of all 211 CCGs, with a chart and the CCGs with no registered nurse',
    async () => {
      const context = await visitor();
      const page = await signIn(context, BOARD);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Governance' }).click();
      await page.waitForURL((url) => url.pathname === '/governance');
      const checked = page.getByTestId('ccgs-checked');
      await checked.waitFor({ timeout: 120_000 });
      expect(await checked.textContent()).toBe('211');
      const rows = page.locator('#national-ccgs tbody tr');
      await expect.poll(() => rows.count()).toBe(211);
      const nurse = page.locator('.headline[data-rule="GB-NURSE"]');
      await nurse.waitFor();
      expect(await nurse.textContent()).toContain('No registered nurse');
      expect(await nurse.getByRole('link').count()).toBeGreaterThanOrEqual(1);
      expect(await nurse.locator(`a[href^="/ccg/${ccg}/governance"]`).count()).toBe(1);
      await page.locator('.rule-chart svg').first().waitFor();
      expect(await page.locator('.rule-chart').getAttribute('aria-label')).toContain('Bar chart');

      // Sorting and the CSV.
      await page.getByRole('checkbox', { name: 'Only CCGs with findings' }).check();
      const withFindings = await rows.count();
      expect(withFindings).toBeGreaterThan(0);
      expect(withFindings).toBeLessThan(211);
      await page.getByRole('checkbox', { name: 'Only CCGs with findings' }).uncheck();
      await page.screenshot({ path: '/tmp/gov-national.png', fullPage: true });
      const table = page.locator('#national-ccgs');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        table.getByRole('button', { name: 'Download CSV' }).click(),
      ]);
      const lines = csvLines(await download.path());
      expect(lines[0]).toBe('CCG,Code,Errors,Warnings,Governing body errors,Rules broken,Synthetic');
      expect(lines).toHaveLength(212);
      expect(lines.some((l) => l.includes(`,${ccg},`) && l.includes('GB-NURSE'))).toBe(true);

      // The Board reads a CCG's compliance panel too.
      await page.goto(`${server.url}/ccg/${ccg}/governance?asAt=${AS_AT}`);
      await page.getByTestId('findings-count').waitFor();
      expect(await page.locator('[data-rule="GB-NURSE"]').count()).toBe(1);
    },
    LONG,
  );

  it('raised no errors in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
