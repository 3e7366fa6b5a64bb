import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type {
  AuthorisationEvent,
  AuthorisationEventKind,
  CcgAuthorisationState,
  ConditionInput,
  DirectionInput,
  LifecycleStatus,
} from '../model.ts';
import { LIFECYCLE_STATUSES } from '../model.ts';
import { ALLOWED_FROM, emergingCcg, transition } from './lifecycle.ts';
import { loadDefinitions } from './test-fixtures.ts';

const { context } = loadDefinitions((url) => JSON.parse(readFileSync(url, 'utf8')));
const CCG = '04G'; // NHS Nene

// ---- events ---------------------------------------------------------------------------------------

const evidence = {
  gpLeadership: true,
  localAuthorityEngagement: true,
  qippContribution: true,
  note: 'pathfinder letter',
};
const pathfinderApproval = (
  date = '2011-10-01',
  overrides: Partial<typeof evidence> = {},
): AuthorisationEvent => ({
  kind: 'pathfinder_approval',
  date,
  evidence: { ...evidence, ...overrides },
  delegatingPctCode: '5PD',
});
const apply = (wave: 1 | 2 | 3 | 4, date: string): AuthorisationEvent => ({
  kind: 'apply_in_wave',
  date,
  wave,
});
const condition = (
  conditionId: string,
  criterionId: string,
  supportLevel: ConditionInput['supportLevel'],
): ConditionInput => ({
  conditionId,
  criterionIds: [criterionId],
  domain: Number(criterionId[0]) as ConditionInput['domain'],
  supportLevel,
  reviewDate: '2013-06-30',
  description: `Condition on ${criterionId}`,
});
const KETTERING: DirectionInput = {
  directionId: 'd1',
  functions: ['commissioning from Kettering General Hospital'],
  exercisedBy: { kind: 'ccg', ccgCode: '03V', ccgName: 'NHS Corby' },
};
const NORTHAMPTON: DirectionInput = {
  directionId: 'd2',
  functions: ['contract with Northampton General Hospital'],
  exercisedBy: { kind: 'board' },
};
const decision = (
  outcome: 'authorise' | 'authorise_with_conditions' | 'not_authorised_with_directions',
  conditions: ConditionInput[] = [],
  directions: DirectionInput[] = [],
  date = '2013-01-25',
): AuthorisationEvent => ({ kind: 'decision', date, outcome, conditions, directions });
const lift = (conditionId: string, date = '2013-07-15'): AuthorisationEvent => ({
  kind: 'lift_condition',
  date,
  conditionId,
});
const liftDirections = (directionIds: string[], date = '2013-07-15'): AuthorisationEvent => ({
  kind: 'lift_directions',
  date,
  directionIds,
});
const vary = (directionId = 'd1', date = '2013-05-01'): AuthorisationEvent => ({
  kind: 'vary_directions',
  date,
  directionId,
  functions: ['commissioning from Kettering General Hospital', 'urgent care'],
  exercisedBy: { kind: 'board' },
});
const varyCondition = (
  conditionId: string,
  supportLevel: ConditionInput['supportLevel'],
  date = '2013-06-30',
  directions: DirectionInput[] = [],
): AuthorisationEvent => ({
  kind: 'vary_condition',
  date,
  conditionId,
  supportLevel,
  reviewDate: '2013-09-30',
  description: `Reviewed on ${date}`,
  directions,
});
const merger = (successorCode = '99X', date = '2015-04-01'): AuthorisationEvent => ({
  kind: 'merger',
  date,
  predecessorCodes: [CCG, '03V'],
  successorCode,
  successorName: 'NHS Nene and Corby Clinical Commissioning Group',
});
const dissolution = (ccgCode = CCG, date = '2015-04-01'): AuthorisationEvent => ({
  kind: 'dissolution',
  date,
  ccgCode,
  transfers: {},
});
const join = (date = '2014-01-01'): AuthorisationEvent => ({
  kind: 'join',
  date,
  practiceCode: 'K83001',
  ccgCode: CCG,
});
const leave = (date = '2014-01-01'): AuthorisationEvent => ({
  kind: 'leave',
  date,
  practiceCode: 'K83001',
  ccgCode: CCG,
});
const move = (date = '2014-01-01'): AuthorisationEvent => ({
  kind: 'move',
  date,
  practiceCode: 'K83002',
  fromCcgCode: '03V',
  toCcgCode: CCG,
});

// ---- states, each reached through the machine itself --------------------------------------------

