import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from '../../src/platform/auth/demo-accounts.ts';
import { resolvePseudonymKey } from '../../src/platform/auth/pseudonym-key.ts';
import { Pseudonymiser } from '../../src/platform/auth/pseudonymiser.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { AppError } from '../../src/platform/errors.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { startTestServer, TEST_PSEUDONYM_KEY, type TestServer } from '../support/server.ts';
import { sessionHeaders, signIn } from './sessions.ts';

const KEY = 'a-production-key-that-is-long-enough-0123456789';

function configProblems(env: Record<string, string>): { path: string; message: string }[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof AppError) return err.problems.map((p) => ({ path: p.path, message: p.message }));
    throw err;
  }
  return [];
}

describe('secrets in config', () => {
  it('refuses to start in production without a pseudonymisation key, or with demo accounts', () => {
    expect(configProblems({ NODE_ENV: 'production' }).map((p) => p.path)).toEqual([
      'COMMISSIONER_PSEUDONYM_KEY',
    ]);
    expect(
      configProblems({
        NODE_ENV: 'production',
        COMMISSIONER_PSEUDONYM_KEY: KEY,
        COMMISSIONER_DEMO_ACCOUNTS: 'true',
      }).map((p) => p.path),
    ).toEqual(['COMMISSIONER_DEMO_ACCOUNTS']);
    const ok = loadConfig({ NODE_ENV: 'production', COMMISSIONER_PSEUDONYM_KEY: KEY });
    expect(ok.demoAccounts).toBe(false);
  });

  it('refuses a short key without echoing it', () => {
    const problems = configProblems({ COMMISSIONER_PSEUDONYM_KEY: 'short-secret-value' });
    expect(problems).toEqual([
      { path: 'COMMISSIONER_PSEUDONYM_KEY', message: 'must be at least 32 characters' },
    ]);
  });

  it('never shows the key when the config is printed or serialised', () => {
    const config = loadConfig({ COMMISSIONER_PSEUDONYM_KEY: KEY });
    expect(JSON.stringify(config)).not.toContain(KEY);
    expect(inspect(config, { depth: 5 })).not.toContain(KEY);
    expect(config.pseudonymKey?.reveal()).toBe(KEY);
  });

  it('checks the session and sign-in settings, reporting all problems at once', () => {
    expect(
      configProblems({
        COMMISSIONER_SESSION_IDLE_MINUTES: '0',
        COMMISSIONER_SESSION_ABSOLUTE_HOURS: 'x',
        COMMISSIONER_SIGN_IN_MAX_FAILURES: '1.5',
        COMMISSIONER_DEMO_ACCOUNTS: 'maybe',
      }).map((p) => p.path),
    ).toEqual([
      'COMMISSIONER_SESSION_IDLE_MINUTES',
      'COMMISSIONER_SESSION_ABSOLUTE_HOURS',
      'COMMISSIONER_SIGN_IN_MAX_FAILURES',
      'COMMISSIONER_DEMO_ACCOUNTS',
    ]);
  });
});

describe('the development pseudonymisation key', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'commissioner-secrets-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is generated once, kept owner-only, and reused, so pseudonyms are stable across restarts', () => {
    const config = loadConfig({ COMMISSIONER_SECRETS_DIR: dir });
    const first = new Pseudonymiser(() => resolvePseudonymKey(config)).patient('9990000018');
    const again = new Pseudonymiser(() =>
      resolvePseudonymKey(loadConfig({ COMMISSIONER_SECRETS_DIR: dir })),
    ).patient('9990000018');
    expect(again).toBe(first);
    const file = path.join(dir, 'pseudonym.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolvePseudonymKey(config).reveal().length).toBeGreaterThanOrEqual(32);
  });

  it('gives way to a configured key', () => {
    const configured = loadConfig({ COMMISSIONER_SECRETS_DIR: dir, COMMISSIONER_PSEUDONYM_KEY: KEY });
    expect(resolvePseudonymKey(configured).reveal()).toBe(KEY);
  });
});

describe('logs', () => {
  let server: TestServer;
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });

  beforeAll(async () => {
    server = await startTestServer({ logDestination: destination });
  }, 120_000);
  afterAll(async () => server?.close());

  it('carry request ids but no password, cookie, CSRF token, API token, key or patient identifier', async () => {
    const { accounts, patients } = server.services.access;
    const seeded = await seedDemoAccounts(accounts);
    await patients.seedSynthetic();
    const practice = seeded.created.find((c) => c.identity.username === 'demo.practice')!;
    const provider = seeded.created.find((c) => c.identity.username === 'demo.provider')!;
    const s = await signIn(server.app, practice.identity.username, practice.password);
    const patient = await server.database.db
      .selectFrom('patient_identity')
      .select(['pseudonym', 'nhs_number', 'family_name'])
      .where('practice_code', '=', 'A83005')
      .executeTakeFirstOrThrow();
    const reidentified = await server.app.inject({
      method: 'POST',
      url: '/api/patients/reidentify',
      headers: sessionHeaders(s, 'POST'),
      payload: { pseudonym: patient.pseudonym },
    });
    expect(reidentified.statusCode).toBe(200);
    const p = await signIn(server.app, provider.identity.username, provider.password);
    const issued = await server.app.inject({
      method: 'POST',
      url: '/api/access/organisations/RTR/api-tokens',
      headers: sessionHeaders(p, 'POST'),
      payload: { name: 'logs test', permissions: ['read:organisation_internal'] },
    });
    const token = issued.json().token as string;
    await server.app.inject({
      method: 'GET',
      url: '/api/access/organisations/RTR/people',
      headers: { authorization: `Bearer ${token}` },
    });
    // Anything logged explicitly is redacted too.
    server.app.log.info(
      { body: { password: practice.password, nhsNumber: patient.nhs_number, token } },
      'explicit',
    );

    const log = lines.join('');
    expect(log).toContain(reidentified.headers['x-request-id'] as string);
    for (const secret of [
      practice.password,
      provider.password,
      s.cookie.split('=')[1]!,
      s.csrf,
      token,
      TEST_PSEUDONYM_KEY,
      patient.nhs_number,
      patient.family_name,
    ]) {
      expect(log).not.toContain(secret);
    }
  });

  it('redacts the credential headers whenever a request is logged with them', () => {
    const captured: string[] = [];
    const logger = createLogger(
      { logLevel: 'info' },
      new Writable({
        write(chunk, _e, done) {
          captured.push(String(chunk));
          done();
        },
      }),
    );
    logger.info({
      req: {
        headers: { cookie: 'session=abc', authorization: 'Bearer cmr_x', 'x-csrf-token': 'csrf-value' },
      },
      res: { headers: { 'set-cookie': 'session=def' } },
    });
    const out = captured.join('');
    for (const value of ['session=abc', 'cmr_x', 'csrf-value', 'session=def'])
      expect(out).not.toContain(value);
  });
});
