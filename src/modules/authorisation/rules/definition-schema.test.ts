import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  isoDate,
  periodProblems,
  toProblems,
  unconfirmedNoteProblems,
  wholeNumber,
} from './definition-schema.ts';

describe('definition schema pieces', () => {
  it.each([
    ['2013-04-01', true],
    ['2013-02-29', false],
    ['2013-4-1', false],
  ])('isoDate accepts %s: %s', (value, ok) => {
    expect(isoDate.safeParse(value).success).toBe(ok);
  });

  it('wholeNumber rejects fractions and numbers below its minimum', () => {
    expect(wholeNumber(1).safeParse(1).success).toBe(true);
    expect(wholeNumber(1).safeParse(0).success).toBe(false);
    expect(wholeNumber(1).safeParse(1.5).success).toBe(false);
  });

  it('toProblems gives each issue its full path and the code', () => {
    const result = z.strictObject({ a: z.array(z.number()) }).safeParse({ a: [1, 'x'] });
    if (result.success) throw new Error('expected failure');
    expect(toProblems(result.error, 'versions.0', 'bad')).toEqual([
      { path: 'versions.0.a.1', message: expect.any(String), code: 'bad' },
    ]);
    expect(toProblems(result.error, '', 'bad')[0]?.path).toBe('a.1');
  });

  it.each([
    ['2012-01-01', null, []],
    ['2012-01-01', '2012-01-01', []],
    ['2012-01-02', '2012-01-01', ['versions.1.effective_to']],
  ])('a period from %s to %s has problems at %j', (from, to, paths) => {
    expect(periodProblems(from, to, 'versions.1').map((p) => p.path)).toEqual(paths);
  });

  it('an unconfirmed entry must say so', () => {
    expect(unconfirmedNoteProblems('unconfirmed', 'HSJ', 'x.source')).toHaveLength(1);
    expect(unconfirmedNoteProblems('unconfirmed', 'UNCONFIRMED: HSJ', 'x.source')).toEqual([]);
    expect(unconfirmedNoteProblems('confirmed', 'HSJ', 'x.source')).toEqual([]);
  });
});
