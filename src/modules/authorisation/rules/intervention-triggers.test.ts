import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InterventionInput, InterventionTriggerDefinitions, TriggerStatus } from '../model.ts';
import { loadInterventionTriggers } from './intervention-definitions.ts';
import { assessInterventionTriggers } from './intervention-triggers.ts';
import { TRIGGERS_URL } from './test-fixtures.ts';

const definitions = loadInterventionTriggers(JSON.parse(readFileSync(TRIGGERS_URL, 'utf8')));
const AS_AT = '2013-06-30';
const governance = (errorRuleIds: string[], errorCount = errorRuleIds.length) => ({
  asAt: AS_AT,
  errorCount,
  warningCount: 0,
  errorRuleIds,
});
/** Money in pence: a £300m allocation. */
const ALLOCATION = 30_000_000_000;
const financial = (forecastOutturnPence: number, financialYear = '2013-14') => ({
  asAt: AS_AT,
  financialYear,
  allocationPence: ALLOCATION,
  forecastOutturnPence,
});
const outcomes = (failing: number) => ({
  asAt: AS_AT,
  indicatorsAssessed: 15,
  failures: Array.from({ length: failing }, (_, i) => ({
    indicatorId: `3.${i + 1}`,
    description: 'worse than expected',
  })),
});
const input = (overrides: Partial<InterventionInput> = {}): InterventionInput => ({
  ccgCode: '07G',
  governance: null,
  financial: null,
  outcomes: null,
  ...overrides,
});
const statuses = (i: InterventionInput, defs: InterventionTriggerDefinitions = definitions) =>
  Object.fromEntries(assessInterventionTriggers(i, defs).results.map((r) => [r.triggerId, r.status]));

describe('assessInterventionTriggers', () => {
  it('without governance, finance or outcome data every trigger says no data, never "not raised"', () => {
    const result = assessInterventionTriggers(input(), definitions);
    expect(result.raised).toEqual([]);
    expect(result.results.map((r) => r.status)).toEqual([
      'no_data',
      'no_data',
      'no_data',
      'no_data',
      'no_data',
    ]);
    expect(result.results.find((r) => r.triggerId === 'INT-FIN-OVERSPEND')?.evidence).toBe(
      'No financial position: the finance module does not exist yet.',
    );
  });

  it.each<[string, Partial<InterventionInput>, Record<string, TriggerStatus>]>([
    [
      'a clean governance panel',
      { governance: governance([]) },
      { 'INT-GOV-ERRORS': 'not_raised', 'INT-GOV-STATUTORY': 'not_raised' },
    ],
    [
      'two register errors',
      { governance: governance(['ROI-28-DAY', 'ROI-NIL-RETURN']) },
      { 'INT-GOV-ERRORS': 'not_raised', 'INT-GOV-STATUTORY': 'not_raised' },
    ],
    [
      'three errors (the threshold)',
      { governance: governance(['ROI-28-DAY', 'ROI-NIL-RETURN', 'MTG-INQUORATE']) },
      { 'INT-GOV-ERRORS': 'raised', 'INT-GOV-STATUTORY': 'not_raised' },
    ],
    [
      'no registered nurse',
      { governance: governance(['GB-NURSE']) },
      { 'INT-GOV-ERRORS': 'not_raised', 'INT-GOV-STATUTORY': 'raised' },
    ],
    [
      'spending at the allocation',
      { financial: financial(ALLOCATION) },
      { 'INT-FIN-OVERSPEND': 'not_raised', 'INT-FIN-SURPLUS': 'raised' },
    ],
    [
      'a penny over the allocation',
      { financial: financial(ALLOCATION + 1) },
      { 'INT-FIN-OVERSPEND': 'raised', 'INT-FIN-SURPLUS': 'raised' },
    ],
    [
      'exactly the 1% surplus',
      { financial: financial(ALLOCATION * 0.99) },
      { 'INT-FIN-OVERSPEND': 'not_raised', 'INT-FIN-SURPLUS': 'not_raised' },
    ],
    [
      'a year with no business rule on record',
      { financial: financial(ALLOCATION, '2014-15') },
      { 'INT-FIN-OVERSPEND': 'not_raised', 'INT-FIN-SURPLUS': 'no_data' },
    ],
    ['two outcome failures', { outcomes: outcomes(2) }, { 'INT-OUT-FAILURES': 'not_raised' }],
    ['three outcome failures', { outcomes: outcomes(3) }, { 'INT-OUT-FAILURES': 'raised' }],
  ])('%s', (_case, overrides, expected) => {
    expect(statuses(input(overrides))).toMatchObject(expected);
  });

  it('shows each raised trigger with its evidence, legal reference and thresholds', () => {
    const { raised } = assessInterventionTriggers(
      input({
        governance: governance(['GB-NURSE', 'GB-LAY-AUDIT', 'ROI-28-DAY']),
        financial: financial(ALLOCATION + 500_000_000),
      }),
      definitions,
    );
    expect(raised.map((r) => r.triggerId)).toEqual([
      'INT-GOV-ERRORS',
      'INT-GOV-STATUTORY',
      'INT-FIN-OVERSPEND',
      'INT-FIN-SURPLUS',
    ]);
    expect(raised[0]).toMatchObject({
      evidence:
        'Governance compliance on 2013-06-30: 3 errors (GB-NURSE, GB-LAY-AUDIT, ROI-28-DAY); the trigger is 3 or more.',
      thresholds: { minimumErrors: 3 },
      legalRef: expect.stringContaining('s14Z21(1)(b)'),
    });
    expect(raised[1]?.evidence).toBe(
      'Governance compliance on 2013-06-30: statutory requirements not met (GB-NURSE, GB-LAY-AUDIT).',
    );
    expect(raised[2]?.evidence).toBe(
      '2013-14 forecast outturn £305.0m against an allocation of £300.0m (overspend £5.0m); the trigger is an overspend above 0%.',
    );
    expect(raised[2]?.detail).toMatchObject({ overspendPence: 500_000_000 });
  });

  it('a trigger switched off in the definitions says so', () => {
    const off = {
      ...definitions,
      triggers: definitions.triggers.map((t) => ({ ...t, enabled: t.id !== 'INT-GOV-ERRORS' })),
    };
    expect(statuses(input({ governance: governance(['A', 'B', 'C']) }), off)).toMatchObject({
      'INT-GOV-ERRORS': 'switched_off',
    });
  });

  it('a tolerance in the definitions moves the overspend threshold', () => {
    const tolerant = {
      ...definitions,
      triggers: definitions.triggers.map((t) =>
        t.id === 'INT-FIN-OVERSPEND' ? { ...t, parameters: { tolerancePercent: 0.5 } } : t,
      ),
    };
    expect(statuses(input({ financial: financial(ALLOCATION * 1.005) }), tolerant)['INT-FIN-OVERSPEND']).toBe(
      'not_raised',
    );
    expect(
      statuses(input({ financial: financial(ALLOCATION * 1.005 + 1) }), tolerant)['INT-FIN-OVERSPEND'],
    ).toBe('raised');
  });
});
