/**
 * Recusals at a health and wellbeing board: a member who represents a CCG (HSCA 2012 s194(2)(e))
 * leaves the room while the board discusses that CCG's readiness for authorisation or its assurance.
 * Expressed as governance item conflicts, so the HWB's item plan reads like a CCG meeting's; the
 * conflict comes from the representation, not from a declared interest.
 */
import type { ConflictManagement } from '../../governance/model.ts';
import { inPeriod, isIsoDate } from '../../governance/rules/dates.ts';
import { normaliseOrganisationCode } from '../../governance/rules/entities.ts';
import { stricter } from '../../governance/rules/meetings/item-conflicts.ts';
import type { HwbAttendee, HwbItemRecusals, HwbReadinessItem, HwbRepresentationConflict } from '../model.ts';

/** Recused from the discussion, not only the vote: the representative leaves the room. */
const MANAGEMENT: ConflictManagement = 'leave_room';

/** The conflicts and recusals for one item about CCGs' readiness, on the meeting date. */
export function hwbReadinessRecusals(
  item: HwbReadinessItem,
  attendees: readonly HwbAttendee[],
  meetingDate: string,
): HwbItemRecusals {
  if (!isIsoDate(meetingDate)) throw new RangeError(`Meeting date "${meetingDate}" is not a YYYY-MM-DD date`);
  const discussed = new Set(item.ccgCodes.map(normaliseOrganisationCode).filter((c) => c !== null));
  const conflicts: HwbRepresentationConflict[] = [];
  for (const attendee of attendees) {
    for (const r of attendee.represents) {
      const code = normaliseOrganisationCode(r.ccgCode);
      if (code === null || !discussed.has(code) || !inPeriod(meetingDate, r.startDate, r.endDate)) continue;
      if (conflicts.some((c) => c.personId === attendee.personId && c.ccgCode === code)) continue;
      conflicts.push({
        personId: attendee.personId,
        basis: 'represents_ccg',
        ccgCode: code,
        interestType: 'non_financial_professional',
        matchedEntity: { kind: 'organisation', code },
        severity: 'high',
        management: MANAGEMENT,
      });
    }
  }
  const byPerson = new Map<string, ConflictManagement>();
  for (const c of conflicts)
    byPerson.set(c.personId, stricter(byPerson.get(c.personId) ?? 'declare_only', c.management));
  return {
    itemId: item.itemId,
    conflicts,
    recusals: [...byPerson].map(([personId, management]) => ({ personId, management })),
  };
}
