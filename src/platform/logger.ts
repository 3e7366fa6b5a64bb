import pino, { type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.ts';

/**
 * Paths never written to a log, whatever is logged (issue #3): credentials, session and CSRF tokens,
 * one-time passwords, the pseudonymisation key, and patient identifiers. Fastify's request log holds
 * only method, URL, host and address anyway; bodies are never logged.
 */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.oneTimePassword',
  '*.token',
  '*.csrfToken',
  '*.pseudonymKey',
  '*.nhsNumber',
  '*.givenName',
  '*.familyName',
  '*.birthDate',
];

/**
 * The platform logger. Never log patient-level values (DESIGN habit 11): log codes of organisations,
 * counts and request ids only. Request and response bodies are not logged. `destination` lets tests
 * read what would be written.
 */
export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  const options = { level: config.logLevel, redact: { paths: REDACTED_PATHS, remove: true } };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
