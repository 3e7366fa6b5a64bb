/**
 * The assessment of an application, as pure rules: checks on desktop scores, survey responses and
 * site-visit notes; each criterion's scores and moderated outcome; the survey summary; whether the
 * assessment is complete enough to moderate; and whether the Board's decision follows the moderation
 * (every criterion not met is a condition: HSJ 5052773, a switch in the definitions).
 */
import type {
  AssessmentDefinitions,
  AssessmentProblem,
  CriterionScores,
  DesktopScore,
  Moderation,
  ModerationOutcome,
  SiteVisit,
  SiteVisitFlag,
  SurveyResponse,
  SurveySummary,
} from '../assessment-model.ts';
import type { AuthorisationCriterion, ConditionInput, DomainNumber } from '../model.ts';
import { isIsoDate } from './definition-schema.ts';

type Criteria = readonly Pick<AuthorisationCriterion, 'id' | 'domain'>[];
const problem = (code: string, path: string, message: string): AssessmentProblem => ({ code, path, message });
const known = (criteria: Criteria, id: string) => criteria.some((c) => c.id === id);

export function scoreProblems(
  input: { readonly criterionId: string; readonly score: string; readonly rationale: string },
  criteria: Criteria,
  definitions: AssessmentDefinitions,
): AssessmentProblem[] {
  const problems: AssessmentProblem[] = [];
  if (!known(criteria, input.criterionId)) {
    problems.push(
      problem(
        'unknown_criterion',
        'criterionId',
        `${input.criterionId} is not a criterion of the application`,
      ),
    );
  }
  const scale = definitions.desktopReview.scale;
  if (!scale.some((s) => s.id === input.score)) {
    problems.push(
      problem(
        'unknown_score',
        'score',
        `"${input.score}" is not on the scale (${scale.map((s) => s.id).join(', ')})`,
      ),
    );
  }
  if (!input.rationale.trim()) {
    problems.push(
      problem('rationale_required', 'rationale', 'Give the reason for the score, citing the evidence'),
    );
  }
  return problems;
}

export function surveyResponseProblems(
  input: Pick<SurveyResponse, 'respondentType' | 'respondentName' | 'answers' | 'receivedOn'>,
  definitions: AssessmentDefinitions,
): AssessmentProblem[] {
  const survey = definitions.stakeholderSurvey;
  const problems: AssessmentProblem[] = [];
  if (!survey.respondentTypes.some((t) => t.id === input.respondentType)) {
    problems.push(
      problem(
        'unknown_respondent_type',
        'respondentType',
        `"${input.respondentType}" is not a respondent type`,
      ),
    );
  }
  if (!input.respondentName.trim()) {
    problems.push(problem('required', 'respondentName', 'Name the respondent (person or organisation)'));
  }
  if (!isIsoDate(input.receivedOn)) {
    problems.push(problem('invalid_date', 'receivedOn', `"${input.receivedOn}" is not a YYYY-MM-DD date`));
  }
  const entries = Object.entries(input.answers);
  if (!entries.length) problems.push(problem('answers_required', 'answers', 'Answer at least one question'));
  for (const [question, answer] of entries) {
    if (!survey.questions.some((q) => q.id === question)) {
      problems.push(
        problem('unknown_question', `answers.${question}`, `${question} is not a survey question`),
      );
    } else if (!survey.answerScale.some((a) => a.value === answer)) {
      problems.push(
        problem(
          'invalid_answer',
          `answers.${question}`,
          `${answer} is not on the answer scale (${survey.answerScale.map((a) => a.value).join(', ')})`,
        ),
      );
    }
  }
  return problems;
}

