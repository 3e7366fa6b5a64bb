/**
 * Checks entries in the register of interests (s14O): dates that can be read and are in order
 * (ROI-DATES), and declarations made within 28 days of the interest arising (ROI-28-DAY).
 */
import type { GovernanceRuleBook, GovernanceViolation, InterestDeclaration } from '../../model.ts';
import { addDays, daysBetween, isIsoDate } from '../dates.ts';
import { activeRule, numberParameter } from '../rule-book.ts';
import { violationOf } from '../violation.ts';

const DATE_FIELDS = ['aroseOn', 'declaredOn', 'startDate', 'endDate', 'confirmedOn'] as const;

const subjectOf = (d: InterestDeclaration) => ({ type: 'declaration' as const, code: d.declarationId });

/** Reasons the declaration's dates are unusable (empty: usable). A declaration made before the interest arises is fine. */
function dateProblems(d: InterestDeclaration): { reason: string; message: string; fields: string[] }[] {
  const unreadable = DATE_FIELDS.filter((field) => {
    const value = d[field];
    return value !== null && !isIsoDate(value);
  });
  if (unreadable.length) {
    return [
      {
        reason: 'invalid_date',
        message: `unreadable dates (${unreadable.join(', ')}); use YYYY-MM-DD`,
        fields: unreadable,
      },
    ];
  }
  if (d.endDate !== null && d.endDate < d.startDate) {
    return [
      {
        reason: 'ends_before_start',
        message: `the interest ends (${d.endDate}) before it starts (${d.startDate})`,
        fields: ['startDate', 'endDate'],
      },
    ];
  }
  return [];
}

/**
 * Checks every declaration as at `asAt`. A declaration is late once 28 days (the rule's `days`) have
 * passed since the interest arose without it being declared: so one declared after `asAt` is already
 * late on `asAt` if the deadline had passed by then.
 */
export function checkDeclarations(
  declarations: readonly InterestDeclaration[],
  asAt: string,
  book: GovernanceRuleBook,
): GovernanceViolation[] {
  const datesRule = activeRule(book, 'ROI-DATES', asAt);
  const lateRule = activeRule(book, 'ROI-28-DAY', asAt);
  const violations: GovernanceViolation[] = [];
  for (const d of declarations) {
    const problems = dateProblems(d);
    if (datesRule) {
      for (const p of problems) {
        violations.push(
          violationOf(
            datesRule,
            subjectOf(d),
            `Declaration ${d.declarationId} by ${d.declarant.personId}: ${p.message}`,
            {
              reason: p.reason,
              fields: p.fields,
              personId: d.declarant.personId,
            },
          ),
        );
      }
    }
    if (!lateRule || problems.length) continue;
    const days = numberParameter(lateRule, 'days');
    const deadline = addDays(d.aroseOn, days);
    if (d.declaredOn <= deadline || asAt <= deadline) continue;
    const declaredByAsAt = d.declaredOn <= asAt;
    violations.push(
      violationOf(
        lateRule,
        subjectOf(d),
        declaredByAsAt
          ? `Declaration ${d.declarationId} by ${d.declarant.personId} was made on ${d.declaredOn}, ${daysBetween(deadline, d.declaredOn)} days after the ${days}-day deadline (${deadline}) from the interest arising on ${d.aroseOn}`
          : `The interest ${d.declarationId} of ${d.declarant.personId} arose on ${d.aroseOn} and was not declared by ${asAt}; it was due by ${deadline}`,
        {
          personId: d.declarant.personId,
          capacity: d.declarant.capacity,
          aroseOn: d.aroseOn,
          declaredOn: d.declaredOn,
          deadline,
          daysLate: daysBetween(deadline, declaredByAsAt ? d.declaredOn : asAt),
          declaredByAsAt,
        },
      ),
    );
  }
  return violations;
}
