import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { launchChromium } from './browser.ts';
import { REPO_ROOT } from './paths.ts';
import { startTestServer, type TestServer, type TestServerOptions } from './server.ts';

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

/**
 * What one browser test file shares: the built UI, the test server, Chromium and the visitors. Call
 * `start` in beforeAll (with what the file needs in the database before the browser starts) and `stop`
 * in afterAll.
 */
export class BrowserSuite {
  private testServer: TestServer | undefined;
  private chromium: Browser | undefined;
  readonly visitors = new BrowserVisitors(
    () => this.browser,
    () => this.server.url,
  );

  get server(): TestServer {
    if (!this.testServer) throw new Error('BrowserSuite: call start() in beforeAll first');
    return this.testServer;
  }

  get browser(): Browser {
    if (!this.chromium) throw new Error('BrowserSuite: call start() in beforeAll first');
    return this.chromium;
  }

  start = async (
    prepare?: (server: TestServer) => Promise<void>,
    options?: TestServerOptions,
  ): Promise<TestServer> => {
    await ensureWebBuilt();
    this.testServer = await startTestServer(options);
    await prepare?.(this.testServer);
    this.chromium = await launchChromium();
    return this.testServer;
  };

  stop = async (): Promise<void> => {
    await this.visitors.close();
    await this.chromium?.close();
    await this.testServer?.close();
  };
}

/** A person made through the real account service, with one role from 1 April 2013 (open-ended unless given). */
export async function addPerson(
  server: TestServer,
  who: { readonly username: string; readonly displayName: string; readonly password: string },
  grant: { readonly role: string; readonly orgCode: string | null; readonly endDate?: string | null },
): Promise<number> {
  const { accounts } = server.services.access;
  const { personId } = await accounts.create(who);
  await accounts.grantRole(
    personId,
    { role: grant.role, orgCode: grant.orgCode, startDate: '2013-04-01', endDate: grant.endDate ?? null },
    'test',
  );
  return personId;
}