export function siteVisitProblems(
  input: Pick<SiteVisit, 'visitedOn' | 'panel' | 'notes'> & { readonly flags: readonly SiteVisitFlag[] },
  criteria: Criteria,
): AssessmentProblem[] {
  const problems: AssessmentProblem[] = [];
  if (!isIsoDate(input.visitedOn)) {
    problems.push(problem('invalid_date', 'visitedOn', `"${input.visitedOn}" is not a YYYY-MM-DD date`));
  }
  if (!input.panel.some((p) => p.trim())) {
    problems.push(problem('panel_required', 'panel', 'Name the members of the visiting panel'));
  }
  if (!input.notes.trim()) problems.push(problem('required', 'notes', 'The visit notes are required'));
  input.flags.forEach((f, i) => {
    if (f.criterionId !== null && !known(criteria, f.criterionId)) {
      problems.push(
        problem(
          'unknown_criterion',
          `flags.${i}.criterionId`,
          `${f.criterionId} is not a criterion of the application`,
        ),
      );
    }
    if (!f.note.trim()) problems.push(problem('required', `flags.${i}.note`, 'Say what the flag is for'));
  });
  return problems;
}

export function moderationInputProblems(
  input: { readonly criterionId: string | null; readonly domain: number | null; readonly rationale: string },
  criteria: Criteria,
): AssessmentProblem[] {
  const problems: AssessmentProblem[] = [];
  if ((input.criterionId === null) === (input.domain === null)) {
    problems.push(
      problem(
        'target',
        'criterionId',
        'Moderate either one criterion or one whole domain (give exactly one of them)',
      ),
    );
  }
  if (input.criterionId !== null && !known(criteria, input.criterionId)) {
    problems.push(
      problem(
        'unknown_criterion',
        'criterionId',
        `${input.criterionId} is not a criterion of the application`,
      ),
    );
  }
  if (input.domain !== null && !criteria.some((c) => c.domain === input.domain)) {
    problems.push(problem('unknown_domain', 'domain', `Domain ${input.domain} has no criteria`));
  }
  if (!input.rationale.trim())
    problems.push(problem('rationale_required', 'rationale', 'Give the moderation rationale'));
  return problems;
}

/** The latest record per key, in the order first seen. */
function latestBy<T>(items: readonly T[], key: (t: T) => string, at: (t: T) => string): T[] {
  const out = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const had = out.get(k);
    if (!had || at(item) >= at(had)) out.set(k, item);
  }
  return [...out.values()];
}

/** The moderated outcome of each criterion: its own latest moderation, else its domain's latest. */
export function moderatedOutcomes(
  criteria: Criteria,
  moderation: readonly Moderation[],
): Map<string, ModerationOutcome | null> {
  const latest = latestBy(
    moderation,
    (m) => (m.criterionId ? `c:${m.criterionId}` : `d:${m.domain}`),
    (m) => `${m.moderatedAt}#${String(m.moderationId).padStart(12, '0')}`,
  );
  const byCriterion = new Map(latest.filter((m) => m.criterionId).map((m) => [m.criterionId!, m.outcome]));
  const byDomain = new Map(
    latest.filter((m) => m.domain !== null).map((m) => [m.domain as DomainNumber, m.outcome]),
  );
  return new Map(criteria.map((c) => [c.id, byCriterion.get(c.id) ?? byDomain.get(c.domain) ?? null]));
}

/** Each criterion with every named assessor's latest score, whether they all meet, and its moderation. */
export function criterionScores(
  criteria: Criteria,
  scores: readonly DesktopScore[],
  moderation: readonly Moderation[],
  definitions: AssessmentDefinitions,
): CriterionScores[] {
  const meets = new Map(definitions.desktopReview.scale.map((s) => [s.id, s.meets]));
  const outcomes = moderatedOutcomes(criteria, moderation);
  return criteria.map((c) => {
    const latest = latestBy(
      scores.filter((s) => s.criterionId === c.id),
      (s) => `${s.assessor.kind}:${s.assessor.id}`,
      (s) => `${s.scoredAt}#${String(s.scoreId).padStart(12, '0')}`,
    );
    return {
      criterionId: c.id,
      domain: c.domain,
      latest,
      meets: latest.length ? latest.every((s) => meets.get(s.score) === true) : null,
      moderated: outcomes.get(c.id) ?? null,
    };
  });
}

