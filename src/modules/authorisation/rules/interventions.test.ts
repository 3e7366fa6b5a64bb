import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Intervention } from '../assurance-model.ts';
import {
  type DirectionInputs,
  giveDirection,
  liftDirections,
  openIntervention,
  recordConsultation,
  recordReview,
  varyDirection,
} from './interventions.ts';
import { loadDefinitions } from './test-fixtures.ts';

const { assurance } = loadDefinitions((url) => JSON.parse(readFileSync(url, 'utf8')));
const board = { kind: 'person' as const, id: 'b', name: 'Board' };
const LAS = ['E06000005'];

function must(r: ReturnType<typeof giveDirection>): Intervention {
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join('; '));
  return r.next;
}
const codes = (r: ReturnType<typeof giveDirection>) => (r.ok ? [] : r.problems.map((p) => p.code));

const opened = must(
  openIntervention(
    {
      interventionId: 'INT-00C-1',
      ccgCode: '00C',
      ground: 'failing',
      grounds: 'Failing to discharge its commissioning functions properly',
      openedOn: '2014-01-15',
      triggers: [],
      openedBy: board,
      synthetic: false,
    },
    assurance,
  ),
);
let n = 0;
const direction = (
  power: DirectionInputs['power'],
  change: Partial<DirectionInputs> = {},
): DirectionInputs => ({
  directionId: `D${++n}`,
  power,
  functions: ['Acute commissioning'],
  exercisedBy: { kind: 'ccg_itself' },
  givenOn: '2014-02-01',
  until: null,
  detail: 'As in the letter',
  dissolutionReport: null,
  ...change,
});
const consult = (i: Intervention, consulteeCode: string, consultedOn = '2014-01-20') =>
  must(
    recordConsultation(i, {
      consultationId: `C-${consulteeCode}`,
      consulteeCode,
      basis: 'x',
      consultedOn,
      response: 'r',
    }),
  );
const ceased = must(giveDirection(opened, direction('cease_functions'), assurance, LAS));

describe('openIntervention', () => {
  it('starts a draft with no directions', () => {
    expect(opened).toMatchObject({ status: 'draft', directions: [], liftedOn: null });
  });
  it('needs a ground of s14Z21(1) and its reasons', () => {
    const r = openIntervention(
      { ...opened, ground: 'bored' as 'failing', grounds: ' ', openedOn: '2014-13-01', triggers: [] },
      assurance,
    );
    expect(codes(r)).toEqual(['unknown_ground', 'grounds_required', 'invalid_date']);
  });
});

