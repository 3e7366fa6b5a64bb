/**
 * Reg 12(6) and Schedule 5: who is disqualified from the governing body. Paragraphs 1–5 are confirmed
 * verbatim and para 6 in part; paras 7–10 were not read and are not checked. One violation per
 * member and paragraph hit. Dismissals by a health body not among the para 6(1) items read are the
 * unconfirmed warning GB-SCH5-DISMISSAL-UNLISTED.
 */
import type {
  DismissalEmployerKind,
  GovernanceRuleBook,
  GovernanceRuleDefinition,
  GovernanceViolation,
  OfficeRole,
  OrganisationKind,
} from '../../model.ts';
import { addYears, inPeriod, isIsoDate } from '../dates.ts';
import { activeRule, numberParameter } from '../rule-book.ts';
import { violationOf } from '../violation.ts';
import {
  describeOffice,
  names,
  officeDetail,
  officesInForce,
  personSubject,
  type SeatedBody,
  type SeatedMember,
} from './seating.ts';

const OFFICE_PARAGRAPHS: readonly {
  paragraph: number;
  summary: string;
  kind: OrganisationKind;
  roles: readonly OfficeRole[];
}[] = [
  {
    paragraph: 1,
    summary: 'an MP, MEP or member of the London Assembly',
    kind: 'parliament',
    roles: ['member'],
  },
  { paragraph: 2, summary: 'a member of a local authority', kind: 'local_authority', roles: ['member'] },
  {
    paragraph: 3,
    summary:
      'a supplier of commissioning support to the CCG, or its employee, member, shareholder or partner',
    kind: 'commissioning_support_supplier',
    roles: ['contractor', 'employee', 'member', 'shareholder', 'partner'],
  },
];

/** The para 6(1) employers read: (a) the Board, (b) a CCG, (f) an FT, (h) an LHB, (u), (v), (y) NI bodies. */
const LISTED_EMPLOYERS: ReadonlySet<DismissalEmployerKind> = new Set([
  'nhs_commissioning_board',
  'ccg',
  'foundation_trust',
  'local_health_board',
  'ni_regional_agency_public_health',
  'ni_regional_business_services',
  'ni_patient_client_council',
]);

/** Whether `date` falls in the `years` before the start of any in-force appointment ("the proposed appointment"). */
function appointmentsWithin(member: SeatedMember, date: string, years: number): string[] {
  return member.appointments
    .filter((a) => isIsoDate(date) && inPeriod(date, addYears(a.startDate, -years), a.startDate))
    .map((a) => a.appointmentId);
}

function disqualification(
  rule: GovernanceRuleDefinition,
  member: SeatedMember,
  paragraph: number,
  summary: string,
  facts: readonly string[],
  detail: Record<string, unknown>,
): GovernanceViolation {
  return violationOf(
    rule,
    personSubject(member),
    `${names([member])} is disqualified by Schedule 5 para ${paragraph} (${summary}): ${facts.join('; ')}`,
    { paragraph, ...detail },
    `para ${paragraph}`,
  );
}