export function surveySummary(
  responses: readonly Pick<SurveyResponse, 'respondentType' | 'answers'>[],
  definitions: AssessmentDefinitions,
): SurveySummary {
  const survey = definitions.stakeholderSurvey;
  return {
    respondents: responses.length,
    target: survey.targetRespondents.value,
    byType: survey.respondentTypes.map((t) => ({
      type: t.id,
      label: t.label,
      respondents: responses.filter((r) => r.respondentType === t.id).length,
    })),
    byQuestion: survey.questions.map((q) => {
      const answers = responses.flatMap((r) => (r.answers[q.id] === undefined ? [] : [r.answers[q.id]!]));
      const mean = answers.length ? answers.reduce((s, a) => s + a, 0) / answers.length : null;
      return {
        questionId: q.id,
        text: q.text,
        answers: answers.length,
        mean: mean === null ? null : Math.round(mean * 100) / 100,
      };
    }),
  };
}

/** What the assessment still lacks before moderation (a switch): scores, survey responses, a site visit. */
export function moderationReadinessProblems(
  scored: readonly CriterionScores[],
  survey: SurveySummary,
  siteVisits: number,
  definitions: AssessmentDefinitions,
): AssessmentProblem[] {
  if (!definitions.moderation.completeAssessmentFirst.enabled) return [];
  const problems: AssessmentProblem[] = [];
  const minimum = definitions.desktopReview.minimumAssessorsPerCriterion;
  if (minimum.enabled) {
    const short = scored.filter((c) => c.latest.length < minimum.value).map((c) => c.criterionId);
    if (short.length) {
      const shown =
        short.length > 10
          ? `${short.slice(0, 10).join(', ')} and ${short.length - 10} more`
          : short.join(', ');
      problems.push(
        problem(
          'scores_missing',
          'scores',
          `${short.length} criteria have fewer than ${minimum.value} named assessor score(s): ${shown}`,
        ),
      );
    }
  }
  const s = definitions.stakeholderSurvey;
  if (s.minimumRespondents.enabled && survey.respondents < s.minimumRespondents.value) {
    problems.push(
      problem(
        'survey_short',
        'survey',
        `${survey.respondents} survey responses; moderation waits for ${s.minimumRespondents.value} (target about ${s.targetRespondents.value})`,
      ),
    );
  }
  const missingTypes = survey.byType.filter(
    (t) => t.respondents === 0 && s.respondentTypes.find((r) => r.id === t.type)?.required,
  );
  if (missingTypes.length) {
    problems.push(
      problem(
        'survey_types_missing',
        'survey',
        `No survey response yet from: ${missingTypes.map((t) => t.label.toLowerCase()).join(', ')}`,
      ),
    );
  }
  if (siteVisits === 0)
    problems.push(problem('site_visit_missing', 'siteVisits', 'No site visit is recorded'));
  return problems;
}

/**
 * Whether the decision follows the moderation: each criterion moderated as not met is cited by a
 * condition, and no condition cites a criterion moderated as met. Applies when the switch is on and
 * moderation exists; criteria without a moderated outcome are left to the Board.
 */
export function decisionModerationProblems(
  conditions: readonly Pick<ConditionInput, 'conditionId' | 'criterionIds'>[],
  outcomes: ReadonlyMap<string, ModerationOutcome | null>,
  definitions: AssessmentDefinitions,
): AssessmentProblem[] {
  const rule = definitions.moderation.everyUnmetCriterionIsACondition;
  if (!rule.enabled) return [];
  const cited = new Set(conditions.flatMap((c) => c.criterionIds));
  const problems: AssessmentProblem[] = [];
  const unmet = [...outcomes].filter(([id, o]) => o === 'not_met' && !cited.has(id)).map(([id]) => id);
  if (unmet.length) {
    problems.push(
      problem(
        'unmet_without_condition',
        'conditions',
        `Moderated as not met but not a condition: ${unmet.join(', ')} (every unmet criterion becomes a condition: ${rule.source.split(':')[0]})`,
      ),
    );
  }
  conditions.forEach((c, i) => {
    const met = c.criterionIds.filter((id) => outcomes.get(id) === 'met');
    if (met.length) {
      problems.push(
        problem(
          'condition_on_met_criterion',
          `conditions.${i}.criterionIds`,
          `Condition ${c.conditionId} cites ${met.join(', ')}, moderated as met`,
        ),
      );
    }
  });
  return problems;
}
