import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isValidNhsNumber, nhsCheckDigit, syntheticNhsNumber } from './patients/nhs-number.ts';
import { SYNTHETIC_PATIENTS } from './patients/synthetic-patients.ts';
import { PSEUDONYM_PATTERN, Pseudonymiser } from './pseudonymiser.ts';
import { Secret } from './secret.ts';

const KEY_A = 'key-a-0123456789-0123456789-0123456789';
const KEY_B = 'key-b-0123456789-0123456789-0123456789';

describe('keyed pseudonymisation', () => {
  it('is stable under one key: the same patient always gets the same pseudonym', () => {
    const a1 = new Pseudonymiser(() => new Secret(KEY_A));
    const a2 = new Pseudonymiser(() => new Secret(KEY_A));
    expect(a1.patient('9990000018')).toBe(a2.patient('999 000 0018'));
    expect(a1.patient('9990000018')).toMatch(PSEUDONYM_PATTERN);
  });

  it('depends on the key, and differs between patients', () => {
    const a = new Pseudonymiser(() => new Secret(KEY_A));
    const b = new Pseudonymiser(() => new Secret(KEY_B));
    expect(a.patient('9990000018')).not.toBe(b.patient('9990000018'));
    const all = SYNTHETIC_PATIENTS.map((p) => a.patient(p.nhsNumber));
    expect(new Set(all).size).toBe(SYNTHETIC_PATIENTS.length);
  });

  it('does not contain the NHS number, and reads the key only when first needed', () => {
    let reads = 0;
    const p = new Pseudonymiser(() => {
      reads++;
      return new Secret(KEY_A);
    });
    expect(reads).toBe(0);
    const pseudonym = p.patient('9990000018');
    p.patient('9990000026');
    expect(reads).toBe(1);
    expect(pseudonym).not.toContain('9990000018');
  });

  it('refuses what is not an NHS number, without echoing it', () => {
    const p = new Pseudonymiser(() => new Secret(KEY_A));
    expect(() => p.patient('12345')).toThrow('An NHS number has 10 digits');
  });

  it('never prints the key: JSON, strings and inspect all hide it', () => {
    const secret = new Secret(KEY_A);
    const shown = [JSON.stringify({ secret }), `${secret}`, inspect({ secret }), String(secret)].join(' ');
    expect(shown).not.toContain(KEY_A);
    expect(secret.reveal()).toBe(KEY_A);
  });
});

describe('synthetic NHS numbers', () => {
  it('computes the modulus 11 check digit (9434765919 is the published example)', () => {
    expect(nhsCheckDigit('943476591')).toBe(9);
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
  });

  it('draws valid numbers from the never-issued 999 range only', () => {
    for (let i = 0; i < 50; i++) {
      const n = syntheticNhsNumber(i);
      expect(n.startsWith('999')).toBe(true);
      expect(isValidNhsNumber(n)).toBe(true);
    }
    expect(
      SYNTHETIC_PATIENTS.every((p) => p.givenName === 'SYNTHETIC' && isValidNhsNumber(p.nhsNumber)),
    ).toBe(true);
  });
});
