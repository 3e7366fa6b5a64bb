import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import { INTERVENTION_TRIGGER_IDS } from '../model.ts';
import { loadInterventionTriggers } from './intervention-definitions.ts';
import { GOVERNANCE_RULE_IDS, TRIGGERS_URL } from './test-fixtures.ts';

type Json = Record<string, unknown>;
const fileJson = (): Json & { triggers: Json[] } => JSON.parse(readFileSync(TRIGGERS_URL, 'utf8'));
const definitions = loadInterventionTriggers(fileJson());

describe('definitions/authorisation/intervention-triggers.json', () => {
  it('defines every trigger once, each citing s14Z21, unconfirmed and switched on', () => {
    expect(definitions.triggers.map((t) => t.id)).toEqual([...INTERVENTION_TRIGGER_IDS]);
    for (const t of definitions.triggers) {
      expect(t.legalRef).toMatch(/s14Z21/);
      expect(t.confidence).toBe('unconfirmed');
      expect(t.thresholdSource).toMatch(/UNCONFIRMED/);
      expect(t.enabled).toBe(true);
    }
  });

  it('watches statutory governance rules the governance rule book defines', () => {
    const watched = definitions.triggers.find((t) => t.id === 'INT-GOV-STATUTORY')!.parameters
      .ruleIds as string[];
    expect(watched).toContain('GB-NURSE');
    expect(watched.filter((id) => !(GOVERNANCE_RULE_IDS as readonly string[]).includes(id))).toEqual([]);
  });

  it.each([
    ['INT-GOV-ERRORS', 'minimumErrors', 3],
    ['INT-FIN-OVERSPEND', 'tolerancePercent', 0],
    ['INT-FIN-SURPLUS', 'minimumSurplusPercent', 1],
    ['INT-OUT-FAILURES', 'minimumFailures', 3],
  ])('%s.%s is %s', (id, name, value) => {
    expect(definitions.triggers.find((t) => t.id === id)?.parameters[name]).toBe(value);
  });
});

describe('loadInterventionTriggers rejects invalid files and lists every problem with its path', () => {
  const valid = fileJson();
  const withTrigger = (index: number, patch: Json) => ({
    ...valid,
    triggers: valid.triggers.map((t, i) => (i === index ? { ...t, ...patch } : t)),
  });
  const problemsOf = (json: unknown): string[] => {
    try {
      loadInterventionTriggers(json);
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      return (error as AppError).problems.map((p) => `${p.path}: ${p.code}`).sort();
    }
    throw new Error('expected the triggers to be rejected');
  };

  it.each<[string, unknown, string[]]>([
    [
      'an unknown id (so the real one is missing)',
      withTrigger(0, { id: 'INT-GOV' }),
      ['triggers.0.id: invalid_intervention_trigger', 'triggers: missing_trigger'],
    ],
    ['a missing trigger', { ...valid, triggers: valid.triggers.slice(1) }, ['triggers: missing_trigger']],
    [
      'a duplicate trigger',
      { ...valid, triggers: [...valid.triggers, valid.triggers[0]] },
      ['triggers.5.id: duplicate_trigger'],
    ],
    [
      'the wrong source module',
      withTrigger(0, { source: 'finance' }),
      ['triggers.0.source: invalid_intervention_trigger'],
    ],
    [
      'no s14Z21',
      withTrigger(0, { legalRef: 'NHS Act 2006 s14Z16' }),
      ['triggers.0.legalRef: invalid_intervention_trigger'],
    ],
    [
      'a threshold of the wrong type',
      withTrigger(0, { parameters: { minimumErrors: 'three' } }),
      ['triggers.0.parameters.minimumErrors: invalid_intervention_trigger'],
    ],
    [
      'a misspelt parameter',
      withTrigger(2, { parameters: { tolerance: 0 } }),
      [
        'triggers.2.parameters: invalid_intervention_trigger',
        'triggers.2.parameters.tolerancePercent: invalid_intervention_trigger',
      ],
    ],
    [
      'a financial year written wrongly',
      withTrigger(3, { parameters: { minimumSurplusPercent: 1, financialYears: ['2013/14'] } }),
      ['triggers.3.parameters.financialYears.0: invalid_intervention_trigger'],
    ],
    [
      'an unconfirmed threshold without a note',
      withTrigger(4, { thresholdSource: 'a placeholder' }),
      ['triggers.4.thresholdSource: unconfirmed_without_note'],
    ],
  ])('%s', (_case, json, expected) => {
    expect(problemsOf(json)).toEqual([...expected].sort());
  });
});
