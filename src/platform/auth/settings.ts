import type { Config } from '../config.ts';

/** The access-control settings taken from the parsed config. */
export type AccessSettings = Pick<
  Config,
  | 'sessionIdleMinutes'
  | 'sessionAbsoluteHours'
  | 'signInMaxFailures'
  | 'signInLockoutMinutes'
  | 'signInRateLimit'
>;

export function accessSettings(config: AccessSettings): AccessSettings {
  return {
    sessionIdleMinutes: config.sessionIdleMinutes,
    sessionAbsoluteHours: config.sessionAbsoluteHours,
    signInMaxFailures: config.signInMaxFailures,
    signInLockoutMinutes: config.signInLockoutMinutes,
    signInRateLimit: config.signInRateLimit,
  };
}
