/** The governing body composition check as at a date: every violation of every applicable rule. */
import type { GovernanceRuleBook, GovernanceViolation, GoverningBodyInput } from '../../model.ts';
import { isIsoDate } from '../dates.ts';
import { checkChair } from './chair.ts';
import { checkClinicalPlaces } from './clinical-places.ts';
import { checkIndependence } from './independence.ts';
import { checkLayPlaces } from './lay-places.ts';
import { checkOfficers } from './officers.ts';
import { checkRoleCombination } from './role-combination.ts';
import { checkSchedule4 } from './schedule-4.ts';
import { checkSchedule5 } from './schedule-5.ts';
import { seatGoverningBody } from './seating.ts';
import { checkAppointmentTerms } from './terms.ts';

/**
 * Checks the governing body of `input.ccgCode` as at `asAt` against CCG Regs 2012 regs 11–13 and
 * Schedules 4 and 5, using the rules the book switches on and has in effect on that date.
 */
export function checkGoverningBody(
  input: GoverningBodyInput,
  asAt: string,
  book: GovernanceRuleBook,
): GovernanceViolation[] {
  if (!isIsoDate(asAt)) throw new RangeError(`asAt must be a date written YYYY-MM-DD, not "${asAt}"`);
  const body = seatGoverningBody(input, asAt);
  return [
    ...checkOfficers(body, book),
    ...checkClinicalPlaces(body, book),
    ...checkIndependence(body, book),
    ...checkLayPlaces(body, book),
    ...checkSchedule4(body, book),
    ...checkSchedule5(body, book),
    ...checkChair(body, book),
    ...checkRoleCombination(body, book),
    ...checkAppointmentTerms(input, asAt, book),
  ];
}
