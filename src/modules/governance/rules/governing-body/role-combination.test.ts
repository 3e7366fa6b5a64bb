import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GovernanceViolation, GoverningBodyInput } from '../../model.ts';
import { loadGovernanceRuleBook } from '../rule-book.ts';
import { AS_AT, bookWith, compliantBody, RULE_BOOK_URL, withPerson, withRoles } from '../test-fixtures.ts';
import { checkRoleCombination } from './role-combination.ts';
import { seatGoverningBody } from './seating.ts';

const book = loadGovernanceRuleBook(JSON.parse(readFileSync(RULE_BOOK_URL, 'utf8')));
const body = compliantBody();
const summary = (v: GovernanceViolation) =>
  `${v.ruleId}:${v.subjectCode}:${(v.detail!.roles as string[]).join('+')}`;
const check = (input: GoverningBodyInput, rules = book) =>
  checkRoleCombination(seatGoverningBody(input, AS_AT), rules).map(summary);

describe('one person in two statutory places (unconfirmed reading of reg 11(3))', () => {
  it.each<[string, GoverningBodyInput, string[]]>([
    ['compliant: chair and deputy chair are not statutory places', body, []],
    [
      'the accountable officer is also the CFO',
      withPerson(body, 'ao', withRoles(['accountable_officer', 'chief_finance_officer'])),
      ['GB-ROLE-COMBINATION:ao:accountable_officer+chief_finance_officer'],
    ],
    [
      'the nurse is also the secondary care doctor',
      withPerson(body, 'nurse', withRoles(['registered_nurse', 'secondary_care_doctor'])),
      ['GB-ROLE-COMBINATION:nurse:registered_nurse+secondary_care_doctor'],
    ],
    // Both lay places on one person is GB-LAY-PPI's (confirmed) finding, not repeated here.
    [
      'both lay places on one person',
      withPerson(body, 'audit', withRoles(['lay_member_audit', 'lay_member_ppi'])),
      [],
    ],
    [
      'both lay places and the CFO place',
      withPerson(body, 'audit', withRoles(['lay_member_audit', 'lay_member_ppi', 'chief_finance_officer'])),
      ['GB-ROLE-COMBINATION:audit:chief_finance_officer+lay_member_audit+lay_member_ppi'],
    ],
  ])('%s', (_case, input, expected) => {
    expect(check(input)).toEqual(expected);
  });

  it('is a warning and a switch', () => {
    const input = withPerson(body, 'ao', withRoles(['accountable_officer', 'chief_finance_officer']));
    const [violation] = checkRoleCombination(seatGoverningBody(input, AS_AT), book);
    expect(violation?.severity).toBe('warning');
    expect(check(input, bookWith(book, 'GB-ROLE-COMBINATION', { enabled: false }))).toEqual([]);
  });
});
