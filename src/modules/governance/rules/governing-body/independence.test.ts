import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GovernanceViolation, GoverningBodyInput } from '../../model.ts';
import { loadGovernanceRuleBook } from '../rule-book.ts';
import {
  AS_AT,
  bookWith,
  compliantBody,
  office,
  RULE_BOOK_URL,
  withOffices,
  withPerson,
} from '../test-fixtures.ts';
import { checkIndependence } from './independence.ts';
import { seatGoverningBody } from './seating.ts';

const book = loadGovernanceRuleBook(JSON.parse(readFileSync(RULE_BOOK_URL, 'utf8')));
const body = compliantBody();
const summary = (v: GovernanceViolation) =>
  `${v.ruleId}:${(v.detail!.ties as { limb: string }[]).map((t) => t.limb).join('+')}`;
const check = (input: GoverningBodyInput, rules = book) =>
  checkIndependence(seatGoverningBody(input, AS_AT), rules).map(summary);

const commissionedTrust = office({
  organisationName: 'Local Hospital',
  organisationCode: 'ra1',
  organisationKind: 'nhs_body',
});

describe('reg 12(1) as modelled (unconfirmed): nurse and secondary care doctor independent of providers', () => {
  it.each<[string, GoverningBodyInput, string[]]>([
    ['compliant: the nurse works for a trust the CCG does not commission', body, []],
    [
      'the nurse is employed by a trust the CCG commissions from (matched on its code)',
      withPerson(body, 'nurse', withOffices(commissionedTrust)),
      ['GB-NURSE-INDEPENDENT:commissioned_provider'],
    ],
    [
      'the doctor is a shareholder in a provider recorded as commissioned by the CCG',
      withPerson(
        body,
        'doctor',
        withOffices(office({ organisationKind: 'provider_commissioned_by_ccg', role: 'shareholder' })),
      ),
      ['GB-SECONDARY-CARE-INDEPENDENT:commissioned_provider'],
    ],
    [
      'a practice nurse employed by a member practice',
      withPerson(
        body,
        'nurse',
        withOffices(office({ organisationCode: 'P10001', organisationKind: 'gp_practice' })),
      ),
      ['GB-NURSE-INDEPENDENT:member_practice_employee'],
    ],
    [
      'a post that ended before the date does not count',
      withPerson(body, 'nurse', withOffices({ ...commissionedTrust, endDate: '2013-03-31' })),
      [],
    ],
    [
      'a governor of a commissioned trust is not in the modelled limbs',
      withPerson(body, 'doctor', withOffices({ ...commissionedTrust, role: 'governor' })),
      [],
    ],
    [
      'both ties on one person give one violation listing both',
      withPerson(
        body,
        'nurse',
        withOffices(
          commissionedTrust,
          office({ organisationCode: 'P10002', organisationKind: 'member_practice' }),
        ),
      ),
      ['GB-NURSE-INDEPENDENT:commissioned_provider+member_practice_employee'],
    ],
  ])('%s', (_case, input, expected) => {
    expect(check(input)).toEqual(expected);
  });

  it('each limb and the whole rule are switches', () => {
    const tied = withPerson(
      body,
      'nurse',
      withOffices(
        commissionedTrust,
        office({ organisationCode: 'P10002', organisationKind: 'member_practice' }),
      ),
    );
    const noPractice = bookWith(book, 'GB-NURSE-INDEPENDENT', {
      parameters: { providerStaff: true, memberPracticeEmployees: false },
    });
    expect(check(tied, noPractice)).toEqual(['GB-NURSE-INDEPENDENT:commissioned_provider']);
    expect(check(tied, bookWith(book, 'GB-NURSE-INDEPENDENT', { enabled: false }))).toEqual([]);
  });

  it('is a person-level violation that says the text is unconfirmed', () => {
    const [violation] = checkIndependence(
      seatGoverningBody(withPerson(body, 'nurse', withOffices(commissionedTrust)), AS_AT),
      book,
    );
    expect(violation).toMatchObject({ subjectType: 'person', subjectCode: 'nurse', severity: 'error' });
    expect(violation?.legalRef).toMatch(/reg 12\(1\).*UNCONFIRMED/);
    expect(violation?.message).toContain('Local Hospital (ra1)');
  });
});
