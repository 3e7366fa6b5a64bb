/** The governance rules: pure functions over plain data, with their rule book and threshold table loaders. */

export { type ConstitutionCheckInput, checkConstitution } from './constitution-completeness.ts';
export { addDays, addMonths, addYears, daysBetween, inPeriod, isIsoDate } from './dates.ts';
export {
  describeEntity,
  entityKey,
  normaliseCompanyNumber,
  normaliseOrganisationCode,
  sameEntity,
} from './entities.ts';
export { checkGiftsAndHospitality } from './gifts-hospitality/check.ts';
export {
  giftHospitalityTableSchema,
  giftHospitalityVersionSchema,
  loadGiftsHospitalityTable,
  thresholdVersionOn,
} from './gifts-hospitality/thresholds-table.ts';
export { checkGoverningBody } from './governing-body/check.ts';
export { SCHEDULE_4_PARAGRAPHS } from './governing-body/schedule-4.ts';
export { checkDeclarations } from './interests/declarations.ts';
export { isPubliclyVisible, retentionUntil } from './interests/publication.ts';
export { checkRegisterReview } from './interests/register-review.ts';
export { planMeetingConflicts } from './meetings/plan.ts';
export {
  activeRule,
  GOVERNANCE_RULE_IDS,
  type GovernanceRuleId,
  governanceRuleBookSchema,
  governanceRuleDefinitionSchema,
  loadGovernanceRuleBook,
  ruleAppliesOn,
  ruleDefinition,
} from './rule-book.ts';
