/**
 * Reg 11(1) and reg 13: one chair and one deputy chair, and who may hold them. Only "a lay chair is
 * not the audit lay member" is confirmed (secondary); the other reg 13 readings are unconfirmed switches.
 */
import type { GovernanceRuleBook, GovernanceViolation, GoverningBodyRole } from '../../model.ts';
import { activeRule, type GovernanceRuleId } from '../rule-book.ts';
import { violationOf } from '../violation.ts';
import {
  ccgSubject,
  holders,
  isLayPerson,
  names,
  personSubject,
  type SeatedBody,
  type SeatedMember,
} from './seating.ts';

function countCheck(
  body: SeatedBody,
  book: GovernanceRuleBook,
  ruleId: GovernanceRuleId,
  role: GoverningBodyRole,
  label: string,
): GovernanceViolation[] {
  const rule = activeRule(book, ruleId, body.asAt);
  const seated = holders(body, role);
  if (!rule || seated.length === 1) return [];
  return [
    violationOf(
      rule,
      ccgSubject(body),
      seated.length === 0
        ? `The governing body has no ${label} on ${body.asAt}`
        : `The governing body has ${seated.length} ${label}s on ${body.asAt} (${names(seated)}); it has one`,
      {
        reason: seated.length === 0 ? 'missing' : 'multiple',
        personIds: seated.map((m) => m.person.personId),
      },
    ),
  ];
}

export function checkChair(body: SeatedBody, book: GovernanceRuleBook): GovernanceViolation[] {
  const violations = [
    ...countCheck(body, book, 'GB-CHAIR', 'chair', 'chair'),
    ...countCheck(body, book, 'GB-DEPUTY-CHAIR', 'deputy_chair', 'deputy chair'),
  ];
  const chairs = holders(body, 'chair');
  const deputies = holders(body, 'deputy_chair');
  const person = (
    ruleId: GovernanceRuleId,
    member: SeatedMember,
    message: string,
    detail: Record<string, unknown>,
  ) => {
    const rule = activeRule(book, ruleId, body.asAt);
    if (rule) violations.push(violationOf(rule, personSubject(member), message, detail));
  };

  for (const deputy of deputies.filter((m) => m.roles.has('chair'))) {
    person('GB-DEPUTY-CHAIR', deputy, `${names([deputy])} is both chair and deputy chair`, {
      reason: 'same_as_chair',
    });
  }
  for (const chair of chairs) {
    const { attributes } = chair.person;
    if (chair.roles.has('lay_member_audit')) {
      person('GB-CHAIR-NOT-AUDIT-LAY', chair, `The chair ${names([chair])} is also the audit lay member`, {});
    }
    if (!isLayPerson(attributes) && !attributes.isGpOfMemberPractice) {
      person(
        'GB-CHAIR-LAY-OR-GP',
        chair,
        `The chair ${names([chair])} is neither a lay person nor a GP of a member practice (unconfirmed reading of reg 13)`,
        {},
      );
    }
    const officerRoles = (['accountable_officer', 'chief_finance_officer'] as const).filter((r) =>
      chair.roles.has(r),
    );
    if (officerRoles.length) {
      person(
        'GB-CHAIR-NOT-AO-CFO',
        chair,
        `The chair ${names([chair])} is also ${officerRoles.join(' and ')} (unconfirmed reading of reg 13)`,
        {
          roles: officerRoles,
        },
      );
    }
    if (!isLayPerson(attributes)) {
      for (const deputy of deputies.filter((d) => d !== chair && !isLayPerson(d.person.attributes))) {
        person(
          'GB-DEPUTY-LAY-IF-CHAIR-NOT-LAY',
          deputy,
          `Neither the chair ${names([chair])} nor the deputy chair ${names([deputy])} is a lay person (unconfirmed reading of reg 13)`,
          { chairPersonId: chair.person.personId },
        );
      }
    }
  }
  return violations;
}
