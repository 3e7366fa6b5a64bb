import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AgendaItem, InterestDeclaration, MeetingAttendee, MeetingConflictInput } from '../../model.ts';
import { loadGovernanceRuleBook } from '../rule-book.ts';
import { bookWith, declaration, RULE_BOOK_URL } from '../test-fixtures.ts';
import { planMeetingConflicts } from './plan.ts';

const book = loadGovernanceRuleBook(JSON.parse(readFileSync(RULE_BOOK_URL, 'utf8')));

const interest = (
  personId: string,
  id: string,
  entity: InterestDeclaration['entity'],
  interestType: InterestDeclaration['interestType'] = 'financial',
) => declaration({ declarationId: id, declarant: { personId, capacity: 'gb_member' }, interestType, entity });

const federation = { kind: 'company' as const, companyNumber: '07654321' };
const attendee = (
  personId: string,
  categories: MeetingAttendee['categories'],
  declarations: InterestDeclaration[] = [],
): MeetingAttendee => ({
  personId,
  name: `Name ${personId}`,
  voting: true,
  categories,
  declarations,
});

/** A governing body meeting: GP chair, lay deputy, two more GPs, a second lay member and the AO. */
function meeting(patch: Partial<MeetingConflictInput> = {}): MeetingConflictInput {
  return {
    meeting: {
      meetingId: 'GB-2013-09',
      date: '2013-09-12',
      part: 'public',
      chairPersonId: 'chair',
      deputyChairPersonId: 'deputy',
    },
    agendaItems: [
      {
        itemId: 'I1',
        title: 'Award of the extended-hours contract',
        privateReason: null,
        decision: true,
        concernedEntities: [federation, { kind: 'service', name: 'Extended hours' }],
      },
      {
        itemId: 'I2',
        title: 'Minutes of the last meeting',
        privateReason: null,
        decision: true,
        concernedEntities: [],
      },
    ],
    attendees: [
      attendee(
        'chair',
        ['gp', 'clinician'],
        [interest('chair', 'D-chair', { kind: 'company', companyNumber: '7654321' })],
      ),
      attendee('deputy', ['lay']),
      attendee('gp2', ['gp', 'clinician']),
      attendee('gp3', ['gp', 'clinician']),
      attendee('lay2', ['lay']),
      attendee('ao', ['executive']),
    ],
    quorum: {
      minimumMembers: 4,
      requiredRoles: [
        { category: 'lay', minimum: 1 },
        { category: 'clinician', minimum: 1 },
      ],
      fallback: 'refer_to_committee',
    },
    ...patch,
  };
}

const withAttendees = (update: (a: MeetingAttendee) => MeetingAttendee): MeetingConflictInput => {
  const m = meeting();
  return { ...m, attendees: m.attendees.map(update) };
};
const declaresFederation =
  (ids: string[], type: InterestDeclaration['interestType'] = 'financial') =>
  (a: MeetingAttendee) =>
    ids.includes(a.personId)
      ? { ...a, declarations: [...a.declarations, interest(a.personId, `D-${a.personId}`, federation, type)] }
      : a;
const withItem = (patch: Partial<AgendaItem>): MeetingConflictInput => {
  const m = meeting();
  return { ...m, agendaItems: [{ ...m.agendaItems[0]!, ...patch }] };
};

const ruleIds = (input: MeetingConflictInput, rules = book) =>
  planMeetingConflicts(input, rules).violations.map((v) => `${v.ruleId}:${v.subjectCode}`);

