/** The time source, injected everywhere time matters (sessions, lockout, roles "as at today"). */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** The calendar date (UTC) of an instant, `YYYY-MM-DD`. */
export function isoDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}
