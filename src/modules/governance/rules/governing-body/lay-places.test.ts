import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GovernanceViolation, GoverningBodyInput } from '../../model.ts';
import { loadGovernanceRuleBook } from '../rule-book.ts';
import {
  AS_AT,
  addPeople,
  compliantBody,
  patchAttributes,
  person,
  RULE_BOOK_URL,
  withPerson,
  withRoles,
} from '../test-fixtures.ts';
import { checkLayPlaces } from './lay-places.ts';
import { seatGoverningBody } from './seating.ts';

const book = loadGovernanceRuleBook(JSON.parse(readFileSync(RULE_BOOK_URL, 'utf8')));
const body = compliantBody();
const summary = (v: GovernanceViolation) => `${v.ruleId}:${v.detail?.reason}`;
const check = (input: GoverningBodyInput) =>
  checkLayPlaces(seatGoverningBody(input, AS_AT), book).map(summary);

describe('reg 11(3)(d)–(e), 12(3)–(4), s14N(6): the two lay members', () => {
  it.each<[string, GoverningBodyInput, string[]]>([
    ['compliant', body, []],
    ['no audit lay member', withPerson(body, 'audit', null), ['GB-LAY-AUDIT:missing']],
    [
      'the audit lay member lacks finance and audit expertise',
      withPerson(body, 'audit', patchAttributes({ financeAndAuditExpertise: false })),
      ['GB-LAY-AUDIT:not_qualified'],
    ],
    [
      'a CCG member is not a lay person',
      withPerson(body, 'audit', patchAttributes({ isIndividualMemberOfCcg: true })),
      ['GB-LAY-AUDIT:not_qualified'],
    ],
    [
      'a health care professional (e.g. a pharmacist) is not a lay person',
      withPerson(body, 'deputy', patchAttributes({ otherHealthCareProfessional: true })),
      ['GB-LAY-PPI:not_qualified'],
    ],
    [
      'no area-knowledge lay member',
      withPerson(body, 'deputy', withRoles(['deputy_chair'])),
      ['GB-LAY-PPI:missing'],
    ],
    [
      'one person in both lay places',
      withPerson(withPerson(body, 'audit', null), 'deputy', (p) =>
        withRoles(['deputy_chair', 'lay_member_ppi', 'lay_member_audit'])(
          patchAttributes({ financeAndAuditExpertise: true })(p),
        ),
      ),
      ['GB-LAY-PPI:same_person_as_audit_lay'],
    ],
    [
      'one person qualified for both places is fine when another lay person fills one of them',
      addPeople(
        withPerson(body, 'audit', (p) =>
          withRoles(['lay_member_audit', 'lay_member_ppi'])(patchAttributes({ knowledgeOfArea: true })(p)),
        ),
        person('lay3', ['other']),
      ),
      [],
    ],
    [
      'both missing',
      withPerson(withPerson(body, 'audit', null), 'deputy', withRoles(['deputy_chair'])),
      ['GB-LAY-AUDIT:missing', 'GB-LAY-PPI:missing'],
    ],
  ])('%s', (_case, input, expected) => {
    expect(check(input)).toEqual(expected);
  });

  it('says why each holder fails', () => {
    const input = withPerson(
      body,
      'audit',
      patchAttributes({ nmcRegisteredNurse: true, financeAndAuditExpertise: false }),
    );
    const [violation] = checkLayPlaces(seatGoverningBody(input, AS_AT), book);
    expect(violation?.detail).toEqual({
      reason: 'not_qualified',
      holders: [{ personId: 'audit', unmet: ['health_care_professional', 'no_finance_and_audit_expertise'] }],
    });
  });
});
