/**
 * The governance rule book: for each rule id, its legal reference, source, confidence, switch,
 * severity, effective period and parameters (DESIGN habit 2). Loads nothing: a caller reads
 * `definitions/governance/governance-rules.json` and passes the parsed JSON to `loadGovernanceRuleBook`.
 *
 * A governance version of `organisations/rules/definitions.ts`: same shape, its own ids and
 * parameter schemas.
 */
import { z } from 'zod';
import { AppError, type Problem } from '../../../platform/errors.ts';
import { parseRuleBookWith, ruleProblems as toProblems } from '../../../platform/rule-book.ts';
import type { GovernanceRuleBook, GovernanceRuleDefinition } from '../model.ts';
import { isIsoDate } from './dates.ts';

/** Every rule id the governance rules use; the rule book must define each exactly once. */
export const GOVERNANCE_RULE_IDS = [
  'GB-MIN-SIZE',
  'GB-ACCOUNTABLE-OFFICER',
  'GB-CFO',
  'GB-NURSE',
  'GB-NURSE-INDEPENDENT',
  'GB-SECONDARY-CARE-DOCTOR',
  'GB-SECONDARY-CARE-INDEPENDENT',
  'GB-LAY-AUDIT',
  'GB-LAY-PPI',
  'GB-LAY-SCH4-EXCLUSION',
  'GB-LAY-SCH4-DENTAL',
  'GB-SCH5-DISQUALIFICATION',
  'GB-SCH5-DISMISSAL-UNLISTED',
  'GB-CHAIR',
  'GB-DEPUTY-CHAIR',
  'GB-CHAIR-NOT-AUDIT-LAY',
  'GB-CHAIR-LAY-OR-GP',
  'GB-DEPUTY-LAY-IF-CHAIR-NOT-LAY',
  'GB-CHAIR-NOT-AO-CFO',
  'GB-ROLE-COMBINATION',
  'GB-APPOINTMENT-TERM',
  'ROI-28-DAY',
  'ROI-DATES',
  'ROI-NIL-RETURN',
  'ROI-ANNUAL-REVIEW',
  'ROI-PUBLIC-VISIBILITY',
  'ROI-RETENTION',
  'MTG-CONFLICT',
  'MTG-CHAIR-CONFLICTED',
  'MTG-INQUORATE',
  'MTG-PRIVATE-ITEM-REASON',
  'CON-NAME',
  'CON-MEMBERS',
  'CON-AREA',
  'CON-DECISION-MAKING',
  'CON-CONFLICTS',
  'CON-TRANSPARENCY',
  'CON-PUBLIC-INVOLVEMENT',
] as const;
export type GovernanceRuleId = (typeof GOVERNANCE_RULE_IDS)[number];

const isoDate = z.string().refine(isIsoDate, 'must be a valid date written YYYY-MM-DD');
const text = z.string().trim().min(1, 'must not be empty');

export const governanceRuleDefinitionSchema = z.strictObject({
  id: text,
  title: text,
  legalRef: text,
  source: text,
  confidence: z.enum(['confirmed', 'unconfirmed']),
  enabled: z.boolean(),
  severity: z.enum(['error', 'warning']),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable(),
  reviewedOn: isoDate,
  parameters: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
}) satisfies z.ZodType<GovernanceRuleDefinition>;

export const governanceRuleBookSchema = z.strictObject({
  version: z.literal(1),
  rules: z.array(z.unknown()),
});

const wholeNumber = (min: number) =>
  z.number().int('must be a whole number').min(min, `must be at least ${min}`);
const management = z.enum(['leave_room', 'no_vote', 'declare_only']);
const conflictSeverity = z.enum(['high', 'medium', 'low']);
const independence = z.strictObject({ providerStaff: z.boolean(), memberPracticeEmployees: z.boolean() });

