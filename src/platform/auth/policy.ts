/**
 * The access policy (issue #3): the one place that decides every read and write, from the actor's
 * roles, the organisation owning the record and the record's classification. PURE: no IO, no clock —
 * the caller injects today's date, the role book and the registry facts about the owner.
 *
 * Grants come from the role book (data). The fixed rules below hold whatever the role book says:
 * - public data: anyone may read it (and submit to public endpoints such as sign-in);
 * - anything else needs a signed-in person or an API token; denial is the default;
 * - identifiable patient data: only a person holding a role at the patient's own registered practice
 *   (never a CCG, the Board, an HWB or an API token);
 * - pseudonymised patient data: a CCG only for its own responsible population; otherwise only through
 *   `own` or `board` scope;
 * - `board` scope only for roles at the Board, its regions and area teams, and it reaches CCGs,
 *   practices and the Board itself; `overlapping_ccgs` only for HWB roles; `platform` only for
 *   platform roles and records owned by no organisation;
 * - an API token acts only at its own organisation, with its own permission list.
 */
import { CLASSIFICATIONS } from '../http/route-access.ts';
import {
  ACTIONS,
  type AccessRequest,
  type Actor,
  type Decision,
  type Grant,
  type PolicyContext,
  type RoleHolding,
  type Via,
} from './model.ts';

/** Organisation types that make up the NHS Commissioning Board. */
export const BOARD_ORG_TYPES: ReadonlySet<string> = new Set(['commissioning_board', 'region', 'area_team']);
/** Owners whose records `board` scope reaches: every CCG and practice, and the Board itself. */
export const BOARD_OVERSEEN_TYPES: ReadonlySet<string> = new Set(['ccg', 'gp_practice', ...BOARD_ORG_TYPES]);

/** A grant as held by this actor through one role (or token) at one organisation. */
interface HeldGrant {
  readonly grant: Grant;
  readonly via: Via;
  readonly orgType: string | null;
}

const within = (asAt: string, from: string, to: string | null) => from <= asAt && (to === null || asAt <= to);

/** Whether a holding is in force on `asAt` and consistent with its role definition. */
function heldGrants(holding: RoleHolding, context: PolicyContext): HeldGrant[] {
  const role = context.roleBook.roles.get(holding.role);
  if (!role) return [];
  if (!within(context.asAt, holding.startDate, holding.endDate)) return [];
  if (!within(context.asAt, role.effectiveFrom, role.effectiveTo)) return [];
  const platformRole = role.orgTypes.length === 0;
  const consistent = platformRole
    ? holding.orgCode === null
    : holding.orgCode !== null && holding.orgType !== null && role.orgTypes.includes(holding.orgType);
  if (!consistent) return [];
  const via = { role: holding.role, orgCode: holding.orgCode };
  return role.grants.map((grant) => ({ grant, via, orgType: holding.orgType }));
}

function tokenGrants(permissions: readonly string[]): Grant[] {
  const grants: Grant[] = [];
  for (const p of permissions) {
    const [action, classification, ...rest] = p.split(':');
    if (
      rest.length === 0 &&
      (ACTIONS as readonly string[]).includes(action ?? '') &&
      (CLASSIFICATIONS as readonly string[]).includes(classification ?? '')
    ) {
      grants.push({ action, classification, scope: 'own' } as Grant);
    }
  }
  return grants;
}

function actorGrants(actor: Actor, context: PolicyContext): HeldGrant[] {
  switch (actor.kind) {
    case 'anonymous':
      return [];
    case 'person':
      return actor.roles.flatMap((h) => heldGrants(h, context));
    case 'api_token': {
      const via = { role: 'api_token', orgCode: actor.orgCode };
      return tokenGrants(actor.permissions).map((grant) => ({ grant, via, orgType: actor.orgType }));
    }
    default:
      return [];
  }
}

/** Whether one held grant reaches the record, fixed rules included. */
function reaches(held: HeldGrant, request: AccessRequest, context: PolicyContext): boolean {
  const { grant, via, orgType } = held;
  if (grant.action !== request.action || grant.classification !== request.classification) return false;
  const owner = context.owner;
  let inScope: boolean;
  switch (grant.scope) {
    case 'own':
      inScope = request.ownerOrg !== null && request.ownerOrg === via.orgCode;
      break;
    case 'board':
      inScope =
        orgType !== null &&
        BOARD_ORG_TYPES.has(orgType) &&
        owner !== null &&
        owner.code === request.ownerOrg &&
        BOARD_OVERSEEN_TYPES.has(owner.orgType);
      break;
    case 'overlapping_ccgs':
      inScope =
        orgType === 'hwb' &&
        via.orgCode !== null &&
        owner !== null &&
        owner.code === request.ownerOrg &&
        owner.orgType === 'ccg' &&
        owner.overlappingHwbs.has(via.orgCode);
      break;
    case 'platform':
      inScope = request.ownerOrg === null && via.orgCode === null && via.role !== 'api_token';
      break;
    default:
      inScope = false;
  }
  if (!inScope) return false;
  if (request.classification === 'pseudonymised_patient') {
    if (grant.scope !== 'own' && grant.scope !== 'board') return false;
    // A CCG sees its own responsible population only.
    if (orgType === 'ccg' && request.ownerOrg !== via.orgCode) return false;
  }
  return true;
}

const allow = (rule: string, reason: string, via: Via | null): Decision => ({
  allow: true,
  rule,
  reason,
  via,
});
const deny = (rule: string, reason: string): Decision => ({ allow: false, rule, reason, via: null });

function describeRequest(request: AccessRequest): string {
  return `${request.action} of ${request.classification} records owned by ${request.ownerOrg ?? 'the platform'}`;
}

export function decide(actor: Actor, request: AccessRequest, context: PolicyContext): Decision {
  if (
    !(ACTIONS as readonly string[]).includes(request.action) ||
    !(CLASSIFICATIONS as readonly string[]).includes(request.classification)
  ) {
    return deny('unknown-request', 'unknown action or classification');
  }
  if (request.classification === 'public') {
    return request.action === 'read'
      ? allow('public-read', 'public data', null)
      : allow('public-submission', 'public endpoint (e.g. sign-in)', null);
  }
  if (actor.kind === 'anonymous') {
    return deny('sign-in-required', `sign in for ${describeRequest(request)}`);
  }
  const grants = actorGrants(actor, context).filter((g) => reaches(g, request, context));

  if (request.classification === 'identifiable_patient') {
    // Re-identification: a person at the patient's own registered practice, and nobody else.
    const practice =
      actor.kind === 'person'
        ? grants.find(
            (g) =>
              g.grant.scope === 'own' &&
              g.orgType === 'gp_practice' &&
              g.via.orgCode === request.ownerOrg &&
              (context.owner === null || context.owner.orgType === 'gp_practice'),
          )
        : undefined;
    return practice
      ? allow('own-practice-patient', `patient registered at ${request.ownerOrg}`, practice.via)
      : deny(
          'identifiable-own-practice-only',
          `only the patient's own registered practice may ${request.action} identifiable patient data`,
        );
  }

  const first = grants[0];
  if (first) return allow('grant', `${first.via.role} at ${first.via.orgCode ?? 'the platform'}`, first.via);
  return deny('no-grant', `no role held on ${context.asAt} grants ${describeRequest(request)}`);
}
