import type { FastifyRequest } from 'fastify';
import type { RouteAccess } from '../http/route-access.ts';

/** Route access declarations shared by the access-control routes. */

/** The platform's own records (accounts, audit log): owned by no organisation, so platform roles only. */
export const PLATFORM_READ: RouteAccess = {
  action: 'read',
  classification: 'organisation_internal',
  owner: () => null,
};
export const PLATFORM_WRITE: RouteAccess = {
  action: 'write',
  classification: 'organisation_internal',
  owner: () => null,
};

/** An organisation's internal records, the organisation being the `:code` in the path. */
const ownerFromPath = (req: FastifyRequest) => (req.params as { code: string }).code;
export const ORG_INTERNAL_READ: RouteAccess = {
  action: 'read',
  classification: 'organisation_internal',
  owner: ownerFromPath,
};
export const ORG_INTERNAL_WRITE: RouteAccess = {
  action: 'write',
  classification: 'organisation_internal',
  owner: ownerFromPath,
};
