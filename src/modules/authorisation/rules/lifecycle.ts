/**
 * The lifecycle of one CCG through establishment and authorisation, as a pure state machine:
 * emerging → pathfinder → applicant in a wave → established (authorised, with conditions, or not
 * authorised and under directions) → merged or dissolved. Each accepted event is dated and appended to
 * the state's history, which is never rewritten. An illegal event is rejected with every problem found.
 */
import { dayBefore } from '../../organisations/rules/structural-events.ts';
import type {
  AuthorisationCondition,
  AuthorisationDirection,
  AuthorisationEvent,
  AuthorisationEventKind,
  CcgAuthorisationState,
  LifecycleContext,
  LifecycleProblem,
  LifecycleStatus,
  TransitionResult,
} from '../model.ts';
import {
  decisionProblems,
  exerciserProblems,
  levelBringsDirections,
  reviewDateProblems,
} from './decision-checks.ts';
import { isIsoDate } from './definition-schema.ts';

type State = CcgAuthorisationState;
type StateOf<S extends LifecycleStatus> = Extract<State, { status: S }>;
type EventOf<K extends AuthorisationEventKind> = Extract<AuthorisationEvent, { kind: K }>;
/** A state without its history: what a handler builds; `transition` appends the history entry. */
type Body = State extends infer S ? (S extends State ? Omit<S, 'history'> : never) : never;
type Step = Body | LifecycleProblem[];
type EstablishedStatus =
  | 'established_authorised'
  | 'established_with_conditions'
  | 'established_not_authorised_under_directions';
type Established = StateOf<EstablishedStatus>;
type UnderReview = StateOf<'established_with_conditions' | 'established_not_authorised_under_directions'>;

const ESTABLISHED: readonly EstablishedStatus[] = [
  'established_authorised',
  'established_with_conditions',
  'established_not_authorised_under_directions',
];
const UNDER_REVIEW: readonly UnderReview['status'][] = [
  'established_with_conditions',
  'established_not_authorised_under_directions',
];

/** The states each event may be applied in. */
export const ALLOWED_FROM: Readonly<Record<AuthorisationEventKind, readonly LifecycleStatus[]>> = {
  pathfinder_approval: ['emerging'],
  apply_in_wave: ['pathfinder', 'applicant'],
  decision: ['applicant', 'established_not_authorised_under_directions'],
  lift_condition: UNDER_REVIEW,
  vary_condition: UNDER_REVIEW,
  vary_directions: UNDER_REVIEW,
  lift_directions: UNDER_REVIEW,
  merger: ESTABLISHED,
  dissolution: ESTABLISHED,
  join: ESTABLISHED,
  leave: ESTABLISHED,
  move: ESTABLISHED,
};

const problem = (code: string, message: string): LifecycleProblem => ({ code, message });
const isIn = <S extends LifecycleStatus>(state: State, statuses: readonly S[]): state is StateOf<S> =>
  (statuses as readonly LifecycleStatus[]).includes(state.status);
const same = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();
const isOpen = (x: { liftedOn: string | null }) => x.liftedOn === null;

/** A CCG not yet recognised as a pathfinder, with an empty history. */
export function emergingCcg(ccgCode: string): State {
  return { status: 'emerging', ccgCode, history: [] };
}

function illegal(state: State, event: AuthorisationEvent): LifecycleProblem[] {
  const allowed = ALLOWED_FROM[event.kind];
  const terminal = state.status === 'merged' || state.status === 'dissolved';
  return [
    problem(
      'illegal_transition',
      `Event "${event.kind}" is not allowed in state "${state.status}" (CCG ${state.ccgCode})` +
        (terminal
          ? `: a ${state.status} CCG takes no further events`
          : `; it is allowed in: ${allowed.join(', ')}`),
    ),
  ];
}

