/**
 * Reg 11(4): every member except the accountable officer is appointed for a term the CCG determines.
 * Also checks the appointment dates can be read and are in order.
 */
import type {
  GovernanceRuleBook,
  GovernanceViolation,
  GoverningBodyAppointment,
  GoverningBodyInput,
} from '../../model.ts';
import { inPeriod, isIsoDate } from '../dates.ts';
import { activeRule } from '../rule-book.ts';
import { violationOf } from '../violation.ts';

type Problem = { reason: string; message: string };

function dateProblems(a: GoverningBodyAppointment): Problem[] {
  const unreadable = (['startDate', 'termEndDate', 'endDate'] as const).filter((field) => {
    const value = a[field];
    return value !== null && !isIsoDate(value);
  });
  if (unreadable.length) {
    return [
      { reason: 'invalid_date', message: `unreadable dates (${unreadable.join(', ')}); use YYYY-MM-DD` },
    ];
  }
  const problems: Problem[] = [];
  if (a.termEndDate !== null && a.termEndDate < a.startDate) {
    problems.push({
      reason: 'term_ends_before_start',
      message: `the term ends (${a.termEndDate}) before it starts (${a.startDate})`,
    });
  }
  if (a.endDate !== null && a.endDate < a.startDate) {
    problems.push({
      reason: 'ends_before_start',
      message: `the appointment ends (${a.endDate}) before it starts (${a.startDate})`,
    });
  }
  return problems;
}

function termProblems(a: GoverningBodyAppointment, asAt: string): Problem[] {
  if (a.roles.includes('accountable_officer') || !inPeriod(asAt, a.startDate, a.endDate)) return [];
  if (a.termEndDate === null) {
    return [
      {
        reason: 'no_term',
        message: 'no term has been determined; every member except the accountable officer serves a term',
      },
    ];
  }
  if (a.termEndDate < asAt) {
    return [
      {
        reason: 'serving_beyond_term',
        message: `the term ended on ${a.termEndDate} but the appointment has not ended`,
      },
    ];
  }
  return [];
}

/** Appointments made by `asAt` only: later ones are not yet on the record as at that date. */
export function checkAppointmentTerms(
  input: GoverningBodyInput,
  asAt: string,
  book: GovernanceRuleBook,
): GovernanceViolation[] {
  const rule = activeRule(book, 'GB-APPOINTMENT-TERM', asAt);
  if (!rule) return [];
  return input.people.flatMap((person) =>
    person.appointments.flatMap((a) => {
      const invalid = dateProblems(a);
      if (isIsoDate(a.startDate) && a.startDate > asAt) return [];
      const problems = invalid.length ? invalid : termProblems(a, asAt);
      return problems.map((p) =>
        violationOf(
          rule,
          { type: 'appointment', code: a.appointmentId },
          `Appointment ${a.appointmentId} of ${person.name} (${person.personId}): ${p.message}`,
          {
            reason: p.reason,
            personId: person.personId,
            roles: a.roles,
            startDate: a.startDate,
            termEndDate: a.termEndDate,
            endDate: a.endDate,
          },
        ),
      );
    }),
  );
}
