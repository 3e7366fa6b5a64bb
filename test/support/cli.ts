import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DatabaseSettings } from './db.ts';
import { REFERENCE_DIR, REPO_ROOT } from './paths.ts';

const run = promisify(execFile);
const BIN = path.join(REPO_ROOT, 'bin', 'commissioner.js');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the real `commissioner` binary in a child process with a clean environment (plus the
 * database's settings, when given, and `env`); never throws, returns the exit code and output.
 */
export async function runCommissioner(
  args: readonly string[],
  options: { database?: DatabaseSettings; env?: Record<string, string> } = {},
): Promise<CliResult> {
  const db = options.database;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    COMMISSIONER_REFERENCE_DIR: REFERENCE_DIR,
    ...(db ? { COMMISSIONER_DATA_DIR: db.dataDir } : {}),
    ...(db?.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
    ...options.env,
  };
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
