import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../config.ts';
import { AppError, type Problem } from '../errors.ts';
import { CLASSIFICATIONS } from '../http/route-access.ts';
import { ACTIONS, type Grant, type RoleBook, type RoleDefinition, SCOPES } from './model.ts';

export const ROLE_BOOK_FILE = 'definitions/access/roles.json';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const text = z.string().trim().min(1, 'must not be empty');

/** `action:classification:scope`, e.g. `read:pseudonymised_patient:own`. */
const grantSchema = z.string().transform((value, ctx): Grant => {
  const [action, classification, scope, ...rest] = value.split(':');
  const ok =
    rest.length === 0 &&
    (ACTIONS as readonly string[]).includes(action ?? '') &&
    (CLASSIFICATIONS as readonly string[]).includes(classification ?? '') &&
    (SCOPES as readonly string[]).includes(scope ?? '');
  if (!ok) {
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not action:classification:scope (actions ${ACTIONS.join('|')}; scopes ${SCOPES.join('|')})`,
    });
    return z.NEVER;
  }
  return { action, classification, scope } as Grant;
});

const roleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z_]*$/, 'must be snake_case'),
  title: text,
  orgTypes: z.array(text),
  grants: z.array(grantSchema),
  description: text,
  legalRef: text,
  source: text,
  confidence: z.enum(['confirmed', 'unconfirmed']),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable(),
  reviewedOn: isoDate,
});

const bookSchema = z.strictObject({
  version: z.literal(1),
  note: z.string().optional(),
  roles: z.array(z.unknown()),
});

function toProblems(error: z.ZodError, prefix: string): Problem[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)',
    message: issue.message,
    code: 'invalid_role_definition',
  }));
}

/**
 * Validates the role book and returns it indexed by role id, reporting every problem at once:
 * malformed grants, duplicate ids, and platform-scope grants on roles held at an organisation (or
 * organisation scopes on a platform role), which would otherwise be silently useless.
 */
export function parseRoleBook(json: unknown): RoleBook {
  const book = bookSchema.safeParse(json);
  if (!book.success) throw AppError.validation(toProblems(book.error, ''), 'Invalid role book');
  const problems: Problem[] = [];
  const roles = new Map<string, RoleDefinition>();
  book.data.roles.forEach((raw, index) => {
    const where = `roles.${index}`;
    const parsed = roleSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(...toProblems(parsed.error, where));
      return;
    }
    const role = parsed.data;
    if (roles.has(role.id)) {
      problems.push({
        path: `${where}.id`,
        message: `duplicate role id "${role.id}"`,
        code: 'duplicate_role',
      });
    }
    const platform = role.orgTypes.length === 0;
    role.grants.forEach((g, i) => {
      if (platform !== (g.scope === 'platform')) {
        problems.push({
          path: `${where}.grants.${i}`,
          message: platform
            ? 'a platform role (no orgTypes) can only hold platform-scope grants'
            : 'platform-scope grants belong to platform roles (empty orgTypes)',
          code: 'invalid_scope',
        });
      }
    });
    if (role.effectiveTo !== null && role.effectiveTo < role.effectiveFrom) {
      problems.push({
        path: `${where}.effectiveTo`,
        message: 'ends before it starts',
        code: 'invalid_period',
      });
    }
    roles.set(role.id, role);
  });
  if (problems.length) throw AppError.validation(problems, 'Invalid role book');
  return { roles };
}

/** Reads and validates definitions/access/roles.json. */
export function loadRoleBook(file = path.join(REPO_ROOT, ROLE_BOOK_FILE)): RoleBook {
  return parseRoleBook(JSON.parse(readFileSync(file, 'utf8')));
}
