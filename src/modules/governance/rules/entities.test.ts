import { describe, expect, it } from 'vitest';
import type { EntityRef } from '../model.ts';
import {
  describeEntity,
  entityKey,
  normaliseCompanyNumber,
  normaliseOrganisationCode,
  sameEntity,
} from './entities.ts';

const org = (code: string): EntityRef => ({ kind: 'organisation', code });
const company = (companyNumber: string): EntityRef => ({ kind: 'company', companyNumber });
const service = (name: string): EntityRef => ({ kind: 'service', name });

describe('entity normalisation', () => {
  it.each([
    ['RJ1', 'RJ1'],
    [' rj1 ', 'RJ1'],
    ['00c', '00C'],
    ['R J 1', 'RJ1'],
    ['', null],
    ['RJ-1', null],
  ])('organisation code %j → %j', (code, expected) => {
    expect(normaliseOrganisationCode(code)).toBe(expected);
  });

  it.each([
    ['01234567', '01234567'],
    ['1234567', '01234567'],
    [' 123 4567 ', '01234567'],
    ['42', '00000042'],
    ['sc123456', 'SC123456'],
    ['SC12345', 'SC012345'],
    ['OC300123', 'OC300123'],
    ['123456789', null],
    ['SC1234567', null],
    ['ACME LTD', null],
    ['', null],
  ])('company number %j → %j', (value, expected) => {
    expect(normaliseCompanyNumber(value)).toBe(expected);
  });
});

describe('sameEntity', () => {
  it.each<[string, EntityRef, EntityRef, boolean]>([
    ['same code, different case and spacing', org('rj1'), org(' RJ1'), true],
    ['different codes', org('RJ1'), org('RJ12'), false],
    ['company number without its leading zero', company('1234567'), company('01234567'), true],
    ['prefixed company number, short form', company('sc12345'), company('SC012345'), true],
    ['different company numbers', company('01234567'), company('01234568'), false],
    ['a code and a company number with the same characters', org('01234567'), company('01234567'), false],
    [
      'a service by its whole name, any case and spacing',
      service('Community  Ophthalmology'),
      service('community ophthalmology'),
      true,
    ],
    ['never on part of a name', service('Ophthalmology'), service('Community Ophthalmology'), false],
    [
      'an unreadable company number matches nothing, not even itself',
      company('ACME LTD'),
      company('ACME LTD'),
      false,
    ],
  ])('%s: %s', (_case, a, b, expected) => {
    expect(sameEntity(a, b)).toBe(expected);
    expect(sameEntity(b, a)).toBe(expected);
  });

  it('keys carry the kind so different kinds never collide', () => {
    expect([entityKey(org('RJ1')), entityKey(company('42')), entityKey(service(' Stroke '))]).toEqual([
      'organisation:RJ1',
      'company:00000042',
      'service:stroke',
    ]);
  });
});

describe('describeEntity', () => {
  it.each<[EntityRef, string]>([
    [org(' rj1'), 'organisation RJ1'],
    [company('1234567'), 'company 01234567'],
    [company('not a number'), 'company not a number'],
    [service(' Stroke rehabilitation '), 'service "Stroke rehabilitation"'],
  ])('%j → %s', (entity, expected) => {
    expect(describeEntity(entity)).toBe(expected);
  });
});
