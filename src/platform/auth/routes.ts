import type { FastifyPluginAsync } from 'fastify';
import { auditRoutes } from '../audit/audit-routes.ts';
import type { AccessServices } from './access-services.ts';
import { accountRoutes } from './account-routes.ts';
import { apiTokenRoutes } from './api-token-routes.ts';
import { authRoutes } from './auth-routes.ts';
import { patientRoutes } from './patients/patient-routes.ts';

/** Every route of access control, audit and patient identity, mounted under /api. */
export function accessRoutes(services: AccessServices): FastifyPluginAsync {
  return async (app) => {
    await app.register(authRoutes(services));
    await app.register(accountRoutes(services));
    await app.register(apiTokenRoutes(services));
    await app.register(patientRoutes(services));
    await app.register(auditRoutes(services.db));
  };
}
