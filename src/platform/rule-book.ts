import type { z } from 'zod';
import { AppError, type Problem } from './errors.ts';

/**
 * The shared part of every rule book loader (definitions/<area>/*-rules.json): `{ version: 1, rules }`
 * with one entry per known rule id. Pure: the caller reads the file. Reports every problem at once,
 * each with its path: malformed entries, duplicate ids, missing ids, and the area's own checks.
 */

/** zod issues as problems under `prefix` (e.g. `rules.3`). */
export function ruleProblems(error: z.ZodError, prefix: string): Problem[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)',
    message: issue.message,
    code: 'invalid_rule_definition',
  }));
}

export interface RuleBookSpec<R extends { readonly id: string }> {
  /** e.g. "structural rule book", for the error title. */
  readonly name: string;
  /** The whole file: `{ version: 1, rules: unknown[] }`. */
  readonly bookSchema: z.ZodType<{ version: 1; rules: unknown[] }>;
  readonly ruleSchema: z.ZodType<R>;
  /** Every rule id the code uses: each must have exactly one entry. */
  readonly requiredIds: readonly string[];
  /** The area's semantic checks on one structurally valid entry. */
  readonly check: (rule: R, path: string) => Problem[];
}

export function parseRuleBookWith<R extends { readonly id: string }>(
  json: unknown,
  spec: RuleBookSpec<R>,
): { version: 1; rules: R[] } {
  const title = `Invalid ${spec.name}`;
  const book = spec.bookSchema.safeParse(json);
  if (!book.success) throw AppError.validation(ruleProblems(book.error, ''), title);

  const problems: Problem[] = [];
  const rules: R[] = [];
  const seen = new Map<string, number>();
  book.data.rules.forEach((raw, index) => {
    const path = `rules.${index}`;
    const parsed = spec.ruleSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...ruleProblems(parsed.error, path));
      return;
    }
    const rule = parsed.data;
    const first = seen.get(rule.id);
    if (first !== undefined) {
      problems.push({
        path: `${path}.id`,
        message: `duplicate rule id "${rule.id}" (first at rules.${first})`,
        code: 'duplicate_rule',
      });
    } else {
      seen.set(rule.id, index);
    }
    problems.push(...spec.check(rule, path));
    rules.push(rule);
  });
  // Report an id as missing only when no entry carries it, not when its entry is malformed.
  const presentIds = new Set(
    book.data.rules.map((raw) => (raw && typeof raw === 'object' ? (raw as { id?: unknown }).id : undefined)),
  );
  for (const id of spec.requiredIds) {
    if (!presentIds.has(id)) {
      problems.push({ path: 'rules', message: `missing definition for "${id}"`, code: 'missing_rule' });
    }
  }
  if (problems.length) throw AppError.validation(problems, title);
  return { version: 1, rules };
}
