import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EmploymentOrOffice, GovernanceViolation } from '../../model.ts';
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
import { checkSchedule4 } from './schedule-4.ts';
import { seatGoverningBody } from './seating.ts';

const book = loadGovernanceRuleBook(JSON.parse(readFileSync(RULE_BOOK_URL, 'utf8')));
const summary = (v: GovernanceViolation) => `${v.ruleId}#${v.detail?.paragraph}`;
const check = (personId: string, offices: EmploymentOrOffice[], rules = book) =>
  checkSchedule4(
    seatGoverningBody(withPerson(compliantBody(), personId, withOffices(...offices)), AS_AT),
    rules,
  ).map(summary);

describe('reg 12(5) and Schedule 4: exclusions from the lay member places', () => {
  it.each<[string, EmploymentOrOffice[], string[]]>([
    ['no offices', [], []],
    [
      'para 1: local authority employee',
      [office({ organisationKind: 'local_authority' })],
      ['GB-LAY-SCH4-EXCLUSION#1'],
    ],
    // A councillor is not caught by Sch 4 but by Sch 5 para 2 (see schedule-5.test.ts).
    [
      'a councillor is not a Sch 4 employee',
      [office({ organisationKind: 'local_authority', role: 'member' })],
      [],
    ],
    [
      'para 2: DH officer',
      [office({ organisationKind: 'department_of_health', role: 'officer' })],
      ['GB-LAY-SCH4-EXCLUSION#2'],
    ],
    [
      'para 3: non-executive director of an NHS trust',
      [office({ organisationKind: 'nhs_body', role: 'director' })],
      ['GB-LAY-SCH4-EXCLUSION#3'],
    ],
    ['a CCG is not an NHS body for para 3', [office({ organisationKind: 'ccg', role: 'director' })], []],
    [
      'para 4: foundation trust governor',
      [office({ organisationKind: 'foundation_trust', role: 'governor' })],
      ['GB-LAY-SCH4-EXCLUSION#4'],
    ],
    ['para 5: PCT employee', [office({ organisationKind: 'pct' })], ['GB-LAY-SCH4-EXCLUSION#5']],
    [
      'a PCT non-executive is not caught by para 5',
      [office({ organisationKind: 'pct', role: 'director' })],
      [],
    ],
    [
      'para 6: CQC member',
      [office({ organisationKind: 'cqc', role: 'member' })],
      ['GB-LAY-SCH4-EXCLUSION#6'],
    ],
    ['para 7: Monitor employee', [office({ organisationKind: 'monitor' })], ['GB-LAY-SCH4-EXCLUSION#7']],
    [
      'para 8: partner in a provider the CCG commissions',
      [office({ organisationKind: 'provider_commissioned_by_ccg', role: 'partner' })],
      ['GB-LAY-SCH4-EXCLUSION#8'],
    ],
    [
      'paras 4 and 8: employee of a commissioned FT, matched on its code',
      [office({ organisationKind: 'foundation_trust', organisationCode: 'RB2' })],
      ['GB-LAY-SCH4-EXCLUSION#4', 'GB-LAY-SCH4-EXCLUSION#8'],
    ],
    [
      'para 9: shareholder in a provider the Board commissions',
      [office({ organisationKind: 'provider_commissioned_by_board', role: 'shareholder' })],
      ['GB-LAY-SCH4-EXCLUSION#9'],
    ],
    [
      'para 9: employee of a member practice',
      [office({ organisationCode: 'p10002' })],
      ['GB-LAY-SCH4-EXCLUSION#9'],
    ],
    [
      'para 11: social services contractor',
      [office({ organisationKind: 'social_services_contractor', role: 'contractor' })],
      ['GB-LAY-SCH4-EXCLUSION#11'],
    ],
    [
      'para 12 (unconfirmed switch): employee of a dental contractor',
      [office({ organisationKind: 'dental_arrangements_party' })],
      ['GB-LAY-SCH4-DENTAL#12'],
    ],
    [
      'an office that ended before the date',
      [office({ organisationKind: 'monitor', endDate: '2013-03-31' })],
      [],
    ],
    [
      'an office that starts after the date',
      [office({ organisationKind: 'monitor', startDate: '2013-07-01' })],
      [],
    ],
    [
      'one violation per paragraph, however many offices hit it',
      [
        office({ organisationKind: 'cqc' }),
        office({ organisationKind: 'cqc', role: 'member' }),
        office({ organisationKind: 'pct' }),
      ],
      ['GB-LAY-SCH4-EXCLUSION#5', 'GB-LAY-SCH4-EXCLUSION#6'],
    ],
  ])('audit lay member: %s', (_case, offices, expected) => {
    expect(check('audit', offices).sort()).toEqual([...expected].sort());
  });

  it('applies to the area-knowledge lay member too, but not to other members', () => {
    const monitor = [office({ organisationKind: 'monitor' })];
    expect(check('deputy', monitor)).toEqual(['GB-LAY-SCH4-EXCLUSION#7']);
    expect(check('gp2', monitor)).toEqual([]);
  });

  it('names the paragraph in the legal reference and the message', () => {
    const [violation] = checkSchedule4(
      seatGoverningBody(
        withPerson(
          compliantBody(),
          'audit',
          withOffices(office({ organisationName: 'Monitor', organisationKind: 'monitor' })),
        ),
        AS_AT,
      ),
      book,
    );
    expect(violation?.legalRef).toBe('CCG Regs 2012 (SI 2012/1631) reg 12(5) and Sch 4 para 7');
    expect(violation?.message).toContain('Schedule 4 para 7');
    expect(violation?.message).toContain('employee of Monitor');
  });

  it('the dental paragraph is a separate switch', () => {
    const dental = [office({ organisationKind: 'dental_arrangements_party' })];
    expect(check('audit', dental, bookWith(book, 'GB-LAY-SCH4-DENTAL', { enabled: false }))).toEqual([]);
  });
});
