import { describe, expect, it } from 'vitest';
import { sessionEndsAt, sessionState, shouldTouch } from './session-rules.ts';

const session = { lastSeenAt: '2013-04-01T09:00:00.000Z', expiresAt: '2013-04-01T21:00:00.000Z' };
const at = (iso: string) => new Date(iso);

describe('session expiry', () => {
  it.each([
    ['active within the idle time', '2013-04-01T09:29:59.000Z', 'active'],
    ['idle after 30 minutes without a request', '2013-04-01T09:30:00.000Z', 'idle'],
    ['expired at the absolute end, whatever the activity', '2013-04-01T21:00:00.000Z', 'expired'],
  ])('%s', (_, now, expected) => {
    expect(sessionState(session, at(now), 30)).toBe(expected);
  });

  it('expires absolutely even when recently used', () => {
    expect(
      sessionState(
        { ...session, lastSeenAt: '2013-04-01T20:59:00.000Z' },
        at('2013-04-01T21:00:00.000Z'),
        30,
      ),
    ).toBe('expired');
  });

  it('ends at the earlier of the idle and the absolute deadline', () => {
    expect(sessionEndsAt(session, 30)).toBe('2013-04-01T09:30:00.000Z');
    expect(sessionEndsAt({ ...session, lastSeenAt: '2013-04-01T20:50:00.000Z' }, 30)).toBe(
      '2013-04-01T21:00:00.000Z',
    );
  });

  it('writes the last-seen time at most once a minute', () => {
    expect(shouldTouch(session, at('2013-04-01T09:00:59.000Z'))).toBe(false);
    expect(shouldTouch(session, at('2013-04-01T09:01:00.000Z'))).toBe(true);
  });
});
