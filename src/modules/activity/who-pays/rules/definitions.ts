/**
 * Parses definitions/who-pays (rules.json and service-categories.json) into WhoPaysDefinitions, and
 * resolves switch settings. Loads nothing: ../definitions.ts reads the files. Every problem is
 * reported at once, each with its path.
 */
import { z } from 'zod';
import { AppError, type Problem } from '../../../../platform/errors.ts';
import { parseRuleBookWith, ruleProblems } from '../../../../platform/rule-book.ts';
import { isIsoDate } from '../../../organisations/rules/definitions.ts';
import {
  EVALUATION_ORDER,
  type RuleDefinition,
  type ServiceCategory,
  SWITCH_NAMES,
  SWITCH_OPTIONS,
  SWITCH_RULE,
  type SwitchName,
  WHO_PAYS_RULE_IDS,
  type WhoPaysDefinitions,
  type WhoPaysSwitches,
} from './model.ts';

const text = z.string().trim().min(1, 'must not be empty');
const isoDate = z.string().refine(isIsoDate, 'must be a valid date written YYYY-MM-DD');
const confidence = z.enum(['confirmed', 'partial', 'unconfirmed']);

const metadataShape = {
  version: z.literal(1),
  id: text,
  title: text,
  source: text,
  confidence,
  effective_from: isoDate,
  effective_to: isoDate,
  reviewed_on: isoDate,
  notes: z.array(text),
};

const switchSchema = z.strictObject({
  name: z.enum(SWITCH_NAMES as [SwitchName, ...SwitchName[]]),
  title: text,
  confidence,
  source: text,
  options: z
    .array(z.strictObject({ value: text, meaning: text }))
    .min(2, 'a switch needs two options or more'),
  default: text,
  default_reason: text,
});

const ruleSchema = z.strictObject({
  id: z.enum(WHO_PAYS_RULE_IDS),
  title: text,
  precedence: z.number().int('must be a whole number').min(1, 'must be at least 1'),
  legal_refs: z.array(text).min(1, 'must cite at least one provision'),
  source: text,
  confidence,
  summary: text,
  switches: z.array(switchSchema),
});
type RawRule = z.infer<typeof ruleSchema>;

const rulesFileSchema = z.strictObject({ ...metadataShape, rules: z.array(z.unknown()) });

const categorySchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be lower snake case'),
  label: text,
  commissioner: z.enum(['ccg', 'nhs_england', 'local_authority', 'phe']),
  emergency: z.boolean(),
  legal_ref: text,
  source: text,
  confidence,
});
const categoriesFileSchema = z.strictObject({ ...metadataShape, categories: z.array(categorySchema).min(1) });

const invalid = (problems: Problem[], file: string) =>
  AppError.validation(problems, `Invalid definitions/who-pays/${file}`);

function switchProblems(rule: RawRule, path: string): Problem[] {
  const problems: Problem[] = [];
  rule.switches.forEach((s, i) => {
    const at = `${path}.switches.${i}`;
    const problem = (field: string, message: string) =>
      problems.push({ path: `${at}.${field}`, message, code: 'invalid_switch' });
    if (SWITCH_RULE[s.name] !== rule.id) problem('name', `${s.name} belongs to rule ${SWITCH_RULE[s.name]}`);
    const expected: readonly string[] = SWITCH_OPTIONS[s.name];
    const given = s.options.map((o) => o.value);
    if ([...given].sort().join() !== [...expected].sort().join()) {
      problem('options', `must be exactly ${expected.join(', ')} (the options the code implements)`);
    }
    if (!given.includes(s.default)) problem('default', `"${s.default}" is not one of the options`);
    if (s.confidence === 'confirmed') problem('confidence', 'a switch exists for an unconfirmed point');
    if (s.confidence === 'unconfirmed' && !s.source.includes('UNCONFIRMED')) {
      problem('source', 'an unconfirmed switch must say UNCONFIRMED where it records its source');
    }
  });
  return problems;
}

