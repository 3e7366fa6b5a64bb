import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { AREA_COVERAGE_RULES } from './area-coverage.ts';
import { CCG_NAME_RULES } from './ccg-name.ts';
import {
  assertRuleId,
  getRule,
  isIsoDate,
  numberParameter,
  parseRuleBook,
  type RuleDefinition,
  ruleAppliesOn,
  STRUCTURAL_RULE_IDS,
} from './definitions.ts';
import { STRUCTURAL_EVENT_RULES } from './structural-events.ts';

const FILE = new URL('../../../../definitions/organisations/structural-rules.json', import.meta.url);
const fileJson = (): { version: number; rules: Record<string, unknown>[] } =>
  JSON.parse(readFileSync(FILE, 'utf8'));

const definition = (overrides: Partial<RuleDefinition> = {}): RuleDefinition => ({
  id: 'ORG-PRACTICE-ONE-CCG',
  title: 'One CCG',
  legalRef: 'NHS Act 2006 s14A(1)',
  source: 'test',
  confidence: 'confirmed',
  enabled: true,
  severity: 'error',
  effectiveFrom: '2013-04-01',
  effectiveTo: null,
  reviewedOn: '2026-11-22',
  parameters: {},
  ...overrides,
});

/** Runs parseRuleBook expecting failure and returns the problems as `path: code`. */
function problemsOf(json: unknown): string[] {
  try {
    parseRuleBook(json);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('validation');
    return (error as AppError).problems.map((p) => `${p.path}: ${p.code}`);
  }
  throw new Error('expected the rule book to be rejected');
}

describe('definitions/organisations/structural-rules.json', () => {
  const book = parseRuleBook(fileJson());

  it('defines every structural rule id exactly once', () => {
    expect(book.rules.map((r) => r.id).sort()).toEqual([...STRUCTURAL_RULE_IDS].sort());
  });

  it.each(Object.entries({ ...AREA_COVERAGE_RULES, ...CCG_NAME_RULES, ...STRUCTURAL_EVENT_RULES }))(
    '%s has the legal reference the rule code emits',
    (id, legalRef) => {
      expect(getRule(book, id).legalRef).toBe(legalRef);
    },
  );

  it.each([
    ['ORG-CCG-CROSSES-LA', 'unconfirmed', 'warning'],
    ['ORG-PRACTICE-ONE-CCG', 'confirmed', 'error'],
    ['ORG-AREA-UNRESOLVED', 'confirmed', 'warning'],
    ['ORG-CCG-NAME-GEOGRAPHY-UNMATCHED', 'confirmed', 'warning'],
  ])('%s is %s with severity %s', (id, confidence, severity) => {
    const rule = getRule(book, id);
    expect([rule.confidence, rule.severity]).toEqual([confidence, severity]);
  });

  it('says the unconfirmed local authority rule has no statutory text behind it', () => {
    expect(getRule(book, 'ORG-CCG-CROSSES-LA').legalRef).toMatch(/no statutory text/i);
    expect(numberParameter(getRule(book, 'ORG-CCG-CROSSES-LA'), 'minimumShare', -1)).toBe(0);
  });

  it.each(book.rules.map((r) => [r.id, r] as const))(
    '%s is in effect from the 2012–13 reforms',
    (_id, rule) => {
      expect(['2012-10-01', '2013-04-01']).toContain(rule.effectiveFrom);
      expect(rule.reviewedOn).toBe('2026-11-22');
    },
  );
});

