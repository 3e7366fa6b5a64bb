/**
 * Who may issue an API token with which permissions (issue #3). PURE. A token never holds more than its
 * issuer: each permission must be one the issuer holds through a role at the token's own organisation
 * (Board oversight of another organisation does not count), so no token widens anyone's access.
 * Tokens cannot issue tokens (a leaked token must not be able to outlive its revocation), and no token
 * may ever touch identifiable patient data.
 */

import type { Problem } from '../errors.ts';
import { CLASSIFICATIONS } from '../http/route-access.ts';
import {
  ACTIONS,
  type Action,
  type Actor,
  type Classification,
  type Permission,
  type PolicyContext,
} from './model.ts';
import { decide } from './policy.ts';

/** Classifications a token may be given: public needs no token, identifiable is for people only. */
export const TOKEN_CLASSIFICATIONS = CLASSIFICATIONS.filter(
  (c) => c !== 'public' && c !== 'identifiable_patient',
);

export const TOKEN_PERMISSIONS: readonly Permission[] = ACTIONS.flatMap((a) =>
  TOKEN_CLASSIFICATIONS.map((c) => `${a}:${c}` as Permission),
);

export function checkTokenIssue(
  issuer: Actor,
  orgCode: string,
  permissions: readonly string[],
  context: PolicyContext,
): Problem[] {
  if (issuer.kind !== 'person') {
    return [{ path: 'actor', message: 'only a signed-in person can issue API tokens', code: 'people_only' }];
  }
  const problems: Problem[] = [];
  if (permissions.length === 0) {
    problems.push({ path: 'body.permissions', message: 'name at least one permission', code: 'too_small' });
  }
  permissions.forEach((permission, i) => {
    const path = `body.permissions.${i}`;
    if (!(TOKEN_PERMISSIONS as readonly string[]).includes(permission)) {
      problems.push({
        path,
        message: `"${permission}" is not a token permission (one of ${TOKEN_PERMISSIONS.join(', ')})`,
        code: 'invalid_permission',
      });
      return;
    }
    const [action, classification] = permission.split(':') as [Action, Classification];
    const decision = decide(issuer, { action, classification, ownerOrg: orgCode }, context);
    if (!decision.allow || decision.via?.orgCode !== orgCode) {
      problems.push({
        path,
        message: `you hold no role at ${orgCode} that grants ${permission}`,
        code: 'not_held',
      });
    }
  });
  return problems;
}
