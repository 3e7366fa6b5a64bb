/** The authorisation rules: pure functions over plain data, with the loaders of their definitions. */

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
export { assignDemoWaves } from './demo-waves.ts';
export { hwbReadinessRecusals } from './hwb-recusal.ts';
export { interventionTriggersFileSchema, loadInterventionTriggers } from './intervention-definitions.ts';
export { assessInterventionTriggers } from './intervention-triggers.ts';
export { ALLOWED_FROM, emergingCcg, transition } from './lifecycle.ts';
export { type EvidenceSources, linkedEvidenceStatus } from './linked-evidence.ts';
export { bringsDirections, loadSupportLevels, ROMAN, supportLevelsFileSchema } from './support-levels.ts';
export { loadWaves, wavesFileSchema } from './waves.ts';
