import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GovernanceViolation, GoverningBodyAppointment, GoverningBodyInput } from '../../model.ts';
import { loadGovernanceRuleBook } from '../rule-book.ts';
import { AS_AT, compliantBody, RULE_BOOK_URL, withPerson } from '../test-fixtures.ts';
import { checkAppointmentTerms } from './terms.ts';

const book = loadGovernanceRuleBook(JSON.parse(readFileSync(RULE_BOOK_URL, 'utf8')));
const summary = (v: GovernanceViolation) => `${v.ruleId}:${v.subjectCode}:${v.detail?.reason}`;
const appointment = (personId: string, patch: Partial<GoverningBodyAppointment>): GoverningBodyInput =>
  withPerson(compliantBody(), personId, (p) => ({
    ...p,
    appointments: p.appointments.map((a) => ({ ...a, ...patch })),
  }));
const check = (input: GoverningBodyInput, asAt = AS_AT) =>
  checkAppointmentTerms(input, asAt, book).map(summary);

describe('reg 11(4): terms of appointment', () => {
  it.each<[string, GoverningBodyInput, string, string[]]>([
    ['compliant', compliantBody(), AS_AT, []],
    ['the accountable officer needs no term', appointment('ao', { termEndDate: null }), AS_AT, []],
    [
      'a member with no term',
      appointment('gp2', { termEndDate: null }),
      AS_AT,
      ['GB-APPOINTMENT-TERM:A-gp2:no_term'],
    ],
    [
      'still serving after the term ended',
      compliantBody(),
      '2016-04-01',
      ['chair', 'deputy', 'audit', 'cfo', 'nurse', 'doctor', 'gp2'].map(
        (id) => `GB-APPOINTMENT-TERM:A-${id}:serving_beyond_term`,
      ),
    ],
    ['on the last day of the term', compliantBody(), '2016-03-31', []],
    [
      'left when the term ended',
      appointment('gp2', { endDate: '2016-03-31' }),
      '2016-04-01',
      ['chair', 'deputy', 'audit', 'cfo', 'nurse', 'doctor'].map(
        (id) => `GB-APPOINTMENT-TERM:A-${id}:serving_beyond_term`,
      ),
    ],
    [
      'term ends before it starts',
      appointment('gp2', { termEndDate: '2013-03-01' }),
      AS_AT,
      ['GB-APPOINTMENT-TERM:A-gp2:term_ends_before_start'],
    ],
    [
      'appointment ends before it starts',
      appointment('gp2', { endDate: '2013-03-01' }),
      AS_AT,
      ['GB-APPOINTMENT-TERM:A-gp2:ends_before_start'],
    ],
    [
      'an unreadable date',
      appointment('gp2', { termEndDate: '31/03/2016' }),
      AS_AT,
      ['GB-APPOINTMENT-TERM:A-gp2:invalid_date'],
    ],
    [
      'a past appointment without a term is not a current breach',
      appointment('gp2', { termEndDate: null, endDate: '2013-05-31' }),
      AS_AT,
      [],
    ],
    [
      'an appointment made after the date is not yet on the record',
      appointment('gp2', { startDate: '2013-07-01', termEndDate: null }),
      AS_AT,
      [],
    ],
  ])('%s (as at %s)', (_case, input, asAt, expected) => {
    expect(check(input, asAt)).toEqual(expected);
  });
});
