/**
 * Intervention in a CCG under NHS Act 2006 s14Z21, as a pure record: the grounds (s14Z21(1)(a) or
 * (b)), directions each under one power of the section (STATUTES.md §7), the consultations the section
 * requires first (s14Z21(10) before another CCG is directed; s14Z22 before dissolution), reviews, and
 * lifting. Each step returns the next record or every problem found; nothing earlier is rewritten.
 */
import type { AssessmentProblem, Recorder } from '../assessment-model.ts';
import type {
  AssuranceDefinitions,
  FunctionsExercisedBy,
  Intervention,
  InterventionConsultation,
  InterventionDirection,
  InterventionGround,
  InterventionPowerId,
  TriggerSnapshot,
} from '../assurance-model.ts';
import { isIsoDate } from './definition-schema.ts';

type Step =
  | { readonly ok: true; readonly next: Intervention }
  | { readonly ok: false; readonly problems: AssessmentProblem[] };
const problem = (code: string, path: string, message: string): AssessmentProblem => ({ code, path, message });
const fail = (problems: AssessmentProblem[]): Step => ({ ok: false, problems });
const same = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

function dateProblems(date: string, notBefore: string, path: string): AssessmentProblem[] {
  if (!isIsoDate(date)) return [problem('invalid_date', path, `"${date}" is not a YYYY-MM-DD date`)];
  if (date < notBefore)
    return [problem('date_order', path, `${date} is before ${notBefore}, the last step recorded`)];
  return [];
}

/** The date of the latest step, so later steps cannot be dated before it. */
function lastDate(i: Intervention): string {
  return [
    i.openedOn,
    ...i.directions.flatMap((d) => [d.givenOn, d.liftedOn ?? '', ...d.variations.map((v) => v.variedOn)]),
    ...i.consultations.map((c) => c.consultedOn),
    ...i.reviews.map((r) => r.reviewedOn),
  ]
    .filter(Boolean)
    .sort()
    .at(-1)!;
}

export interface OpenInterventionInput {
  readonly interventionId: string;
  readonly ccgCode: string;
  readonly ground: InterventionGround;
  readonly grounds: string;
  readonly openedOn: string;
  readonly triggers: readonly TriggerSnapshot[];
  readonly openedBy: Recorder;
  readonly synthetic: boolean;
}

export function openIntervention(input: OpenInterventionInput, definitions: AssuranceDefinitions): Step {
  const problems: AssessmentProblem[] = [];
  if (!definitions.intervention.grounds.some((g) => g.id === input.ground)) {
    problems.push(problem('unknown_ground', 'ground', `"${input.ground}" is not a ground of s14Z21(1)`));
  }
  if (!input.grounds.trim()) {
    problems.push(
      problem(
        'grounds_required',
        'grounds',
        'Say why the Board is satisfied the CCG is failing, or at significant risk of failing',
      ),
    );
  }
  if (!isIsoDate(input.openedOn))
    problems.push(problem('invalid_date', 'openedOn', `"${input.openedOn}" is not a YYYY-MM-DD date`));
  if (problems.length) return fail(problems);
  return {
    ok: true,
    next: {
      ...input,
      status: 'draft',
      directions: [],
      consultations: [],
      reviews: [],
      dissolutionReport: null,
      liftedOn: null,
    },
  };
}

export function recordConsultation(i: Intervention, c: InterventionConsultation): Step {
  const problems: AssessmentProblem[] = [];
  if (i.status === 'lifted')
    problems.push(problem('lifted', 'status', `Intervention ${i.interventionId} was lifted`));
  if (i.consultations.some((x) => x.consultationId === c.consultationId)) {
    problems.push(
      problem('duplicate', 'consultationId', `Consultation ${c.consultationId} is already recorded`),
    );
  }
  if (!c.consulteeCode.trim()) problems.push(problem('required', 'consulteeCode', 'Name who was consulted'));
  if (!c.response.trim())
    problems.push(problem('required', 'response', 'Record the response (or that none came)'));
  problems.push(...dateProblems(c.consultedOn, i.openedOn, 'consultedOn'));
  if (problems.length) return fail(problems);
  return { ok: true, next: { ...i, consultations: [...i.consultations, c] } };
}

