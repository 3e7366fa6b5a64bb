import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GovernanceViolation, GoverningBodyInput } from '../../model.ts';
import { loadGovernanceRuleBook } from '../rule-book.ts';
import {
  AS_AT,
  compliantBody,
  patchAttributes,
  RULE_BOOK_URL,
  withPerson,
  withRoles,
} from '../test-fixtures.ts';
import { checkClinicalPlaces } from './clinical-places.ts';
import { seatGoverningBody } from './seating.ts';

const book = loadGovernanceRuleBook(JSON.parse(readFileSync(RULE_BOOK_URL, 'utf8')));
const body = compliantBody();
const summary = (v: GovernanceViolation) => `${v.ruleId}:${v.detail?.reason}`;
const check = (input: GoverningBodyInput, asAt = AS_AT) =>
  checkClinicalPlaces(seatGoverningBody(input, asAt), book).map(summary);

describe('reg 11(3)(b), (c) and (6): registered nurse and secondary care specialist', () => {
  it.each<[string, GoverningBodyInput, string[]]>([
    ['compliant', body, []],
    // Wave 1: five CCGs were authorised with a condition for having no nurse on the governing body.
    ['no nurse', withPerson(body, 'nurse', null), ['GB-NURSE:missing']],
    [
      'the nurse place is held by someone not on the NMC register',
      withPerson(body, 'nurse', patchAttributes({ nmcRegisteredNurse: false })),
      ['GB-NURSE:not_qualified'],
    ],
    ['no secondary care doctor', withPerson(body, 'doctor', null), ['GB-SECONDARY-CARE-DOCTOR:missing']],
    [
      'the doctor is not on (or eligible for) the Specialist Register',
      withPerson(body, 'doctor', patchAttributes({ gmcSpecialistRegisterOrEligible: false })),
      ['GB-SECONDARY-CARE-DOCTOR:not_qualified'],
    ],
    [
      'the doctor has held no consultant post within 10 years of appointment',
      withPerson(body, 'doctor', patchAttributes({ nhsConsultantWithin10Years: false })),
      ['GB-SECONDARY-CARE-DOCTOR:not_qualified'],
    ],
    [
      'a GP cannot fill the secondary care place',
      withPerson(body, 'doctor', patchAttributes({ onGpRegister: true })),
      ['GB-SECONDARY-CARE-DOCTOR:not_qualified'],
    ],
    [
      'a qualified nurse holding another role does not fill the nurse place',
      withPerson(body, 'nurse', withRoles(['other'])),
      ['GB-NURSE:missing'],
    ],
  ])('%s', (_case, input, expected) => {
    expect(check(input)).toEqual(expected);
  });

  it('names each unmet condition of reg 11(6)', () => {
    const input = withPerson(
      body,
      'doctor',
      patchAttributes({
        gmcSpecialistRegisterOrEligible: false,
        nhsConsultantWithin10Years: false,
        onGpRegister: true,
      }),
    );
    const [violation] = checkClinicalPlaces(seatGoverningBody(input, AS_AT), book);
    expect(violation?.detail).toEqual({
      reason: 'not_qualified',
      holders: [
        {
          personId: 'doctor',
          unmet: ['not_on_specialist_register', 'no_consultant_post_within_10_years', 'on_gp_register'],
        },
      ],
    });
  });
});
