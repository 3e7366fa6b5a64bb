import { describe, expect, it } from 'vitest';
import type { ConditionInput, DecisionOutcome, DirectionInput, LifecycleContext } from '../model.ts';
import { decisionProblems, exerciserProblems, levelBringsDirections } from './decision-checks.ts';

/** A small context: levels IV–VI bring directions; four criteria in domains 1–3. */
const context: LifecycleContext = {
  waves: [],
  establishmentDate: '2013-04-01',
  supportLevels: ([1, 2, 3, 4, 5, 6] as const).map((level) => ({ level, bringsDirections: level >= 4 })),
  criteria: [
    { id: '1.3B', domain: 1 },
    { id: '2.2B', domain: 2 },
    { id: '3.1.1B', domain: 3 },
    { id: '3.1.1C', domain: 3 },
  ],
};
const DATE = '2013-01-25';
const c = (overrides: Partial<ConditionInput> = {}): ConditionInput => ({
  conditionId: 'c1',
  criterionIds: ['3.1.1C'],
  domain: 3,
  supportLevel: 2,
  reviewDate: '2013-06-30',
  description: 'Financial plan',
  ...overrides,
});
const d = (overrides: Partial<DirectionInput> = {}): DirectionInput => ({
  directionId: 'd1',
  functions: ['financial planning'],
  exercisedBy: { kind: 'board' },
  ...overrides,
});
const codes = (outcome: DecisionOutcome, conditions: ConditionInput[], directions: DirectionInput[]) =>
  decisionProblems('09W', DATE, outcome, conditions, directions, context).map((p) => p.code);

describe('decisionProblems', () => {
  it.each<[string, DecisionOutcome, ConditionInput[], DirectionInput[], string[]]>([
    ['full authorisation', 'authorise', [], [], []],
    ['full authorisation with a condition', 'authorise', [c()], [], ['authorise_with_extras']],
    ['full authorisation with a direction', 'authorise', [], [d()], ['authorise_with_extras']],
    [
      'conditions at levels I–III',
      'authorise_with_conditions',
      [c(), c({ conditionId: 'c2', criterionIds: ['1.3B'], domain: 1, supportLevel: 3 })],
      [],
      [],
    ],
    ['conditions without any', 'authorise_with_conditions', [], [], ['conditions_required']],
    ['level IV with directions', 'authorise_with_conditions', [c({ supportLevel: 4 })], [d()], []],
    [
      'level VI without directions',
      'authorise_with_conditions',
      [c({ supportLevel: 6 })],
      [],
      ['directions_required'],
    ],
    [
      'directions under level III only',
      'authorise_with_conditions',
      [c({ supportLevel: 3 })],
      [d()],
      ['directions_without_level'],
    ],
    ['not authorised with directions only', 'not_authorised_with_directions', [], [d()], []],
    [
      'not authorised without directions',
      'not_authorised_with_directions',
      [c()],
      [],
      ['directions_required'],
    ],
    [
      'an unknown support level',
      'authorise_with_conditions',
      [c({ supportLevel: 7 as 6 })],
      [],
      ['unknown_support_level'],
    ],
    [
      'a condition on no criterion',
      'authorise_with_conditions',
      [c({ criterionIds: [] })],
      [],
      ['condition_criteria'],
    ],
    [
      'a criterion of another domain',
      'authorise_with_conditions',
      [c({ criterionIds: ['2.2B'] })],
      [],
      ['domain_mismatch'],
    ],
    [
      'an unknown criterion',
      'authorise_with_conditions',
      [c({ criterionIds: ['4.9Z'] })],
      [],
      ['unknown_criterion'],
    ],
    [
      'a review on the decision day',
      'authorise_with_conditions',
      [c({ reviewDate: DATE })],
      [],
      ['review_date'],
    ],
    [
      'an impossible review date',
      'authorise_with_conditions',
      [c({ reviewDate: '2013-02-30' })],
      [],
      ['review_date'],
    ],
    [
      'two conditions with one id',
      'authorise_with_conditions',
      [c(), c({ criterionIds: ['3.1.1B'] })],
      [],
      ['duplicate_condition'],
    ],
    ['two directions with one id', 'not_authorised_with_directions', [], [d(), d()], ['duplicate_direction']],
    [
      'a direction naming no function',
      'not_authorised_with_directions',
      [],
      [d({ functions: [' '] })],
      ['direction_functions'],
    ],
    [
      'a direction for the CCG itself',
      'not_authorised_with_directions',
      [],
      [d({ exercisedBy: { kind: 'ccg', ccgCode: '09w', ccgName: 'NHS Medway' } })],
      ['direction_self'],
    ],
    [
      'every problem at once',
      'authorise_with_conditions',
      [c({ supportLevel: 4, criterionIds: ['2.2B'], reviewDate: '2012-12-31' })],
      [],
      ['domain_mismatch', 'review_date', 'directions_required'],
    ],
  ])('%s', (_case, outcome, conditions, directions, expected) => {
    expect(codes(outcome, conditions, directions)).toEqual(expected);
  });

  it('names the conditions that need directions, with their levels', () => {
    const [p] = decisionProblems(
      '09W',
      DATE,
      'authorise_with_conditions',
      [c({ supportLevel: 4 })],
      [],
      context,
    );
    expect(p?.message).toBe('Conditions at levels that bring legal directions need directions: c1 (level 4)');
  });
});

describe('exerciserProblems and levelBringsDirections', () => {
  it('accepts another CCG exercising named functions', () => {
    expect(
      exerciserProblems('04G', 'd1', ['Kettering'], { kind: 'ccg', ccgCode: '03V', ccgName: 'NHS Corby' }),
    ).toEqual([]);
  });

  it.each([
    [3, false],
    [4, true],
    [6, true],
  ] as const)('level %i brings directions: %s', (level, expected) => {
    expect(levelBringsDirections(context, level)).toBe(expected);
  });
});