function run(state: CcgAuthorisationState, ...events: AuthorisationEvent[]): CcgAuthorisationState {
  return events.reduce((s, e) => {
    const r = transition(s, e, context);
    if (!r.ok) throw new Error(`${e.kind} failed: ${r.problems.map((p) => p.message).join('; ')}`);
    return r.next;
  }, state);
}

const emerging = emergingCcg(CCG);
const pathfinder = run(emerging, pathfinderApproval());
const applicant = run(pathfinder, apply(2, '2012-08-31'));
const authorised = run(applicant, decision('authorise'));
const withConditions = run(
  applicant,
  decision('authorise_with_conditions', [condition('c1', '2.2B', 2), condition('c2', '1.3B', 3)]),
);
const withDirections = run(
  applicant,
  decision(
    'authorise_with_conditions',
    [condition('c1', '3.1.1B', 3), condition('c2', '3.1.1C', 4)],
    [KETTERING],
  ),
);
const notAuthorised = run(
  applicant,
  decision('not_authorised_with_directions', [condition('c1', '6.4G', 6)], [KETTERING, NORTHAMPTON]),
);
const merged = run(authorised, merger());
const dissolved = run(authorised, dissolution());

const ONE_OF_EACH: Record<LifecycleStatus, CcgAuthorisationState> = {
  emerging,
  pathfinder,
  applicant,
  established_authorised: authorised,
  established_with_conditions: withDirections,
  established_not_authorised_under_directions: notAuthorised,
  merged,
  dissolved,
};
const EVENT_OF_EACH_KIND: Record<AuthorisationEventKind, AuthorisationEvent> = {
  pathfinder_approval: pathfinderApproval('2016-01-01'),
  apply_in_wave: apply(4, '2016-01-01'),
  decision: decision('authorise', [], [], '2016-01-01'),
  lift_condition: lift('c1', '2016-01-01'),
  vary_condition: varyCondition('c1', 2, '2016-01-01'),
  vary_directions: vary('d1', '2016-01-01'),
  lift_directions: liftDirections(['d1'], '2016-01-01'),
  merger: merger('99X', '2016-01-01'),
  dissolution: dissolution(CCG, '2016-01-01'),
  join: join('2016-01-01'),
  leave: leave('2016-01-01'),
  move: move('2016-01-01'),
};

const problemCodes = (state: CcgAuthorisationState, event: AuthorisationEvent): string[] => {
  const r = transition(state, event, context);
  if (r.ok) throw new Error(`expected ${event.kind} to be rejected in ${state.status}`);
  return r.problems.map((p) => p.code);
};

// ---- tests ----------------------------------------------------------------------------------------

describe('transition: every illegal (state, event) pair is rejected with a clear error', () => {
  const pairs = LIFECYCLE_STATUSES.flatMap((status) =>
    (Object.keys(EVENT_OF_EACH_KIND) as AuthorisationEventKind[])
      .filter((kind) => !ALLOWED_FROM[kind].includes(status))
      .map((kind) => [status, kind] as const),
  );

  it('covers 96 pairs, 68 of them illegal', () => {
    expect(LIFECYCLE_STATUSES.length * Object.keys(EVENT_OF_EACH_KIND).length).toBe(96);
    expect(pairs).toHaveLength(68);
  });

  it.each(pairs)('%s rejects %s, naming both', (status, kind) => {
    const state = ONE_OF_EACH[status];
    const r = transition(state, EVENT_OF_EACH_KIND[kind], context);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.code).toBe('illegal_transition');
    expect(r.problems[0]!.message).toContain(`"${kind}"`);
    expect(r.problems[0]!.message).toContain(`"${status}"`);
    expect(r.problems[0]!.message).toContain(CCG);
  });

  it('says a merged or dissolved CCG takes no further events', () => {
    const r = transition(merged, join('2016-01-01'), context);
    expect(!r.ok && r.problems[0]!.message).toMatch(/a merged CCG takes no further events/);
  });

  it('lists the states an event is allowed in', () => {
    const r = transition(emerging, decision('authorise'), context);
    expect(!r.ok && r.problems[0]!.message).toMatch(
      /allowed in: applicant, established_not_authorised_under_directions$/,
    );
  });
});

