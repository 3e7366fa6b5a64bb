import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GiftHospitalityEntry } from '../../model.ts';
import { THRESHOLDS_URL } from '../test-fixtures.ts';
import { checkGiftsAndHospitality } from './check.ts';
import { loadGiftsHospitalityTable } from './thresholds-table.ts';

const table = loadGiftsHospitalityTable(JSON.parse(readFileSync(THRESHOLDS_URL, 'utf8')));
const AS_AT = '2018-12-31';

const entry = (overrides: Partial<GiftHospitalityEntry> = {}): GiftHospitalityEntry => ({
  entryId: 'G1',
  personId: 'p1',
  kind: 'gift',
  description: 'Book',
  offeredOn: '2018-03-01',
  valuePence: 2000,
  donor: { name: 'A Patient', entity: null, isSupplierOrContractor: false },
  cashOrVoucher: false,
  accepted: true,
  declaredOn: null,
  seniorApprovalBy: null,
  ...overrides,
});
const supplier = {
  name: 'MedCo Ltd',
  entity: { kind: 'company' as const, companyNumber: '1234567' },
  isSupplierOrContractor: true,
};

/** `outcome|declare|prohibited|violation ids` for one entry. */
function verdict(e: GiftHospitalityEntry, others: GiftHospitalityEntry[] = []): string {
  const [a] = checkGiftsAndHospitality([...others, e], table, AS_AT).filter((x) => x.entryId === e.entryId);
  return [
    a!.outcome,
    a!.mustDeclare ? 'declare' : '-',
    a!.prohibited ? 'prohibited' : '-',
    ...a!.violations.map((v) => v.ruleId),
  ].join('|');
}

describe('gifts and hospitality under the 2017 guidance (confirmed)', () => {
  it.each<[string, GiftHospitalityEntry, string]>([
    ['a £20 gift from a patient', entry(), 'accept_without_declaring|-|-'],
    ['a £50 gift from a patient', entry({ valuePence: 5000 }), 'accept_without_declaring|-|-'],
    [
      'a £50.01 gift, declared',
      entry({ valuePence: 5001, declaredOn: '2018-03-05' }),
      'accept_on_behalf_of_organisation|declare|-',
    ],
    [
      'a £60 gift, not declared',
      entry({ valuePence: 6000 }),
      'accept_on_behalf_of_organisation|declare|-|GH-UNDECLARED',
    ],
    [
      'a £60 gift declared after the date',
      entry({ valuePence: 6000, declaredOn: '2019-01-05' }),
      'accept_on_behalf_of_organisation|declare|-|GH-UNDECLARED',
    ],
    [
      'a £60 gift declined',
      entry({ valuePence: 6000, accepted: false }),
      'accept_on_behalf_of_organisation|declare|-',
    ],
    ['a £6 pen from a supplier', entry({ valuePence: 600, donor: supplier }), 'accept_without_declaring|-|-'],
    [
      'a £6.01 item from a supplier, accepted',
      entry({ valuePence: 601, donor: supplier }),
      'decline|-|prohibited|GH-PROHIBITED-ACCEPTED',
    ],
    [
      'a £30 gift from a supplier, declined',
      entry({ valuePence: 3000, donor: supplier, accepted: false }),
      'decline|-|prohibited',
    ],
    [
      'a £10 gift voucher',
      entry({ valuePence: 1000, cashOrVoucher: true }),
      'decline|-|prohibited|GH-PROHIBITED-ACCEPTED',
    ],
    ['£25 hospitality', entry({ kind: 'hospitality', valuePence: 2500 }), 'accept_without_declaring|-|-'],
    [
      '£25.01 hospitality, declared',
      entry({ kind: 'hospitality', valuePence: 2501, declaredOn: '2018-03-02' }),
      'accept_and_declare|declare|-',
    ],
    [
      '£75 hospitality, not declared',
      entry({ kind: 'hospitality', valuePence: 7500 }),
      'accept_and_declare|declare|-|GH-UNDECLARED',
    ],
    [
      '£80 hospitality without approval',
      entry({ kind: 'hospitality', valuePence: 8000, declaredOn: '2018-03-02' }),
      'decline|-|prohibited|GH-PROHIBITED-ACCEPTED',
    ],
    [
      '£80 hospitality with senior approval, declared',
      entry({
        kind: 'hospitality',
        valuePence: 8000,
        seniorApprovalBy: 'Accountable officer',
        declaredOn: '2018-03-02',
      }),
      'accept_with_senior_approval|declare|-',
    ],
    [
      '£80 hospitality with senior approval, not declared',
      entry({ kind: 'hospitality', valuePence: 8000, seniorApprovalBy: 'Accountable officer' }),
      'accept_with_senior_approval|declare|-|GH-UNDECLARED',
    ],
    [
      '£80 hospitality from a supplier, refused',
      entry({ kind: 'hospitality', valuePence: 8000, donor: supplier, accepted: false }),
      'decline|-|prohibited',
    ],
  ])('%s', (_case, e, expected) => {
    expect(verdict(e)).toBe(expected);
  });

  it('adds up gifts from the same donor over 12 months', () => {
    const earlier = entry({ entryId: 'G0', offeredOn: '2017-09-01', valuePence: 3000 });
    expect(verdict(entry({ valuePence: 3000 }), [earlier])).toBe(
      'accept_on_behalf_of_organisation|declare|-|GH-UNDECLARED',
    );
    // The same company under a differently written number is the same donor.
    const fromCompany = (id: string, companyNumber: string, offeredOn: string) =>
      entry({
        entryId: id,
        offeredOn,
        valuePence: 3000,
        donor: { name: id, entity: { kind: 'company', companyNumber }, isSupplierOrContractor: false },
      });
    expect(
      verdict(fromCompany('G2', '01234567', '2018-03-01'), [fromCompany('G1', '1234567', '2018-01-01')]),
    ).toMatch(/^accept_on_behalf/);
  });

  it.each<[string, GiftHospitalityEntry]>([
    ['more than 12 months before', entry({ entryId: 'G0', offeredOn: '2017-03-01', valuePence: 3000 })],
    [
      'from another donor',
      entry({
        entryId: 'G0',
        offeredOn: '2017-09-01',
        valuePence: 3000,
        donor: { name: 'Another Patient', entity: null, isSupplierOrContractor: false },
      }),
    ],
    ['declined', entry({ entryId: 'G0', offeredOn: '2017-09-01', valuePence: 3000, accepted: false })],
    [
      'to another person',
      entry({ entryId: 'G0', personId: 'p2', offeredOn: '2017-09-01', valuePence: 3000 }),
    ],
    ['later than this gift', entry({ entryId: 'G0', offeredOn: '2018-06-01', valuePence: 3000 })],
  ])('does not add an earlier gift %s', (_case, other) => {
    expect(verdict(entry({ valuePence: 3000 }), [other])).toBe('accept_without_declaring|-|-');
  });

  it('explains the decision and names the table version in the legal reference', () => {
    const [assessment] = checkGiftsAndHospitality(
      [entry({ kind: 'hospitality', valuePence: 8000 })],
      table,
      AS_AT,
    );
    expect(assessment).toMatchObject({
      tableVersion: '2017-06',
      tableConfidence: 'confirmed',
      assessedValuePence: 8000,
    });
    expect(assessment?.reason).toBe('worth over £75.00: refused without senior approval');
    expect(assessment?.violations[0]).toMatchObject({
      ruleId: 'GH-PROHIBITED-ACCEPTED',
      severity: 'error',
      subjectType: 'gift_or_hospitality',
      subjectCode: 'G1',
    });
    expect(assessment?.violations[0]?.legalRef).toMatch(/Gateway 06768.*\[thresholds version 2017-06\]/);
  });
});

