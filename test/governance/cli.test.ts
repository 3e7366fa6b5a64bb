import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommissioner } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';

const EXAMPLE = path.join(REPO_ROOT, 'docs', 'examples', 'governing-body.json');
const dir = mkdtempSync(path.join(os.tmpdir(), 'gov-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const commissioner = (args: string[]) => runCommissioner(args, { env: { HOME: os.tmpdir() } });

describe('commissioner governance check FILE', () => {
  it('prints each violation with a stable rule id as JSON, and exits 1 on errors', async () => {
    const r = await commissioner(['governance', 'check', EXAMPLE, '--json']);
    expect(r.code).toBe(1);
    const body = JSON.parse(r.stdout);
    expect(body.violations.map((v: { ruleId: string }) => v.ruleId).sort()).toEqual([
      'GB-LAY-SCH4-EXCLUSION',
      'GB-NURSE',
    ]);
    expect(body.counts).toEqual({ error: 2, warning: 0 });
  });

  it('judges the governing body as at the date given', async () => {
    // In March 2013 the rules were in force (from 1 Oct 2012) but nobody had been appointed yet.
    const before = await commissioner(['governance', 'check', EXAMPLE, '--as-at', '2013-03-01', '--json']);
    expect(JSON.parse(before.stdout).violations.map((v: { ruleId: string }) => v.ruleId)).toContain(
      'GB-MIN-SIZE',
    );
    // Before the regulations applied, nothing is checked.
    const earlier = await commissioner(['governance', 'check', EXAMPLE, '--as-at', '2012-01-01', '--json']);
    expect(JSON.parse(earlier.stdout).violations).toEqual([]);
  });

  it('names every problem in a malformed file with its path, and exits 2', async () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        ccgCode: 'Darlington',
        people: [
          {
            personId: 'P1',
            name: 'X',
            appointments: [{ appointmentId: 'A', roles: ['king'], startDate: '2013-13-01' }],
          },
        ],
      }),
    );
    const r = await commissioner(['governance', 'check', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:ccgCode: must be a CCG ODS code`);
    expect(r.stderr).toContain(`${file}:people.0.appointments.0.roles.0`);
    expect(r.stderr).toContain(`${file}:people.0.appointments.0.startDate: must be a real date`);
  });

  it('says clearly when the file is not JSON', async () => {
    const file = path.join(dir, 'not.json');
    writeFileSync(file, '{ not json');
    const r = await commissioner(['governance', 'check', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read JSON');
  });
});
