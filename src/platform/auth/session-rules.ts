/**
 * When a session ends (issue #3). PURE. A session ends at the first of: `idleMinutes` after the last
 * request, or its absolute expiry (set at sign-in). `last_seen_at` is written at most once a minute,
 * so idle expiry is accurate to that minute.
 */
export interface SessionTimes {
  readonly lastSeenAt: string;
  readonly expiresAt: string;
}

export type SessionState = 'active' | 'idle' | 'expired';

export const TOUCH_INTERVAL_MS = 60_000;

export function sessionState(session: SessionTimes, now: Date, idleMinutes: number): SessionState {
  const t = now.getTime();
  if (t >= Date.parse(session.expiresAt)) return 'expired';
  if (t >= Date.parse(session.lastSeenAt) + idleMinutes * 60_000) return 'idle';
  return 'active';
}

/** When the session will end if no further request comes. */
export function sessionEndsAt(session: SessionTimes, idleMinutes: number): string {
  const idle = Date.parse(session.lastSeenAt) + idleMinutes * 60_000;
  return new Date(Math.min(idle, Date.parse(session.expiresAt))).toISOString();
}

export function shouldTouch(session: SessionTimes, now: Date): boolean {
  return now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_INTERVAL_MS;
}
