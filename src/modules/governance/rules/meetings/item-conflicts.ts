/**
 * Matches each attendee's declared interests in force on the meeting date against the entities an
 * agenda item concerns (exact codes and company numbers only), and proposes how each conflict is
 * managed from the MTG-CONFLICT mapping in the rule book. The chair decides; this is the proposal.
 */
import type {
  AgendaItem,
  ConflictManagement,
  ConflictSeverity,
  GovernanceRuleDefinition,
  InterestDeclaration,
  InterestType,
  ItemConflict,
  MeetingAttendee,
} from '../../model.ts';
import { inPeriod, isIsoDate } from '../dates.ts';
import { entityKey } from '../entities.ts';
import { stringParameter } from '../rule-book.ts';

const PARAMETER_PREFIX: Record<InterestType, string> = {
  financial: 'financial',
  non_financial_professional: 'nonFinancialProfessional',
  non_financial_personal: 'nonFinancialPersonal',
  indirect: 'indirect',
};

/** The proposed management of an interest of `type` in an item that is (or is not) for decision. */
export const managementFor = (
  rule: GovernanceRuleDefinition,
  type: InterestType,
  decision: boolean,
): ConflictManagement =>
  stringParameter(rule, `${PARAMETER_PREFIX[type]}${decision ? 'Decision' : 'Other'}`) as ConflictManagement;

export const severityFor = (rule: GovernanceRuleDefinition, type: InterestType): ConflictSeverity =>
  stringParameter(rule, `${PARAMETER_PREFIX[type]}Severity`) as ConflictSeverity;

const STRICTNESS: Record<ConflictManagement, number> = { declare_only: 0, no_vote: 1, leave_room: 2 };

/** The stricter of two ways of managing a conflict. */
export const stricter = (a: ConflictManagement, b: ConflictManagement): ConflictManagement =>
  STRICTNESS[a] >= STRICTNESS[b] ? a : b;

/** Declarations in force on the date (ones with unreadable dates are left out; ROI-DATES reports them). */
export const declarationsInForce = (attendee: MeetingAttendee, date: string): InterestDeclaration[] =>
  attendee.declarations.filter(
    (d) =>
      isIsoDate(d.startDate) &&
      (d.endDate === null || isIsoDate(d.endDate)) &&
      inPeriod(date, d.startDate, d.endDate),
  );

export function findItemConflicts(
  item: AgendaItem,
  attendees: readonly MeetingAttendee[],
  date: string,
  rule: GovernanceRuleDefinition,
): ItemConflict[] {
  const itemEntities = item.concernedEntities.flatMap((entity) => {
    const key = entityKey(entity);
    return key ? [{ key, entity }] : [];
  });
  const conflicts: ItemConflict[] = [];
  for (const attendee of attendees) {
    for (const declaration of declarationsInForce(attendee, date)) {
      const key = declaration.entity ? entityKey(declaration.entity) : null;
      const match = key === null ? undefined : itemEntities.find((e) => e.key === key);
      if (!match) continue;
      conflicts.push({
        personId: attendee.personId,
        declarationId: declaration.declarationId,
        interestType: declaration.interestType,
        matchedEntity: match.entity,
        severity: severityFor(rule, declaration.interestType),
        management: managementFor(rule, declaration.interestType, item.decision),
      });
    }
  }
  return conflicts;
}
