/**
 * Checks on the Board's authorisation decision and on later changes to directions: conditions need a
 * known support level, known criteria of their domain and a later review date; a level that brings
 * directions needs directions (CCG Regs 2012 reg 8); a direction names functions and who exercises
 * them (the Board or another CCG).
 */
import type {
  ConditionInput,
  DecisionOutcome,
  DirectionExerciser,
  DirectionInput,
  LifecycleContext,
  LifecycleProblem,
  SupportLevelNumber,
} from '../model.ts';
import { isIsoDate } from './definition-schema.ts';

const problem = (code: string, message: string): LifecycleProblem => ({ code, message });

/** Whether the level brings directions; an unknown level is reported by `conditionProblems`. */
export const levelBringsDirections = (context: LifecycleContext, level: SupportLevelNumber): boolean =>
  context.supportLevels.find((l) => l.level === level)?.bringsDirections ?? false;

export function exerciserProblems(
  ccgCode: string,
  directionId: string,
  functions: readonly string[],
  exercisedBy: DirectionExerciser,
): LifecycleProblem[] {
  const problems: LifecycleProblem[] = [];
  if (!functions.some((f) => f.trim())) {
    problems.push(
      problem('direction_functions', `Direction ${directionId} must name the functions it covers`),
    );
  }
  if (
    exercisedBy.kind === 'ccg' &&
    exercisedBy.ccgCode.trim().toUpperCase() === ccgCode.trim().toUpperCase()
  ) {
    problems.push(
      problem(
        'direction_self',
        `Direction ${directionId} has ${ccgCode} exercising its own functions: name the Board or another CCG`,
      ),
    );
  }
  return problems;
}

/** A review date must be a real date after the event that sets it. */
export function reviewDateProblems(
  conditionId: string,
  reviewDate: string,
  date: string,
): LifecycleProblem[] {
  if (isIsoDate(reviewDate) && reviewDate > date) return [];
  return [
    problem(
      'review_date',
      `Condition ${conditionId} needs a review date after ${date}, the day it is set, got "${reviewDate}"`,
    ),
  ];
}

function conditionProblems(c: ConditionInput, date: string, context: LifecycleContext): LifecycleProblem[] {
  const problems: LifecycleProblem[] = [];
  const id = c.conditionId;
  if (!context.supportLevels.some((l) => l.level === c.supportLevel)) {
    problems.push(
      problem('unknown_support_level', `Condition ${id} has unknown support level ${c.supportLevel}`),
    );
  }
  if (!c.criterionIds.length) {
    problems.push(
      problem('condition_criteria', `Condition ${id} must name the criteria it was not satisfied on`),
    );
  }
  for (const criterionId of c.criterionIds) {
    const criterion = context.criteria.find((k) => k.id === criterionId);
    if (!criterion) {
      problems.push(problem('unknown_criterion', `Condition ${id} cites unknown criterion ${criterionId}`));
    } else if (criterion.domain !== c.domain) {
      problems.push(
        problem(
          'domain_mismatch',
          `Condition ${id} is in domain ${c.domain} but criterion ${criterionId} is in domain ${criterion.domain}`,
        ),
      );
    }
  }
  problems.push(...reviewDateProblems(id, c.reviewDate, date));
  return problems;
}

function duplicateProblems(ids: readonly string[], what: string): LifecycleProblem[] {
  const seen = new Set<string>();
  return ids.flatMap((id) => {
    const repeated = seen.has(id);
    seen.add(id);
    return repeated ? [problem(`duplicate_${what}`, `${what} id ${id} is used twice`)] : [];
  });
}

/** Every problem with a decision's outcome, conditions and directions, for the CCG `ccgCode`. */
export function decisionProblems(
  ccgCode: string,
  date: string,
  outcome: DecisionOutcome,
  conditions: readonly ConditionInput[],
  directions: readonly DirectionInput[],
  context: LifecycleContext,
): LifecycleProblem[] {
  const problems: LifecycleProblem[] = [];
  if (outcome === 'authorise' && (conditions.length || directions.length)) {
    problems.push(
      problem(
        'authorise_with_extras',
        'Full authorisation takes no conditions or directions: use authorise_with_conditions',
      ),
    );
  }
  if (outcome === 'authorise_with_conditions' && !conditions.length) {
    problems.push(
      problem('conditions_required', 'Authorisation with conditions needs at least one condition'),
    );
  }
  if (outcome === 'not_authorised_with_directions' && !directions.length) {
    problems.push(
      problem(
        'directions_required',
        'Establishment without authorisation needs directions saying who exercises which functions',
      ),
    );
  }
  problems.push(
    ...duplicateProblems(
      conditions.map((c) => c.conditionId),
      'condition',
    ),
  );
  problems.push(
    ...duplicateProblems(
      directions.map((d) => d.directionId),
      'direction',
    ),
  );
  for (const c of conditions) problems.push(...conditionProblems(c, date, context));
  for (const d of directions)
    problems.push(...exerciserProblems(ccgCode, d.directionId, d.functions, d.exercisedBy));

  const directing = conditions.filter((c) => levelBringsDirections(context, c.supportLevel));
  if (directing.length && !directions.length) {
    const ids = directing.map((c) => `${c.conditionId} (level ${c.supportLevel})`).join(', ');
    problems.push(
      problem(
        'directions_required',
        `Conditions at levels that bring legal directions need directions: ${ids}`,
      ),
    );
  }
  if (outcome === 'authorise_with_conditions' && directions.length && !directing.length) {
    problems.push(
      problem(
        'directions_without_level',
        'Directions underpin conditions at levels that bring them (IV–VI); no condition is at such a level',
      ),
    );
  }
  return problems;
}
