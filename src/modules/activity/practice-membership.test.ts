import { describe, expect, it } from 'vitest';
import { ccgOnDate, type PracticeMembership, withoutOverlaps } from './reference-tables.ts';

const m = (ccgCode: string, from: string, to: string | null): PracticeMembership => ({ ccgCode, from, to });

describe('withoutOverlaps', () => {
  it.each([
    { name: 'one period', given: [m('00K', '2013-04-01', null)], want: [m('00K', '2013-04-01', null)] },
    {
      name: 'a move, recorded end to end',
      given: [m('00M', '2013-10-01', null), m('00K', '2013-04-01', '2013-09-30')],
      want: [m('00K', '2013-04-01', '2013-09-30'), m('00M', '2013-10-01', null)],
    },
    {
      name: 'an open period overlapped by a later one: the later wins from its start',
      given: [m('00K', '2013-04-01', null), m('00M', '2013-10-01', null)],
      want: [m('00K', '2013-04-01', '2013-09-30'), m('00M', '2013-10-01', null)],
    },
    {
      name: 'two starting the same day: one is kept',
      given: [m('00M', '2013-04-01', null), m('00K', '2013-04-01', null)],
      want: [m('00M', '2013-04-01', null)],
    },
    {
      name: 'a gap (left, then joined another)',
      given: [m('00K', '2013-04-01', '2013-06-30'), m('00M', '2013-09-01', null)],
      want: [m('00K', '2013-04-01', '2013-06-30'), m('00M', '2013-09-01', null)],
    },
  ])('$name', ({ given, want }) => {
    expect(withoutOverlaps(given)).toEqual(want);
  });
});

describe('ccgOnDate', () => {
  const periods = [m('00K', '2013-04-01', '2013-06-30'), m('00M', '2013-09-01', null)];
  it.each([
    ['2013-04-01', '00K'],
    ['2013-06-30', '00K'],
    ['2013-07-01', null],
    ['2013-09-01', '00M'],
    ['2014-03-31', '00M'],
    ['2013-03-31', null],
    ['', null],
  ])('on %s: %s', (date, ccg) => {
    expect(ccgOnDate(periods, date)).toBe(ccg);
  });
});