describe('giveDirection: each power of s14Z21 with what it needs', () => {
  it.each<[string, Intervention, DirectionInputs, string[]]>([
    ['(2) discharge functions, by the CCG itself', opened, direction('discharge_functions'), []],
    [
      '(2) without naming the functions',
      opened,
      direction('discharge_functions', { functions: [' '] }),
      ['functions_required'],
    ],
    [
      '(3) cease, performed by the Board: wrong power',
      opened,
      direction('cease_functions', { exercisedBy: { kind: 'board' } }),
      ['performer'],
    ],
    [
      '(8)(a) the Board exercises, after a direction to cease',
      ceased,
      direction('board_exercises', { exercisedBy: { kind: 'board' } }),
      [],
    ],
    [
      '(8)(a) without a direction to cease',
      opened,
      direction('board_exercises', { exercisedBy: { kind: 'board' } }),
      ['requires'],
    ],
    [
      '(8)(b) another CCG, consulted first (s14Z21(10))',
      consult(ceased, '00D'),
      direction('another_ccg_performs', { exercisedBy: { kind: 'ccg', ccgCode: '00D' } }),
      [],
    ],
    [
      '(8)(b) another CCG, not consulted',
      ceased,
      direction('another_ccg_performs', { exercisedBy: { kind: 'ccg', ccgCode: '00D' } }),
      ['consultation_required'],
    ],
    [
      '(8)(b) consulted only after the direction',
      consult(ceased, '00D', '2014-03-01'),
      direction('another_ccg_performs', {
        givenOn: '2014-03-01',
        exercisedBy: { kind: 'ccg', ccgCode: '00D' },
      }),
      [],
    ],
    [
      '(8)(b) the CCG itself',
      consult(ceased, '00C'),
      direction('another_ccg_performs', { exercisedBy: { kind: 'ccg', ccgCode: '00c' } }),
      ['direction_self'],
    ],
    [
      '(4) replace the accountable officer',
      opened,
      direction('replace_accountable_officer', { functions: [] }),
      [],
    ],
    [
      '(7) dissolve without the s14Z22 consultations or report',
      opened,
      direction('dissolve', { functions: [] }),
      ['consultation_required', 'report_required'],
    ],
    [
      '(7) dissolve after consulting the CCG and its local authority, with a report',
      consult(consult(opened, '00C'), 'E06000005'),
      direction('dissolve', { functions: [], dissolutionReport: 'Report' }),
      [],
    ],
    [
      '(11) a transfer scheme without (6) or (7)',
      opened,
      direction('transfer_scheme', { functions: [] }),
      ['requires'],
    ],
    [
      '(11) a transfer scheme after varying the constitution',
      must(giveDirection(opened, direction('vary_constitution', { functions: [] }), assurance, LAS)),
      direction('transfer_scheme', { functions: [] }),
      [],
    ],
    [
      'a direction dated before the last step',
      consult(opened, '00D', '2014-02-10'),
      direction('discharge_functions'),
      ['date_order'],
    ],
    [
      'a period ending before it starts',
      opened,
      direction('cease_functions', { until: '2014-01-31' }),
      ['invalid_period'],
    ],
  ])('%s', (_case, state, d, expected) => {
    expect(codes(giveDirection(state, d, assurance, LAS))).toEqual(expected);
  });

  it('publishes the intervention with its first direction, and keeps the dissolution report', () => {
    expect(ceased.status).toBe('in_force');
    const dissolved = must(
      giveDirection(
        consult(consult(opened, '00C'), 'E06000005'),
        direction('dissolve', { functions: [], dissolutionReport: 'Why' }),
        assurance,
        LAS,
      ),
    );
    expect(dissolved.dissolutionReport).toBe('Why');
  });
});

describe('review, variation and lifting', () => {
  const two = must(
    giveDirection(ceased, direction('discharge_functions', { directionId: 'D-two' }), assurance, LAS),
  );
  const first = two.directions[0]!.directionId;

  it('varies a direction in force, keeping the variation', () => {
    const varied = must(
      varyDirection(two, {
        directionId: first,
        functions: ['Urgent care'],
        variedOn: '2014-03-01',
        note: 'Narrowed',
      }),
    );
    expect(varied.directions[0]).toMatchObject({
      functions: ['Urgent care'],
      variations: [{ variedOn: '2014-03-01' }],
    });
  });

  it('reviews only while directions are in force', () => {
    expect(
      codes(
        recordReview(opened, { reviewedOn: '2014-06-30', outcome: 'continue', note: 'n', reviewedBy: board }),
      ),
    ).toEqual(['not_in_force']);
    expect(
      must(recordReview(two, { reviewedOn: '2014-06-30', outcome: 'continue', note: 'n', reviewedBy: board }))
        .reviews,
    ).toHaveLength(1);
  });

  it('lifts named directions; the intervention ends with the last', () => {
    const one = must(liftDirections(two, { directionIds: [first], liftedOn: '2014-09-30' }));
    expect(one).toMatchObject({ status: 'in_force', liftedOn: null });
    const all = must(liftDirections(one, { directionIds: [], liftedOn: '2014-10-31' }));
    expect(all).toMatchObject({ status: 'lifted', liftedOn: '2014-10-31' });
    expect(codes(liftDirections(all, { directionIds: [], liftedOn: '2014-11-30' }))).toEqual([
      'not_in_force',
    ]);
    expect(codes(liftDirections(two, { directionIds: ['D-x'], liftedOn: '2014-09-30' }))).toEqual([
      'unknown_direction',
    ]);
  });
});
