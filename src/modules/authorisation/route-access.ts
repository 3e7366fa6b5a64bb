import type { FastifyRequest } from 'fastify';
import type { RouteAccess } from '../../platform/http/route-access.ts';
import type { ActorRef } from './service.ts';

/** Access declarations shared by the authorisation and assurance routes (the policy decides). */

export const ccgOf = (req: FastifyRequest) => String((req.params as { code: string }).code).toUpperCase();

/** The CCG's own records (its application, readiness, history): its staff and the Board see them. */
export const ccgInternal = (action: 'read' | 'write'): RouteAccess => ({
  action,
  classification: 'organisation_internal',
  owner: ccgOf,
});
/** The Board's own records and decisions. */
export const boardInternal = (action: 'read' | 'write'): RouteAccess => ({
  action,
  classification: 'organisation_internal',
  owner: () => 'NHSCB',
});

/** Who made the request, for the record: a person by username (named by the service), or a token. */
export function actorOf(req: FastifyRequest): ActorRef {
  const actor = req.access?.actor;
  if (actor?.kind === 'person') return { kind: 'person', id: actor.username };
  if (actor?.kind === 'api_token') return { kind: 'api_token', id: `token ${actor.name}` };
  return { kind: 'system', id: 'unknown' };
}