describe('transition: legal transitions', () => {
  it.each<[string, CcgAuthorisationState, AuthorisationEvent, LifecycleStatus]>([
    ['pathfinder approval', emerging, pathfinderApproval(), 'pathfinder'],
    ['application in wave 2 by its deadline', pathfinder, apply(2, '2012-09-03'), 'applicant'],
    [
      'deferral to a later wave (as Liverpool, wave 1 to 4)',
      run(pathfinder, apply(1, '2012-06-30')),
      apply(4, '2012-10-31'),
      'applicant',
    ],
    ['full authorisation', applicant, decision('authorise'), 'established_authorised'],
    [
      'authorisation with conditions',
      applicant,
      decision('authorise_with_conditions', [condition('c1', '2.2B', 1)]),
      'established_with_conditions',
    ],
    [
      'conditions at level IV with directions',
      applicant,
      decision('authorise_with_conditions', [condition('c1', '3.1.1C', 4)], [KETTERING]),
      'established_with_conditions',
    ],
    [
      'establishment without authorisation',
      applicant,
      decision('not_authorised_with_directions', [], [KETTERING]),
      'established_not_authorised_under_directions',
    ],
    [
      'a later decision authorising a CCG under directions',
      notAuthorised,
      decision('authorise', [], [], '2013-09-01'),
      'established_authorised',
    ],
    [
      'a later decision with conditions',
      notAuthorised,
      decision(
        'authorise_with_conditions',
        [{ ...condition('c9', '6.4G', 2), reviewDate: '2014-03-31' }],
        [],
        '2013-09-01',
      ),
      'established_with_conditions',
    ],
    ['lifting one of two conditions', withConditions, lift('c1'), 'established_with_conditions'],
    ['lifting the last condition', run(withConditions, lift('c1')), lift('c2'), 'established_authorised'],
    [
      'lifting a level IV condition while its directions stand',
      withDirections,
      lift('c2'),
      'established_with_conditions',
    ],
    [
      'lifting the directions once no level IV condition stands',
      run(withDirections, lift('c2')),
      liftDirections(['d1']),
      'established_with_conditions',
    ],
    [
      'lifting the directions after every condition',
      run(withDirections, lift('c1'), lift('c2')),
      liftDirections(['d1'], '2013-08-01'),
      'established_authorised',
    ],
    ['varying a direction', withDirections, vary(), 'established_with_conditions'],
    [
      'lowering a condition to a level without directions',
      withDirections,
      varyCondition('c2', 3),
      'established_with_conditions',
    ],
    [
      'raising a condition to level IV with the directions it brings (as Barnet after go-live)',
      withConditions,
      varyCondition('c1', 4, '2013-06-30', [NORTHAMPTON]),
      'established_with_conditions',
    ],
    [
      'raising a condition while directions already stand',
      withDirections,
      varyCondition('c1', 5),
      'established_with_conditions',
    ],
    [
      'varying a direction of a CCG not authorised',
      notAuthorised,
      vary('d2'),
      'established_not_authorised_under_directions',
    ],
    [
      'lifting a condition of a CCG not authorised',
      notAuthorised,
      lift('c1'),
      'established_not_authorised_under_directions',
    ],
    [
      'lifting one of two directions of a CCG not authorised',
      notAuthorised,
      liftDirections(['d2']),
      'established_not_authorised_under_directions',
    ],
    ['merger into a new CCG', withDirections, merger(), 'merged'],
    ['merger as the continuing successor', authorised, merger(CCG), 'established_authorised'],
    ['dissolution', notAuthorised, dissolution(), 'dissolved'],
    ['a practice joining', authorised, join(), 'established_authorised'],
    ['a practice leaving', withConditions, leave(), 'established_with_conditions'],
    ['a practice moving in', notAuthorised, move(), 'established_not_authorised_under_directions'],
  ])('%s', (_case, state, event, expected) => {
    const r = transition(state, event, context);
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
    expect(r.next.status).toBe(expected);
    expect(r.next.ccgCode).toBe(CCG);
    expect(r.next.history).toHaveLength(state.history.length + 1);
    expect(r.next.history.at(-1)).toEqual({ date: event.date, from: state.status, to: expected, event });
  });

  it('records the pathfinder test, the delegating PCT and that the PCT stays accountable until establishment', () => {
    expect(pathfinder.status === 'pathfinder' && pathfinder.pathfinder).toEqual({
      approvedOn: '2011-10-01',
      evidence,
      delegatingPctCode: '5PD',
      pctAccountableUntil: '2013-03-31',
    });
  });

  it('records the wave, its deadline from the definitions, and any deferral', () => {
    expect(applicant.status === 'applicant' && applicant.application).toEqual({
      wave: 2,
      applicationDeadline: '2012-09-03',
      submittedOn: '2012-08-31',
      deferredFrom: [],
    });
    const deferred = run(pathfinder, apply(1, '2012-06-30'), apply(4, '2012-10-31'));
    expect(deferred.status === 'applicant' && deferred.application.deferredFrom).toEqual([1]);
  });

  it('a decision before 1 April 2013 takes effect on establishment; its conditions and directions are open', () => {
    expect(withDirections.status === 'established_with_conditions' && withDirections.decision).toEqual({
      decidedOn: '2013-01-25',
      outcome: 'authorise_with_conditions',
      establishedOn: '2013-04-01',
    });
    if (withDirections.status !== 'established_with_conditions') throw new Error('unexpected state');
    expect(
      withDirections.conditions.map((c) => [c.conditionId, c.supportLevel, c.domain, c.liftedOn]),
    ).toEqual([
      ['c1', 3, 3, null],
      ['c2', 4, 3, null],
    ]);
    expect(withDirections.directions).toEqual([
      { ...KETTERING, givenOn: '2013-01-25', legalBasis: 'ccg_regs_reg_8', liftedOn: null },
    ]);
  });

  it('a later decision ends the directions the CCG was under; history keeps them', () => {
    const r = transition(notAuthorised, decision('authorise', [], [], '2013-09-01'), context);
    if (!r.ok || r.next.status !== 'established_authorised') throw new Error('expected authorisation');
    expect(r.next.directions.map((d) => [d.directionId, d.liftedOn])).toEqual([
      ['d1', '2013-09-01'],
      ['d2', '2013-09-01'],
    ]);
    expect(r.next.decision.establishedOn).toBe('2013-04-01');
    expect(r.next.history.slice(0, -1)).toEqual(notAuthorised.history);
  });

  it('a merged CCG names its successor; a dissolved one its date', () => {
    expect(merged).toMatchObject({
      status: 'merged',
      mergedOn: '2015-04-01',
      successorCode: '99X',
      predecessorStatus: 'established_authorised',
    });
    expect(dissolved).toMatchObject({ status: 'dissolved', dissolvedOn: '2015-04-01' });
  });

  it('history is append-only: every earlier entry is kept as it was', () => {
    const end = run(
      withDirections,
      lift('c2'),
      vary('d1', '2013-07-20'),
      lift('c1', '2013-08-01'),
      liftDirections(['d1'], '2013-08-01'),
    );
    expect(end.history.map((h) => `${h.from}→${h.to}`)).toEqual([
      'emerging→pathfinder',
      'pathfinder→applicant',
      'applicant→established_with_conditions',
      'established_with_conditions→established_with_conditions',
      'established_with_conditions→established_with_conditions',
      'established_with_conditions→established_with_conditions',
      'established_with_conditions→established_authorised',
    ]);
    expect(end.history.slice(0, withDirections.history.length)).toEqual(withDirections.history);
    expect(withDirections.history).toHaveLength(3);
  });
});

