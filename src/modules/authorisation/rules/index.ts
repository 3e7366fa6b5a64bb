/** The authorisation rules: pure functions over plain data, with the loaders of their definitions. */

export {
  addDays,
  financialYearProblems,
  hwbResponseProblems,
  openingPlan,
  type PublicationInput,
  publicationProblems,
  publishedSummary,
} from './annual-assessment.ts';
export {
  type EvidenceDocumentInput,
  evidenceDocumentProblems,
  portfolioWarnings,
  selfCertificationProblems,
  submissionProblems,
} from './application-checks.ts';
export {
  criterionScores,
  decisionModerationProblems,
  moderatedOutcomes,
  moderationInputProblems,
  moderationReadinessProblems,
  scoreProblems,
  siteVisitProblems,
  surveyResponseProblems,
  surveySummary,
} from './assessment-checks.ts';
export { loadAssessmentDefinitions } from './assessment-definitions.ts';
export { loadAssuranceDefinitions } from './assurance-definitions.ts';
export { boardStatus, monthWindow, type StoredCcg, summariseCcg } from './board-summary.ts';
export { matchCcgName, normaliseCcgName } from './ccg-names.ts';
export {
  CRITERION_ID_PATTERN,
  criteriaFileSchema,
  criteriaVersion,
  criteriaVersionOn,
  DRAFT_CRITERIA_VERSION,
  GUIDE_CRITERIA_VERSION,
  loadCriteria,
} from './criteria.ts';
export { decisionProblems } from './decision-checks.ts';
export { type DemoLifecycle, demoLifecycles } from './demo-lifecycle.ts';
export { assignDemoWaves } from './demo-waves.ts';
export { hwbReadinessRecusals } from './hwb-recusal.ts';
export { interventionTriggersFileSchema, loadInterventionTriggers } from './intervention-definitions.ts';
export { assessInterventionTriggers } from './intervention-triggers.ts';
export {
  giveDirection,
  liftDirections as liftInterventionDirections,
  openIntervention,
  recordConsultation,
  recordReview,
  varyDirection as varyInterventionDirection,
} from './interventions.ts';
export { ALLOWED_FROM, emergingCcg, transition } from './lifecycle.ts';
export { type EvidenceSources, linkedEvidenceStatus } from './linked-evidence.ts';
export { bringsDirections, loadSupportLevels, ROMAN, supportLevelsFileSchema } from './support-levels.ts';
export { loadWaves, wavesFileSchema } from './waves.ts';
