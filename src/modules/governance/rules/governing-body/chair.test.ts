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
import { checkChair } from './chair.ts';
import { seatGoverningBody } from './seating.ts';

const book = loadGovernanceRuleBook(JSON.parse(readFileSync(RULE_BOOK_URL, 'utf8')));
const body = compliantBody();
const summary = (v: GovernanceViolation) =>
  `${v.ruleId}:${v.subjectCode}${v.detail?.reason ? `:${v.detail.reason}` : ''}`;
const check = (input: GoverningBodyInput, rules = book) =>
  checkChair(seatGoverningBody(input, AS_AT), rules).map(summary);

const withoutDeputy = withPerson(body, 'deputy', withRoles(['lay_member_ppi']));
/** The compliant body with a third lay member, `laychair`, as chair, and a GP as deputy. */
const layChaired = withPerson(
  withPerson(addPeople(withoutDeputy, person('laychair', ['chair'])), 'chair', withRoles(['gp_member'])),
  'gp2',
  withRoles(['gp_member', 'deputy_chair']),
);

describe('reg 11(1) and reg 13: chair and deputy chair', () => {
  it.each<[string, GoverningBodyInput, string[]]>([
    ['compliant: GP chair, lay deputy', body, []],
    ['compliant: lay chair, GP deputy', layChaired, []],
    ['no chair', withPerson(body, 'chair', withRoles(['gp_member'])), ['GB-CHAIR:00X:missing']],
    ['two chairs', withPerson(body, 'gp2', withRoles(['gp_member', 'chair'])), ['GB-CHAIR:00X:multiple']],
    ['no deputy chair', withoutDeputy, ['GB-DEPUTY-CHAIR:00X:missing']],
    [
      'the chair is also the deputy chair',
      withPerson(withoutDeputy, 'chair', withRoles(['chair', 'deputy_chair', 'gp_member'])),
      ['GB-DEPUTY-CHAIR:chair:same_as_chair'],
    ],
    // Confirmed (secondary): a lay chair may not be the lay member with the financial expertise.
    [
      'the audit lay member chairs',
      withPerson(withPerson(layChaired, 'laychair', null), 'audit', withRoles(['lay_member_audit', 'chair'])),
      ['GB-CHAIR-NOT-AUDIT-LAY:audit'],
    ],
    // Unconfirmed readings of reg 13.
    [
      'the chair is neither lay nor a GP of a member practice (a consultant)',
      withPerson(layChaired, 'laychair', patchAttributes({ gmcSpecialistRegisterOrEligible: true })),
      ['GB-CHAIR-LAY-OR-GP:laychair', 'GB-DEPUTY-LAY-IF-CHAIR-NOT-LAY:gp2'],
    ],
    [
      'GP chair with a GP deputy',
      withPerson(
        withPerson(body, 'deputy', withRoles(['lay_member_ppi'])),
        'gp2',
        withRoles(['gp_member', 'deputy_chair']),
      ),
      ['GB-DEPUTY-LAY-IF-CHAIR-NOT-LAY:gp2'],
    ],
    [
      'the accountable officer chairs',
      withPerson(
        withPerson(body, 'chair', withRoles(['gp_member'])),
        'ao',
        withRoles(['accountable_officer', 'chair']),
      ),
      ['GB-CHAIR-NOT-AO-CFO:ao'],
    ],
  ])('%s', (_case, input, expected) => {
    expect(check(input).sort()).toEqual([...expected].sort());
  });

  it.each([
    [
      'GB-CHAIR-LAY-OR-GP',
      withPerson(layChaired, 'laychair', patchAttributes({ gmcSpecialistRegisterOrEligible: true })),
    ],
    [
      'GB-DEPUTY-LAY-IF-CHAIR-NOT-LAY',
      withPerson(
        withPerson(body, 'deputy', withRoles(['lay_member_ppi'])),
        'gp2',
        withRoles(['gp_member', 'deputy_chair']),
      ),
    ],
    [
      'GB-CHAIR-NOT-AO-CFO',
      withPerson(
        withPerson(body, 'chair', withRoles(['gp_member'])),
        'ao',
        withRoles(['accountable_officer', 'chair']),
      ),
    ],
  ] as const)('the unconfirmed reading %s can be switched off', (ruleId, input) => {
    expect(check(input).some((s) => s.startsWith(`${ruleId}:`))).toBe(true);
    expect(
      check(input, bookWith(book, ruleId, { enabled: false })).some((s) => s.startsWith(`${ruleId}:`)),
    ).toBe(false);
  });
});
