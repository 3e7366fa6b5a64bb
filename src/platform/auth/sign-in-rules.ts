/**
 * Lockout after repeated failed sign-ins (issue #3). PURE: the caller passes the state stored on the
 * person, the time now and the settings; the result is the state to store.
 */
export interface LockoutSettings {
  readonly maxFailures: number;
  readonly lockoutMinutes: number;
}

export interface LockoutState {
  readonly failedSignIns: number;
  /** ISO timestamp; the account refuses every sign-in until then. */
  readonly lockedUntil: string | null;
}

export const UNLOCKED: LockoutState = { failedSignIns: 0, lockedUntil: null };

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && now.getTime() < Date.parse(state.lockedUntil);
}

/** The state after one more failure: the count restarts once a lock has run out. */
export function afterFailedSignIn(state: LockoutState, now: Date, settings: LockoutSettings): LockoutState {
  if (isLocked(state, now)) return state;
  const previous = state.lockedUntil === null ? state.failedSignIns : 0;
  const failed = previous + 1;
  if (failed >= settings.maxFailures) {
    return {
      failedSignIns: 0,
      lockedUntil: new Date(now.getTime() + settings.lockoutMinutes * 60_000).toISOString(),
    };
  }
  return { failedSignIns: failed, lockedUntil: null };
}
