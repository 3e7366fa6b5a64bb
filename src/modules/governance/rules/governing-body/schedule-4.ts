/**
 * Reg 12(5) and Schedule 4: who may not be a lay member. Paragraphs 1–11 are confirmed verbatim
 * (para 10 is a definition and is never hit); para 12 is cut off in our copy, so it is the separate
 * unconfirmed switch GB-LAY-SCH4-DENTAL. One violation per lay member and paragraph hit.
 */
import type {
  EmploymentOrOffice,
  GovernanceRuleBook,
  GovernanceRuleDefinition,
  GovernanceViolation,
  OfficeRole,
  OrganisationKind,
} from '../../model.ts';
import { activeRule } from '../rule-book.ts';
import { violationOf } from '../violation.ts';
import {
  describeOffice,
  names,
  officeCodeIn,
  officeDetail,
  officesInForce,
  personSubject,
  type SeatedBody,
  type SeatedMember,
} from './seating.ts';

interface Paragraph {
  readonly paragraph: number;
  readonly summary: string;
  readonly kinds: readonly OrganisationKind[];
  readonly roles: readonly OfficeRole[];
  /** Also hit when the office's ODS code is in this context set, whatever its kind. */
  readonly codesFrom?: 'commissionedProviderCodes' | 'memberPracticeCodes';
}

/** "an individual who provides any services …, or an employee or member (including shareholder) of, or a partner in, a body which does so" */
const PROVIDER_ROLES: readonly OfficeRole[] = ['contractor', 'employee', 'member', 'shareholder', 'partner'];

export const SCHEDULE_4_PARAGRAPHS: readonly Paragraph[] = [
  {
    paragraph: 1,
    summary: 'an employee of a local authority',
    kinds: ['local_authority'],
    roles: ['employee'],
  },
  {
    paragraph: 2,
    summary: 'an officer or employee of the Department of Health',
    kinds: ['department_of_health'],
    roles: ['officer', 'employee'],
  },
  {
    paragraph: 3,
    summary: 'a chairman, director, member or employee of an NHS body other than a CCG, FT or PCT',
    kinds: ['nhs_body'],
    roles: ['chair', 'director', 'member', 'employee'],
  },
  {
    paragraph: 4,
    summary: 'a chairman, director, governor, member or employee of an NHS foundation trust',
    kinds: ['foundation_trust'],
    roles: ['chair', 'director', 'governor', 'member', 'employee'],
  },
  { paragraph: 5, summary: 'an employee of a Primary Care Trust', kinds: ['pct'], roles: ['employee'] },
  { paragraph: 6, summary: 'a member or employee of the CQC', kinds: ['cqc'], roles: ['member', 'employee'] },
  {
    paragraph: 7,
    summary: 'a member or employee of Monitor',
    kinds: ['monitor'],
    roles: ['member', 'employee'],
  },
  {
    paragraph: 8,
    summary:
      'a provider of services under arrangements made by the CCG, or its employee, member, shareholder or partner',
    kinds: ['provider_commissioned_by_ccg'],
    roles: PROVIDER_ROLES,
    codesFrom: 'commissionedProviderCodes',
  },
  {
    // GP practices provide primary medical services under arrangements made by the Board from April 2013.
    paragraph: 9,
    summary:
      'a provider of services under arrangements made by the Board, or its employee, member, shareholder or partner',
    kinds: ['provider_commissioned_by_board', 'member_practice', 'gp_practice'],
    roles: PROVIDER_ROLES,
    codesFrom: 'memberPracticeCodes',
  },
  {
    paragraph: 11,
    summary: 'a person contracting with a local authority to provide social services, or their employee',
    kinds: ['social_services_contractor'],
    roles: ['contractor', 'employee'],
  },
];

const DENTAL: Paragraph = {
  paragraph: 12,
  summary: 'an employee of a party to arrangements to perform dental services (rest of the text unconfirmed)',
  kinds: ['dental_arrangements_party'],
  roles: ['employee'],
};

function hits(paragraph: Paragraph, office: EmploymentOrOffice, body: SeatedBody): boolean {
  if (!paragraph.roles.includes(office.role)) return false;
  if (paragraph.kinds.includes(office.organisationKind)) return true;
  return paragraph.codesFrom !== undefined && officeCodeIn(office, body[paragraph.codesFrom]);
}

function paragraphViolations(
  rule: GovernanceRuleDefinition,
  paragraphs: readonly Paragraph[],
  member: SeatedMember,
  body: SeatedBody,
): GovernanceViolation[] {
  const offices = officesInForce(member.person, body.asAt);
  return paragraphs.flatMap((paragraph) => {
    const matched = offices.filter((office) => hits(paragraph, office, body));
    if (matched.length === 0) return [];
    return [
      violationOf(
        rule,
        personSubject(member),
        `Lay member ${names([member])} is excluded by Schedule 4 para ${paragraph.paragraph} (${paragraph.summary}): ${matched
          .map(describeOffice)
          .join('; ')}`,
        { paragraph: paragraph.paragraph, offices: matched.map(officeDetail) },
        `para ${paragraph.paragraph}`,
      ),
    ];
  });
}

export function checkSchedule4(body: SeatedBody, book: GovernanceRuleBook): GovernanceViolation[] {
  const confirmed = activeRule(book, 'GB-LAY-SCH4-EXCLUSION', body.asAt);
  const dental = activeRule(book, 'GB-LAY-SCH4-DENTAL', body.asAt);
  const layMembers = body.members.filter(
    (m) => m.roles.has('lay_member_audit') || m.roles.has('lay_member_ppi'),
  );
  return layMembers.flatMap((member) => [
    ...(confirmed ? paragraphViolations(confirmed, SCHEDULE_4_PARAGRAPHS, member, body) : []),
    ...(dental ? paragraphViolations(dental, [DENTAL], member, body) : []),
  ]);
}
