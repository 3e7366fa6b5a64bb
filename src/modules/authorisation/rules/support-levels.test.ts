import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { bringsDirections, loadSupportLevels, ROMAN } from './support-levels.ts';
import { SUPPORT_LEVELS_URL } from './test-fixtures.ts';

type Json = Record<string, unknown>;
const fileJson = (): Json & { levels: Json[] } => JSON.parse(readFileSync(SUPPORT_LEVELS_URL, 'utf8'));
const definitions = loadSupportLevels(fileJson());

describe('definitions/authorisation/support-levels.json', () => {
  it('defines levels I–VI in order', () => {
    expect(definitions.levels.map((l) => `${l.level}:${l.roman}`)).toEqual([
      '1:I',
      '2:II',
      '3:III',
      '4:IV',
      '5:V',
      '6:VI',
    ]);
  });

  it.each([
    [1, false, 'inferred'],
    [2, false, 'inferred'],
    [3, false, 'inferred'],
    [4, true, 'confirmed'],
    [5, true, 'confirmed'],
    [6, true, 'confirmed'],
  ] as const)('level %i brings directions: %s (%s)', (level, directions, basis) => {
    const found = definitions.levels.find((l) => l.level === level)!;
    expect(found.bringsDirections).toBe(directions);
    expect(found.directionsBasis).toBe(basis);
    expect(bringsDirections(definitions.levels, level)).toBe(directions);
  });

  it('quotes the confirmed definitions and marks level II unconfirmed', () => {
    expect(definitions.levels[0]?.quote).toBe('model document or toolkit');
    expect(definitions.levels[2]?.quote).toBe('decision sign off or approval by the NHS Commissioning Board');
    expect(definitions.levels[1]?.definitionConfidence).toBe('unconfirmed');
    expect(definitions.levels[1]?.definition).toMatch(/^UNCONFIRMED/);
  });

  it('names reg 8 for authorisation directions and s14Z21 for later intervention', () => {
    expect(definitions.legalBasis.conditionsAndDirections).toMatch(/reg 8/);
    expect(definitions.legalBasis.laterIntervention).toMatch(/s14Z21/);
    expect(definitions.discrepancies.join(' ')).toMatch(/seven/);
  });

  it('maps every level to its numeral', () => {
    expect(Object.values(ROMAN)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI']);
  });
});

describe('loadSupportLevels rejects invalid files and lists every problem with its path', () => {
  const valid = fileJson();
  const withLevel = (index: number, patch: Json) => ({
    ...valid,
    levels: valid.levels.map((l, i) => (i === index ? { ...l, ...patch } : l)),
  });
  const problemsOf = (json: unknown): string[] => {
    try {
      loadSupportLevels(json);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      return (error as AppError).problems.map((p) => `${p.path}: ${p.code}`).sort();
    }
    throw new Error('expected the support levels to be rejected');
  };

  it.each<[string, unknown, string[]]>([
    ['a level out of range', withLevel(0, { level: 7 }), ['levels.0.level: invalid_support_levels']],
    ['the wrong numeral', withLevel(3, { roman: 'VI' }), ['levels.3.roman: bad_roman']],
    ['a level missing', { ...valid, levels: valid.levels.slice(1) }, ['levels: bad_levels']],
    ['a level twice', { ...valid, levels: [...valid.levels, valid.levels[0]] }, ['levels: bad_levels']],
    [
      'a higher level without directions',
      withLevel(4, { bringsDirections: false }),
      ['levels.4.bringsDirections: directions_not_monotone'],
    ],
    [
      'an unconfirmed definition without a note',
      withLevel(1, { definitionSource: 'HSJ' }),
      ['levels.1.definitionSource: unconfirmed_without_note'],
    ],
    [
      'an inferred basis without a note',
      withLevel(0, { directionsSource: 'wave 1' }),
      ['levels.0.directionsSource: inferred_without_note'],
    ],
    [
      'no level brings directions',
      { ...valid, levels: valid.levels.map((l) => ({ ...l, bringsDirections: false })) },
      ['levels: bad_levels'],
    ],
    ['an end before the start', { ...valid, effective_to: '2012-01-01' }, ['effective_to: invalid_period']],
  ])('%s', (_case, json, expected) => {
    expect(problemsOf(json)).toEqual([...expected].sort());
  });

  it('an unknown level is a programming error', () => {
    expect(() => bringsDirections([], 4)).toThrow(/No support level 4/);
  });
});
