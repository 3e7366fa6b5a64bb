/** The structural rules of the organisations registry: pure functions over plain data. */
export { AREA_COVERAGE_RULES, checkAreaCoverage } from './area-coverage.ts';
export { CCG_NAME_RULES, checkCcgName } from './ccg-name.ts';
export {
  assertRuleId,
  getRule,
  isIsoDate,
  numberParameter,
  parseRuleBook,
  type RuleBook,
  type RuleDefinition,
  ruleAppliesOn,
  ruleBookSchema,
  ruleDefinitionSchema,
  STRUCTURAL_RULE_IDS,
  type StructuralRuleId,
} from './definitions.ts';
export { type AuthorityShare, flagLocalAuthorityCrossings } from './local-authority-boundary.ts';
export { checkPracticeMembership, type PracticeMembershipInput } from './practice-membership.ts';
export {
  dayBefore,
  type EventPlan,
  type MembershipClosure,
  planStructuralEvent,
  type RegistryMembership,
  type RegistryOrganisation,
  type RegistryState,
  type RelationshipOpening,
  STRUCTURAL_EVENT_RULES,
} from './structural-events.ts';
