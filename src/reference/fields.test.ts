import { describe, expect, it } from 'vitest';
import { count, headerMismatch, isValidIsoDate, odsDate, titleCase } from './fields.ts';
import { quarterFromFileName } from './parse-list-size.ts';

describe('odsDate', () => {
  it.each([
    ['20130401', '2013-04-01'],
    ['', null],
    ['  ', null],
    ['20130230', undefined],
    ['2013-04-01', undefined],
    ['2013040', undefined],
  ])('%j → %j', (text, expected) => expect(odsDate(text)).toBe(expected));
});

describe('isValidIsoDate', () => {
  it.each([
    ['2013-04-01', true],
    ['2012-02-29', true],
    ['2013-02-29', false],
    ['2013-4-1', false],
    ['20130401', false],
  ])('%s → %s', (text, expected) => expect(isValidIsoDate(text)).toBe(expected));
});

describe('count', () => {
  it.each([
    ['0', 0],
    ['12345', 12345],
    [' 7 ', 7],
    ['-1', undefined],
    ['1.5', undefined],
    ['', undefined],
    ['99999999999', undefined],
  ])('%j → %j', (text, expected) => expect(count(text)).toBe(expected));
});

describe('quarterFromFileName', () => {
  it.each([
    ['Patient_List_Size_2013_04-06.csv', { start: '2013-04-01', end: '2013-06-30' }],
    ['x/Patient_List_Size_2014_01-03.csv', { start: '2014-01-01', end: '2014-03-31' }],
    ['Patient_List_Size_2012_01-02.csv', { start: '2012-01-01', end: '2012-02-29' }],
    ['Patient_List_Size_2013_06-04.csv', null],
    ['list.csv', null],
  ])('%s', (file, expected) => expect(quarterFromFileName(file)).toEqual(expected));
});

describe('headerMismatch', () => {
  it.each([
    [['a', 'b'], ['a', 'b'], null],
    [[' a ', 'b'], ['a', 'b'], null],
    [['a'], ['a', 'b'], 'expected 2 header columns, found 1'],
    [['a', 'c'], ['a', 'b'], 'header column 2 is "c", expected "b"'],
    [null, ['a'], 'the file is empty: no header row'],
  ])('%j vs %j', (actual, expected, result) => expect(headerMismatch(actual, expected)).toBe(result));
});

describe('titleCase', () => {
  it.each([
    ['NORTH OF ENGLAND', 'North of England'],
    ['THE MANOR HOUSE SURGERY', 'The Manor House Surgery'],
    ['NHS DARLINGTON CCG', 'NHS Darlington CCG'],
    ['STOKE-ON-TRENT  SURGERY', 'Stoke-On-Trent Surgery'],
    ["ST JOHN'S (WEST) PRACTICE", "St John's (West) Practice"],
  ])('%s → %s', (text, expected) => expect(titleCase(text)).toBe(expected));
});
