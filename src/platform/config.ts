import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError, ProblemCollector } from './errors.ts';

/**
 * Typed configuration, parsed once (DESIGN habit 5). Nothing else in the code reads `process.env`:
 * the entry points call `loadConfig(process.env)` and pass the result down.
 */
export interface Config {
  /** `postgres://…` selects a real PostgreSQL server; absent selects embedded PGlite in `dataDir`. */
  readonly databaseUrl: string | undefined;
  /** PGlite data directory (ignored with `databaseUrl`). `memory://` keeps it in memory. */
  readonly dataDir: string;
  /** Folder holding the public reference files (../shared/data/reference by default). */
  readonly referenceDir: string;
  readonly host: string;
  readonly port: number;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Built web UI served at `/` (absent: the API still runs, the UI reports it is not built). */
  readonly webDir: string;
  /** Whether to import the reference data on first start if the registry is empty. */
  readonly importOnStart: boolean;
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const problems = new ProblemCollector();

  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.add('DATABASE_URL', 'must start with postgres:// or postgresql://', 'invalid_url');
  }

  const portText = env.PORT?.trim() || '3000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.add('PORT', `must be an integer from 0 to 65535, got "${portText}"`, 'invalid_port');
  }

  const logLevel = (env.LOG_LEVEL?.trim() || 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.add('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`, 'invalid_enum');
  }

  const importText = env.COMMISSIONER_IMPORT_ON_START?.trim() || 'true';
  if (!['true', 'false'].includes(importText)) {
    problems.add(
      'COMMISSIONER_IMPORT_ON_START',
      `must be true or false, got "${importText}"`,
      'invalid_boolean',
    );
  }

  problems.throwIfAny('Invalid configuration');

  return {
    databaseUrl,
    dataDir: env.COMMISSIONER_DATA_DIR?.trim() || path.join(REPO_ROOT, '.data', 'pglite'),
    referenceDir:
      env.COMMISSIONER_REFERENCE_DIR?.trim() || path.resolve(REPO_ROOT, '..', 'shared', 'data', 'reference'),
    host: env.HOST?.trim() || '127.0.0.1',
    port,
    logLevel,
    webDir: env.COMMISSIONER_WEB_DIR?.trim() || path.join(REPO_ROOT, 'dist', 'web'),
    importOnStart: importText === 'true',
  };
}

export function isConfigError(err: unknown): err is AppError {
  return err instanceof AppError && err.message.startsWith('Invalid configuration');
}