function pathfinderApproval(state: State, e: EventOf<'pathfinder_approval'>, ctx: LifecycleContext): Step {
  if (state.status !== 'emerging') return illegal(state, e);
  const problems: LifecycleProblem[] = [];
  const tests = [
    ['gpLeadership', 'local GP leadership'],
    ['localAuthorityEngagement', 'local authority engagement'],
    ['qippContribution', 'a contribution to QIPP'],
  ] as const;
  for (const [flag, label] of tests) {
    if (!e.evidence[flag])
      problems.push(problem('pathfinder_test', `The pathfinder test needs evidence of ${label}`));
  }
  if (e.date >= ctx.establishmentDate) {
    problems.push(
      problem(
        'after_establishment',
        `Pathfinders precede establishment on ${ctx.establishmentDate}; got ${e.date}`,
      ),
    );
  }
  if (problems.length) return problems;
  return {
    status: 'pathfinder',
    ccgCode: state.ccgCode,
    pathfinder: {
      approvedOn: e.date,
      evidence: e.evidence,
      delegatingPctCode: e.delegatingPctCode,
      pctAccountableUntil: dayBefore(ctx.establishmentDate),
    },
  };
}

function applyInWave(state: State, e: EventOf<'apply_in_wave'>, ctx: LifecycleContext): Step {
  if (state.status !== 'pathfinder' && state.status !== 'applicant') return illegal(state, e);
  const wave = ctx.waves.find((w) => w.wave === e.wave);
  if (!wave) return [problem('unknown_wave', `There is no wave ${e.wave}`)];
  const problems: LifecycleProblem[] = [];
  if (e.date > wave.applicationDeadline) {
    problems.push(
      problem(
        'deadline_passed',
        `Wave ${e.wave} applications closed on ${wave.applicationDeadline}; applied on ${e.date}`,
      ),
    );
  }
  const current = state.status === 'applicant' ? state.application : null;
  if (current && e.wave <= current.wave) {
    problems.push(
      problem(
        'not_a_deferral',
        `${state.ccgCode} applied in wave ${current.wave}; it can only defer to a later wave`,
      ),
    );
  }
  if (problems.length) return problems;
  return {
    status: 'applicant',
    ccgCode: state.ccgCode,
    pathfinder: state.pathfinder,
    application: {
      wave: e.wave,
      applicationDeadline: wave.applicationDeadline,
      submittedOn: e.date,
      deferredFrom: current ? [...current.deferredFrom, current.wave] : [],
    },
  };
}

function decide(state: State, e: EventOf<'decision'>, ctx: LifecycleContext): Step {
  if (state.status !== 'applicant' && state.status !== 'established_not_authorised_under_directions') {
    return illegal(state, e);
  }
  const problems = decisionProblems(state.ccgCode, e.date, e.outcome, e.conditions, e.directions, ctx);
  if (problems.length) return problems;
  // A new decision on a CCG under directions ends what it had before; history keeps the old decision.
  const previous = state.status === 'applicant' ? null : state;
  const ended = <T extends { liftedOn: string | null }>(items: readonly T[]): T[] =>
    items.map((x) => (isOpen(x) ? { ...x, liftedOn: e.date } : x));
  const conditions: AuthorisationCondition[] = [
    ...ended(previous?.conditions ?? []),
    ...e.conditions.map((c) => ({ ...c, liftedOn: null })),
  ];
  const directions: AuthorisationDirection[] = [
    ...ended(previous?.directions ?? []),
    ...e.directions.map((d) => ({
      ...d,
      givenOn: e.date,
      legalBasis: 'ccg_regs_reg_8' as const,
      liftedOn: null,
    })),
  ];
  const decision = {
    decidedOn: e.date,
    outcome: e.outcome,
    establishedOn:
      previous?.decision.establishedOn ?? (e.date > ctx.establishmentDate ? e.date : ctx.establishmentDate),
  };
  const status =
    e.outcome === 'authorise'
      ? 'established_authorised'
      : e.outcome === 'authorise_with_conditions'
        ? 'established_with_conditions'
        : 'established_not_authorised_under_directions';
  return { status, ccgCode: state.ccgCode, application: state.application, decision, conditions, directions };
}

/** Authorised once no condition stands and no direction is in force; otherwise the state is kept. */
function settle(
  state: UnderReview,
  conditions: AuthorisationCondition[],
  directions: AuthorisationDirection[],
): Body {
  const { history: _history, ...rest } = state;
  const clear = !conditions.some(isOpen) && !directions.some(isOpen);
  if (state.status === 'established_with_conditions' && clear) {
    return { ...rest, status: 'established_authorised', conditions, directions };
  }
  return { ...rest, conditions, directions };
}

