import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** A random bearer secret (256 bits, base64url), with an optional recognisable prefix. */
export function newSecretToken(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/**
 * Sessions and API tokens are stored only as SHA-256 hashes. A fast hash is right here (unlike
 * passwords): the secrets are 256-bit random values, so there is nothing to guess.
 */
export function hashSecretToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time comparison of two secrets of any length (compares their digests). */
export function secretsEqual(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}

// No 0/o, 1/l/i: one-time passwords are read off a terminal and typed.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A one-time password such as `k7qm-2xwe-p9tn-c4hv` (16 characters, about 79 bits). */
export function newOneTimePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}
