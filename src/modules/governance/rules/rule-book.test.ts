import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import type { GovernanceRuleDefinition } from '../model.ts';
import {
  activeRule,
  booleanParameter,
  GOVERNANCE_RULE_IDS,
  loadGovernanceRuleBook,
  numberParameter,
  ruleAppliesOn,
  ruleDefinition,
  stringParameter,
} from './rule-book.ts';
import { RULE_BOOK_URL } from './test-fixtures.ts';

const fileJson = (): { version: number; rules: Record<string, unknown>[] } =>
  JSON.parse(readFileSync(RULE_BOOK_URL, 'utf8'));

/** Loads expecting failure and returns the problems as `path: code`. */
function problemsOf(json: unknown): string[] {
  try {
    loadGovernanceRuleBook(json);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('validation');
    return (error as AppError).problems.map((p) => `${p.path}: ${p.code}`);
  }
  throw new Error('expected the rule book to be rejected');
}

describe('definitions/governance/governance-rules.json', () => {
  const book = loadGovernanceRuleBook(fileJson());

  it('defines every governance rule id exactly once', () => {
    expect(book.rules.map((r) => r.id).sort()).toEqual([...GOVERNANCE_RULE_IDS].sort());
  });

  it.each([
    // Unconfirmed: the text was not read (STATUTES.md §1.2, §1.4, §1.6, §1.7, §3; REFERENCE.md §1.6, §4.5).
    ['GB-NURSE-INDEPENDENT', 'unconfirmed'],
    ['GB-SECONDARY-CARE-INDEPENDENT', 'unconfirmed'],
    ['GB-LAY-SCH4-DENTAL', 'unconfirmed'],
    ['GB-SCH5-DISMISSAL-UNLISTED', 'unconfirmed'],
    ['GB-CHAIR-LAY-OR-GP', 'unconfirmed'],
    ['GB-DEPUTY-LAY-IF-CHAIR-NOT-LAY', 'unconfirmed'],
    ['GB-CHAIR-NOT-AO-CFO', 'unconfirmed'],
    ['GB-ROLE-COMBINATION', 'unconfirmed'],
    ['ROI-NIL-RETURN', 'unconfirmed'],
    ['ROI-PUBLIC-VISIBILITY', 'unconfirmed'],
    ['ROI-RETENTION', 'unconfirmed'],
    ['MTG-PRIVATE-ITEM-REASON', 'unconfirmed'],
    // Confirmed from primary text, or a reliable secondary source named in `source`.
    ['GB-MIN-SIZE', 'confirmed'],
    ['GB-LAY-SCH4-EXCLUSION', 'confirmed'],
    ['GB-SCH5-DISQUALIFICATION', 'confirmed'],
    ['GB-CHAIR-NOT-AUDIT-LAY', 'confirmed'],
    ['ROI-28-DAY', 'confirmed'],
    ['ROI-ANNUAL-REVIEW', 'confirmed'],
  ])('%s is %s', (id, confidence) => {
    expect(book.rules.find((r) => r.id === id)?.confidence).toBe(confidence);
  });

  it('every rule is switched on, and every unconfirmed one says UNCONFIRMED where it cites its legal basis', () => {
    for (const rule of book.rules) {
      expect(rule.enabled).toBe(true);
      if (rule.confidence === 'unconfirmed') expect(`${rule.legalRef} ${rule.source}`).toMatch(/UNCONFIRMED/);
    }
  });

  it.each([
    ['GB-MIN-SIZE', 'minimumMembers', 6],
    ['GB-SCH5-DISQUALIFICATION', 'lookbackYears', 5],
    ['GB-SCH5-DISQUALIFICATION', 'minimumImprisonmentMonths', 3],
    ['ROI-28-DAY', 'days', 28],
    ['ROI-ANNUAL-REVIEW', 'months', 12],
    ['ROI-PUBLIC-VISIBILITY', 'monthsAfterEnd', 6],
    ['ROI-RETENTION', 'yearsAfterEnd', 6],
  ] as const)('%s.%s is %i', (id, name, value) => {
    expect(numberParameter(ruleDefinition(book, id), name)).toBe(value);
  });

  it('manages a financial conflict on a decision by leaving the room, other conflicts by not voting', () => {
    const conflict = ruleDefinition(book, 'MTG-CONFLICT');
    expect(stringParameter(conflict, 'financialDecision')).toBe('leave_room');
    expect(stringParameter(conflict, 'nonFinancialProfessionalDecision')).toBe('no_vote');
    expect(stringParameter(conflict, 'indirectDecision')).toBe('no_vote');
  });

  it('ends the reg 11 rules SI 2022/316 replaced on the day before it came into force', () => {
    for (const id of [
      'GB-MIN-SIZE',
      'GB-NURSE',
      'GB-SECONDARY-CARE-DOCTOR',
      'GB-LAY-AUDIT',
      'GB-LAY-PPI',
    ] as const) {
      expect(ruleDefinition(book, id).effectiveTo).toBe('2022-04-13');
    }
  });
});

