import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GovernanceViolation, GoverningBodyInput } from '../../model.ts';
import { loadGovernanceRuleBook } from '../rule-book.ts';
import {
  AS_AT,
  addPeople,
  bookWith,
  compliantBody,
  patchAttributes,
  person,
  RULE_BOOK_URL,
  withPerson,
  withRoles,
} from '../test-fixtures.ts';
import { checkOfficers } from './officers.ts';
import { seatGoverningBody } from './seating.ts';

const book = loadGovernanceRuleBook(JSON.parse(readFileSync(RULE_BOOK_URL, 'utf8')));
const body = compliantBody();
const summary = (v: GovernanceViolation) => `${v.ruleId}:${v.detail?.reason ?? ''}`;
const check = (input: GoverningBodyInput, asAt = AS_AT, rules = book) =>
  checkOfficers(seatGoverningBody(input, asAt), rules).map(summary);

const qualifiedCfo = {
  isCcgEmployee: true,
  hasAccountancyQualification: true,
  canLeadFinancialManagement: true,
};

describe('reg 11(1), 11(2), 11(3)(a) and 11(5): size, accountable officer, CFO', () => {
  it.each<[string, GoverningBodyInput, string[]]>([
    ['compliant: eight members, one AO, one qualified CFO', body, []],
    ['six members is enough', withPerson(withPerson(body, 'gp2', null), 'doctor', null), []],
    [
      'five members is too few',
      withPerson(withPerson(withPerson(body, 'gp2', null), 'doctor', null), 'nurse', null),
      ['GB-MIN-SIZE:'],
    ],
    [
      'no accountable officer',
      withPerson(body, 'ao', withRoles(['other'])),
      ['GB-ACCOUNTABLE-OFFICER:missing'],
    ],
    [
      'two accountable officers',
      addPeople(body, person('ao2', ['accountable_officer'])),
      ['GB-ACCOUNTABLE-OFFICER:multiple'],
    ],
    [
      'the designated CFO is not a CCG employee',
      withPerson(body, 'cfo', patchAttributes({ isCcgEmployee: false })),
      ['GB-CFO:not_qualified'],
    ],
    [
      'the designated CFO has no accountancy qualification',
      withPerson(body, 'cfo', patchAttributes({ hasAccountancyQualification: false })),
      ['GB-CFO:not_qualified'],
    ],
    [
      'no designated CFO, but exactly one member qualifies: that member is the CFO (reg 11(5))',
      withPerson(body, 'cfo', withRoles(['other'])),
      [],
    ],
    ['no designated CFO and no qualifying member', withPerson(body, 'cfo', null), ['GB-CFO:missing']],
    [
      'two qualifying members and none designated',
      addPeople(withPerson(body, 'cfo', withRoles(['other'])), person('fin2', ['other'], qualifiedCfo)),
      ['GB-CFO:not_designated'],
    ],
    [
      'two designated CFOs',
      addPeople(body, person('cfo2', ['chief_finance_officer'], qualifiedCfo)),
      ['GB-CFO:multiple_designated'],
    ],
  ])('%s', (_case, input, expected) => {
    expect(check(input)).toEqual(expected);
  });

  it('counts only appointments in force on the date', () => {
    const left = withPerson(body, 'ao', (p) => ({
      ...p,
      appointments: p.appointments.map((a) => ({ ...a, endDate: '2013-05-31' })),
    }));
    expect(check(left, '2013-05-31')).toEqual([]);
    expect(check(left, '2013-06-01')).toEqual(['GB-ACCOUNTABLE-OFFICER:missing']);
  });

  it('reads the minimum size from the rule book, and stops applying it after SI 2022/316', () => {
    expect(check(body, AS_AT, bookWith(book, 'GB-MIN-SIZE', { parameters: { minimumMembers: 9 } }))).toEqual([
      'GB-MIN-SIZE:',
    ]);
    const tiny = withPerson(withPerson(withPerson(body, 'gp2', null), 'doctor', null), 'nurse', null);
    expect(check(tiny, '2022-04-13')).toEqual(['GB-MIN-SIZE:']);
    expect(check(tiny, '2022-04-14')).toEqual([]);
  });

  it('reports the size found and the minimum, with the rule’s legal reference', () => {
    const [violation] = checkOfficers(
      seatGoverningBody(
        withPerson(withPerson(withPerson(body, 'gp2', null), 'doctor', null), 'nurse', null),
        AS_AT,
      ),
      book,
    );
    expect(violation).toMatchObject({
      ruleId: 'GB-MIN-SIZE',
      legalRef: 'CCG Regs 2012 (SI 2012/1631) reg 11(1)',
      subjectType: 'ccg',
      subjectCode: '00X',
      detail: { members: 5, minimum: 6 },
    });
  });
});