function confirmedParagraphs(
  rule: GovernanceRuleDefinition,
  member: SeatedMember,
  body: SeatedBody,
): GovernanceViolation[] {
  const years = numberParameter(rule, 'lookbackYears');
  const minimumMonths = numberParameter(rule, 'minimumImprisonmentMonths');
  const violations: GovernanceViolation[] = [];
  const offices = officesInForce(member.person, body.asAt);
  for (const p of OFFICE_PARAGRAPHS) {
    const matched = offices.filter((o) => o.organisationKind === p.kind && p.roles.includes(o.role));
    if (matched.length) {
      violations.push(
        disqualification(rule, member, p.paragraph, p.summary, matched.map(describeOffice), {
          offices: matched.map(officeDetail),
        }),
      );
    }
  }

  const convictions = member.person.convictions.flatMap((c) => {
    const custodial =
      c.imprisonmentMonths !== null && c.imprisonmentMonths >= minimumMonths && !c.optionOfFine;
    const offence = !c.outsideUk || c.wouldBeOffenceInUk;
    const appointmentIds = custodial && offence ? appointmentsWithin(member, c.convictedOn, years) : [];
    return appointmentIds.length ? [{ conviction: c, appointmentIds }] : [];
  });
  if (convictions.length) {
    violations.push(
      disqualification(
        rule,
        member,
        4,
        `convicted within ${years} years before appointment and sentenced to at least ${minimumMonths} months' imprisonment without the option of a fine`,
        convictions.map(
          ({ conviction: c }) =>
            `${c.description}, ${c.convictedOn}, ${c.imprisonmentMonths} months${c.suspended ? ' suspended' : ''}`,
        ),
        {
          convictions: convictions.map(({ conviction, appointmentIds }) => ({
            ...conviction,
            appointmentIds,
          })),
        },
      ),
    );
  }

  const restrictions = member.person.bankruptcyRestrictions.filter(
    (r) =>
      isIsoDate(r.startDate) &&
      (r.endDate === null || isIsoDate(r.endDate)) &&
      inPeriod(body.asAt, r.startDate, r.endDate),
  );
  if (restrictions.length) {
    violations.push(
      disqualification(
        rule,
        member,
        5,
        'subject to a bankruptcy restrictions order or interim order',
        restrictions.map((r) => `${r.kind === 'order' ? 'order' : 'interim order'} from ${r.startDate}`),
        { bankruptcyRestrictions: restrictions },
      ),
    );
  }

  const dismissals = dismissalsWithin(member, years, (kind) => LISTED_EMPLOYERS.has(kind));
  if (dismissals.length) {
    violations.push(
      disqualification(
        rule,
        member,
        6,
        `dismissed, other than for redundancy, within ${years} years before appointment by a listed health body`,
        dismissals.map(({ dismissal: d }) => `${d.employerName}, ${d.dismissedOn}`),
        { dismissals: dismissals.map(({ dismissal, appointmentIds }) => ({ ...dismissal, appointmentIds })) },
      ),
    );
  }
  return violations;
}

function dismissalsWithin(
  member: SeatedMember,
  years: number,
  employer: (kind: DismissalEmployerKind) => boolean,
) {
  return member.person.dismissals.flatMap((dismissal) => {
    if (dismissal.redundancy || !employer(dismissal.employerKind)) return [];
    const appointmentIds = appointmentsWithin(member, dismissal.dismissedOn, years);
    return appointmentIds.length ? [{ dismissal, appointmentIds }] : [];
  });
}

export function checkSchedule5(body: SeatedBody, book: GovernanceRuleBook): GovernanceViolation[] {
  const confirmed = activeRule(book, 'GB-SCH5-DISQUALIFICATION', body.asAt);
  const unlisted = activeRule(book, 'GB-SCH5-DISMISSAL-UNLISTED', body.asAt);
  return body.members.flatMap((member) => {
    const violations = confirmed ? confirmedParagraphs(confirmed, member, body) : [];
    if (unlisted) {
      const years = numberParameter(unlisted, 'lookbackYears');
      const dismissals = dismissalsWithin(member, years, (kind) => kind === 'other_health_body');
      if (dismissals.length) {
        violations.push(
          violationOf(
            unlisted,
            personSubject(member),
            `${names([member])} was dismissed, other than for redundancy, within ${years} years before appointment by a health body that may be on the Schedule 5 para 6(1) list (not all of it has been read): ${dismissals
              .map(({ dismissal: d }) => `${d.employerName}, ${d.dismissedOn}`)
              .join('; ')}; check it against the full list`,
            {
              paragraph: 6,
              dismissals: dismissals.map(({ dismissal, appointmentIds }) => ({
                ...dismissal,
                appointmentIds,
              })),
            },
            'para 6(1)',
          ),
        );
      }
    }
    return violations;
  });
}
