import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GovernanceViolation, GoverningBodyInput, GoverningBodyPerson } from '../../model.ts';
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
import { checkSchedule5 } from './schedule-5.ts';
import { seatGoverningBody } from './seating.ts';

const book = loadGovernanceRuleBook(JSON.parse(readFileSync(RULE_BOOK_URL, 'utf8')));
const summary = (v: GovernanceViolation) => `${v.ruleId}#${v.detail?.paragraph}`;
const patchGp = (patch: (p: GoverningBodyPerson) => GoverningBodyPerson): GoverningBodyInput =>
  withPerson(compliantBody(), 'gp2', patch);
const check = (input: GoverningBodyInput, rules = book) =>
  checkSchedule5(seatGoverningBody(input, AS_AT), rules).map(summary);

// gp2 was appointed on 2013-04-01, so the five-year look-back runs from 2008-04-01.
const conviction =
  (overrides: Partial<GoverningBodyPerson['convictions'][number]> = {}) =>
  (p: GoverningBodyPerson) => ({
    ...p,
    convictions: [
      {
        convictedOn: '2010-05-01',
        description: 'fraud',
        imprisonmentMonths: 6,
        suspended: true,
        optionOfFine: false,
        outsideUk: false,
        wouldBeOffenceInUk: true,
        ...overrides,
      },
    ],
  });
const dismissal =
  (overrides: Partial<GoverningBodyPerson['dismissals'][number]> = {}) =>
  (p: GoverningBodyPerson) => ({
    ...p,
    dismissals: [
      {
        dismissedOn: '2011-01-31',
        employerName: 'A Trust',
        employerKind: 'foundation_trust' as const,
        redundancy: false,
        ...overrides,
      },
    ],
  });

