/**
 * The structural rule book: the versioned data that says, for each rule id, its legal reference,
 * source, confidence, severity, switch, effective period and parameters (DESIGN habit 2).
 * This module loads nothing: a caller reads `definitions/organisations/structural-rules.json` and
 * passes the parsed JSON to `parseRuleBook`.
 */
import { z } from 'zod';
import { AppError, type Problem } from '../../../platform/errors.ts';
import { parseRuleBookWith, ruleProblems as toProblems } from '../../../platform/rule-book.ts';

/** Every rule id the structural rules emit; the rule book must define each exactly once. */
export const STRUCTURAL_RULE_IDS = [
  'ORG-PRACTICE-ONE-CCG',
  'ORG-AREA-COVERAGE',
  'ORG-AREA-UNRESOLVED',
  'ORG-CCG-CROSSES-LA',
  'ORG-CCG-NAME-PREFIX',
  'ORG-CCG-NAME-SUFFIX',
  'ORG-CCG-NAME-GEOGRAPHY',
  'ORG-CCG-NAME-GEOGRAPHY-UNMATCHED',
  'EVT-DATE',
  'EVT-UNKNOWN-ORG',
  'EVT-CCG-NOT-OPEN',
  'EVT-ALREADY-MEMBER',
  'EVT-NOT-MEMBER',
  'EVT-MERGER-PREDECESSORS',
  'EVT-DISSOLUTION-TRANSFERS',
] as const;
export type StructuralRuleId = (typeof STRUCTURAL_RULE_IDS)[number];

export interface RuleDefinition {
  readonly id: string;
  readonly title: string;
  readonly legalRef: string;
  /** Where the legal reference was confirmed (or why it could not be). */
  readonly source: string;
  readonly confidence: 'confirmed' | 'unconfirmed';
  readonly enabled: boolean;
  readonly severity: 'error' | 'warning';
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly reviewedOn: string;
  readonly parameters: Readonly<Record<string, number | string | boolean>>;
}

export interface RuleBook {
  readonly version: 1;
  readonly rules: readonly RuleDefinition[];
}

/** A real calendar date written `YYYY-MM-DD` (rejects 2015-02-29, 2015-13-01 and the like). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const isoDate = z.string().refine(isIsoDate, 'must be a valid date written YYYY-MM-DD');
const text = z.string().trim().min(1, 'must not be empty');

export const ruleDefinitionSchema = z.strictObject({
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
}) satisfies z.ZodType<RuleDefinition>;

export const ruleBookSchema = z.strictObject({
  version: z.literal(1),
  rules: z.array(z.unknown()),
});

/** Parameters a rule accepts; a rule not listed takes none, so a misspelt parameter is reported. */
const PARAMETER_SCHEMAS: Partial<Record<StructuralRuleId, z.ZodType>> = {
  'ORG-CCG-CROSSES-LA': z.strictObject({
    minimumShare: z.number().min(0, 'must be at least 0').lt(1, 'must be below 1').optional(),
  }),
};
const NO_PARAMETERS = z.strictObject({});

/** Semantic checks on one structurally valid definition. */
function checkDefinition(rule: RuleDefinition, path: string): Problem[] {
  const problems: Problem[] = [];
  const known = (STRUCTURAL_RULE_IDS as readonly string[]).includes(rule.id);
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
  if (known) {
    const schema = PARAMETER_SCHEMAS[rule.id as StructuralRuleId] ?? NO_PARAMETERS;
    const parsed = schema.safeParse(rule.parameters);
    if (!parsed.success) problems.push(...toProblems(parsed.error, `${path}.parameters`));
  }
  return problems;
}

/**
 * Validates the parsed rule definitions file and returns the typed rule book. Reports every problem
 * (structure, dates, unknown, duplicate and missing ids, parameters) in one `AppError.validation`.
 */
export function parseRuleBook(json: unknown): RuleBook {
  return parseRuleBookWith(json, {
    name: 'structural rule book',
    bookSchema: ruleBookSchema,
    ruleSchema: ruleDefinitionSchema,
    requiredIds: STRUCTURAL_RULE_IDS,
    check: checkDefinition,
  });
}

/** The definition of one rule; an unknown id is a programming error, not bad input. */
export function getRule(book: RuleBook, id: string): RuleDefinition {
  const rule = book.rules.find((r) => r.id === id);
  if (!rule) {
    throw new AppError(
      'internal',
      `No definition for rule "${id}" in the structural rule book (defined: ${book.rules.map((r) => r.id).join(', ')})`,
    );
  }
  return rule;
}

/** Whether the rule is switched on and in effect on `date` (inclusive at both ends). */
export function ruleAppliesOn(rule: RuleDefinition, date: string): boolean {
  return (
    rule.enabled && rule.effectiveFrom <= date && (rule.effectiveTo === null || date <= rule.effectiveTo)
  );
}

/** Guards against passing one rule's definition to another rule's function. */
export function assertRuleId(rule: RuleDefinition, expected: StructuralRuleId): void {
  if (rule.id !== expected) {
    throw new AppError('internal', `Rule definition "${rule.id}" passed where "${expected}" was expected`);
  }
}

/** A numeric parameter, or `fallback` when the definition does not set it. */
export function numberParameter(rule: RuleDefinition, name: string, fallback: number): number {
  const value = rule.parameters[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'number') {
    throw new AppError('internal', `Parameter "${name}" of rule "${rule.id}" must be a number`);
  }
  return value;
}
