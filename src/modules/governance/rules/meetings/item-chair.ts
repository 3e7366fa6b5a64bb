/**
 * Who chairs an agenda item: the chair if present and not conflicted, else the deputy chair, else
 * (where the rule book allows) the first non-conflicted voting lay member on the attendance list.
 */
import type { ItemChairBasis, MeetingAttendee, MeetingConflictInput } from '../../model.ts';

export interface ItemChair {
  readonly personId: string | null;
  readonly basis: ItemChairBasis;
}

/** `conflicted`: attendees who must leave or may not vote on the item. */
export function chooseItemChair(
  meeting: MeetingConflictInput['meeting'],
  attendees: readonly MeetingAttendee[],
  conflicted: ReadonlySet<string>,
  layMemberFallback: boolean,
): ItemChair {
  const available = (personId: string | null) =>
    personId !== null && !conflicted.has(personId) && attendees.some((a) => a.personId === personId);
  if (available(meeting.chairPersonId)) return { personId: meeting.chairPersonId, basis: 'chair' };
  if (available(meeting.deputyChairPersonId))
    return { personId: meeting.deputyChairPersonId, basis: 'deputy_chair' };
  if (layMemberFallback) {
    const lay = attendees.find(
      (a) => a.voting && a.categories.includes('lay') && !conflicted.has(a.personId),
    );
    if (lay) return { personId: lay.personId, basis: 'lay_member' };
  }
  return { personId: null, basis: 'none' };
}
