/**
 * Checks on what a CCG puts into its application: self-certification against the criteria, evidence
 * documents with their metadata, and whether the application is complete enough to submit. Refusals
 * (problems) and advice (warnings, e.g. the wave 1 lessons-learned limits) are kept apart.
 */
import type {
  AssessmentDefinitions,
  AssessmentProblem,
  EvidenceDocument,
  SelfCertification,
} from '../assessment-model.ts';
import type { AuthorisationCriterion } from '../model.ts';
import { isIsoDate } from './definition-schema.ts';

type Criteria = readonly Pick<AuthorisationCriterion, 'id' | 'domain'>[];
const problem = (code: string, path: string, message: string): AssessmentProblem => ({ code, path, message });

export interface SelfCertificationInput {
  readonly criterionId: string;
  readonly status: string;
  readonly statement: string;
}

/** Problems with one self-certification: a criterion of the version, a status of the scale, and a statement. */
export function selfCertificationProblems(
  input: SelfCertificationInput,
  criteria: Criteria,
  definitions: AssessmentDefinitions,
): AssessmentProblem[] {
  const problems: AssessmentProblem[] = [];
  if (!criteria.some((c) => c.id === input.criterionId)) {
    problems.push(
      problem(
        'unknown_criterion',
        'criterionId',
        `${input.criterionId} is not a criterion of the application`,
      ),
    );
  }
  const statuses = definitions.selfCertification.statuses;
  if (!statuses.some((s) => s.id === input.status)) {
    problems.push(
      problem(
        'unknown_status',
        'status',
        `"${input.status}" is not a self-certification status (${statuses.map((s) => s.id).join(', ')})`,
      ),
    );
  }
  if (!input.statement.trim()) {
    problems.push(
      problem('statement_required', 'statement', 'Say how the CCG meets the criterion, or why not'),
    );
  }
  return problems;
}

export interface EvidenceDocumentInput {
  readonly title: string;
  readonly documentType: string;
  readonly documentDate: string;
  readonly author: string;
  readonly criterionIds: readonly string[];
  readonly reference: string;
  readonly committee: string | null;
}

/** Problems with a document's metadata: a known type, a real date, known criteria, and where it is. */
export function evidenceDocumentProblems(
  input: EvidenceDocumentInput,
  criteria: Criteria,
  definitions: AssessmentDefinitions,
): AssessmentProblem[] {
  const problems: AssessmentProblem[] = [];
  const types = definitions.evidenceDocuments.types;
  if (!types.some((t) => t.id === input.documentType)) {
    problems.push(
      problem(
        'unknown_document_type',
        'documentType',
        `"${input.documentType}" is not an evidence document type`,
      ),
    );
  }
  if (!isIsoDate(input.documentDate)) {
    problems.push(
      problem('invalid_date', 'documentDate', `"${input.documentDate}" is not a YYYY-MM-DD date`),
    );
  }
  if (!input.criterionIds.length) {
    problems.push(
      problem('criteria_required', 'criterionIds', 'Name the criteria the document is evidence for'),
    );
  }
  input.criterionIds.forEach((id, i) => {
    if (!criteria.some((c) => c.id === id)) {
      problems.push(
        problem('unknown_criterion', `criterionIds.${i}`, `${id} is not a criterion of the application`),
      );
    }
  });
  for (const [field, value] of [
    ['title', input.title],
    ['author', input.author],
    ['reference', input.reference],
  ] as const) {
    if (!value.trim()) problems.push(problem('required', field, `The document's ${field} is required`));
  }
  if (input.documentType === 'minutes' && !input.committee?.trim()) {
    problems.push(problem('committee_required', 'committee', 'Minutes must say which committee they are of'));
  }
  return problems;
}

/** Advice on the portfolio, from the wave 1 lessons learned (switches and limits in the definitions). */
export function portfolioWarnings(
  documents: readonly Pick<EvidenceDocument, 'documentType' | 'committee'>[],
  definitions: AssessmentDefinitions,
): AssessmentProblem[] {
  const warnings: AssessmentProblem[] = [];
  const { maximumDocuments, maximumMinutesPerCommittee } = definitions.evidenceDocuments;
  if (maximumDocuments.enabled && documents.length > maximumDocuments.value) {
    warnings.push(
      problem(
        'too_many_documents',
        'documents',
        `${documents.length} documents: the advice is at most ${maximumDocuments.value} (${maximumDocuments.source})`,
      ),
    );
  }
  if (maximumMinutesPerCommittee.enabled) {
    const perCommittee = new Map<string, number>();
    for (const d of documents) {
      if (d.documentType !== 'minutes' || !d.committee) continue;
      const key = d.committee.trim().toLowerCase();
      perCommittee.set(key, (perCommittee.get(key) ?? 0) + 1);
    }
    for (const [committee, n] of perCommittee) {
      if (n > maximumMinutesPerCommittee.value) {
        warnings.push(
          problem(
            'too_many_minutes',
            'documents',
            `${n} sets of minutes of "${committee}": the advice is at most ${maximumMinutesPerCommittee.value} per committee (${maximumMinutesPerCommittee.source})`,
          ),
        );
      }
    }
  }
  return warnings;
}

/** What stops an application being submitted: criteria not yet self-certified (a switch). */
export function submissionProblems(
  selfCertifications: readonly Pick<SelfCertification, 'criterionId'>[],
  criteria: Criteria,
  definitions: AssessmentDefinitions,
): AssessmentProblem[] {
  const rule = definitions.selfCertification.everyCriterionBeforeSubmission;
  if (!rule.enabled) return [];
  const certified = new Set(selfCertifications.map((s) => s.criterionId));
  const missing = criteria.filter((c) => !certified.has(c.id)).map((c) => c.id);
  if (!missing.length) return [];
  const shown =
    missing.length > 12
      ? `${missing.slice(0, 12).join(', ')} and ${missing.length - 12} more`
      : missing.join(', ');
  return [
    problem(
      'self_certification_missing',
      'selfCertifications',
      `${missing.length} of ${criteria.length} criteria are not self-certified: ${shown}`,
    ),
  ];
}
