import { describe, expect, it } from 'vitest';
import { auditOutcome } from './model.ts';

describe('auditOutcome', () => {
  it.each([
    [200, true, 'allowed'],
    [201, true, 'allowed'],
    [404, true, 'allowed'],
    [400, false, 'error'],
    [401, false, 'denied'],
    [403, true, 'denied'],
    [429, false, 'denied'],
    [500, true, 'error'],
  ] as const)('status %i (decided: %s) is %s', (status, decided, expected) => {
    expect(auditOutcome(status, decided)).toBe(expected);
  });
});
