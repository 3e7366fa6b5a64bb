import { describe, expect, it } from 'vitest';
import { readmissionFlagsText, readmissionRuleText } from './readmission-flags-text.ts';

describe('readmission flags in words', () => {
  it.each([
    [{ windowDays: 30, scope: 'same_provider' }, '30 days, same provider'],
    [{ windowDays: 28, scope: 'any_provider' }, '28 days, any provider'],
  ])('rule %o', (rule, expected) => {
    expect(readmissionRuleText(rule)).toBe(expected);
  });

  const rule = { windowDays: 30, scope: 'same_provider' };
  it.each([
    [{ ...rule, recheckedAcrossLoads: null, corrected: 0 }, '30 days, same provider; as flagged at load'],
    [
      { ...rule, recheckedAcrossLoads: '2 loads', corrected: 1 },
      '30 days, same provider; flagged again across all loads (2 loads): 1 row changed',
    ],
    [
      { ...rule, recheckedAcrossLoads: '21 loads', corrected: 12345 },
      '30 days, same provider; flagged again across all loads (21 loads): 12,345 rows changed',
    ],
    [
      { ...rule, recheckedAcrossLoads: '2 loads', corrected: 0, reused: true },
      '30 days, same provider; flagged again across all loads (2 loads): 0 rows changed (as found by an earlier run over the same loads and rule)',
    ],
  ])('run %o', (flags, expected) => {
    expect(readmissionFlagsText(flags)).toBe(expected);
  });
});
