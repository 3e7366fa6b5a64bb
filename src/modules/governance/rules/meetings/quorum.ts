/**
 * The quorum for one agenda item after recusals, under the constitution's rule. A voting member
 * counts unless they leave the room or, on a decision, may not vote.
 */
import type { ConflictManagement, MeetingAttendee, QuorumResult, QuorumRule } from '../../model.ts';

export function assessQuorum(
  attendees: readonly MeetingAttendee[],
  recusals: ReadonlyMap<string, ConflictManagement>,
  decision: boolean,
  rule: QuorumRule,
): QuorumResult {
  const eligible = attendees.filter((a) => {
    if (!a.voting) return false;
    const management = recusals.get(a.personId);
    return management !== 'leave_room' && !(decision && management === 'no_vote');
  });
  const missingRoles = rule.requiredRoles.flatMap(({ category, minimum }) => {
    const present = eligible.filter((a) => a.categories.includes(category)).length;
    return present < minimum ? [{ category, minimum, present }] : [];
  });
  const quorate = eligible.length >= rule.minimumMembers && missingRoles.length === 0;
  return {
    quorate,
    eligibleVoters: eligible.map((a) => a.personId),
    minimumMembers: rule.minimumMembers,
    missingRoles,
    fallback: quorate ? null : rule.fallback,
  };
}
