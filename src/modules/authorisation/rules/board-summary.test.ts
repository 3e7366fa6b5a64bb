import { describe, expect, it } from 'vitest';
import type { AuthorisationCondition, AuthorisationDirection, StateSnapshot } from '../model.ts';
import { boardStatus, monthWindow, summariseCcg } from './board-summary.ts';

const review = monthWindow('2013-07');
const context = { establishmentDate: '2013-04-01', review };
const condition = (id: string, liftedOn: string | null, level: 1 | 4 = 1): AuthorisationCondition => ({
  conditionId: id,
  criterionIds: ['3.1.1C'],
  domain: 3,
  supportLevel: level,
  reviewDate: '2013-03-31',
  description: 'd',
  liftedOn,
});
const direction = (givenOn: string, liftedOn: string | null): AuthorisationDirection => ({
  directionId: `D-${givenOn}`,
  functions: ['f'],
  exercisedBy: { kind: 'board' },
  legalBasis: 'ccg_regs_reg_8',
  givenOn,
  liftedOn,
});
const state = (
  conditions: AuthorisationCondition[],
  directions: AuthorisationDirection[] = [],
  decidedOn = '2013-01-31',
): StateSnapshot => ({
  status: conditions.some((c) => c.liftedOn === null)
    ? 'established_with_conditions'
    : 'established_authorised',
  ccgCode: 'X01',
  application: { wave: 2, applicationDeadline: '2012-09-03', submittedOn: '2012-09-03', deferredFrom: [] },
  decision: {
    decidedOn,
    outcome: conditions.length ? 'authorise_with_conditions' : 'authorise',
    establishedOn: '2013-04-01',
  },
  conditions,
  directions,
});
const summary = (s: StateSnapshot) =>
  summariseCcg({ ccgCode: 'X01', ccgName: 'X', state: s, provenance: null }, context)!;

describe('monthWindow', () => {
  it.each([
    ['2013-07', { from: '2013-07-01', to: '2013-07-31' }],
    ['2013-02', { from: '2013-02-01', to: '2013-02-28' }],
    ['2012-02', { from: '2012-02-01', to: '2012-02-29' }],
  ])('%s', (month, window) => {
    expect(monthWindow(month)).toEqual(window);
  });
});

describe('summariseCcg: where the conditions stood after the July 2013 review', () => {
  it.each<[string, StateSnapshot, string]>([
    ['no conditions', state([]), 'no_conditions'],
    [
      'all lifted before July',
      state([condition('C1', '2013-03-31'), condition('C2', '2013-06-30')]),
      'lifted_before_review',
    ],
    [
      'the last lifted in July',
      state([condition('C1', '2013-03-31'), condition('C2', '2013-07-31')]),
      'lifted_in_review',
    ],
    ['one still standing', state([condition('C1', '2013-07-31'), condition('C2', null)]), 'remaining'],
    ['one lifted after July', state([condition('C1', '2013-08-01')]), 'remaining'],
    ['decided after the review', state([condition('C1', null)], [], '2014-01-31'), 'decided_after_review'],
  ])('%s', (_case, s, expected) => {
    expect(summary(s).july2013).toBe(expected);
  });

  it.each<[string, AuthorisationDirection[], [boolean, boolean]]>([
    ['given before go-live and standing', [direction('2013-01-31', null)], [true, true]],
    ['lifted in July', [direction('2013-01-31', '2013-07-31')], [true, false]],
    ['given after go-live (as Barnet)', [direction('2013-06-30', null)], [false, true]],
    ['lifted on go-live day', [direction('2013-01-31', '2013-04-01')], [false, false]],
  ])('directions %s: at go-live, after July', (_case, directions, expected) => {
    const s = summary(state([condition('C1', null, 4)], directions));
    expect([s.directionsAtGoLive, s.directionsAfterJuly2013]).toEqual(expected);
  });

  it('labels what has no demo provenance as recorded through the platform', () => {
    const s = summary(state([condition('C1', null)]));
    expect(s.provenance.wave.basis).toBe('recorded');
    expect(s.conditions[0]!.criterion.basis).toBe('recorded');
    expect(s.synthetic).toBe(false);
  });

  it('has no summary before a decision', () => {
    expect(
      summariseCcg(
        {
          ccgCode: 'X',
          ccgName: 'X',
          state: { status: 'emerging', ccgCode: 'X' } as StateSnapshot,
          provenance: null,
        },
        context,
      ),
    ).toBeNull();
  });
});

describe('boardStatus', () => {
  it('totals the first decisions and counts where the CCGs stand now', () => {
    const all = [
      summary(state([])),
      summary(state([condition('C1', null)])),
      summary(state([condition('C1', '2013-07-31')])),
    ];
    const b = boardStatus(all, { wave: 1 });
    expect(b.totals).toMatchObject({
      ccgs: 3,
      authorised: 1,
      withConditions: 2,
      conditionsLiftedInJuly2013Review: 1,
    });
    expect(b.current).toMatchObject({ authorised: 2, withConditions: 1, openConditions: 1 });
    expect(b.byWave[1]).toMatchObject({ wave: 2, ccgs: 3 });
    expect(b.items).toEqual([]);
    expect(b.conditionsByDomain.find((d) => d.domain === 3)!.conditions).toBe(2);
  });
});
