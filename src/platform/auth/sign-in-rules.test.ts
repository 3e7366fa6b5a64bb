import { describe, expect, it } from 'vitest';
import { afterFailedSignIn, isLocked, type LockoutState, UNLOCKED } from './sign-in-rules.ts';

const settings = { maxFailures: 3, lockoutMinutes: 15 };
const t0 = new Date('2013-04-01T09:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('sign-in lockout', () => {
  it.each<[string, LockoutState, Date, LockoutState]>([
    ['counts a first failure', UNLOCKED, t0, { failedSignIns: 1, lockedUntil: null }],
    [
      'counts a second failure',
      { failedSignIns: 1, lockedUntil: null },
      t0,
      { failedSignIns: 2, lockedUntil: null },
    ],
    [
      'locks on the last allowed failure',
      { failedSignIns: 2, lockedUntil: null },
      t0,
      { failedSignIns: 0, lockedUntil: '2013-04-01T09:15:00.000Z' },
    ],
    [
      'leaves a running lock alone',
      { failedSignIns: 0, lockedUntil: '2013-04-01T09:15:00.000Z' },
      at(5),
      { failedSignIns: 0, lockedUntil: '2013-04-01T09:15:00.000Z' },
    ],
    [
      'starts counting again once a lock has run out',
      { failedSignIns: 0, lockedUntil: '2013-04-01T09:15:00.000Z' },
      at(16),
      { failedSignIns: 1, lockedUntil: null },
    ],
  ])('%s', (_, state, now, expected) => {
    expect(afterFailedSignIn(state, now, settings)).toEqual(expected);
  });

  it('is locked until the lock runs out, not after', () => {
    const locked = { failedSignIns: 0, lockedUntil: '2013-04-01T09:15:00.000Z' };
    expect(isLocked(locked, at(14))).toBe(true);
    expect(isLocked(locked, at(15))).toBe(false);
    expect(isLocked(UNLOCKED, t0)).toBe(false);
  });
});