describe('loadGovernanceRuleBook rejects invalid books and lists every problem with its path', () => {
  const valid = fileJson();
  const indexOf = (id: string) => valid.rules.findIndex((r) => r.id === id);
  const withRule = (index: number, patch: Record<string, unknown>) => ({
    ...valid,
    rules: valid.rules.map((r, i) => (i === index ? { ...r, ...patch } : r)),
  });
  const size = indexOf('GB-MIN-SIZE');
  const conflict = indexOf('MTG-CONFLICT');
  const nurseIndependent = indexOf('GB-NURSE-INDEPENDENT');

  it.each<[string, unknown, string[]]>([
    ['not an object', [], ['(root): invalid_rule_definition']],
    ['wrong version', { ...valid, version: 2 }, ['version: invalid_rule_definition']],
    ['bad severity', withRule(0, { severity: 'fatal' }), ['rules.0.severity: invalid_rule_definition']],
    [
      'impossible date',
      withRule(1, { reviewedOn: '2026-02-30' }),
      ['rules.1.reviewedOn: invalid_rule_definition'],
    ],
    [
      'period ends before it starts',
      withRule(1, { effectiveTo: '2012-01-01' }),
      ['rules.1.effectiveTo: invalid_period'],
    ],
    [
      'unknown id (so the real one is missing)',
      withRule(0, { id: 'GB-MIN-SIZ' }),
      ['rules.0.id: unknown_rule', 'rules: missing_rule'],
    ],
    [
      'duplicate id',
      { ...valid, rules: [...valid.rules, valid.rules[0]] },
      [`rules.${valid.rules.length}.id: duplicate_rule`],
    ],
    [
      'an unconfirmed rule whose source does not say so',
      withRule(nurseIndependent, { source: 'Hansard' }),
      [`rules.${nurseIndependent}.source: unconfirmed_without_note`],
    ],
    [
      'parameter of the wrong type',
      withRule(size, { parameters: { minimumMembers: 'six' } }),
      [`rules.${size}.parameters.minimumMembers: invalid_rule_definition`],
    ],
    [
      'parameter not a whole number',
      withRule(size, { parameters: { minimumMembers: 5.5 } }),
      [`rules.${size}.parameters.minimumMembers: invalid_rule_definition`],
    ],
    [
      'unknown management action',
      withRule(conflict, {
        parameters: { ...(valid.rules[conflict]!.parameters as object), indirectDecision: 'abstain' },
      }),
      [`rules.${conflict}.parameters.indirectDecision: invalid_rule_definition`],
    ],
    [
      'parameter on a rule that takes none',
      withRule(1, { parameters: { strict: true } }),
      ['rules.1.parameters: invalid_rule_definition'],
    ],
    [
      'several problems in several rules at once',
      {
        ...valid,
        rules: valid.rules.map((r, i) =>
          i === 2 ? { ...r, confidence: 'maybe' } : i === 3 ? { ...r, enabled: 'yes', title: '' } : r,
        ),
      },
      [
        'rules.2.confidence: invalid_rule_definition',
        'rules.3.enabled: invalid_rule_definition',
        'rules.3.title: invalid_rule_definition',
      ],
    ],
  ])('%s', (_case, json, expected) => {
    expect(problemsOf(json).sort()).toEqual([...expected].sort());
  });
});

describe('rule book helpers', () => {
  const rule = (overrides: Partial<GovernanceRuleDefinition> = {}): GovernanceRuleDefinition => ({
    id: 'GB-MIN-SIZE',
    title: 'Size',
    legalRef: 'reg 11(1)',
    source: 'test',
    confidence: 'confirmed',
    enabled: true,
    severity: 'error',
    effectiveFrom: '2012-10-01',
    effectiveTo: '2022-04-13',
    reviewedOn: '2026-11-22',
    parameters: { minimumMembers: 6, label: 'six', strict: true },
    ...overrides,
  });

  it.each([
    ['before effectiveFrom', rule(), '2012-09-30', false],
    ['on effectiveFrom', rule(), '2012-10-01', true],
    ['on effectiveTo', rule(), '2022-04-13', true],
    ['after effectiveTo', rule(), '2022-04-14', false],
    ['switched off', rule({ enabled: false }), '2015-01-01', false],
  ])('ruleAppliesOn: %s', (_case, definition, date, expected) => {
    expect(ruleAppliesOn(definition, date)).toBe(expected);
    expect(activeRule({ version: 1, rules: [definition] }, 'GB-MIN-SIZE', date)).toBe(
      expected ? definition : null,
    );
  });

  it('a rule missing from the book is a programming error naming the id', () => {
    expect(() => ruleDefinition({ version: 1, rules: [rule()] }, 'GB-CFO')).toThrow(/"GB-CFO"/);
  });

  it('parameters are read with their type checked', () => {
    expect(numberParameter(rule(), 'minimumMembers')).toBe(6);
    expect(stringParameter(rule(), 'label')).toBe('six');
    expect(booleanParameter(rule(), 'strict')).toBe(true);
    expect(() => numberParameter(rule(), 'label')).toThrow(/must be a number/);
    expect(() => booleanParameter(rule(), 'missing')).toThrow(/"missing".*must be a boolean/);
  });
});
