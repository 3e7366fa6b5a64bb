import { describe, expect, it } from 'vitest';
import {
  isEmergencyAdmission,
  markEmergencyReadmissions,
  type ReadmissionFlagRow,
} from './readmission-flag.ts';

describe('isEmergencyAdmission', () => {
  it.each([
    ['21', true],
    ['28', true],
    ['2B', true],
    ['2D', true],
    ['11', false],
    ['31', false],
    ['81', false],
    ['2', false],
    [null, false],
  ])('%s → %s', (method, expected) => {
    expect(isEmergencyAdmission(method)).toBe(expected);
  });
});

let id = 0;
/** An admitted spell: day numbers count from 1 April 2013. */
function spell(
  patient: string,
  provider: string,
  startDay: number,
  endDay: number | null,
  method = '21',
  type = 'apc',
): ReadmissionFlagRow {
  const date = (d: number) => new Date(Date.UTC(2013, 3, 1 + d)).toISOString().slice(0, 10);
  id += 1;
  return {
    activity_id: `S${String(id).padStart(4, '0')}`,
    patient_pseudonym: patient,
    activity_type: type,
    admission_method: method,
    provider_code: provider,
    activity_start_date: date(startDay),
    activity_end_date: endDay === null ? null : date(endDay),
  };
}

describe('markEmergencyReadmissions', () => {
  it.each<[string, () => ReadmissionFlagRow[], 'same_provider' | 'any_provider', boolean[]]>([
    [
      'emergency admission 10 days after discharge, same provider',
      () => [spell('P', 'RA', 0, 5, '11'), spell('P', 'RA', 15, 18)],
      'same_provider',
      [false, true],
    ],
    [
      'readmitted on the day of discharge (day 0)',
      () => [spell('P', 'RA', 0, 5, '11'), spell('P', 'RA', 5, 6)],
      'same_provider',
      [false, true],
    ],
    [
      'on day 30 after discharge',
      () => [spell('P', 'RA', 0, 5, '11'), spell('P', 'RA', 35, 36)],
      'same_provider',
      [false, true],
    ],
    [
      'on day 31: too late',
      () => [spell('P', 'RA', 0, 5, '11'), spell('P', 'RA', 36, 37)],
      'same_provider',
      [false, false],
    ],
    [
      'an elective readmission is not an emergency',
      () => [spell('P', 'RA', 0, 5), spell('P', 'RA', 10, 11, '11')],
      'same_provider',
      [false, false],
    ],
    [
      'a maternity admission is not an emergency',
      () => [spell('P', 'RA', 0, 5), spell('P', 'RA', 10, 11, '31')],
      'same_provider',
      [false, false],
    ],
    [
      'another provider, same_provider scope',
      () => [spell('P', 'RA', 0, 5), spell('P', 'RB', 10, 11)],
      'same_provider',
      [false, false],
    ],
    [
      'another provider, any_provider scope',
      () => [spell('P', 'RA', 0, 5), spell('P', 'RB', 10, 11)],
      'any_provider',
      [false, true],
    ],
    [
      'another patient',
      () => [spell('P', 'RA', 0, 5), spell('Q', 'RA', 10, 11)],
      'any_provider',
      [false, false],
    ],
    [
      'an earlier spell without a discharge date starts no window',
      () => [spell('P', 'RA', 0, null), spell('P', 'RA', 10, 11)],
      'same_provider',
      [false, false],
    ],
    [
      'the latest discharge of all earlier spells counts',
      () => [spell('P', 'RA', 0, 40, '11'), spell('P', 'RA', 2, 4, '11'), spell('P', 'RA', 60, 61)],
      'same_provider',
      [false, false, true],
    ],
    [
      'a spell starting before the earlier one ends is not a readmission',
      () => [spell('P', 'RA', 0, 20, '11'), spell('P', 'RA', 10, 12)],
      'same_provider',
      [false, false],
    ],
    [
      'outpatient rows neither start nor receive a window',
      () => [spell('P', 'RA', 0, 5, '11', 'op'), spell('P', 'RA', 8, 9, '21', 'op'), spell('P', 'RA', 9, 10)],
      'same_provider',
      [false, false, false],
    ],
    [
      'a chain: each emergency admission within 30 days of the last',
      () => [spell('P', 'RA', 0, 2), spell('P', 'RA', 20, 22), spell('P', 'RA', 50, 55)],
      'same_provider',
      [false, true, true],
    ],
  ])('%s', (_name, build, scope, expected) => {
    const rows = build();
    const flags = markEmergencyReadmissions(rows, scope, 30);
    expect(rows.map((r) => flags.get(r.activity_id))).toEqual(expected);
  });

  it('orders spells by start date then activity id, whatever the input order', () => {
    const rows = [spell('P', 'RA', 0, 3, '11'), spell('P', 'RA', 3, 4), spell('P', 'RA', 3, 3, '11')];
    const reversed = [...rows].reverse();
    expect(markEmergencyReadmissions(reversed, 'same_provider', 30)).toEqual(
      markEmergencyReadmissions(rows, 'same_provider', 30),
    );
  });

  it('reads the window length', () => {
    const rows = [spell('P', 'RA', 0, 5, '11'), spell('P', 'RA', 20, 21)];
    expect(markEmergencyReadmissions(rows, 'same_provider', 14).get(rows[1]!.activity_id)).toBe(false);
    expect(markEmergencyReadmissions(rows, 'same_provider', 15).get(rows[1]!.activity_id)).toBe(true);
  });
});
