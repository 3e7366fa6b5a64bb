import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../platform/errors.ts';
import { THRESHOLDS_URL } from '../test-fixtures.ts';
import { loadGiftsHospitalityTable, thresholdVersionOn } from './thresholds-table.ts';

const fileJson = (): { id: string; versions: Record<string, unknown>[] } =>
  JSON.parse(readFileSync(THRESHOLDS_URL, 'utf8'));

function problemsOf(json: unknown): string[] {
  try {
    loadGiftsHospitalityTable(json);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return (error as AppError).problems.map((p) => `${p.path}: ${p.code}`);
  }
  throw new Error('expected the table to be rejected');
}

describe('definitions/governance/gifts-hospitality-thresholds.json', () => {
  const table = loadGiftsHospitalityTable(fileJson());

  it('has the unconfirmed 2013 version and the confirmed 2017 version, back to back', () => {
    expect(table.versions.map((v) => [v.version, v.confidence, v.effectiveFrom, v.effectiveTo])).toEqual([
      ['2013-03', 'unconfirmed', '2013-03-28', '2017-06-15'],
      ['2017-06', 'confirmed', '2017-06-16', null],
    ]);
  });

  it('holds the 2017 thresholds of REFERENCE.md §4.5 in pence', () => {
    expect(table.versions[1]?.thresholds).toEqual({
      supplierGiftAcceptUpToPence: 600,
      giftDeclareAbovePence: 5000,
      giftAboveThresholdOnBehalfOfOrganisation: true,
      cumulativeGiftWindowMonths: 12,
      declineCashAndVouchers: true,
      hospitalityDeclareAbovePence: 2500,
      hospitalityRefuseAbovePence: 7500,
    });
  });

  it.each([
    ['2013-03-27', null],
    ['2013-03-28', '2013-03'],
    ['2017-06-15', '2013-03'],
    ['2017-06-16', '2017-06'],
    ['2030-01-01', '2017-06'],
  ])('the version in effect on %s is %s', (date, version) => {
    expect(thresholdVersionOn(table, date)?.version ?? null).toBe(version);
  });

  it('a switched-off version is never chosen', () => {
    const off = {
      ...table,
      versions: table.versions.map((v) => ({ ...v, enabled: v.version !== '2013-03' })),
    };
    expect(thresholdVersionOn(off, '2014-01-01')).toBeNull();
  });
});

describe('loadGiftsHospitalityTable rejects invalid tables and lists every problem with its path', () => {
  const valid = fileJson();
  const withVersion = (index: number, patch: Record<string, unknown>) => ({
    ...valid,
    versions: valid.versions.map((v, i) => (i === index ? { ...v, ...patch } : v)),
  });
  const thresholds = (index: number, patch: Record<string, unknown>) =>
    withVersion(index, { thresholds: { ...(valid.versions[index]!.thresholds as object), ...patch } });

  it.each<[string, unknown, string[]]>([
    ['wrong id', { ...valid, id: 'gifts' }, ['id: invalid_threshold_table']],
    ['no versions', { ...valid, versions: [] }, ['versions: invalid_threshold_table']],
    [
      'threshold in pounds, not pence',
      thresholds(1, { giftDeclareAbovePence: 50.5 }),
      ['versions.1.thresholds.giftDeclareAbovePence: invalid_threshold_table'],
    ],
    [
      'negative threshold',
      thresholds(1, { hospitalityDeclareAbovePence: -1 }),
      ['versions.1.thresholds.hospitalityDeclareAbovePence: invalid_threshold_table'],
    ],
    [
      'refusal below declaration',
      thresholds(1, { hospitalityRefuseAbovePence: 2000 }),
      ['versions.1.thresholds.hospitalityRefuseAbovePence: invalid_threshold'],
    ],
    [
      'overlapping versions',
      withVersion(1, { effectiveFrom: '2017-06-01' }),
      ['versions.1.effectiveFrom: overlapping_versions'],
    ],
    [
      'duplicate version name',
      withVersion(1, { version: '2013-03' }),
      ['versions.1.version: duplicate_version'],
    ],
    [
      'unconfirmed without saying so',
      withVersion(0, { source: 'a CCG page' }),
      ['versions.0.source: unconfirmed_without_note'],
    ],
    [
      'thresholds without a note',
      withVersion(1, {
        notes: Object.fromEntries(
          Object.entries(valid.versions[1]!.notes as object).filter(([k]) => !k.startsWith('hospitality')),
        ),
      }),
      [
        'versions.1.notes.hospitalityDeclareAbovePence: invalid_threshold_table',
        'versions.1.notes.hospitalityRefuseAbovePence: invalid_threshold_table',
      ],
    ],
    [
      'a note for a threshold that does not exist',
      withVersion(1, { notes: { ...(valid.versions[1]!.notes as object), giftLimit: 'x' } }),
      ['versions.1.notes: invalid_threshold_table'],
    ],
    [
      'several problems in one version at once',
      withVersion(1, { confidence: 'likely', reviewedOn: 'today' }),
      ['versions.1.confidence: invalid_threshold_table', 'versions.1.reviewedOn: invalid_threshold_table'],
    ],
  ])('%s', (_case, json, expected) => {
    expect(problemsOf(json).sort()).toEqual([...expected].sort());
  });

  it('reports problems in two versions together', () => {
    const json = {
      ...valid,
      versions: [
        { ...valid.versions[0], effectiveTo: '2013-01-01' },
        { ...valid.versions[1], confidence: 'likely' },
      ],
    };
    expect(problemsOf(json).sort()).toEqual([
      'versions.0.effectiveTo: invalid_period',
      'versions.1.confidence: invalid_threshold_table',
    ]);
  });
});