export interface DirectionInputs {
  readonly directionId: string;
  readonly power: InterventionPowerId;
  readonly functions: readonly string[];
  readonly exercisedBy: FunctionsExercisedBy;
  readonly givenOn: string;
  readonly until: string | null;
  readonly detail: string;
  /** The s14Z22 report of the Board's response, when dissolving. */
  readonly dissolutionReport: string | null;
}

/** Who must perform the functions under each power: the CCG itself, the Board (8)(a), another CCG (8)(b). */
function performerProblems(ccgCode: string, d: DirectionInputs): AssessmentProblem[] {
  const by = d.exercisedBy;
  if (d.power === 'board_exercises') {
    return by.kind === 'board'
      ? []
      : [problem('performer', 'exercisedBy', 'Under s14Z21(8)(a) the Board exercises the functions')];
  }
  if (d.power === 'another_ccg_performs') {
    if (by.kind !== 'ccg')
      return [
        problem('performer', 'exercisedBy', 'Under s14Z21(8)(b) another CCG performs the functions: name it'),
      ];
    return same(by.ccgCode, ccgCode)
      ? [
          problem(
            'direction_self',
            'exercisedBy.ccgCode',
            `${ccgCode} cannot be directed to perform its own functions on its behalf`,
          ),
        ]
      : [];
  }
  return by.kind === 'ccg_itself'
    ? []
    : [
        problem(
          'performer',
          'exercisedBy',
          `A direction under ${d.power} is to the CCG itself; use board_exercises or another_ccg_performs for others`,
        ),
      ];
}

/**
 * Gives one direction. `localAuthorities`: the relevant local authorities, which s14Z22 requires the
 * Board to consult before dissolving the CCG.
 */
export function giveDirection(
  i: Intervention,
  d: DirectionInputs,
  definitions: AssuranceDefinitions,
  localAuthorities: readonly string[],
): Step {
  const problems: AssessmentProblem[] = [];
  if (i.status === 'lifted')
    problems.push(problem('lifted', 'status', `Intervention ${i.interventionId} was lifted`));
  const power = definitions.intervention.powers.find((p) => p.id === d.power);
  if (!power) return fail([problem('unknown_power', 'power', `"${d.power}" is not a power of s14Z21`)]);
  if (i.directions.some((x) => x.directionId === d.directionId)) {
    problems.push(problem('duplicate', 'directionId', `Direction ${d.directionId} is already given`));
  }
  problems.push(...dateProblems(d.givenOn, lastDate(i), 'givenOn'));
  if (d.until !== null && (!isIsoDate(d.until) || d.until <= d.givenOn)) {
    problems.push(problem('invalid_period', 'until', `The period must end after ${d.givenOn}`));
  }
  if (power.needsFunctions && !d.functions.some((f) => f.trim())) {
    problems.push(
      problem(
        'functions_required',
        'functions',
        `A direction under ${power.subsection} names the functions it covers`,
      ),
    );
  }
  if (!d.detail.trim()) problems.push(problem('required', 'detail', 'Set out the direction'));
  problems.push(...performerProblems(i.ccgCode, d));
  const inForce = i.directions.filter((x) => x.liftedOn === null);
  if (power.requires.length && !inForce.some((x) => power.requires.includes(x.power))) {
    problems.push(
      problem(
        'requires',
        'power',
        `${power.subsection} follows a direction under ${power.requires.join(' or ')} in force in this intervention`,
      ),
    );
  }
  const consultedBy = (code: string) =>
    i.consultations.some((c) => same(c.consulteeCode, code) && c.consultedOn <= d.givenOn);
  if (
    power.consultation?.who === 'directed_ccg' &&
    d.exercisedBy.kind === 'ccg' &&
    !consultedBy(d.exercisedBy.ccgCode)
  ) {
    problems.push(
      problem(
        'consultation_required',
        'consultations',
        `${power.consultation.subsection}: consult ${d.exercisedBy.ccgCode} before directing it to perform the functions`,
      ),
    );
  }
  if (power.consultation?.who === 'ccg_and_local_authorities') {
    const missing = [i.ccgCode, ...localAuthorities].filter((code) => !consultedBy(code));
    if (missing.length) {
      problems.push(
        problem(
          'consultation_required',
          'consultations',
          `${power.consultation.subsection}: consult ${missing.join(', ')} before dissolving the CCG`,
        ),
      );
    }
    if (!d.dissolutionReport?.trim()) {
      problems.push(
        problem(
          'report_required',
          'dissolutionReport',
          `${power.consultation.subsection}: publish a report of the Board's response, with its reasons`,
        ),
      );
    }
  }
  if (problems.length) return fail(problems);
  const direction: InterventionDirection = {
    directionId: d.directionId,
    power: d.power,
    functions: d.functions.filter((f) => f.trim()),
    exercisedBy: d.exercisedBy,
    givenOn: d.givenOn,
    until: d.until,
    detail: d.detail,
    liftedOn: null,
    variations: [],
  };
  return {
    ok: true,
    next: {
      ...i,
      status: 'in_force',
      directions: [...i.directions, direction],
      dissolutionReport: d.power === 'dissolve' ? d.dissolutionReport : i.dissolutionReport,
    },
  };
}

