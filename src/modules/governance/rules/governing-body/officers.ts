/** Reg 11(1), 11(2), 11(3)(a) and 11(5): size, the accountable officer and the Chief Finance Officer. */
import type { GovernanceRuleBook, GovernanceViolation, PersonAttributes } from '../../model.ts';
import { activeRule, numberParameter } from '../rule-book.ts';
import { violationOf } from '../violation.ts';
import { ccgSubject, holders, names, type SeatedBody } from './seating.ts';

/** The reg 11(3)(a) tests a CFO fails (empty: qualified). */
function cfoShortfalls(a: PersonAttributes): string[] {
  const unmet: string[] = [];
  if (!a.isCcgEmployee) unmet.push('not_ccg_employee');
  if (!a.hasAccountancyQualification) unmet.push('no_accountancy_qualification');
  if (!a.canLeadFinancialManagement) unmet.push('cannot_lead_financial_management');
  return unmet;
}

export function checkOfficers(body: SeatedBody, book: GovernanceRuleBook): GovernanceViolation[] {
  const violations: GovernanceViolation[] = [];
  const subject = ccgSubject(body);

  const size = activeRule(book, 'GB-MIN-SIZE', body.asAt);
  if (size) {
    const minimum = numberParameter(size, 'minimumMembers');
    if (body.members.length < minimum) {
      violations.push(
        violationOf(
          size,
          subject,
          `The governing body has ${body.members.length} members on ${body.asAt}; it needs at least ${minimum}, including its chair and deputy chair`,
          { members: body.members.length, minimum },
        ),
      );
    }
  }

  const ao = activeRule(book, 'GB-ACCOUNTABLE-OFFICER', body.asAt);
  if (ao) {
    const officers = holders(body, 'accountable_officer');
    if (officers.length !== 1) {
      violations.push(
        violationOf(
          ao,
          subject,
          officers.length === 0
            ? `No accountable officer sits on the governing body on ${body.asAt}`
            : `${officers.length} people sit as accountable officer on ${body.asAt} (${names(officers)}); the CCG has one`,
          {
            reason: officers.length === 0 ? 'missing' : 'multiple',
            personIds: officers.map((m) => m.person.personId),
          },
        ),
      );
    }
  }

  const cfo = activeRule(book, 'GB-CFO', body.asAt);
  if (cfo) {
    const designated = holders(body, 'chief_finance_officer');
    const [only] = designated;
    if (designated.length > 1) {
      violations.push(
        violationOf(
          cfo,
          subject,
          `${designated.length} members are designated Chief Finance Officer (${names(designated)}); reg 11(5) designates one`,
          {
            reason: 'multiple_designated',
            personIds: designated.map((m) => m.person.personId),
          },
        ),
      );
    } else if (only) {
      const unmet = cfoShortfalls(only.person.attributes);
      if (unmet.length) {
        violations.push(
          violationOf(
            cfo,
            subject,
            `The Chief Finance Officer ${names([only])} does not meet reg 11(3)(a): ${unmet.join(', ')}`,
            {
              reason: 'not_qualified',
              personId: only.person.personId,
              unmet,
            },
          ),
        );
      }
    } else {
      // With no designation, a single qualifying member is the CFO by reg 11(5); none or several is a breach.
      const qualifying = body.members.filter((m) => cfoShortfalls(m.person.attributes).length === 0);
      if (qualifying.length !== 1) {
        violations.push(
          violationOf(
            cfo,
            subject,
            qualifying.length === 0
              ? `No member on ${body.asAt} is a CCG employee with an accountancy qualification able to lead financial management`
              : `${qualifying.length} members qualify under reg 11(3)(a) (${names(qualifying)}) but none is designated Chief Finance Officer`,
            {
              reason: qualifying.length === 0 ? 'missing' : 'not_designated',
              personIds: qualifying.map((m) => m.person.personId),
            },
          ),
        );
      }
    }
  }
  return violations;
}
