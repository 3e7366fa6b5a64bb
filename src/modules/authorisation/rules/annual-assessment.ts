/**
 * The Board's annual assessment of a CCG (NHS Act 2006 s14Z16): it consults each relevant HWB on the
 * CCG's contribution to the joint health and wellbeing strategy and publishes a summary. Pure checks on
 * opening the assessment, an HWB's response and publication, and the published summary itself.
 */
import type { AssessmentProblem } from '../assessment-model.ts';
import type { AnnualAssessment, AssuranceDefinitions, HwbResponseInput } from '../assurance-model.ts';
import { isIsoDate } from './definition-schema.ts';

const problem = (code: string, path: string, message: string): AssessmentProblem => ({ code, path, message });

/** `2013-14`: consecutive years, from the first year CCGs existed. */
export function financialYearProblems(year: string, firstYear = '2013-14'): AssessmentProblem[] {
  const m = /^(\d{4})-(\d{2})$/.exec(year);
  if (!m || (Number(m[1]) + 1) % 100 !== Number(m[2])) {
    return [
      problem(
        'financial_year',
        'financialYear',
        `"${year}" is not a financial year written YYYY-YY (e.g. 2013-14)`,
      ),
    ];
  }
  if (year < firstYear) {
    return [problem('financial_year', 'financialYear', `CCGs were assessed from ${firstYear}; got ${year}`)];
  }
  return [];
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Opening an assessment: the HWBs to consult and when the consultation closes. */
export function openingPlan(
  input: { readonly financialYear: string; readonly openedOn: string; readonly hwbCodes: readonly string[] },
  definitions: AssuranceDefinitions,
): { readonly consultationCloses: string; readonly problems: AssessmentProblem[] } {
  const a = definitions.annualAssessment;
  const problems = financialYearProblems(input.financialYear);
  if (!isIsoDate(input.openedOn)) {
    problems.push(problem('invalid_date', 'openedOn', `"${input.openedOn}" is not a YYYY-MM-DD date`));
    return { consultationCloses: input.openedOn, problems };
  }
  if (a.consultRelevantHwbs.enabled && !input.hwbCodes.length) {
    problems.push(
      problem(
        'no_hwb',
        'hwbCodes',
        'The registry shows no HWB overlapping the CCG, so there is no relevant HWB to consult (s14Z16)',
      ),
    );
  }
  return { consultationCloses: addDays(input.openedOn, a.consultationDays.value), problems };
}

export function hwbResponseProblems(
  assessment: Pick<AnnualAssessment, 'status' | 'hwbCodes' | 'openedOn' | 'ccgCode'>,
  hwbCode: string,
  input: HwbResponseInput,
  definitions: AssuranceDefinitions,
): AssessmentProblem[] {
  const problems: AssessmentProblem[] = [];
  if (assessment.status !== 'consulting') {
    problems.push(problem('published', 'status', 'The assessment is published: responses are closed'));
  }
  if (!assessment.hwbCodes.includes(hwbCode)) {
    problems.push(
      problem(
        'not_consulted',
        'hwbCode',
        `${hwbCode} is not a relevant HWB of ${assessment.ccgCode} (consulted: ${assessment.hwbCodes.join(', ') || 'none'})`,
      ),
    );
  }
  const views = definitions.annualAssessment.hwbViews;
  if (!views.some((v) => v.id === input.view)) {
    problems.push(
      problem(
        'unknown_view',
        'view',
        `"${input.view}" is not an HWB view (${views.map((v) => v.id).join(', ')})`,
      ),
    );
  }
  if (!isIsoDate(input.respondedOn) || input.respondedOn < assessment.openedOn) {
    problems.push(
      problem('invalid_date', 'respondedOn', `The response must be dated on or after ${assessment.openedOn}`),
    );
  }
  if (!input.comments.trim()) {
    problems.push(problem('required', 'comments', 'Give the HWB’s view in its own words'));
  }
  if (input.meeting && !isIsoDate(input.meeting.date)) {
    problems.push(
      problem('invalid_date', 'meeting.date', `"${input.meeting.date}" is not a YYYY-MM-DD date`),
    );
  }
  return problems;
}

export interface PublicationInput {
  readonly publishedOn: string;
  readonly rating: string;
  readonly summary: string;
  readonly findings: readonly { readonly duty: string; readonly finding: string }[];
}

/** Publication waits for every relevant HWB's view, or for the consultation to close (a parameter). */
export function publicationProblems(
  assessment: Pick<AnnualAssessment, 'status' | 'hwbCodes' | 'responses' | 'openedOn' | 'consultationCloses'>,
  input: PublicationInput,
  definitions: AssuranceDefinitions,
): AssessmentProblem[] {
  const a = definitions.annualAssessment;
  const problems: AssessmentProblem[] = [];
  if (assessment.status !== 'consulting') {
    problems.push(problem('published', 'status', 'The assessment is already published'));
  }
  if (!a.ratings.some((r) => r.id === input.rating)) {
    problems.push(
      problem(
        'unknown_rating',
        'rating',
        `"${input.rating}" is not a rating (${a.ratings.map((r) => r.id).join(', ')})`,
      ),
    );
  }
  if (!input.summary.trim())
    problems.push(problem('required', 'summary', 'The published summary is required'));
  input.findings.forEach((f, i) => {
    if (!a.duties.some((d) => d.id === f.duty)) {
      problems.push(
        problem('unknown_duty', `findings.${i}.duty`, `"${f.duty}" is not a duty the assessment covers`),
      );
    }
    if (!f.finding.trim())
      problems.push(problem('required', `findings.${i}.finding`, 'The finding is required'));
  });
  if (!isIsoDate(input.publishedOn) || input.publishedOn < assessment.openedOn) {
    problems.push(
      problem('invalid_date', 'publishedOn', `Publication must be dated on or after ${assessment.openedOn}`),
    );
    return problems;
  }
  if (a.consultRelevantHwbs.enabled) {
    const answered = new Set(assessment.responses.map((r) => r.hwbCode));
    const waiting = assessment.hwbCodes.filter((h) => !answered.has(h));
    if (waiting.length && input.publishedOn <= assessment.consultationCloses) {
      problems.push(
        problem(
          'hwb_not_consulted',
          'responses',
          `Waiting for the view of ${waiting.join(', ')} until the consultation closes on ${assessment.consultationCloses} (s14Z16: each relevant HWB must be consulted)`,
        ),
      );
    }
  }
  return problems;
}

/** What the public sees once published: rating, findings, summary, and each HWB's view (or that it gave none). */
export function publishedSummary(assessment: AnnualAssessment, hwbNames: Readonly<Record<string, string>>) {
  return {
    assessmentId: assessment.assessmentId,
    ccgCode: assessment.ccgCode,
    financialYear: assessment.financialYear,
    rating: assessment.rating,
    summary: assessment.summary,
    findings: assessment.findings,
    publishedOn: assessment.publishedOn,
    hwbViews: assessment.hwbCodes.map((code) => {
      const r = assessment.responses.find((x) => x.hwbCode === code);
      return {
        hwbCode: code,
        hwbName: hwbNames[code] ?? code,
        view: r?.view ?? null,
        comments: r?.comments ?? null,
        respondedOn: r?.respondedOn ?? null,
      };
    }),
    synthetic: assessment.synthetic,
  };
}
