/**
 * The pre-meeting conflicts check: for every agenda item, the attendees' conflicts and their proposed
 * management, who chairs the item, and whether it is quorate after recusals (with the constitution's
 * fallback where not). Private items need a recorded reason.
 */
import type {
  ConflictManagement,
  GovernanceRuleBook,
  GovernanceViolation,
  ItemPlan,
  MeetingConflictInput,
  MeetingConflictPlan,
} from '../../model.ts';
import { isIsoDate } from '../dates.ts';
import { describeEntity, entityKey } from '../entities.ts';
import { activeRule, booleanParameter } from '../rule-book.ts';
import { violationOf } from '../violation.ts';
import { chooseItemChair } from './item-chair.ts';
import { declarationsInForce, findItemConflicts, stricter } from './item-conflicts.ts';
import { assessQuorum } from './quorum.ts';

const MANAGEMENT_TEXT: Record<ConflictManagement, string> = {
  leave_room: 'leave the room for the item',
  no_vote: 'take part in the discussion but not vote',
  declare_only: 'declare the interest and take part',
};

export function planMeetingConflicts(
  input: MeetingConflictInput,
  book: GovernanceRuleBook,
): MeetingConflictPlan {
  const { meeting, attendees } = input;
  if (!isIsoDate(meeting.date))
    throw new RangeError(`meeting.date must be a date written YYYY-MM-DD, not "${meeting.date}"`);
  const conflictRule = activeRule(book, 'MTG-CONFLICT', meeting.date);
  const chairRule = activeRule(book, 'MTG-CHAIR-CONFLICTED', meeting.date);
  const quorumRule = activeRule(book, 'MTG-INQUORATE', meeting.date);
  const privateRule = activeRule(book, 'MTG-PRIVATE-ITEM-REASON', meeting.date);
  const nameOf = new Map(attendees.map((a) => [a.personId, a.name]));
  const violations: GovernanceViolation[] = [];

  const items: ItemPlan[] = input.agendaItems.map((item) => {
    const subject = { type: 'agenda_item' as const, code: item.itemId };
    const part = item.part ?? meeting.part;
    const conflicts = conflictRule ? findItemConflicts(item, attendees, meeting.date, conflictRule) : [];
    const recusalMap = new Map<string, ConflictManagement>();
    for (const c of conflicts) {
      recusalMap.set(c.personId, stricter(recusalMap.get(c.personId) ?? 'declare_only', c.management));
      violations.push(
        violationOf(
          conflictRule!,
          subject,
          `${nameOf.get(c.personId)} (${c.personId}) has a ${c.interestType.replaceAll('_', ' ')} interest (${c.declarationId}) in ${describeEntity(c.matchedEntity)}, which item "${item.title}" concerns: proposed that they ${MANAGEMENT_TEXT[c.management]}`,
          { ...c, itemId: item.itemId },
        ),
      );
    }
    const recusals = [...recusalMap].map(([personId, management]) => ({ personId, management }));
    const conflicted = new Set(
      recusals.filter((r) => r.management !== 'declare_only').map((r) => r.personId),
    );

    const itemChair = chooseItemChair(
      meeting,
      attendees,
      conflicted,
      chairRule ? booleanParameter(chairRule, 'layMemberFallback') : false,
    );
    if (chairRule && itemChair.basis === 'none') {
      violations.push(
        violationOf(
          chairRule,
          subject,
          `No one without a conflict is available to chair item "${item.title}": the chair and deputy chair are conflicted or absent`,
          {
            itemId: item.itemId,
            chairConflicted: conflicted.has(meeting.chairPersonId),
            deputyChairConflicted:
              meeting.deputyChairPersonId !== null && conflicted.has(meeting.deputyChairPersonId),
          },
        ),
      );
    }

    const quorum = assessQuorum(attendees, recusalMap, item.decision, input.quorum);
    if (quorumRule && !quorum.quorate) {
      violations.push(
        violationOf(
          quorumRule,
          subject,
          `Item "${item.title}" is inquorate after recusals: ${quorum.eligibleVoters.length} eligible voters (at least ${quorum.minimumMembers} needed)${quorum.missingRoles.map((m) => `, ${m.present} ${m.category} (at least ${m.minimum})`).join('')}; the constitution's fallback is ${quorum.fallback}`,
          { itemId: item.itemId, ...quorum },
        ),
      );
    }

    if (privateRule && part === 'private' && !item.privateReason?.trim()) {
      violations.push(
        violationOf(
          privateRule,
          subject,
          `Item "${item.title}" is taken in private without a recorded reason`,
          { itemId: item.itemId },
        ),
      );
    }
    return {
      itemId: item.itemId,
      title: item.title,
      part,
      decision: item.decision,
      conflicts,
      recusals,
      itemChair,
      quorum,
    };
  });

  const unresolvedDeclarations = attendees.flatMap((a) =>
    declarationsInForce(a, meeting.date)
      .filter((d) => d.entity === null || entityKey(d.entity) === null)
      .map((d) => ({ personId: a.personId, declarationId: d.declarationId })),
  );
  return { meetingId: meeting.meetingId, date: meeting.date, items, unresolvedDeclarations, violations };
}
