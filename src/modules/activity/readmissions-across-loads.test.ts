import { describe, expect, it } from 'vitest';
import { readmissionRecheckReason } from './readmissions-across-loads.ts';

const rule = { scope: 'same_provider', windowDays: 30 } as const;
const load = (
  file: string,
  flag: { scope: 'same_provider' | 'any_provider'; windowDays: number } | undefined,
) => ({
  file,
  readmissionFlag: flag,
});

describe('readmissionRecheckReason', () => {
  it.each([
    ['one load flagged under the rule', [load('a.csv', rule)], null],
    [
      'two loads',
      [load('a.csv', rule), load('b.csv', rule)],
      '2 loads: a readmission may follow a spell in another file',
    ],
    [
      'another window',
      [load('a.csv', { scope: 'same_provider', windowDays: 28 })],
      '1 load(s) were flagged with another readmission rule than 30 days, same_provider (first: a.csv)',
    ],
    [
      'another scope, named by the first such load',
      [load('a.csv', rule), load('b.csv', { scope: 'any_provider', windowDays: 30 })],
      '1 load(s) were flagged with another readmission rule than 30 days, same_provider (first: b.csv)',
    ],
    [
      'a load with no recorded rule',
      [load('old.csv', undefined)],
      '1 load(s) were flagged with another readmission rule than 30 days, same_provider (first: old.csv)',
    ],
  ])('%s', (_, loads, expected) => {
    expect(readmissionRecheckReason(loads, rule)).toBe(expected);
  });
});
