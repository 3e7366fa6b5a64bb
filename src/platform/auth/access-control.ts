import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { auditOutcome } from '../audit/model.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { AppError } from '../errors.ts';
import type { RouteAccess } from '../http/route-access.ts';
import type { AccessServices } from './access-services.ts';
import type { SessionInfo } from './auth-service.ts';
import { isoDate } from './clock.ts';
import type { Actor, Decision } from './model.ts';
import { decide } from './policy.ts';
import { secretsEqual } from './secret-token.ts';

/**
 * The `__Host-` prefix makes the browser insist on Secure, Path=/ and no Domain, so no other host or
 * path can plant or read it. Browsers treat http://localhost and http://127.0.0.1 as potentially
 * trustworthy and keep Secure cookies there, so local development over plain http still signs in;
 * anywhere else, serve over TLS.
 */
export const SESSION_COOKIE = '__Host-commissioner_session';
/** Writes made with a session cookie must echo the session's CSRF token in this header. */
export const CSRF_HEADER = 'x-csrf-token';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ANONYMOUS: Actor = { kind: 'anonymous' };

/** Per-request access state: who is asking, what was decided, and what to write to the audit log. */
export interface RequestAccess {
  actor: Actor;
  session: SessionInfo | null;
  decision: Decision | null;
  ownerOrg: string | null;
  /** Why the request was refused before the policy ran (bad token, CSRF, not signed in). */
  denial: string | null;
  /** The username a failed sign-in tried, for the audit log. */
  attemptedAs: string | null;
  /** Codes and counts only: never patient-level values. */
  auditDetail: Record<string, unknown>;
  audited: boolean;
}

export interface CatalogueEntry {
  readonly method: string;
  readonly url: string;
  readonly access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyRequest {
    access: RequestAccess;
  }
  interface FastifyInstance {
    /** Every /api route with its declared access, for the permission-matrix test and docs. */
    readonly accessCatalogue: readonly CatalogueEntry[];
  }
}

export function sessionCookieOptions(maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'strict' as const,
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  };
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, sessionCookieOptions());
}

function routeAccess(request: FastifyRequest): RouteAccess | undefined {
  return request.routeOptions.config?.access;
}

function refuse(
  request: FastifyRequest,
  kind: 'unauthorised' | 'forbidden',
  title: string,
  reason: string,
  code: string,
) {
  request.access.denial = reason;
  return new AppError(kind, title, [{ path: 'access', message: reason, code }]);
}

/** Who is asking: an API token (Authorization: Bearer), a session cookie, or nobody. */
async function authenticate(services: AccessServices, request: FastifyRequest, reply: FastifyReply) {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1];
    const actor = bearer ? await services.auth.resolveApiToken(bearer) : null;
    if (!actor) {
      throw refuse(
        request,
        'unauthorised',
        'Invalid API token',
        'the API token is unknown, expired or revoked',
        'invalid_token',
      );
    }
    request.access.actor = actor;
    return;
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return;
  const resolved = await services.auth.resolveSession(token);
  if (resolved) {
    request.access.actor = resolved.actor;
    request.access.session = resolved.session;
  } else {
    clearSessionCookie(reply);
  }
}

/**
 * A cookie-authenticated write must carry the session's CSRF token: checked before anything else
 * (validation included). Everything else, "not signed in" included, is the policy's to decide.
 */
function checkCsrf(request: FastifyRequest): void {
  const session = request.access.session;
  if (session && UNSAFE_METHODS.has(request.method)) {
    const given = request.headers[CSRF_HEADER];
    if (!secretsEqual(session.csrfToken, typeof given === 'string' ? given : undefined)) {
      throw refuse(
        request,
        'forbidden',
        'CSRF check failed',
        `the ${CSRF_HEADER} header is missing or wrong`,
        'csrf',
      );
    }
  }
}