function liftCondition(state: State, e: EventOf<'lift_condition'>): Step {
  if (!isIn(state, UNDER_REVIEW)) return illegal(state, e);
  const condition = state.conditions.find((c) => c.conditionId === e.conditionId);
  if (!condition) return [problem('unknown_condition', `${state.ccgCode} has no condition ${e.conditionId}`)];
  if (!isOpen(condition)) {
    return [problem('already_lifted', `Condition ${e.conditionId} was lifted on ${condition.liftedOn}`)];
  }
  const conditions = state.conditions.map((c) => (c === condition ? { ...c, liftedOn: e.date } : c));
  return settle(state, conditions, [...state.directions]);
}

/**
 * A review of a standing condition: new level, review date and wording. A level that brings directions
 * needs directions in force (given in the same event if none are); directions given here must underpin
 * a condition at such a level.
 */
function varyCondition(state: State, e: EventOf<'vary_condition'>, ctx: LifecycleContext): Step {
  if (!isIn(state, UNDER_REVIEW)) return illegal(state, e);
  const condition = state.conditions.find((c) => c.conditionId === e.conditionId);
  if (!condition) return [problem('unknown_condition', `${state.ccgCode} has no condition ${e.conditionId}`)];
  if (!isOpen(condition)) {
    return [problem('already_lifted', `Condition ${e.conditionId} was lifted on ${condition.liftedOn}`)];
  }
  const problems: LifecycleProblem[] = [];
  if (!ctx.supportLevels.some((l) => l.level === e.supportLevel)) {
    problems.push(
      problem(
        'unknown_support_level',
        `Condition ${e.conditionId} has unknown support level ${e.supportLevel}`,
      ),
    );
  }
  problems.push(...reviewDateProblems(e.conditionId, e.reviewDate, e.date));
  if (!e.description.trim()) {
    problems.push(problem('condition_description', `Condition ${e.conditionId} needs a description`));
  }
  const ids = new Set(state.directions.map((d) => d.directionId));
  for (const d of e.directions) {
    if (ids.has(d.directionId)) {
      problems.push(problem('duplicate_direction', `direction id ${d.directionId} is used twice`));
    }
    ids.add(d.directionId);
    problems.push(...exerciserProblems(state.ccgCode, d.directionId, d.functions, d.exercisedBy));
  }
  const conditions = state.conditions.map((c) =>
    c === condition
      ? { ...c, supportLevel: e.supportLevel, reviewDate: e.reviewDate, description: e.description }
      : c,
  );
  const directions: AuthorisationDirection[] = [
    ...state.directions,
    ...e.directions.map((d) => ({
      ...d,
      givenOn: e.date,
      legalBasis: 'ccg_regs_reg_8' as const,
      liftedOn: null,
    })),
  ];
  const directing = conditions.some((c) => isOpen(c) && levelBringsDirections(ctx, c.supportLevel));
  if (levelBringsDirections(ctx, e.supportLevel) && !directions.some(isOpen)) {
    problems.push(
      problem(
        'directions_required',
        `Level ${e.supportLevel} brings legal directions: give the directions with the variation of ${e.conditionId}`,
      ),
    );
  }
  if (e.directions.length && !directing) {
    problems.push(
      problem(
        'directions_without_level',
        'Directions underpin conditions at levels that bring them (IV–VI); no standing condition is at such a level',
      ),
    );
  }
  if (problems.length) return problems;
  return settle(state, conditions, directions);
}

function inForceDirection(
  state: UnderReview,
  directionId: string,
): LifecycleProblem | AuthorisationDirection {
  const direction = state.directions.find((d) => d.directionId === directionId);
  if (!direction) return problem('unknown_direction', `${state.ccgCode} has no direction ${directionId}`);
  if (!isOpen(direction)) {
    return problem('direction_lifted', `Direction ${directionId} was lifted on ${direction.liftedOn}`);
  }
  return direction;
}

function varyDirections(state: State, e: EventOf<'vary_directions'>): Step {
  if (!isIn(state, UNDER_REVIEW)) return illegal(state, e);
  const direction = inForceDirection(state, e.directionId);
  if ('code' in direction) return [direction];
  const problems = exerciserProblems(state.ccgCode, e.directionId, e.functions, e.exercisedBy);
  if (problems.length) return problems;
  const directions = state.directions.map((d) =>
    d === direction ? { ...d, functions: e.functions, exercisedBy: e.exercisedBy } : d,
  );
  return settle(state, [...state.conditions], directions);
}

