import { describe, expect, it } from 'vitest';
import type { AttendeeCategory, MeetingAttendee } from '../../model.ts';
import { chooseItemChair } from './item-chair.ts';

const meeting = {
  meetingId: 'M1',
  date: '2013-09-12',
  part: 'public' as const,
  chairPersonId: 'chair',
  deputyChairPersonId: 'deputy',
};
const attendee = (personId: string, categories: AttendeeCategory[], voting = true): MeetingAttendee => ({
  personId,
  name: personId,
  voting,
  categories,
  declarations: [],
});
const everyone = [
  attendee('chair', ['gp', 'clinician']),
  attendee('deputy', ['lay']),
  attendee('observer', ['lay'], false),
  attendee('lay2', ['lay']),
  attendee('lay3', ['lay']),
];

describe('who chairs an item', () => {
  it.each<[string, MeetingAttendee[], string[], boolean, string]>([
    ['the chair, when not conflicted', everyone, [], true, 'chair:chair'],
    // REFERENCE.md §4.4 [C]: the deputy chairs when the chair is conflicted.
    ['the deputy, when the chair is conflicted', everyone, ['chair'], true, 'deputy:deputy_chair'],
    [
      'the deputy, when the chair is absent',
      everyone.filter((a) => a.personId !== 'chair'),
      [],
      true,
      'deputy:deputy_chair',
    ],
    [
      'the first voting lay member without a conflict, when both are conflicted',
      everyone,
      ['chair', 'deputy'],
      true,
      'lay2:lay_member',
    ],
    [
      'skipping a conflicted lay member and the non-voting observer',
      everyone,
      ['chair', 'deputy', 'lay2'],
      true,
      'lay3:lay_member',
    ],
    [
      'no one, when every lay member is conflicted',
      everyone,
      ['chair', 'deputy', 'lay2', 'lay3'],
      true,
      'null:none',
    ],
    ['no one, when the lay fallback is switched off', everyone, ['chair', 'deputy'], false, 'null:none'],
  ])('%s', (_case, attendees, conflicted, layFallback, expected) => {
    const chair = chooseItemChair(meeting, attendees, new Set(conflicted), layFallback);
    expect(`${chair.personId}:${chair.basis}`).toBe(expected);
  });

  it('a meeting without a deputy chair falls back to a lay member', () => {
    const chair = chooseItemChair(
      { ...meeting, deputyChairPersonId: null },
      everyone,
      new Set(['chair']),
      true,
    );
    expect(chair).toEqual({ personId: 'deputy', basis: 'lay_member' });
  });
});