async function enforce(
  services: AccessServices,
  request: FastifyRequest,
  access: RouteAccess,
): Promise<void> {
  const ownerOrg = access.owner ? await access.owner(request) : null;
  request.access.ownerOrg = ownerOrg;
  const asAt = isoDate(services.clock());
  const owner = ownerOrg ? await services.ownerFacts.facts(ownerOrg, asAt) : null;
  const decision = decide(
    request.access.actor,
    { action: access.action, classification: access.classification, ownerOrg },
    { asAt, roleBook: services.roleBook, owner },
  );
  request.access.decision = decision;
  if (!decision.allow) {
    const anonymous = request.access.actor.kind === 'anonymous';
    throw new AppError(
      anonymous ? 'unauthorised' : 'forbidden',
      anonymous ? 'Sign-in required' : 'Forbidden',
      [{ path: 'access', message: decision.reason, code: decision.rule }],
    );
  }
}

function actorFields(actor: Actor, attemptedAs: string | null) {
  switch (actor.kind) {
    case 'person':
      return { actorType: 'person' as const, actorId: String(actor.personId), actorName: actor.username };
    case 'api_token':
      return {
        actorType: 'api_token' as const,
        actorId: String(actor.tokenId),
        actorName: `token:${actor.name}`,
      };
    default:
      return { actorType: 'anonymous' as const, actorId: null, actorName: attemptedAs };
  }
}

/**
 * Audits, before the response leaves: every write, every non-public read, and every refusal. If the
 * audit row cannot be written the client gets a 500 instead of the data (fail closed: no
 * re-identification is ever answered unaudited).
 */
async function audit(services: AccessServices, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const access = routeAccess(request);
  if (!access || !request.access || request.access.audited) return;
  const outcome = auditOutcome(reply.statusCode, request.access.decision !== null);
  // Public reads are not audited unless refused (a bad API token) or failing on the server side.
  const wanted =
    access.action === 'write' ||
    access.classification !== 'public' ||
    access.auditAction !== undefined ||
    outcome === 'denied' ||
    reply.statusCode >= 500;
  if (!wanted) return;
  request.access.audited = true;
  const state = request.access;
  const decision = state.decision;
  await recordAudit(services.db, {
    ...actorFields(state.actor, state.attemptedAs),
    actingRole: decision?.allow ? (decision.via?.role ?? null) : null,
    actingOrg: decision?.allow ? (decision.via?.orgCode ?? null) : null,
    action: access.auditAction ?? access.action,
    route: `${request.method} ${request.routeOptions.url}`,
    record: access.auditRecord?.(request) ?? request.url.split('?')[0]!,
    classification: access.classification,
    ownerOrg: state.ownerOrg,
    outcome,
    reason: state.denial ?? decision?.reason ?? (reply.statusCode >= 400 ? `HTTP ${reply.statusCode}` : null),
    status: reply.statusCode,
    ip: request.ip,
    requestId: String(request.id),
    detail: state.auditDetail,
    occurredAt: services.clock().toISOString(),
  });
}

/**
 * Installs access control on the root instance, before any route is registered: cookies, the sign-in
 * rate limiter, the route catalogue, and the hooks that authenticate (onRequest), screen and decide
 * (CSRF in preValidation, the policy in preHandler, after validation) and audit (onSend) every /api request. Routes only declare
 * `config.access`; they never decide.
 */
export async function installAccessControl(app: FastifyInstance, services: AccessServices): Promise<void> {
  await app.register(cookie);
  await app.register(rateLimit, { global: false });

  const catalogue: CatalogueEntry[] = [];
  app.decorate('accessCatalogue', catalogue);
  app.addHook('onRoute', (route) => {
    const access = route.config?.access;
    if (!route.url.startsWith('/api/') || !access) return;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') catalogue.push({ method, url: route.url, access });
    }
  });

  app.decorateRequest('access', null as unknown as RequestAccess);
  app.addHook('onRequest', async (request, reply) => {
    request.access = {
      actor: ANONYMOUS,
      session: null,
      decision: null,
      ownerOrg: null,
      denial: null,
      attemptedAs: null,
      auditDetail: {},
      audited: false,
    };
    if (request.url.startsWith('/api/')) await authenticate(services, request, reply);
  });
  app.addHook('preValidation', async (request) => {
    if (routeAccess(request)) checkCsrf(request);
  });
  app.addHook('preHandler', async (request) => {
    const access = routeAccess(request);
    if (access) await enforce(services, request, access);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    try {
      await audit(services, request, reply);
    } catch (err) {
      request.log.error({ err }, 'audit log write failed; refusing the response');
      throw new AppError('internal', 'Audit log unavailable');
    }
    return payload;
  });
}
