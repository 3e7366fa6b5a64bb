import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC_READ, type RouteAccess } from '../../platform/http/route-access.ts';
import { ccgParams } from '../governance/schemas.ts';
import { asAtQuery } from '../organisations/schemas.ts';
import type { AuthorisationService } from './service.ts';

const tags = ['Authorisation'];
const anyRecord = z.record(z.string(), z.unknown());
/** Readiness draws on the CCG's internal governance findings: the CCG and the Board see it. */
const readinessAccess: RouteAccess = {
  action: 'read',
  classification: 'organisation_internal',
  owner: (req) => String((req.params as { code: string }).code).toUpperCase(),
};

/** Authorisation decisions and conditions are public; readiness is internal to the CCG and the Board. */
export function authorisationRoutes(service: AuthorisationService): FastifyPluginAsync {
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    app.get(
      '/authorisation',
      {
        config: { access: PUBLIC_READ },
        schema: {
          tags,
          summary:
            'National authorisation board: waves, outcomes, conditions by domain (2012–13; real where sourced, else synthetic)',
          querystring: z.object({ wave: z.coerce.number().int().min(1).max(4).optional() }),
          response: { 200: anyRecord },
        },
      },
      (req) => service.status({ wave: req.query.wave }),
    );
    app.get(
      '/ccgs/:code/authorisation',
      {
        config: { access: PUBLIC_READ },
        schema: {
          tags,
          summary: 'A CCG’s wave, outcome, conditions and directions, each field with its provenance',
          params: ccgParams,
          response: { 200: anyRecord },
        },
      },
      async (req) => ({ authorisation: await service.ccg(req.params.code) }),
    );
    app.get(
      '/ccgs/:code/authorisation/readiness',
      {
        config: { access: readinessAccess },
        schema: {
          tags,
          summary:
            'Readiness against the criteria, with evidence linked live from governance and the registry',
          params: ccgParams,
          querystring: asAtQuery,
          response: { 200: anyRecord },
        },
      },
      (req) => service.readiness(req.params.code, req.query.asAt),
    );
  };
}