describe('transition: legal states, invalid events', () => {
  it.each<[string, CcgAuthorisationState, AuthorisationEvent, string[]]>([
    ['an impossible date', emerging, pathfinderApproval('2011-02-30'), ['invalid_date']],
    [
      'a date before the last event',
      applicant,
      decision('authorise', [], [], '2012-08-30'),
      ['date_before_history'],
    ],
    [
      'a pathfinder test without evidence',
      emerging,
      pathfinderApproval('2011-10-01', { gpLeadership: false, qippContribution: false }),
      ['pathfinder_test', 'pathfinder_test'],
    ],
    ['a pathfinder after establishment', emerging, pathfinderApproval('2013-04-01'), ['after_establishment']],
    ['an application after the wave deadline', pathfinder, apply(1, '2012-07-03'), ['deadline_passed']],
    [
      'a wave that does not exist',
      pathfinder,
      { kind: 'apply_in_wave', date: '2012-06-01', wave: 5 as 4 },
      ['unknown_wave'],
    ],
    ['re-applying in the same wave', applicant, apply(2, '2012-09-01'), ['not_a_deferral']],
    [
      'full authorisation with conditions',
      applicant,
      decision('authorise', [condition('c1', '2.2B', 1)]),
      ['authorise_with_extras'],
    ],
    [
      'conditions at a level that brings directions, without directions',
      applicant,
      decision('authorise_with_conditions', [condition('c1', '3.1.1C', 4)]),
      ['directions_required'],
    ],
    [
      'directions with conditions only at levels I–III',
      applicant,
      decision('authorise_with_conditions', [condition('c1', '2.2B', 3)], [KETTERING]),
      ['directions_without_level'],
    ],
    [
      'a condition on an unknown criterion',
      applicant,
      decision('authorise_with_conditions', [condition('c1', '7.1A', 1)]),
      ['unknown_criterion'],
    ],
    ['lifting an unknown condition', withConditions, lift('c9'), ['unknown_condition']],
    [
      'lifting a condition twice',
      run(withConditions, lift('c1')),
      lift('c1', '2013-07-16'),
      ['already_lifted'],
    ],
    ['varying an unknown direction', withDirections, vary('d9'), ['unknown_direction']],
    ['varying an unknown condition', withConditions, varyCondition('c9', 2), ['unknown_condition']],
    [
      'varying a lifted condition',
      run(withConditions, lift('c1')),
      varyCondition('c1', 2, '2013-08-01'),
      ['already_lifted'],
    ],
    [
      'raising a condition to level IV without directions',
      withConditions,
      varyCondition('c1', 4),
      ['directions_required'],
    ],
    [
      'giving directions with a condition at level II',
      withConditions,
      varyCondition('c1', 2, '2013-06-30', [NORTHAMPTON]),
      ['directions_without_level'],
    ],
    [
      'a review date not after the variation',
      withConditions,
      { ...varyCondition('c1', 2), reviewDate: '2013-06-30' } as AuthorisationEvent,
      ['review_date'],
    ],
    [
      'a direction id already used',
      withDirections,
      varyCondition('c1', 5, '2013-06-30', [KETTERING]),
      ['duplicate_direction'],
    ],
    [
      'varying a lifted direction',
      run(notAuthorised, liftDirections(['d2'])),
      vary('d2', '2013-08-01'),
      ['direction_lifted'],
    ],
    [
      'varying a direction to the CCG itself',
      withDirections,
      { ...vary(), exercisedBy: { kind: 'ccg', ccgCode: CCG, ccgName: 'NHS Nene' } } as AuthorisationEvent,
      ['direction_self'],
    ],
    [
      'lifting directions while a level IV condition stands',
      withDirections,
      liftDirections(['d1']),
      ['directions_required'],
    ],
    [
      'lifting every direction of a CCG not authorised',
      notAuthorised,
      liftDirections(['d1', 'd2']),
      ['not_authorised_needs_directions'],
    ],
    ['lifting no direction', notAuthorised, liftDirections([]), ['no_directions_named']],
    ['lifting an unknown direction', notAuthorised, liftDirections(['d1', 'd9']), ['unknown_direction']],
    [
      'a merger the CCG is not party to',
      authorised,
      { ...merger(), predecessorCodes: ['03V', '03W'] } as AuthorisationEvent,
      ['not_party'],
    ],
    ['the dissolution of another CCG', authorised, dissolution('03V'), ['not_party']],
    [
      'a practice joining another CCG',
      authorised,
      { ...join(), ccgCode: '03V' } as AuthorisationEvent,
      ['not_party'],
    ],
  ])('%s', (_case, state, event, codes) => {
    expect(problemCodes(state, event)).toEqual(codes);
  });

  it('a varied condition keeps its id and criteria and takes the new level, review date and wording', () => {
    const next = run(withConditions, varyCondition('c1', 4, '2013-06-30', [NORTHAMPTON]));
    if (next.status !== 'established_with_conditions') throw new Error('unexpected state');
    expect(next.conditions.find((c) => c.conditionId === 'c1')).toMatchObject({
      criterionIds: ['2.2B'],
      supportLevel: 4,
      reviewDate: '2013-09-30',
      description: 'Reviewed on 2013-06-30',
      liftedOn: null,
    });
    expect(next.directions).toEqual([
      { ...NORTHAMPTON, givenOn: '2013-06-30', legalBasis: 'ccg_regs_reg_8', liftedOn: null },
    ]);
    // Lowered again, its directions can then be lifted and the CCG is authorised once c1 and c2 go.
    const end = run(
      next,
      varyCondition('c1', 2, '2013-07-31'),
      liftDirections(['d2'], '2013-07-31'),
      lift('c1', '2013-07-31'),
      lift('c2', '2013-07-31'),
    );
    expect(end.status).toBe('established_authorised');
  });

  it('a rejected event leaves the state as it was', () => {
    const before = JSON.stringify(withDirections);
    transition(withDirections, liftDirections(['d1']), context);
    expect(JSON.stringify(withDirections)).toBe(before);
  });
});