function liftDirections(state: State, e: EventOf<'lift_directions'>, ctx: LifecycleContext): Step {
  if (!isIn(state, UNDER_REVIEW)) return illegal(state, e);
  if (!e.directionIds.length) return [problem('no_directions_named', 'Name at least one direction to lift')];
  const found = e.directionIds.map((id) => inForceDirection(state, id));
  const problems = found.filter((f): f is LifecycleProblem => 'code' in f);
  if (problems.length) return problems;
  const lifting = new Set(found as AuthorisationDirection[]);
  const directions = state.directions.map((d) => (lifting.has(d) ? { ...d, liftedOn: e.date } : d));
  if (!directions.some(isOpen)) {
    if (state.status === 'established_not_authorised_under_directions') {
      return [
        problem(
          'not_authorised_needs_directions',
          `${state.ccgCode} is established but not authorised, so others exercise its functions under directions: decide to authorise it rather than lift every direction`,
        ),
      ];
    }
    const directing = state.conditions.filter((c) => isOpen(c) && levelBringsDirections(ctx, c.supportLevel));
    if (directing.length) {
      const ids = directing.map((c) => `${c.conditionId} (level ${c.supportLevel})`).join(', ');
      return [
        problem(
          'directions_required',
          `Conditions at levels that bring directions still stand (${ids}): lift them first`,
        ),
      ];
    }
  }
  return settle(state, [...state.conditions], directions);
}

/** A registry event reused by name: merger and dissolution end the CCG; membership changes are recorded. */
function registryEvent(state: State, e: EventOf<'merger' | 'dissolution' | 'join' | 'leave' | 'move'>): Step {
  if (!isIn(state, ESTABLISHED)) return illegal(state, e);
  const code = state.ccgCode;
  const party =
    e.kind === 'merger'
      ? e.predecessorCodes.some((c) => same(c, code))
      : e.kind === 'move'
        ? same(e.fromCcgCode, code) || same(e.toCcgCode, code)
        : same(e.ccgCode, code);
  if (!party) return [problem('not_party', `The ${e.kind} of ${e.date} does not concern ${code}`)];
  const { history: _history, ...rest }: Established = state;
  if (e.kind === 'dissolution') {
    return { status: 'dissolved', ccgCode: code, dissolvedOn: e.date, predecessorStatus: state.status };
  }
  if (e.kind === 'merger' && !same(e.successorCode, code)) {
    return {
      status: 'merged',
      ccgCode: code,
      mergedOn: e.date,
      successorCode: e.successorCode,
      predecessorStatus: state.status,
    };
  }
  // A continuing successor keeps its authorisation, conditions and directions.
  return rest;
}

function step(state: State, event: AuthorisationEvent, ctx: LifecycleContext): Step {
  switch (event.kind) {
    case 'pathfinder_approval':
      return pathfinderApproval(state, event, ctx);
    case 'apply_in_wave':
      return applyInWave(state, event, ctx);
    case 'decision':
      return decide(state, event, ctx);
    case 'lift_condition':
      return liftCondition(state, event);
    case 'vary_condition':
      return varyCondition(state, event, ctx);
    case 'vary_directions':
      return varyDirections(state, event);
    case 'lift_directions':
      return liftDirections(state, event, ctx);
    default:
      return registryEvent(state, event);
  }
}

/**
 * Applies one dated event to a CCG's state. Returns the next state with the event appended to its
 * history, or every problem found (the state named in an illegal transition, bad dates, missing
 * evidence, deadlines, conditions without support levels, levels that bring directions without any).
 */
export function transition(
  state: State,
  event: AuthorisationEvent,
  context: LifecycleContext,
): TransitionResult {
  if (!ALLOWED_FROM[event.kind].includes(state.status)) return { ok: false, problems: illegal(state, event) };
  if (!isIsoDate(event.date)) {
    return {
      ok: false,
      problems: [problem('invalid_date', `Event date "${event.date}" is not a YYYY-MM-DD date`)],
    };
  }
  const last = state.history.at(-1);
  if (last && event.date < last.date) {
    return {
      ok: false,
      problems: [
        problem(
          'date_before_history',
          `Event dated ${event.date} comes before the last recorded event (${last.date})`,
        ),
      ],
    };
  }
  const result = step(state, event, context);
  if (Array.isArray(result)) return { ok: false, problems: result };
  const entry = { date: event.date, from: state.status, to: result.status, event };
  return { ok: true, next: { ...result, history: [...state.history, entry] } as State };
}
