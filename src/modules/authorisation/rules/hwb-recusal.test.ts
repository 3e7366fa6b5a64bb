import { describe, expect, it } from 'vitest';
import type { HwbAttendee, HwbReadinessItem } from '../model.ts';
import { hwbReadinessRecusals } from './hwb-recusal.ts';

const attendee = (personId: string, represents: HwbAttendee['represents'], voting = true): HwbAttendee => ({
  personId,
  name: personId,
  voting,
  represents,
});
const rep = (ccgCode: string, startDate = '2012-04-01', endDate: string | null = null) => ({
  ccgCode,
  startDate,
  endDate,
});
/** A shadow Northamptonshire HWB: Nene's and Corby's representatives, a councillor, the DPH. */
const ATTENDEES = [
  attendee('nene-chair', [rep('04G')]),
  attendee('corby-chair', [rep('03V')]),
  attendee('shared-rep', [rep('04G'), rep('03V')]),
  attendee('former-nene-rep', [rep('04G', '2012-04-01', '2012-09-30')]),
  attendee('future-nene-rep', [rep('04G', '2013-02-01')]),
  attendee('councillor', []),
  attendee('dph', [], false),
];
const item = (ccgCodes: string[], decision = false): HwbReadinessItem => ({
  itemId: 'i1',
  title: 'CCG readiness for authorisation',
  ccgCodes,
  decision,
});
const recused = (i: HwbReadinessItem, date = '2012-11-15') =>
  hwbReadinessRecusals(i, ATTENDEES, date).recusals.map((r) => `${r.personId}:${r.management}`);

describe('hwbReadinessRecusals', () => {
  it.each<[string, HwbReadinessItem, string, string[]]>([
    [
      "Nene's readiness: Nene's representatives leave",
      item(['04G']),
      '2012-11-15',
      ['nene-chair:leave_room', 'shared-rep:leave_room'],
    ],
    ["Corby's readiness", item(['03V']), '2012-11-15', ['corby-chair:leave_room', 'shared-rep:leave_room']],
    [
      'both CCGs',
      item(['04G', '03V']),
      '2012-11-15',
      ['nene-chair:leave_room', 'corby-chair:leave_room', 'shared-rep:leave_room'],
    ],
    ['a CCG nobody represents', item(['03W']), '2012-11-15', []],
    [
      'codes written loosely',
      item([' 04g ']),
      '2012-11-15',
      ['nene-chair:leave_room', 'shared-rep:leave_room'],
    ],
    [
      'before a representation ends',
      item(['04G']),
      '2012-09-30',
      ['nene-chair:leave_room', 'shared-rep:leave_room', 'former-nene-rep:leave_room'],
    ],
    [
      'after a representation starts',
      item(['04G']),
      '2013-02-01',
      ['nene-chair:leave_room', 'shared-rep:leave_room', 'future-nene-rep:leave_room'],
    ],
    [
      'a discussion, not a decision, still means leaving',
      item(['04G'], false),
      '2012-11-15',
      ['nene-chair:leave_room', 'shared-rep:leave_room'],
    ],
  ])('%s', (_case, i, date, expected) => {
    expect(recused(i, date)).toEqual(expected);
  });

  it('expresses each recusal as a governance item conflict on the CCG', () => {
    const result = hwbReadinessRecusals(item(['04G', '03V']), ATTENDEES, '2012-11-15');
    expect(result.itemId).toBe('i1');
    expect(result.conflicts.filter((c) => c.personId === 'shared-rep')).toEqual([
      {
        personId: 'shared-rep',
        basis: 'represents_ccg',
        ccgCode: '04G',
        interestType: 'non_financial_professional',
        matchedEntity: { kind: 'organisation', code: '04G' },
        severity: 'high',
        management: 'leave_room',
      },
      expect.objectContaining({ ccgCode: '03V', matchedEntity: { kind: 'organisation', code: '03V' } }),
    ]);
  });

  it('rejects a meeting date that is not a date', () => {
    expect(() => hwbReadinessRecusals(item(['04G']), ATTENDEES, '15/11/2012')).toThrow(
      /not a YYYY-MM-DD date/,
    );
  });
});
