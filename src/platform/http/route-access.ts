import type { FastifyRequest } from 'fastify';

/**
 * Every kind of record has a classification (issue #3). Routes declare what they touch; the access
 * policy (src/platform/auth) decides. A route never decides access itself.
 */
export const CLASSIFICATIONS = [
  'public',
  'organisation_internal',
  'commercial_in_confidence',
  'pseudonymised_patient',
  'identifiable_patient',
] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

export interface RouteAccess {
  readonly action: 'read' | 'write';
  readonly classification: Classification;
  /**
   * The organisation owning the record the request touches; null (or absent) for the platform's own
   * records. Called after validation, so params, query and body are parsed. May look the owner up.
   */
  readonly owner?: (request: FastifyRequest) => string | null | Promise<string | null>;
  /** The audit log's name for the action when more specific than read/write, e.g. `re_identify`. */
  readonly auditAction?: string;
  /** The record named in the audit log (default: the URL path). Codes or pseudonyms only. */
  readonly auditRecord?: (request: FastifyRequest) => string | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every /api route: a route without it fails at registration. */
    access?: RouteAccess;
  }
}

/** Public registry data: the published structure of the NHS. */
export const PUBLIC_READ: RouteAccess = { action: 'read', classification: 'public' };
