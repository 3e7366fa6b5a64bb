import { hash, verify } from '@node-rs/argon2';
import type { Problem } from '../errors.ts';

/**
 * Passwords are stored only as argon2id hashes (the @node-rs/argon2 default algorithm, with its
 * OWASP-recommended costs: 19 MiB, 2 passes, 1 lane). The PHC string records the parameters, so
 * they can be raised later without breaking existing hashes.
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Verifies against a throwaway hash, so that a sign-in for an unknown or locked account takes as
 * long as one for a real account and timing does not reveal which usernames exist.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hash('not a real password: timing equaliser');
  await verifyPassword(await dummy, password);
  return false;
}

export function checkPasswordRules(password: string, path = 'password'): Problem[] {
  const problems: Problem[] = [];
  if (password.length < MIN_PASSWORD_LENGTH) {
    problems.push({ path, message: `must be at least ${MIN_PASSWORD_LENGTH} characters`, code: 'too_short' });
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    problems.push({ path, message: `must be at most ${MAX_PASSWORD_LENGTH} characters`, code: 'too_long' });
  }
  return problems;
}
