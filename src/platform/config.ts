import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Secret } from './auth/secret.ts';
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
  /** NODE_ENV. In `production` every secret must be given and demo accounts are refused. */
  readonly environment: 'development' | 'test' | 'production';
  /**
   * Key for keyed pseudonymisation (HMAC-SHA256), COMMISSIONER_PSEUDONYM_KEY, at least 32 characters.
   * Absent outside production: a development key is generated once and kept in `secretsDir`.
   */
  readonly pseudonymKey: Secret | undefined;
  /** Where development secrets are generated and kept (mode 0600), COMMISSIONER_SECRETS_DIR. */
  readonly secretsDir: string;
  /** A session ends after this many minutes without a request… */
  readonly sessionIdleMinutes: number;
  /** …and this many hours after sign-in, whatever the activity. */
  readonly sessionAbsoluteHours: number;
  /** Consecutive failed sign-ins that lock an account… */
  readonly signInMaxFailures: number;
  /** …for this many minutes. */
  readonly signInLockoutMinutes: number;
  /** Sign-in attempts allowed per minute from one IP address. */
  readonly signInRateLimit: number;
  /** Seed demo accounts for each role on `serve` (default true, except in production where it is refused). */
  readonly demoAccounts: boolean;
  /** Where loaded activity (Parquet), its quarantine and pipeline results live, COMMISSIONER_ACTIVITY_DIR. */
  readonly activityDir: string;
  /** DuckDB memory limit for the activity engine (it spills to disk beyond it), COMMISSIONER_ANALYTICS_MEMORY. */
  readonly analyticsMemoryLimit: string;
  /**
   * Scale of the synthetic activity generated, loaded and priced on first `serve` when the activity
   * store is empty (0 turns it off), COMMISSIONER_DEMO_ACTIVITY_SCALE. Default 0.01 (about 560,000 people).
   */
  readonly demoActivityScale: number;
}

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const ENVIRONMENTS = ['development', 'test', 'production'] as const;

/** A whole number setting within [min, max], or its default when unset. */
function integerSetting(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
  fallback: number,
  [min, max]: readonly [number, number],
  problems: ProblemCollector,
): number {
  const text = env[name]?.trim() || String(fallback);
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    problems.add(name, `must be a whole number from ${min} to ${max}, got "${text}"`, 'invalid_integer');
  }
  return value;
}

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

  const environment = (env.NODE_ENV?.trim() || 'development') as Config['environment'];
  if (!ENVIRONMENTS.includes(environment)) {
    problems.add(
      'NODE_ENV',
      `must be one of ${ENVIRONMENTS.join(', ')}, got "${environment}"`,
      'invalid_enum',
    );
  }
  const production = environment === 'production';

  // The key itself is never echoed in a problem message.
  const keyText = env.COMMISSIONER_PSEUDONYM_KEY?.trim() || undefined;
  if (keyText !== undefined && keyText.length < 32) {
    problems.add('COMMISSIONER_PSEUDONYM_KEY', 'must be at least 32 characters', 'secret_too_short');
  }
  if (keyText === undefined && production) {
    problems.add(
      'COMMISSIONER_PSEUDONYM_KEY',
      'is required in production (e.g. `openssl rand -base64 48`)',
      'secret_required',
    );
  }

  const sessionIdleMinutes = integerSetting(
    env,
    'COMMISSIONER_SESSION_IDLE_MINUTES',
    30,
    [1, 1440],
    problems,
  );
  const sessionAbsoluteHours = integerSetting(
    env,
    'COMMISSIONER_SESSION_ABSOLUTE_HOURS',
    12,
    [1, 168],
    problems,
  );
  const signInMaxFailures = integerSetting(env, 'COMMISSIONER_SIGN_IN_MAX_FAILURES', 5, [1, 100], problems);
  const signInLockoutMinutes = integerSetting(
    env,
    'COMMISSIONER_SIGN_IN_LOCKOUT_MINUTES',
    15,
    [1, 1440],
    problems,
  );
  const signInRateLimit = integerSetting(env, 'COMMISSIONER_SIGN_IN_RATE_LIMIT', 10, [1, 10000], problems);

  const demoText = env.COMMISSIONER_DEMO_ACCOUNTS?.trim() || (production ? 'false' : 'true');
  if (!['true', 'false'].includes(demoText)) {
    problems.add('COMMISSIONER_DEMO_ACCOUNTS', `must be true or false, got "${demoText}"`, 'invalid_boolean');
  } else if (demoText === 'true' && production) {
    problems.add(
      'COMMISSIONER_DEMO_ACCOUNTS',
      'demo accounts are refused in production',
      'not_in_production',
    );
  }

  const memoryText = env.COMMISSIONER_ANALYTICS_MEMORY?.trim() || '8GB';
  if (!/^\d+(\.\d+)?\s*(MB|GB|MiB|GiB)$/i.test(memoryText)) {
    problems.add(
      'COMMISSIONER_ANALYTICS_MEMORY',
      `must be a size such as 8GB or 512MB, got "${memoryText}"`,
      'invalid_size',
    );
  }
  const scaleText = env.COMMISSIONER_DEMO_ACTIVITY_SCALE?.trim() || '0.01';
  const demoActivityScale = Number(scaleText);
  if (!Number.isFinite(demoActivityScale) || demoActivityScale < 0 || demoActivityScale > 1) {
    problems.add(
      'COMMISSIONER_DEMO_ACTIVITY_SCALE',
      `must be a number from 0 to 1, got "${scaleText}"`,
      'invalid_number',
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
    environment,
    pseudonymKey: keyText === undefined ? undefined : new Secret(keyText),
    secretsDir: env.COMMISSIONER_SECRETS_DIR?.trim() || path.join(REPO_ROOT, '.data', 'secrets'),
    sessionIdleMinutes,
    sessionAbsoluteHours,
    signInMaxFailures,
    signInLockoutMinutes,
    signInRateLimit,
    demoAccounts: demoText === 'true',
    activityDir: env.COMMISSIONER_ACTIVITY_DIR?.trim() || path.join(REPO_ROOT, '.data', 'activity'),
    analyticsMemoryLimit: memoryText,
    demoActivityScale,
  };
}

export function isConfigError(err: unknown): err is AppError {
  return err instanceof AppError && err.message.startsWith('Invalid configuration');
}