/** Parameters each rule takes; a rule not listed takes none, so a misspelt parameter is reported. */
const PARAMETER_SCHEMAS: Partial<Record<GovernanceRuleId, z.ZodType>> = {
  'GB-MIN-SIZE': z.strictObject({ minimumMembers: wholeNumber(1) }),
  'GB-NURSE-INDEPENDENT': independence,
  'GB-SECONDARY-CARE-INDEPENDENT': independence,
  'GB-SCH5-DISQUALIFICATION': z.strictObject({
    lookbackYears: wholeNumber(1),
    minimumImprisonmentMonths: wholeNumber(1),
  }),
  'GB-SCH5-DISMISSAL-UNLISTED': z.strictObject({ lookbackYears: wholeNumber(1) }),
  'ROI-28-DAY': z.strictObject({ days: wholeNumber(1) }),
  'ROI-NIL-RETURN': z.strictObject({ graceDays: wholeNumber(0) }),
  'ROI-ANNUAL-REVIEW': z.strictObject({ months: wholeNumber(1) }),
  'ROI-PUBLIC-VISIBILITY': z.strictObject({ monthsAfterEnd: wholeNumber(0) }),
  'ROI-RETENTION': z.strictObject({ yearsAfterEnd: wholeNumber(1) }),
  'MTG-CONFLICT': z.strictObject({
    financialDecision: management,
    financialOther: management,
    nonFinancialProfessionalDecision: management,
    nonFinancialProfessionalOther: management,
    nonFinancialPersonalDecision: management,
    nonFinancialPersonalOther: management,
    indirectDecision: management,
    indirectOther: management,
    financialSeverity: conflictSeverity,
    nonFinancialProfessionalSeverity: conflictSeverity,
    nonFinancialPersonalSeverity: conflictSeverity,
    indirectSeverity: conflictSeverity,
  }),
  'MTG-CHAIR-CONFLICTED': z.strictObject({ layMemberFallback: z.boolean() }),
};
const NO_PARAMETERS = z.strictObject({});

function checkDefinition(rule: GovernanceRuleDefinition, path: string): Problem[] {
  const problems: Problem[] = [];
  const known = (GOVERNANCE_RULE_IDS as readonly string[]).includes(rule.id);
  if (!known) {
    problems.push({ path: `${path}.id`, message: `unknown rule id "${rule.id}"`, code: 'unknown_rule' });
  }
  if (rule.effectiveTo !== null && rule.effectiveTo < rule.effectiveFrom) {
    problems.push({
      path: `${path}.effectiveTo`,
      message: `ends (${rule.effectiveTo}) before it starts (${rule.effectiveFrom})`,
      code: 'invalid_period',
    });
  }
  // An unconfirmed rule must say so where its source is recorded, so a reader never mistakes it for law.
  if (rule.confidence === 'unconfirmed' && !/unconfirmed/i.test(rule.source)) {
    problems.push({
      path: `${path}.source`,
      message: 'an unconfirmed rule must say in its source what is unconfirmed',
      code: 'unconfirmed_without_note',
    });
  }
  if (known) {
    const schema = PARAMETER_SCHEMAS[rule.id as GovernanceRuleId] ?? NO_PARAMETERS;
    const parsed = schema.safeParse(rule.parameters);
    if (!parsed.success) problems.push(...toProblems(parsed.error, `${path}.parameters`));
  }
  return problems;
}

/**
 * Validates the parsed governance rule book and returns it typed. Reports every problem (structure,
 * dates, unknown, duplicate and missing ids, parameters, unconfirmed rules without a note) at once in
 * one `AppError.validation`, each with its path.
 */
export function loadGovernanceRuleBook(json: unknown): GovernanceRuleBook {
  return parseRuleBookWith(json, {
    name: 'governance rule book',
    bookSchema: governanceRuleBookSchema,
    ruleSchema: governanceRuleDefinitionSchema,
    requiredIds: GOVERNANCE_RULE_IDS,
    check: checkDefinition,
  });
}

/** The definition of one rule; a missing id is a programming error, not bad input. */
export function ruleDefinition(book: GovernanceRuleBook, id: GovernanceRuleId): GovernanceRuleDefinition {
  const rule = book.rules.find((r) => r.id === id);
  if (!rule) throw new AppError('internal', `No definition for rule "${id}" in the governance rule book`);
  return rule;
}

/** Whether the rule is switched on and in effect on `date` (inclusive at both ends). */
export function ruleAppliesOn(rule: GovernanceRuleDefinition, date: string): boolean {
  return (
    rule.enabled && rule.effectiveFrom <= date && (rule.effectiveTo === null || date <= rule.effectiveTo)
  );
}

/** The rule's definition when it applies on `date`, else `null` (switched off or not in effect). */
export function activeRule(
  book: GovernanceRuleBook,
  id: GovernanceRuleId,
  date: string,
): GovernanceRuleDefinition | null {
  const rule = ruleDefinition(book, id);
  return ruleAppliesOn(rule, date) ? rule : null;
}

function parameter(rule: GovernanceRuleDefinition, name: string, type: 'number' | 'string' | 'boolean') {
  const value = rule.parameters[name];
  if (typeof value !== type) {
    throw new AppError('internal', `Parameter "${name}" of rule "${rule.id}" must be a ${type}`);
  }
  return value;
}

export const numberParameter = (rule: GovernanceRuleDefinition, name: string): number =>
  parameter(rule, name, 'number') as number;
export const stringParameter = (rule: GovernanceRuleDefinition, name: string): string =>
  parameter(rule, name, 'string') as string;
export const booleanParameter = (rule: GovernanceRuleDefinition, name: string): boolean =>
  parameter(rule, name, 'boolean') as boolean;
