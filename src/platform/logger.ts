import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';

/**
 * The platform logger. Never log patient-level values (DESIGN habit 11): log codes of organisations,
 * counts and request ids only. Request and response bodies are not logged.
 */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', '*.password', '*.token'],
      remove: true,
    },
  });
}

export type { Logger };