describe('reg 12(6) and Schedule 5: disqualification from the governing body', () => {
  it.each<[string, GoverningBodyInput, string[]]>([
    ['compliant', compliantBody(), []],
    [
      'para 1: an MP',
      patchGp(withOffices(office({ organisationKind: 'parliament', role: 'member' }))),
      ['GB-SCH5-DISQUALIFICATION#1'],
    ],
    // Lord Hunt's example: a GP who is a councillor is barred.
    [
      'para 2: a GP who is a councillor',
      patchGp(withOffices(office({ organisationKind: 'local_authority', role: 'member' }))),
      ['GB-SCH5-DISQUALIFICATION#2'],
    ],
    [
      'a local authority employee is not a member of it',
      patchGp(withOffices(office({ organisationKind: 'local_authority' }))),
      [],
    ],
    [
      'para 3: employee of the CSU supporting the CCG',
      patchGp(withOffices(office({ organisationKind: 'commissioning_support_supplier' }))),
      ['GB-SCH5-DISQUALIFICATION#3'],
    ],
    [
      'para 3(2): a provider of services the CCG commissions is not commissioning support',
      patchGp(withOffices(office({ organisationKind: 'provider_commissioned_by_ccg' }))),
      [],
    ],
    [
      'para 4: a suspended 6-month sentence within 5 years',
      patchGp(conviction()),
      ['GB-SCH5-DISQUALIFICATION#4'],
    ],
    [
      'para 4: exactly 3 months counts',
      patchGp(conviction({ imprisonmentMonths: 3 })),
      ['GB-SCH5-DISQUALIFICATION#4'],
    ],
    ['a sentence under 3 months does not', patchGp(conviction({ imprisonmentMonths: 2 })), []],
    ['a sentence with the option of a fine does not', patchGp(conviction({ optionOfFine: true })), []],
    ['no custodial sentence', patchGp(conviction({ imprisonmentMonths: null })), []],
    [
      'a conviction more than 5 years before appointment',
      patchGp(conviction({ convictedOn: '2008-03-31' })),
      [],
    ],
    [
      'a conviction exactly 5 years before appointment',
      patchGp(conviction({ convictedOn: '2008-04-01' })),
      ['GB-SCH5-DISQUALIFICATION#4'],
    ],
    [
      'abroad, for what would be an offence in the UK',
      patchGp(conviction({ outsideUk: true, wouldBeOffenceInUk: true })),
      ['GB-SCH5-DISQUALIFICATION#4'],
    ],
    [
      'abroad, for what would not be an offence in the UK',
      patchGp(conviction({ outsideUk: true, wouldBeOffenceInUk: false })),
      [],
    ],
    [
      'para 5: a bankruptcy restrictions order in force',
      patchGp((p) => ({
        ...p,
        bankruptcyRestrictions: [{ kind: 'order', startDate: '2012-01-01', endDate: '2016-01-01' }],
      })),
      ['GB-SCH5-DISQUALIFICATION#5'],
    ],
    [
      'para 5: an interim order in force',
      patchGp((p) => ({
        ...p,
        bankruptcyRestrictions: [{ kind: 'interim_order', startDate: '2013-06-01', endDate: null }],
      })),
      ['GB-SCH5-DISQUALIFICATION#5'],
    ],
    [
      'an order that has expired',
      patchGp((p) => ({
        ...p,
        bankruptcyRestrictions: [{ kind: 'order', startDate: '2005-01-01', endDate: '2010-01-01' }],
      })),
      [],
    ],
    ['para 6: dismissed by a foundation trust', patchGp(dismissal()), ['GB-SCH5-DISQUALIFICATION#6']],
    [
      'para 6: dismissed by a CCG',
      patchGp(dismissal({ employerKind: 'ccg' })),
      ['GB-SCH5-DISQUALIFICATION#6'],
    ],
    ['dismissed for redundancy', patchGp(dismissal({ redundancy: true })), []],
    ['dismissed by an unlisted employer', patchGp(dismissal({ employerKind: 'other' })), []],
    ['dismissed more than 5 years before appointment', patchGp(dismissal({ dismissedOn: '2007-12-31' })), []],
    [
      'dismissed by a health body not among the para 6(1) items read (unconfirmed warning)',
      patchGp(dismissal({ employerKind: 'other_health_body' })),
      ['GB-SCH5-DISMISSAL-UNLISTED#6'],
    ],
    [
      'several paragraphs at once, one violation each',
      patchGp((p) =>
        conviction()(
          withOffices(
            office({ organisationKind: 'parliament', role: 'member' }),
            office({ organisationKind: 'local_authority', role: 'member' }),
          )(p),
        ),
      ),
      ['GB-SCH5-DISQUALIFICATION#1', 'GB-SCH5-DISQUALIFICATION#2', 'GB-SCH5-DISQUALIFICATION#4'],
    ],
  ])('%s', (_case, input, expected) => {
    expect(check(input)).toEqual(expected);
  });

  it('applies to every member, the accountable officer included', () => {
    const input = withPerson(
      compliantBody(),
      'ao',
      withOffices(office({ organisationKind: 'parliament', role: 'member' })),
    );
    const [violation] = checkSchedule5(seatGoverningBody(input, AS_AT), book);
    expect(violation).toMatchObject({
      subjectType: 'person',
      subjectCode: 'ao',
      legalRef: 'CCG Regs 2012 (SI 2012/1631) reg 12(6) and Sch 5 para 1',
    });
  });

  it('names the appointment the look-back was measured from', () => {
    const [violation] = checkSchedule5(seatGoverningBody(patchGp(conviction()), AS_AT), book);
    expect(violation?.detail).toMatchObject({
      paragraph: 4,
      convictions: [{ convictedOn: '2010-05-01', appointmentIds: ['A-gp2'] }],
    });
  });

  it('the look-back is a parameter, and the unconfirmed dismissal warning a switch', () => {
    const shortLookBack = bookWith(book, 'GB-SCH5-DISQUALIFICATION', {
      parameters: { lookbackYears: 2, minimumImprisonmentMonths: 3 },
    });
    expect(check(patchGp(conviction()), shortLookBack)).toEqual([]);
    const unlisted = patchGp(dismissal({ employerKind: 'other_health_body' }));
    expect(check(unlisted, bookWith(book, 'GB-SCH5-DISMISSAL-UNLISTED', { enabled: false }))).toEqual([]);
  });
});
