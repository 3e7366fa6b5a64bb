import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DIR } from '../../../../../test/support/paths.ts';
import { readXlsxSheet } from './xlsx.ts';

const WORKBOOK = path.join(REFERENCE_DIR, 'money', 'reference_costs_2014_15_national_schedules.xlsx');

describe('readXlsxSheet', () => {
  it('reads a sheet of the 2014-15 national schedules: shared strings, numbers, placed by column', () => {
    const rows = readXlsxSheet(WORKBOOK, 'CHS');
    const header = rows.findIndex((r) => r[2] === 'Currency Code');
    expect(rows[header]?.slice(0, 6)).toEqual([
      'Service Code',
      'Service Description',
      'Currency Code',
      'Currency Description',
      'Activity ',
      'National Average Unit Cost',
    ]);
    const districtNurse = rows.find((r) => r[2] === 'N02AF');
    expect(districtNurse?.[3]).toBe('District Nurse, Adult, Face to face');
    expect(Number(districtNurse?.[5])).toBeCloseTo(37.2644, 3);
    expect(rows[1]).toEqual([]);
  });

  it('names a missing sheet', () => {
    expect(() => readXlsxSheet(WORKBOOK, 'Nope')).toThrow('no sheet named "Nope"');
  });

  it('refuses a file that is not a workbook', () => {
    expect(() => readXlsxSheet(path.join(REFERENCE_DIR, 'money', 'SOURCES.md'), 'CHS')).toThrow(
      'not a ZIP file',
    );
  });
});
