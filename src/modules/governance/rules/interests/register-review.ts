/**
 * Whether everyone the register must cover (s14O(1)) is on it: a declaration or a nil return at all
 * (ROI-NIL-RETURN, unconfirmed), and one made or confirmed within the review cycle (ROI-ANNUAL-REVIEW).
 */
import type {
  GovernanceRuleBook,
  GovernanceViolation,
  RegisterOfInterests,
  RegisterPopulationMember,
} from '../../model.ts';
import { addDays, addMonths, inPeriod, isIsoDate } from '../dates.ts';
import { activeRule, numberParameter } from '../rule-book.ts';
import { violationOf } from '../violation.ts';

/** Each person once, with the earliest start of the capacities they hold on the date. */
function populationOn(register: RegisterOfInterests, asAt: string): RegisterPopulationMember[] {
  const byPerson = new Map<string, RegisterPopulationMember>();
  for (const member of register.population) {
    if (!isIsoDate(member.startDate) || !inPeriod(asAt, member.startDate, member.endDate)) continue;
    const seen = byPerson.get(member.personId);
    if (!seen || member.startDate < seen.startDate) byPerson.set(member.personId, member);
  }
  return [...byPerson.values()];
}

/** The latest date by `asAt` on which the person declared, confirmed an entry or made a nil return. */
function latestReturns(register: RegisterOfInterests, asAt: string): Map<string, string> {
  const latest = new Map<string, string>();
  const note = (personId: string, date: string | null) => {
    if (date === null || !isIsoDate(date) || date > asAt) return;
    const seen = latest.get(personId);
    if (!seen || date > seen) latest.set(personId, date);
  };
  for (const d of register.declarations) {
    note(d.declarant.personId, d.declaredOn);
    note(d.declarant.personId, d.confirmedOn);
  }
  for (const n of register.nilReturns) note(n.personId, n.returnedOn);
  return latest;
}

export function checkRegisterReview(
  register: RegisterOfInterests,
  asAt: string,
  book: GovernanceRuleBook,
): GovernanceViolation[] {
  const nilRule = activeRule(book, 'ROI-NIL-RETURN', asAt);
  const reviewRule = activeRule(book, 'ROI-ANNUAL-REVIEW', asAt);
  const latest = latestReturns(register, asAt);
  const violations: GovernanceViolation[] = [];
  for (const member of populationOn(register, asAt)) {
    const last = latest.get(member.personId) ?? null;
    const subject = { type: 'person' as const, code: member.personId };
    const detail = { capacity: member.capacity, since: member.startDate, lastReturn: last };
    if (last === null && nilRule) {
      const due = addDays(member.startDate, numberParameter(nilRule, 'graceDays'));
      if (asAt > due) {
        violations.push(
          violationOf(
            nilRule,
            subject,
            `${member.name} (${member.personId}, ${member.capacity} since ${member.startDate}) has made no declaration or nil return; one was due by ${due}`,
            { ...detail, due },
          ),
        );
        continue;
      }
    }
    if (!reviewRule) continue;
    const months = numberParameter(reviewRule, 'months');
    const cycleStart = addMonths(asAt, -months);
    if (member.startDate < cycleStart && (last === null || last < cycleStart)) {
      violations.push(
        violationOf(
          reviewRule,
          subject,
          `${member.name} (${member.personId}) has not declared, confirmed or made a nil return in the ${months} months to ${asAt}${last ? ` (last on ${last})` : ''}`,
          { ...detail, cycleStart },
        ),
      );
    }
  }
  return violations;
}
