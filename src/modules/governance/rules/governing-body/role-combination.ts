/**
 * One person filling two reg 11(2)–(3) places (an unconfirmed reading). The two lay places are left
 * to GB-LAY-PPI, which is confirmed ("another lay person").
 */
import type { GovernanceRuleBook, GovernanceViolation, GoverningBodyRole } from '../../model.ts';
import { activeRule } from '../rule-book.ts';
import { violationOf } from '../violation.ts';
import { names, personSubject, type SeatedBody } from './seating.ts';

const PLACES: readonly GoverningBodyRole[] = [
  'accountable_officer',
  'chief_finance_officer',
  'registered_nurse',
  'secondary_care_doctor',
  'lay_member_audit',
  'lay_member_ppi',
];

export function checkRoleCombination(body: SeatedBody, book: GovernanceRuleBook): GovernanceViolation[] {
  const rule = activeRule(book, 'GB-ROLE-COMBINATION', body.asAt);
  if (!rule) return [];
  return body.members.flatMap((member) => {
    const places = PLACES.filter((role) => member.roles.has(role));
    const counted = places.filter(
      (role) => role !== 'lay_member_ppi' || !member.roles.has('lay_member_audit'),
    );
    if (counted.length < 2) return [];
    return [
      violationOf(
        rule,
        personSubject(member),
        `${names([member])} fills ${places.length} statutory places (${places.join(', ')}); reg 11(3) lists them as separate places (unconfirmed reading)`,
        { roles: places },
      ),
    ];
  });
}
