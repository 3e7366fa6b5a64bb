import { describe, expect, it } from 'vitest';
import { csvCell, csvFilename, toCsv } from './csv.ts';

describe('csvCell', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    [1234, '1234'],
    [-5, '-5'],
    ['NHS Darlington CCG', 'NHS Darlington CCG'],
    ['Smith, Jones and Partners', '"Smith, Jones and Partners"'],
    ['The "Old" Surgery', '"The ""Old"" Surgery"'],
    ['line one\nline two', '"line one\nline two"'],
    [' padded', '" padded"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['-1 and text', "'-1 and text"],
    ['Ynys Môn', 'Ynys Môn'],
  ])('%j → %s', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('writes a header row and CRLF-terminated rows', () => {
    expect(
      toCsv(
        ['code', 'name'],
        [
          ['00C', 'NHS Darlington CCG'],
          ['A83005', 'Practice, "Quoted"'],
        ],
      ),
    ).toBe('code,name\r\n00C,NHS Darlington CCG\r\nA83005,"Practice, ""Quoted"""\r\n');
  });
});

describe('csvFilename', () => {
  it('makes a lower-case, dash-separated name with the date', () => {
    expect(csvFilename('CCG 00C members', '2013-04-01')).toBe('ccg-00c-members-2013-04-01.csv');
    expect(csvFilename('organisations/ccg?x')).toBe('organisations-ccg-x.csv');
    expect(csvFilename('')).toBe('export.csv');
  });
});
