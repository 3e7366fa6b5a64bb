import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommissioner } from '../support/cli.ts';
import { type ProvisionedDatabase, provisionTestDatabase } from '../support/db.ts';
import { REFERENCE_DIR } from '../support/paths.ts';

/** The real `commissioner` binary against a test database. */
const commissioner = (t: ProvisionedDatabase, args: string[], env: Record<string, string> = {}) =>
  runCommissioner(args, { database: t.settings, env });

describe('commissioner CLI', () => {
  // Provisioned but not opened here: PGlite allows one process at a time on a data directory.
  let t: ProvisionedDatabase;
  beforeAll(async () => {
    t = await provisionTestDatabase({ withReference: true });
  });
  afterAll(async () => t?.dispose());

  it('lists CCGs as JSON', async () => {
    const r = await commissioner(t, ['orgs', 'list', '--type', 'ccg', '--limit', '500', '--json']);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.total).toBe(211);
  });

  it('shows an organisation with its relationships as at a date', async () => {
    const r = await commissioner(t, ['orgs', 'show', '00c', '--as-at', '2013-04-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('NHS Darlington Clinical Commissioning Group (00C)');
    expect(r.stdout).toMatch(/in_area_team\s+outgoing\s+Q45/);
  });

  it("prints a practice's membership history", async () => {
    const r = await commissioner(t, ['orgs', 'history', 'C83081', '--json']);
    expect(JSON.parse(r.stdout).memberships[0]).toMatchObject({ ccgCode: '04D', startDate: '2013-08-01' });
  });

  it('checks the structure, exits 1 on errors, and gives stable rule ids in JSON', async () => {
    const r = await commissioner(t, ['check', 'structure', '--json', '--errors-only']);
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout);
    expect(new Set(body.items.map((v: { ruleId: string }) => v.ruleId))).toEqual(
      new Set(['ORG-PRACTICE-ONE-CCG']),
    );
    expect(body.items).toHaveLength(8);
  });

  it('rejects a bad date naming the option, with exit code 2', async () => {
    const r = await commissioner(t, ['orgs', 'list', '--as-at', '2013-13-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--asAt: must be a real date written YYYY-MM-DD');
  });

  it('reports invalid configuration, every setting at once', async () => {
    const r = await commissioner(t, ['orgs', 'list'], { PORT: 'eighty', LOG_LEVEL: 'loud' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PORT: must be an integer');
    expect(r.stderr).toContain('LOG_LEVEL: must be one of');
  });

  it('imports again as a no-op, saying so', async () => {
    const r = await commissioner(t, ['import', 'reference', REFERENCE_DIR]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/unchanged since import run \d+: nothing to do/);
  });
});

describe('commissioner import reference on an empty database', () => {
  let t: ProvisionedDatabase;
  beforeAll(async () => {
    t = await provisionTestDatabase({ withReference: false });
  });
  afterAll(async () => t?.dispose());

  it('shows progress, the counts, and every rejected row with file and line', async () => {
    const r = await commissioner(t, ['import', 'reference']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('write list sizes: 145224');
    expect(r.stdout).toMatch(/took \d+ rows, rejected 2/);
    expect(r.stdout).toContain('trusts/etr_c2015-16.csv:240  organisation R0A has no open date');
  });
});