export function varyDirection(
  i: Intervention,
  v: {
    readonly directionId: string;
    readonly functions: readonly string[];
    readonly variedOn: string;
    readonly note: string;
  },
): Step {
  const d = i.directions.find((x) => x.directionId === v.directionId);
  if (!d)
    return fail([
      problem('unknown_direction', 'directionId', `${i.interventionId} has no direction ${v.directionId}`),
    ]);
  const problems = dateProblems(v.variedOn, lastDate(i), 'variedOn');
  if (d.liftedOn !== null)
    problems.push(problem('lifted', 'directionId', `Direction ${v.directionId} was lifted on ${d.liftedOn}`));
  if (!v.functions.some((f) => f.trim()))
    problems.push(
      problem('functions_required', 'functions', 'Name the functions the varied direction covers'),
    );
  if (!v.note.trim()) problems.push(problem('required', 'note', 'Say why the direction is varied'));
  if (problems.length) return fail(problems);
  const varied = {
    ...d,
    functions: v.functions,
    variations: [...d.variations, { variedOn: v.variedOn, functions: v.functions, note: v.note }],
  };
  return { ok: true, next: { ...i, directions: i.directions.map((x) => (x === d ? varied : x)) } };
}

export function recordReview(
  i: Intervention,
  r: {
    readonly reviewedOn: string;
    readonly outcome: 'continue' | 'vary' | 'lift';
    readonly note: string;
    readonly reviewedBy: Recorder;
  },
): Step {
  const problems = dateProblems(r.reviewedOn, lastDate(i), 'reviewedOn');
  if (i.status !== 'in_force')
    problems.push(
      problem(
        'not_in_force',
        'status',
        `Intervention ${i.interventionId} has no directions in force to review`,
      ),
    );
  if (!r.note.trim()) problems.push(problem('required', 'note', 'Record what the review found'));
  if (problems.length) return fail(problems);
  return { ok: true, next: { ...i, reviews: [...i.reviews, r] } };
}

/** Lifts the named directions (all in force when none are named); the intervention ends with the last. */
export function liftDirections(
  i: Intervention,
  l: { readonly directionIds: readonly string[]; readonly liftedOn: string },
): Step {
  const problems = dateProblems(l.liftedOn, lastDate(i), 'liftedOn');
  if (i.status !== 'in_force')
    problems.push(
      problem('not_in_force', 'status', `Intervention ${i.interventionId} has no directions in force`),
    );
  const inForce = i.directions.filter((d) => d.liftedOn === null);
  const ids = l.directionIds.length ? l.directionIds : inForce.map((d) => d.directionId);
  for (const id of ids) {
    if (!inForce.some((d) => d.directionId === id)) {
      problems.push(
        problem(
          'unknown_direction',
          'directionIds',
          `${id} is not a direction in force in ${i.interventionId}`,
        ),
      );
    }
  }
  if (problems.length) return fail(problems);
  const directions = i.directions.map((d) =>
    ids.includes(d.directionId) ? { ...d, liftedOn: l.liftedOn } : d,
  );
  const ended = directions.every((d) => d.liftedOn !== null);
  return {
    ok: true,
    next: { ...i, directions, status: ended ? 'lifted' : 'in_force', liftedOn: ended ? l.liftedOn : null },
  };
}
