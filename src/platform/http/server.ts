import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { ActivityService } from '../../modules/activity/activity-service.ts';
import { activityRoutes } from '../../modules/activity/routes.ts';
import { authorisationRoutes } from '../../modules/authorisation/routes.ts';
import type { AuthorisationService } from '../../modules/authorisation/service.ts';
import { governanceRoutes } from '../../modules/governance/routes.ts';
import type { GovernanceService } from '../../modules/governance/service.ts';
import { structuralEventRoutes } from '../../modules/organisations/event-routes.ts';
import type { StructuralEventService } from '../../modules/organisations/event-service.ts';
import { organisationRoutes } from '../../modules/organisations/routes.ts';
import type { OrganisationService } from '../../modules/organisations/service.ts';
import type { PopulationService } from '../../modules/population/population-service.ts';
import { populationRoutes } from '../../modules/population/routes.ts';
import { importRoutes } from '../../reference/routes.ts';
import { installAccessControl } from '../auth/access-control.ts';
import type { AccessServices } from '../auth/access-services.ts';
import { accessRoutes } from '../auth/routes.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { sendProblem, toProblem } from './problem.ts';

export interface Services {
  readonly activity: ActivityService;
  readonly population: PopulationService;
  readonly organisations: OrganisationService;
  readonly structuralEvents: StructuralEventService;
  readonly access: AccessServices;
  readonly governance: GovernanceService;
  readonly authorisation: AuthorisationService;
}

export interface ServerDeps {
  readonly config: Pick<Config, 'webDir'>;
  readonly logger: Logger;
  readonly db: Database;
  readonly services: Services;
}

export type App = FastifyInstance;

/**
 * Builds the HTTP server: security headers, size limits, request ids, zod validation, OpenAPI docs
 * at /docs, the API under /api, and the built web UI at /. Errors leave only through problem.ts.
 */
export async function buildServer(deps: ServerDeps): Promise<App> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Every API route must say what it touches, so the access policy can decide (issue #3).
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.config?.access) {
      throw new Error(`Route ${route.method} ${route.url} declares no access policy (config.access)`);
    }
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // Authenticate, decide (src/platform/auth/policy.ts) and audit every /api request (issue #3).
  await installAccessControl(app, deps.services.access);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });

  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Commissioner API',
        version: '0.1.0',
        description:
          'The English NHS commissioning system (Health and Social Care Act 2012). Contains public sector information licensed under the Open Government Licence v3.0.',
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

  app.setErrorHandler((err, request, reply) => {
    const body = toProblem(err, request);
    if (body.status >= 500) request.log.error({ err }, 'request failed');
    return sendProblem(reply, body);
  });

  await app.register(organisationRoutes(deps.services.organisations), { prefix: '/api' });
  await app.register(structuralEventRoutes(deps.services.structuralEvents), { prefix: '/api' });
  await app.register(importRoutes(deps.db), { prefix: '/api' });
  await app.register(accessRoutes(deps.services.access), { prefix: '/api' });
  await app.register(governanceRoutes(deps.services.governance), { prefix: '/api' });
  await app.register(authorisationRoutes(deps.services.authorisation), { prefix: '/api' });
  await app.register(activityRoutes(deps.services.activity), { prefix: '/api' });
  await app.register(populationRoutes(deps.services.population), { prefix: '/api' });
  // The activity and population views share an in-memory DuckDB: close it with the server.
  app.addHook('onClose', async () => deps.services.activity.close());

  const webDir = deps.config.webDir;
  const hasWeb = existsSync(path.join(webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const wantsPage =
      request.method === 'GET' && !request.url.startsWith('/api') && !request.url.startsWith('/docs');
    if (wantsPage && hasWeb) return reply.type('text/html').sendFile('index.html');
    if (wantsPage) {
      return reply
        .status(503)
        .type('text/plain')
        .send(
          'The web UI is not built. Run `npm run build:web` (npm start does this), or use the API at /api and /docs.',
        );
    }
    return sendProblem(reply, {
      type: 'about:blank',
      title: 'Not found',
      status: 404,
      instance: request.url.split('?')[0],
      requestId: String(request.id),
      problems: [
        {
          path: 'url',
          message: `no route ${request.method} ${request.url.split('?')[0]}`,
          code: 'not_found',
        },
      ],
    });
  });
  return app;
}
