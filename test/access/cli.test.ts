import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_IDENTITIES } from '../../src/platform/auth/demo-accounts.ts';
import { runCommissioner } from '../support/cli.ts';
import { type ProvisionedDatabase, provisionTestDatabase } from '../support/db.ts';
import { TEST_PSEUDONYM_KEY } from '../support/server.ts';

/** The real `commissioner` binary against a test database, with the test pseudonym key. */
const commissioner = (t: ProvisionedDatabase, args: string[]) =>
  runCommissioner(args, { database: t.settings, env: { COMMISSIONER_PSEUDONYM_KEY: TEST_PSEUDONYM_KEY } });

describe('commissioner users and audit', () => {
  // Provisioned but not opened here: PGlite allows one process at a time on a data directory.
  let t: ProvisionedDatabase;
  beforeAll(async () => {
    t = await provisionTestDatabase({ withReference: true });
  });
  afterAll(async () => t?.dispose());

  it('reset-demo prints a one-time password for every demo account, once', async () => {
    const r = await commissioner(t, ['users', 'reset-demo']);
    expect(r.code, r.stderr).toBe(0);
    for (const d of DEMO_IDENTITIES) {
      expect(r.stdout).toMatch(
        new RegExp(
          `${d.username.replace(/\./g, '\\.')}\\s+${d.role}\\s+.*[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}`,
        ),
      );
    }
    const again = await commissioner(t, ['users', 'reset-demo']);
    const password = (out: string) =>
      /demo\.admin\s+system_administrator\s+\(platform\)\s+(\S+)/.exec(out)?.[1];
    expect(password(again.stdout)).toBeDefined();
    expect(password(again.stdout)).not.toBe(password(r.stdout));
  });

  it('lists accounts with their effective-dated roles', async () => {
    const r = await commissioner(t, ['users', 'list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const people = JSON.parse(r.stdout) as {
      username: string;
      roles: { role: string; orgCode: string | null; startDate: string }[];
    }[];
    expect(people.find((p) => p.username === 'demo.practice')?.roles).toMatchObject([
      { role: 'practice_staff', orgCode: 'A83005', startDate: '2013-04-01' },
    ]);
    expect(JSON.stringify(people)).not.toContain('argon2');
  });

  it('refuses a role at the wrong kind of organisation, naming the problem', async () => {
    const r = await commissioner(t, [
      'users',
      'grant',
      'demo.hwb',
      'practice_staff',
      '--org',
      '00C',
      '--from',
      '2013-04-01',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('00C is a ccg; Practice staff is held at gp_practice');
  });

  it('audits an import once (not per row), and the operator can query the log with filters', async () => {
    const imported = await commissioner(t, ['import', 'reference', '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const r = await commissioner(t, ['audit', '--action', 'import', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const log = JSON.parse(r.stdout);
    expect(log.total).toBe(1);
    expect(log.items[0]).toMatchObject({
      actorType: 'system',
      action: 'import',
      outcome: 'allowed',
      detail: { importer: 'reference-2013', status: 'unchanged' },
    });
    expect(log.items[0].actorName).toMatch(/^cli:/);

    const all = JSON.parse((await commissioner(t, ['audit', '--since', '2000-01-01', '--json'])).stdout);
    expect(all.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['demo_reset', 'import', 'read']),
    );
  });

  it('rejects bad filters with exit code 2', async () => {
    const r = await commissioner(t, ['audit', '--outcome', 'maybe']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--outcome');
  });
});

describe('a real bulk import', () => {
  let t: ProvisionedDatabase;
  beforeAll(async () => {
    t = await provisionTestDatabase({ withReference: false });
  });
  afterAll(async () => t?.dispose());

  it('writes one audit row for the whole import', async () => {
    const imported = await commissioner(t, ['import', 'reference', '--json']);
    expect(imported.code, imported.stderr).toBe(0);
    const taken = JSON.parse(imported.stdout).taken as number;
    expect(taken).toBeGreaterThan(100_000);
    const log = JSON.parse((await commissioner(t, ['audit', '--action', 'import', '--json'])).stdout);
    expect(log.total).toBe(1);
    expect(log.items[0].detail).toMatchObject({ status: 'imported', taken });
  }, 180_000);
});
