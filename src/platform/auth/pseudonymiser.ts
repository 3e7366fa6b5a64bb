import { createHmac } from 'node:crypto';
import type { Secret } from './secret.ts';

/** 128 bits of HMAC-SHA256 in lower-case hex: enough to never collide across 56M patients. */
export const PSEUDONYM_PATTERN = /^[0-9a-f]{32}$/;

// Domain separation: the same key can later pseudonymise other identifiers without their outputs
// ever coinciding with patients'.
const PATIENT_CONTEXT = 'commissioner/patient/v1:';

/**
 * Keyed pseudonymisation (issue #3): HMAC-SHA256 of the NHS number under the deployment's key.
 * Stable within a deployment (same key, same pseudonym), and not reversible without the key: the only
 * way back is a lookup in `patient_identity`, which the access policy limits to the patient's own
 * practice. The key is read lazily, so commands that never pseudonymise never touch it.
 */
export class Pseudonymiser {
  readonly #key: () => Secret;
  #cached: Secret | undefined;

  constructor(key: () => Secret) {
    this.#key = key;
  }

  patient(nhsNumber: string): string {
    const digits = nhsNumber.replace(/\s+/g, '');
    if (!/^\d{10}$/.test(digits)) throw new Error('An NHS number has 10 digits');
    this.#cached ??= this.#key();
    return createHmac('sha256', this.#cached.reveal())
      .update(PATIENT_CONTEXT + digits)
      .digest('hex')
      .slice(0, 32);
  }
}
