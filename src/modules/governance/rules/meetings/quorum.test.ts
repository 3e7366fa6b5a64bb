import { describe, expect, it } from 'vitest';
import type { AttendeeCategory, ConflictManagement, MeetingAttendee, QuorumRule } from '../../model.ts';
import { assessQuorum } from './quorum.ts';

const attendee = (personId: string, categories: AttendeeCategory[], voting = true): MeetingAttendee => ({
  personId,
  name: personId,
  voting,
  categories,
  declarations: [],
});
const attendees = [
  attendee('gp1', ['gp', 'clinician']),
  attendee('gp2', ['gp', 'clinician']),
  attendee('lay1', ['lay']),
  attendee('ao', ['executive']),
  attendee('observer', ['lay'], false),
];
const rule: QuorumRule = {
  minimumMembers: 3,
  requiredRoles: [
    { category: 'lay', minimum: 1 },
    { category: 'clinician', minimum: 1 },
  ],
  fallback: 'refer_to_committee',
};

describe('quorum after recusals', () => {
  it.each<[string, Record<string, ConflictManagement>, boolean, string]>([
    ['no recusals', {}, true, 'quorate:gp1,gp2,lay1,ao'],
    ['a GP leaves', { gp1: 'leave_room' }, true, 'quorate:gp2,lay1,ao'],
    ['a GP may not vote on a decision', { gp1: 'no_vote' }, true, 'quorate:gp2,lay1,ao'],
    [
      'declaring only does not reduce the quorum',
      { gp1: 'declare_only', gp2: 'declare_only' },
      true,
      'quorate:gp1,gp2,lay1,ao',
    ],
    [
      'too few voters left',
      { gp1: 'leave_room', ao: 'leave_room' },
      true,
      'refer_to_committee:gp2,lay1:missing=',
    ],
    [
      'no clinician left (all GPs conflicted)',
      { gp1: 'no_vote', gp2: 'leave_room' },
      true,
      'refer_to_committee:lay1,ao:missing=clinician 0/1',
    ],
    [
      'not voting still counts on an item not for decision',
      { gp1: 'no_vote', gp2: 'no_vote' },
      false,
      'quorate:gp1,gp2,lay1,ao',
    ],
    [
      'the only lay voter leaves; the lay observer does not count',
      { lay1: 'leave_room' },
      true,
      'refer_to_committee:gp1,gp2,ao:missing=lay 0/1',
    ],
  ])('%s', (_case, recusals, decision, expected) => {
    const result = assessQuorum(attendees, new Map(Object.entries(recusals)), decision, rule);
    const missing = result.missingRoles.map((m) => `${m.category} ${m.present}/${m.minimum}`).join(',');
    const summary = `${result.quorate ? 'quorate' : result.fallback}:${result.eligibleVoters.join(',')}`;
    expect(result.quorate ? summary : `${summary}:missing=${missing}`).toBe(expected);
  });

  it('offers the constitution’s fallback only when inquorate', () => {
    expect(assessQuorum(attendees, new Map(), true, { ...rule, fallback: 'co_opt' }).fallback).toBeNull();
    expect(
      assessQuorum(attendees, new Map(), true, { ...rule, minimumMembers: 5, fallback: 'co_opt' }).fallback,
    ).toBe('co_opt');
  });
});
