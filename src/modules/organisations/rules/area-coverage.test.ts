import { describe, expect, it } from 'vitest';
import type { AreaUnit } from '../model.ts';
import { AREA_COVERAGE_LEGAL_REF, checkAreaCoverage } from './area-coverage.ts';

const unit = (code: string, ccgCodes: string[], note: string | null = null): AreaUnit => ({
  code,
  ccgCodes,
  note,
});
const NOTE_13T = '2015 lookup gives 13T (NHS Newcastle Gateshead CCG) for the three merged CCGs';

/** A compact view of each violation: rule, severity, subject and reason. */
const summary = (units: AreaUnit[], ccgCodes: string[]) =>
  checkAreaCoverage(units, ccgCodes).map((v) => [
    v.ruleId,
    v.severity,
    v.subjectType,
    v.subjectCode,
    v.detail?.reason,
  ]);

describe('checkAreaCoverage', () => {
  it.each<[string, AreaUnit[], string[], unknown[][]]>([
    [
      'each unit in one known CCG, each CCG with a unit',
      [unit('E01000001', ['09A']), unit('E01000002', ['09C'])],
      ['09A', '09C'],
      [],
    ],
    ['no units and no CCGs', [], [], []],
    ['duplicate code within a unit is one CCG', [unit('E01000001', ['09A', '09A'])], ['09A'], []],
    [
      'gap: a unit in no CCG',
      [unit('E01000001', ['09A']), unit('E01000002', [])],
      ['09A'],
      [['ORG-AREA-COVERAGE', 'error', 'area', 'E01000002', 'gap']],
    ],
    [
      'overlap: a unit in two CCGs without a note',
      [unit('E01000001', ['09C', '09A'])],
      ['09A', '09C'],
      [['ORG-AREA-COVERAGE', 'error', 'area', 'E01000001', 'overlap']],
    ],
    [
      'a blank note does not excuse an overlap',
      [unit('E01000001', ['09A', '09C'], '  ')],
      ['09A', '09C'],
      [['ORG-AREA-COVERAGE', 'error', 'area', 'E01000001', 'overlap']],
    ],
    [
      'CCG with no area',
      [unit('E01000001', ['09A'])],
      ['09A', '09C'],
      [['ORG-AREA-COVERAGE', 'error', 'ccg', '09C', 'no_area']],
    ],
    [
      'unknown CCG code in a unit',
      [unit('E01000001', ['09A']), unit('E01000002', ['99Z'])],
      ['09A'],
      [['ORG-AREA-COVERAGE', 'error', 'area', 'E01000002', 'unknown_ccg']],
    ],
    [
      'merged CCGs with a note: one warning, and none of them is "no area"',
      [
        unit('E01008162', ['00F', '00G', '00H'], NOTE_13T),
        unit('E01008163', ['00H', '00G', '00F'], NOTE_13T),
      ],
      ['00F', '00G', '00H'],
      [['ORG-AREA-UNRESOLVED', 'warning', 'area', '00F+00G+00H', 'unresolved']],
    ],
    [
      'two distinct groups give two warnings',
      [
        unit('E01000001', ['00F', '00G'], NOTE_13T),
        unit('E01000002', ['00F', '00G'], NOTE_13T),
        unit('E01000003', ['00G', '00H'], NOTE_13T),
        unit('E01000004', ['00F', '00G'], 'another source'),
      ],
      ['00F', '00G', '00H'],
      [
        ['ORG-AREA-UNRESOLVED', 'warning', 'area', '00F+00G', 'unresolved'],
        ['ORG-AREA-UNRESOLVED', 'warning', 'area', '00G+00H', 'unresolved'],
        ['ORG-AREA-UNRESOLVED', 'warning', 'area', '00F+00G', 'unresolved'],
      ],
    ],
    [
      'everything wrong at once, units first, then groups, then CCGs',
      [unit('E01000001', []), unit('E01000002', ['09A', '09C']), unit('E01000003', ['09A', '99Z'], NOTE_13T)],
      ['09A', '09C', '09D'],
      [
        ['ORG-AREA-COVERAGE', 'error', 'area', 'E01000001', 'gap'],
        ['ORG-AREA-COVERAGE', 'error', 'area', 'E01000002', 'overlap'],
        ['ORG-AREA-COVERAGE', 'error', 'area', 'E01000003', 'unknown_ccg'],
        ['ORG-AREA-UNRESOLVED', 'warning', 'area', '09A+99Z', 'unresolved'],
        ['ORG-AREA-COVERAGE', 'error', 'ccg', '09D', 'no_area'],
      ],
    ],
  ])('%s', (_case, units, ccgCodes, expected) => {
    expect(summary(units, ccgCodes)).toEqual(expected);
  });

  it('details the unresolved group: unit count, CCG codes and note in the message', () => {
    const units = [
      unit('E01008162', ['00H', '00F', '00G'], NOTE_13T),
      unit('E01008163', ['00F', '00G', '00H'], NOTE_13T),
      unit('E01008164', ['00G', '00F', '00H'], NOTE_13T),
    ];
    const [warning] = checkAreaCoverage(units, ['00F', '00G', '00H']);
    expect(warning).toMatchObject({
      legalRef: AREA_COVERAGE_LEGAL_REF,
      detail: { unitCount: 3, ccgCodes: ['00F', '00G', '00H'], note: NOTE_13T, firstUnitCode: 'E01008162' },
    });
    expect(warning?.message).toContain('3 small areas are assigned jointly to 00F, 00G, 00H');
    expect(warning?.message).toContain(NOTE_13T);
  });

  it.each<[string, AreaUnit, string[], string, string[]]>([
    [
      'overlap lists the sorted CCGs',
      unit('E01000001', ['09C', '09A']),
      ['09A', '09C'],
      'overlap',
      ['09A', '09C'],
    ],
    [
      'unknown lists only the unknown codes',
      unit('E01000001', ['09A', '99Z']),
      ['09A'],
      'unknown_ccg',
      ['99Z'],
    ],
  ])('detail: %s', (_case, u, ccgCodes, reason, expected) => {
    const found = checkAreaCoverage([u], ccgCodes).find((v) => v.detail?.reason === reason);
    expect(found?.detail?.ccgCodes).toEqual(expected);
  });

  it('cites s14A(2) on every violation', () => {
    const violations = checkAreaCoverage([unit('E01000001', [])], ['09A']);
    expect(violations.map((v) => v.legalRef)).toEqual([AREA_COVERAGE_LEGAL_REF, AREA_COVERAGE_LEGAL_REF]);
    expect(AREA_COVERAGE_LEGAL_REF).toMatch(/s14A\(2\)/);
  });
});