describe('parseRuleBook rejects invalid books and lists every problem', () => {
  const valid = fileJson();
  const withRule = (index: number, patch: Record<string, unknown>) => ({
    ...valid,
    rules: valid.rules.map((r, i) => (i === index ? { ...r, ...patch } : r)),
  });
  const omit = (index: number, key: string) => ({
    ...valid,
    rules: valid.rules.map((r, i) =>
      i === index ? Object.fromEntries(Object.entries(r).filter(([k]) => k !== key)) : r,
    ),
  });
  const laIndex = valid.rules.findIndex((r) => r.id === 'ORG-CCG-CROSSES-LA');

  it.each<[string, unknown, string[]]>([
    ['not an object', 'rules', ['(root): invalid_rule_definition']],
    ['wrong version', { ...valid, version: 2 }, ['version: invalid_rule_definition']],
    ['unexpected top-level key', { ...valid, extra: true }, ['(root): invalid_rule_definition']],
    ['bad severity', withRule(0, { severity: 'fatal' }), ['rules.0.severity: invalid_rule_definition']],
    [
      'impossible date',
      withRule(1, { effectiveFrom: '2013-02-30' }),
      ['rules.1.effectiveFrom: invalid_rule_definition'],
    ],
    ['missing field', omit(2, 'legalRef'), ['rules.2.legalRef: invalid_rule_definition']],
    ['empty source', withRule(2, { source: '  ' }), ['rules.2.source: invalid_rule_definition']],
    [
      'period ends before it starts',
      withRule(0, { effectiveTo: '2013-03-31' }),
      ['rules.0.effectiveTo: invalid_period'],
    ],
    [
      'unknown id (and so the real one is missing)',
      withRule(0, { id: 'ORG-PRACTICE-ONE-CGG' }),
      ['rules.0.id: unknown_rule', 'rules: missing_rule'],
    ],
    [
      'duplicate id',
      { ...valid, rules: [...valid.rules, valid.rules[0]] },
      [`rules.${valid.rules.length}.id: duplicate_rule`],
    ],
    ['missing rule', { ...valid, rules: valid.rules.slice(1) }, ['rules: missing_rule']],
    [
      'parameter out of range',
      withRule(laIndex, { parameters: { minimumShare: 1.5 } }),
      [`rules.${laIndex}.parameters.minimumShare: invalid_rule_definition`],
    ],
    [
      'parameter of the wrong type',
      withRule(laIndex, { parameters: { minimumShare: '5%' } }),
      [`rules.${laIndex}.parameters.minimumShare: invalid_rule_definition`],
    ],
    [
      'misspelt parameter',
      withRule(laIndex, { parameters: { minShare: 0.05 } }),
      [`rules.${laIndex}.parameters: invalid_rule_definition`],
    ],
    [
      'parameter on a rule that takes none',
      withRule(0, { parameters: { strict: true } }),
      ['rules.0.parameters: invalid_rule_definition'],
    ],
    [
      'several problems at once',
      withRule(3, { severity: 'fatal', confidence: 'maybe', reviewedOn: 'soon' }),
      [
        'rules.3.confidence: invalid_rule_definition',
        'rules.3.severity: invalid_rule_definition',
        'rules.3.reviewedOn: invalid_rule_definition',
      ],
    ],
  ])('%s', (_case, json, expected) => {
    expect(problemsOf(json).sort()).toEqual([...expected].sort());
  });
});

describe('rule book helpers', () => {
  it.each([
    ['2013-04-01', true],
    ['2016-02-29', true],
    ['2015-02-29', false],
    ['2013-13-01', false],
    ['2013-4-1', false],
    ['01/04/2013', false],
    ['', false],
  ])('isIsoDate(%j) is %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([
    ['before effectiveFrom', definition(), '2013-03-31', false],
    ['on effectiveFrom', definition(), '2013-04-01', true],
    ['open-ended', definition(), '2022-06-30', true],
    ['on effectiveTo', definition({ effectiveTo: '2022-06-30' }), '2022-06-30', true],
    ['after effectiveTo', definition({ effectiveTo: '2022-06-30' }), '2022-07-01', false],
    ['switched off', definition({ enabled: false }), '2015-01-01', false],
  ])('ruleAppliesOn: %s', (_case, rule, date, expected) => {
    expect(ruleAppliesOn(rule, date)).toBe(expected);
  });

  it('getRule names the unknown id and the ids that are defined', () => {
    const book = { version: 1 as const, rules: [definition()] };
    expect(getRule(book, 'ORG-PRACTICE-ONE-CCG').id).toBe('ORG-PRACTICE-ONE-CCG');
    expect(() => getRule(book, 'ORG-NOPE')).toThrow(/"ORG-NOPE".*defined: ORG-PRACTICE-ONE-CCG/);
  });

  it('assertRuleId rejects another rule’s definition', () => {
    expect(() => assertRuleId(definition(), 'ORG-PRACTICE-ONE-CCG')).not.toThrow();
    expect(() => assertRuleId(definition(), 'ORG-CCG-CROSSES-LA')).toThrow(
      /"ORG-PRACTICE-ONE-CCG".*"ORG-CCG-CROSSES-LA"/,
    );
  });

  it.each([
    [{}, 0.25],
    [{ minimumShare: 0.05 }, 0.05],
  ])('numberParameter(%j) with fallback 0.25 is %s', (parameters, expected) => {
    expect(numberParameter(definition({ parameters }), 'minimumShare', 0.25)).toBe(expected);
  });

  it('numberParameter rejects a non-numeric value', () => {
    expect(() =>
      numberParameter(definition({ parameters: { minimumShare: 'x' } }), 'minimumShare', 0),
    ).toThrow(/must be a number/);
  });
});