describe('gifts and hospitality under the 2013 guidance (unconfirmed placeholders)', () => {
  it.each<[string, GiftHospitalityEntry, string]>([
    ['a £10 gift', entry({ offeredOn: '2013-06-01', valuePence: 1000 }), 'accept_without_declaring|-|-'],
    [
      'a £20 gift, not declared',
      entry({ offeredOn: '2013-06-01' }),
      'accept_and_declare|declare|-|GH-UNDECLARED',
    ],
    // No separate supplier rule is known for 2013: treated as any other gift.
    [
      'a £20 gift from a supplier',
      entry({ offeredOn: '2013-06-01', donor: supplier, declaredOn: '2013-06-02' }),
      'accept_and_declare|declare|-',
    ],
    [
      '£100 hospitality, declared: no refusal threshold',
      entry({ kind: 'hospitality', offeredOn: '2013-06-01', valuePence: 10000, declaredOn: '2013-06-02' }),
      'accept_and_declare|declare|-',
    ],
  ])('%s', (_case, e, expected) => {
    expect(verdict(e)).toBe(expected);
  });

  it('reports findings under the unconfirmed version as warnings', () => {
    const [assessment] = checkGiftsAndHospitality([entry({ offeredOn: '2013-06-01' })], table, AS_AT);
    expect(assessment).toMatchObject({ tableVersion: '2013-03', tableConfidence: 'unconfirmed' });
    expect(assessment?.violations.map((v) => [v.ruleId, v.severity])).toEqual([['GH-UNDECLARED', 'warning']]);
  });
});

describe('choosing the entries and the version', () => {
  it('skips entries offered after the date and flags those no version covers', () => {
    const assessments = checkGiftsAndHospitality(
      [
        entry({ entryId: 'early', offeredOn: '2013-01-15' }),
        entry({ entryId: 'future', offeredOn: '2019-01-01' }),
      ],
      table,
      AS_AT,
    );
    expect(assessments.map((a) => [a.entryId, a.outcome, a.violations.map((v) => v.ruleId)])).toEqual([
      ['early', 'no_thresholds', ['GH-NO-THRESHOLDS']],
    ]);
  });

  it('chooses the version by the entry’s date, not the as-at date', () => {
    const assessments = checkGiftsAndHospitality(
      [entry({ entryId: 'a', offeredOn: '2017-06-15' }), entry({ entryId: 'b', offeredOn: '2017-06-16' })],
      table,
      AS_AT,
    );
    expect(assessments.map((a) => `${a.entryId}:${a.tableVersion}:${a.outcome}`)).toEqual([
      'a:2013-03:accept_and_declare',
      'b:2017-06:accept_without_declaring',
    ]);
  });
});
