import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSwitchOptions } from '../../src/cli/commands/who-pays.ts';
import type { CliResult } from '../support/cli.ts';
import { REFERENCE_DIR, REPO_ROOT } from '../support/paths.ts';

/**
 * Runs `commissioner who-pays` with `input` on stdin, in the clean environment runCommissioner
 * (test/support/cli.ts) gives, which has no way to write to stdin.
 */
function whoPays(args: readonly string[], input: string): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(REPO_ROOT, 'bin', 'commissioner.js'), 'who-pays', ...args],
      {
        env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), COMMISSIONER_REFERENCE_DIR: REFERENCE_DIR },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(input);
  });
}

const lines = (text: string) => text.split('\n').filter((l) => l !== '');
const jsonl = (...cases: unknown[]) =>
  `${cases.map((c) => (typeof c === 'string' ? c : JSON.stringify(c))).join('\n')}\n`;

// Real codes: practice A81001 is a member of CCG 00K; LSOA E01000001 is in CCG 07T and the City of London (E09000001).
const registered = {
  date: '2013-06-01',
  service: 'ccg_acute',
  registered_practice: 'A81001',
  residence: 'E01000001',
};
const atAe = {
  date: '2013-06-01',
  service: 'emergency_ae',
  registered_practice: 'A81001',
  present_in_ccg: '00C',
};
const ccg = (code: string) => ({ kind: 'ccg', code });
const AE_REASON =
  'service emergency_ae: the CCG where the person is present (00C) is responsible for every person present in its area (NHS Act 2006 s3(1C); SI 2012/2996 Sch 1 para 2(a); SI 2013/350 reg 2(3)(a))';

describe('commissioner who-pays', () => {
  it('writes one decision per good line and one error line per bad line, goes on, and exits 1', async () => {
    const notJson = '{"date": "2013-06-01", service}';
    const parseError = (() => {
      try {
        JSON.parse(notJson);
      } catch (err) {
        return (err as Error).message;
      }
    })();
    const r = await whoPays(
      [],
      jsonl(
        registered,
        notJson,
        '',
        { ...registered, registered_practice: 'Z99999' },
        { ...registered, service: 'sexual_health', nhs_number: '943 476 5919' },
        [registered],
        { date: '2013-06-01', service: 'public_health_la_sexual_health', residence: 'E01000001' },
        atAe,
      ),
    );
    expect(r.code).toBe(1);
    expect(lines(r.stdout).map((l) => JSON.parse(l))).toEqual([
      {
        line: 1,
        responsible: ccg('00K'),
        payer: ccg('00K'),
        ruleId: 'R4',
        reason: 'registered with practice A81001 (CCG 00K): NHS Act 2006 s3(1A)(a)',
      },
      {
        line: 7,
        responsible: { kind: 'local_authority', code: 'E09000001' },
        payer: { kind: 'local_authority', code: 'E09000001' },
        ruleId: 'R0',
        reason:
          'service public_health_la_sexual_health is commissioned by the local authority, not a CCG: SI 2013/351 (open-access sexual health services, including contraception); upper-tier authority E09000001 of LSOA E01000001',
      },
      {
        line: 8,
        responsible: ccg('00C'),
        payer: ccg('00C'),
        ruleId: 'R1',
        reason: `${AE_REASON}, and pays (switch emergencyPayment host_ccg: whether s14Z7 moves the payment is unconfirmed)`,
      },
    ]);
    expect(lines(r.stderr)).toEqual([
      `line 2: not valid JSON: ${parseError}`,
      'line 4: registered_practice: unknown practice code "Z99999"',
      'line 5: nhs_number: unknown field (the fields are date, service, registered_practice, temporary_practice, residence, present_in_ccg, detained_in, armed_forces, placement, looked_after_child, s117_responsible_ccg); service: unknown service category "sexual_health" (the categories are in definitions/who-pays/service-categories.json)',
      'line 6: (case): a case must be a JSON object',
      'who-pays: 4 of 7 cases could not be decided',
    ]);
  });

  it('exits 0 with nothing on stderr when every line is decided', async () => {
    const r = await whoPays([], jsonl(registered, registered));
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(lines(r.stdout).map((l) => JSON.parse(l).line)).toEqual([1, 2]);
  });

  it('reads the practice membership on the day of the care (practices joined CCGs during 2013/14)', async () => {
    // C83081 (Arboretum Surgery, Lincoln) joined CCG 04D on 2013-08-01 (the reference data).
    const lincoln = { service: 'ccg_acute', registered_practice: 'C83081', present_in_ccg: '04D' };
    const r = await whoPays(
      [],
      jsonl({ ...lincoln, date: '2013-10-01' }, { ...lincoln, date: '2013-07-31' }),
    );
    const [after, before] = lines(r.stdout).map((l) => JSON.parse(l));
    expect(after).toMatchObject({ ruleId: 'R4', responsible: ccg('04D') });
    expect(before.ruleId).not.toBe('R4');
  });

  it('names no CCG for an unregistered Newcastle resident: the lookup does not say whether 00G or 00H', async () => {
    const newcastle = { date: '2013-10-01', service: 'ccg_acute', residence: 'E01008288' };
    const [decided] = lines((await whoPays([], jsonl(newcastle))).stdout).map((l) => JSON.parse(l));
    expect(decided).toMatchObject({ ruleId: 'R5', responsible: { kind: 'undetermined', code: null } });
    expect(decided.reason).toContain('CCG 00G or 00H');
  });

  it('reads a first line that starts with a byte-order mark', async () => {
    const r = await whoPays([], `\uFEFF${jsonl(registered, registered)}`);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(lines(r.stdout).map((l) => JSON.parse(l).line)).toEqual([1, 2]);
  });

  it('changes a switch with --switch NAME=VALUE', async () => {
    const r = await whoPays(['--switch', 'emergencyPayment=registering_or_resident_ccg'], jsonl(atAe));
    expect(r.code).toBe(0);
    expect(lines(r.stdout).map((l) => JSON.parse(l))).toEqual([
      {
        line: 1,
        responsible: ccg('00C'),
        payer: ccg('00K'),
        ruleId: 'R1',
        reason: `${AE_REASON}; CCG 00K, of the person's registration or residence, pays (s14Z7, switch emergencyPayment)`,
      },
    ]);
  });

  it('refuses a bad --switch before reading any line, naming what is allowed, and exits 2', async () => {
    const r = await whoPays(
      ['--switch', 'emergencyPayment=split', '--switch', 'noAddress'],
      jsonl(registered),
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toEqual([
      'commissioner: Invalid --switch',
      '  --switch: "noAddress" must be written NAME=VALUE',
    ]);

    const unknown = await whoPays(['--switch', 'emergencyPayment=split'], jsonl(registered));
    expect(unknown.code).toBe(2);
    expect(lines(unknown.stderr)).toEqual([
      'commissioner: Invalid switch',
      '  emergencyPayment: "split" is not an option; choose one of host_ccg, registering_or_resident_ccg',
    ]);
  });

  it('reads --switch NAME=VALUE options, refusing a malformed or repeated one', () => {
    expect(parseSwitchOptions(['noAddress=undetermined', ' veterans = nhs_england '])).toEqual({
      noAddress: 'undetermined',
      veterans: 'nhs_england',
    });
    expect(() => parseSwitchOptions(['noAddress=undetermined', 'noAddress=present_ccg', '=x'])).toThrow(
      'Invalid --switch: --switch: noAddress is given more than once; --switch: "=x" must be written NAME=VALUE',
    );
  });
});
