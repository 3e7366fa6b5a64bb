import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { REPO_ROOT } from './paths.ts';

/** The built web UI the test server serves; `npm test` builds it, a lone test run builds it here. */
export async function ensureWebBuilt(): Promise<void> {
  if (existsSync(path.join(REPO_ROOT, 'dist', 'web', 'index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: path.join(REPO_ROOT, 'src', 'web', 'vite.config.ts'), logLevel: 'warn' });
}

/** The lines of a CSV the UI downloaded (UTF-8 BOM and CRLF, as the UI writes them). */
export function csvLines(file: string): string[] {
  return readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
}

/**
 * Browser contexts for one test file: each a separate visitor (own cookies) in English, London time,
 * collecting every uncaught page error so a test can assert there were none. Close them in afterAll.
 */
export class BrowserVisitors {
  readonly pageErrors: string[] = [];
  private readonly contexts: BrowserContext[] = [];

  constructor(
    private readonly browser: () => Browser,
    private readonly baseUrl: () => string,
  ) {}

  visitor = async (viewport = { width: 1280, height: 900 }): Promise<BrowserContext> => {
    const context = await this.browser().newContext({
      viewport,
      locale: 'en-GB',
      timezoneId: 'Europe/London',
    });
    context.setDefaultTimeout(60_000);
    this.contexts.push(context);
    return context;
  };

  open = async (context: BrowserContext, pathAndQuery: string): Promise<Page> => {
    const page = await context.newPage();
    page.on('pageerror', (err) => this.pageErrors.push(`${pathAndQuery}: ${err.message}`));
    await page.goto(`${this.baseUrl()}${pathAndQuery}`);
    return page;
  };

  /** Signs in through the sign-in form and waits to be sent on. */
  signIn = async (context: BrowserContext, who: { username: string; password: string }): Promise<Page> => {
    const page = await this.open(context, '/sign-in');
    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('Username').fill(who.username);
    await form.getByLabel('Password', { exact: true }).fill(who.password);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/sign-in');
    return page;
  };

  close = async (): Promise<void> => {
    for (const context of this.contexts) await context.close();
  };
}
