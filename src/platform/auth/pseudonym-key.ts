import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { Secret } from './secret.ts';

const DEV_KEY_FILE = 'pseudonym.key';

/**
 * The pseudonymisation key: COMMISSIONER_PSEUDONYM_KEY when set (always, in production: config.ts
 * refuses to start without it). Otherwise a development key, generated once into `secretsDir` with
 * owner-only permissions and reused from then on, so pseudonyms stay stable within the deployment.
 * Nothing here logs or prints the key.
 */
export function resolvePseudonymKey(
  config: Pick<Config, 'pseudonymKey' | 'secretsDir' | 'environment'>,
): Secret {
  if (config.pseudonymKey) return config.pseudonymKey;
  if (config.environment === 'production') {
    throw new Error('COMMISSIONER_PSEUDONYM_KEY is required in production');
  }
  const file = path.join(config.secretsDir, DEV_KEY_FILE);
  mkdirSync(config.secretsDir, { recursive: true, mode: 0o700 });
  try {
    // `wx`: never overwrite a key another process made first (that would change every pseudonym).
    writeFileSync(file, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  chmodSync(file, 0o600);
  const key = readFileSync(file, 'utf8').trim();
  if (key.length < 32) throw new Error(`The development pseudonymisation key in ${file} is too short`);
  return new Secret(key);
}