describe('planMeetingConflicts', () => {
  it.each<[string, MeetingConflictInput, string[]]>([
    [
      'the chair’s financial interest in the federation: the chair leaves, the deputy chairs',
      meeting(),
      ['MTG-CONFLICT:I1'],
    ],
    ['no interests: nothing to manage', withAttendees((a) => ({ ...a, declarations: [] })), []],
    [
      'chair and deputy both conflicted: a lay member chairs',
      withAttendees(declaresFederation(['deputy'])),
      ['MTG-CONFLICT:I1', 'MTG-CONFLICT:I1'],
    ],
    [
      'chair, deputy and the other lay member conflicted: no one can chair, and no lay member can vote',
      withAttendees(declaresFederation(['deputy', 'lay2'])),
      [
        'MTG-CONFLICT:I1',
        'MTG-CONFLICT:I1',
        'MTG-CONFLICT:I1',
        'MTG-CHAIR-CONFLICTED:I1',
        'MTG-INQUORATE:I1',
      ],
    ],
    [
      'every GP has a financial interest in the federation: no clinician left to vote',
      withAttendees(declaresFederation(['gp2', 'gp3'])),
      ['MTG-CONFLICT:I1', 'MTG-CONFLICT:I1', 'MTG-CONFLICT:I1', 'MTG-INQUORATE:I1'],
    ],
    [
      'indirect interests: the GPs stay without voting, still inquorate on a decision',
      withAttendees(declaresFederation(['gp2', 'gp3'], 'indirect')),
      ['MTG-CONFLICT:I1', 'MTG-CONFLICT:I1', 'MTG-CONFLICT:I1', 'MTG-INQUORATE:I1'],
    ],
    [
      'a private item with a reason',
      withItem({ part: 'private', privateReason: 'Commercially confidential bids' }),
      ['MTG-CONFLICT:I1'],
    ],
    [
      'a private item without a reason',
      withItem({ part: 'private', privateReason: '  ' }),
      ['MTG-CONFLICT:I1', 'MTG-PRIVATE-ITEM-REASON:I1'],
    ],
    [
      'a private meeting: every item without a reason is flagged',
      { ...meeting(), meeting: { ...meeting().meeting, part: 'private' } },
      ['MTG-CONFLICT:I1', 'MTG-PRIVATE-ITEM-REASON:I1', 'MTG-PRIVATE-ITEM-REASON:I2'],
    ],
  ])('%s', (_case, input, expected) => {
    expect(ruleIds(input)).toEqual(expected);
  });

  it('plans the recusal, the item chair and the quorum for each item', () => {
    const plan = planMeetingConflicts(meeting(), book);
    const [contract, minutes] = plan.items;
    expect(contract).toMatchObject({
      itemId: 'I1',
      part: 'public',
      conflicts: [
        {
          personId: 'chair',
          declarationId: 'D-chair',
          interestType: 'financial',
          matchedEntity: federation,
          severity: 'high',
          management: 'leave_room',
        },
      ],
      recusals: [{ personId: 'chair', management: 'leave_room' }],
      itemChair: { personId: 'deputy', basis: 'deputy_chair' },
      quorum: {
        quorate: true,
        eligibleVoters: ['deputy', 'gp2', 'gp3', 'lay2', 'ao'],
        missingRoles: [],
        fallback: null,
      },
    });
    expect(minutes).toMatchObject({
      conflicts: [],
      recusals: [],
      itemChair: { personId: 'chair', basis: 'chair' },
      quorum: { quorate: true },
    });
  });

  it('offers the constitution’s fallback when the item is inquorate', () => {
    const plan = planMeetingConflicts(withAttendees(declaresFederation(['gp2', 'gp3'])), book);
    expect(plan.items[0]?.quorum).toEqual({
      quorate: false,
      eligibleVoters: ['deputy', 'lay2', 'ao'],
      minimumMembers: 4,
      missingRoles: [{ category: 'clinician', minimum: 1, present: 0 }],
      fallback: 'refer_to_committee',
    });
    const inquorate = plan.violations.find((v) => v.ruleId === 'MTG-INQUORATE');
    expect(inquorate?.message).toContain("the constitution's fallback is refer_to_committee");
    expect(inquorate?.severity).toBe('error');
  });

  it('uses the strictest management when one person has several interests in an item', () => {
    const input = withAttendees((a) =>
      a.personId === 'gp2'
        ? {
            ...a,
            declarations: [
              interest('gp2', 'D-a', federation, 'indirect'),
              interest('gp2', 'D-b', federation, 'financial'),
            ],
          }
        : a,
    );
    expect(planMeetingConflicts(input, book).items[0]?.recusals).toEqual([
      { personId: 'chair', management: 'leave_room' },
      { personId: 'gp2', management: 'leave_room' },
    ]);
  });

  it('lists in-force interests it could not match for the chair to consider', () => {
    const input = withAttendees((a) =>
      a.personId === 'gp3'
        ? {
            ...a,
            declarations: [
              interest('gp3', 'D-name-only', null),
              interest('gp3', 'D-bad-number', { kind: 'company', companyNumber: 'ACME LTD' }),
              { ...interest('gp3', 'D-ended', null), endDate: '2013-01-01' },
            ],
          }
        : a,
    );
    expect(planMeetingConflicts(input, book).unresolvedDeclarations).toEqual([
      { personId: 'gp3', declarationId: 'D-name-only' },
      { personId: 'gp3', declarationId: 'D-bad-number' },
    ]);
  });

  it('the conflict violation names the person, the interest and the proposal', () => {
    const [violation] = planMeetingConflicts(meeting(), book).violations;
    expect(violation).toMatchObject({
      ruleId: 'MTG-CONFLICT',
      severity: 'warning',
      subjectType: 'agenda_item',
      subjectCode: 'I1',
    });
    expect(violation?.message).toBe(
      'Name chair (chair) has a financial interest (D-chair) in company 07654321, which item "Award of the extended-hours contract" concerns: proposed that they leave the room for the item',
    );
  });

  it('switches: no lay fallback, and no private-reason rule', () => {
    const bothConflicted = withAttendees(declaresFederation(['deputy']));
    const noFallback = bookWith(book, 'MTG-CHAIR-CONFLICTED', { parameters: { layMemberFallback: false } });
    expect(ruleIds(bothConflicted, noFallback)).toContain('MTG-CHAIR-CONFLICTED:I1');
    const privateItem = withItem({ part: 'private', privateReason: null });
    expect(ruleIds(privateItem, bookWith(book, 'MTG-PRIVATE-ITEM-REASON', { enabled: false }))).toEqual([
      'MTG-CONFLICT:I1',
    ]);
  });

  it('rejects a meeting date it cannot read', () => {
    expect(() =>
      planMeetingConflicts({ ...meeting(), meeting: { ...meeting().meeting, date: '12/09/2013' } }, book),
    ).toThrow(/YYYY-MM-DD/);
  });
});