function parseRules(json: unknown): {
  effectiveFrom: string;
  effectiveTo: string;
  rules: RuleDefinition[];
  defaults: WhoPaysSwitches;
} {
  const file = rulesFileSchema.safeParse(json);
  if (!file.success) throw invalid(ruleProblems(file.error, ''), 'rules.json');
  const { effective_from: effectiveFrom, effective_to: effectiveTo } = file.data;
  const book = parseRuleBookWith(json, {
    name: 'definitions/who-pays/rules.json',
    bookSchema: rulesFileSchema,
    ruleSchema,
    requiredIds: WHO_PAYS_RULE_IDS,
    check: switchProblems,
  });
  const problems: Problem[] = [];
  if (effectiveTo < effectiveFrom) {
    problems.push({ path: 'effective_to', message: `ends before it starts (${effectiveFrom})` });
  }
  const byPrecedence = [...book.rules].sort((a, b) => a.precedence - b.precedence);
  const order = byPrecedence.map((r) => r.id).join(', ');
  if (order !== EVALUATION_ORDER.join(', ') || new Set(book.rules.map((r) => r.precedence)).size < 9) {
    problems.push({
      path: 'rules',
      message: `precedence must order the rules as the code evaluates them (${EVALUATION_ORDER.join(', ')}), each with its own number; got ${order}`,
      code: 'invalid_precedence',
    });
  }
  const switches = book.rules.flatMap((r) => r.switches);
  for (const name of SWITCH_NAMES) {
    const count = switches.filter((s) => s.name === name).length;
    if (count !== 1) {
      problems.push({
        path: 'rules',
        message: `switch ${name} must be defined exactly once (under ${SWITCH_RULE[name]}); found ${count}`,
        code: 'invalid_switch',
      });
    }
  }
  if (problems.length) throw invalid(problems, 'rules.json');
  const defaults = Object.fromEntries(switches.map((s) => [s.name, s.default])) as WhoPaysSwitches;
  const rules: RuleDefinition[] = byPrecedence.map((r) => ({
    id: r.id,
    title: r.title,
    precedence: r.precedence,
    legalRefs: r.legal_refs,
    source: r.source,
    confidence: r.confidence,
    summary: r.summary,
    switches: r.switches.map((s) => ({
      name: s.name,
      title: s.title,
      confidence: s.confidence,
      source: s.source,
      options: s.options,
      default: s.default,
      defaultReason: s.default_reason,
    })),
  }));
  return { effectiveFrom, effectiveTo, rules, defaults };
}

function parseCategories(json: unknown): ServiceCategory[] {
  const file = categoriesFileSchema.safeParse(json);
  if (!file.success) throw invalid(ruleProblems(file.error, ''), 'service-categories.json');
  const problems: Problem[] = [];
  const seen = new Set<string>();
  file.data.categories.forEach((c, i) => {
    if (seen.has(c.id))
      problems.push({ path: `categories.${i}.id`, message: `duplicate category "${c.id}"` });
    seen.add(c.id);
    if (c.emergency && c.commissioner !== 'ccg') {
      problems.push({
        path: `categories.${i}.emergency`,
        message: 'an emergency service (rule R1) must be a CCG service',
      });
    }
  });
  if (problems.length) throw invalid(problems, 'service-categories.json');
  return file.data.categories.map((c) => ({
    id: c.id,
    label: c.label,
    commissioner: c.commissioner,
    emergency: c.emergency,
    legalRef: c.legal_ref,
    source: c.source,
    confidence: c.confidence,
  }));
}

/** Both files' parsed JSON → the definitions; throws an AppError listing every problem. */
export function parseWhoPaysDefinitions(rulesJson: unknown, categoriesJson: unknown): WhoPaysDefinitions {
  const rules = parseRules(rulesJson);
  const categories = parseCategories(categoriesJson);
  return {
    effectiveFrom: rules.effectiveFrom,
    effectiveTo: rules.effectiveTo,
    rules: rules.rules,
    categories,
    categoryById: new Map(categories.map((c) => [c.id, c])),
    defaultSwitches: rules.defaults,
  };
}

/**
 * The default switches with `overrides` (e.g. from `--switch NAME=VALUE`) applied; throws an AppError
 * naming each unknown switch or value and what is allowed.
 */
export function resolveSwitches(
  definitions: WhoPaysDefinitions,
  overrides: Readonly<Record<string, string>>,
): WhoPaysSwitches {
  const problems: Problem[] = [];
  const result: Record<string, string> = { ...definitions.defaultSwitches };
  for (const [name, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(SWITCH_OPTIONS, name)) {
      problems.push({ path: name, message: `unknown switch; the switches are ${SWITCH_NAMES.join(', ')}` });
      continue;
    }
    const options: readonly string[] = SWITCH_OPTIONS[name as SwitchName];
    if (!options.includes(value)) {
      problems.push({
        path: name,
        message: `"${value}" is not an option; choose one of ${options.join(', ')}`,
      });
      continue;
    }
    result[name] = value;
  }
  if (problems.length) throw AppError.validation(problems, 'Invalid switch');
  return result as WhoPaysSwitches;
}
