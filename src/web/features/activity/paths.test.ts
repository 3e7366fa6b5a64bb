import { describe, expect, it } from 'vitest';
import { matchRoute, needsSignIn, type Route } from '../../lib/router.ts';
import { activityPath, contractStatementPath, providerActivityPath } from './paths.ts';

describe('activity addresses', () => {
  it.each<[string, string, Route]>([
    ['the page', activityPath('00K'), { name: 'ccg-activity', code: '00K' }],
    ['the page at a month', activityPath('00K', '2013-06'), { name: 'ccg-activity', code: '00K' }],
    [
      'a provider',
      providerActivityPath('00K', 'RVW', '2013-06'),
      { name: 'ccg-provider-activity', code: '00K', provider: 'RVW' },
    ],
    [
      'a contract statement',
      contractStatementPath('00K', 'RTH'),
      { name: 'ccg-contract-statement', code: '00K', provider: 'RTH' },
    ],
    [
      'codes that need encoding',
      contractStatementPath('0 K', 'R/W'),
      { name: 'ccg-contract-statement', code: '0 K', provider: 'R/W' },
    ],
  ])('%s: %s is matched back to its route, which needs sign-in', (_what, href, route) => {
    const pathname = href.split('?')[0]!;
    expect(matchRoute(pathname)).toEqual(route);
    expect(needsSignIn(route)).toBe(true);
  });

  it.each([
    ['/ccg/00K/activity/providers', 'not-found'],
    ['/ccg/00K/activity/providers/', 'not-found'],
    ['/ccg/00K/activity/providers/RVW/extra', 'not-found'],
    ['/ccg/00K/contracts', 'not-found'],
    ['/ccg//activity', 'not-found'],
    ['/ccg/00K/activity/', 'ccg-activity'],
  ])('%s is %s', (pathname, name) => {
    expect(matchRoute(pathname).name).toBe(name);
  });

  it('puts the month in the query, encoded, and leaves it out when absent', () => {
    expect(activityPath('00K', '2013-06')).toBe('/ccg/00K/activity?month=2013-06');
    expect(activityPath('00K', null)).toBe('/ccg/00K/activity');
    expect(providerActivityPath('00K', 'RVW')).toBe('/ccg/00K/activity/providers/RVW');
    expect(activityPath('00K', '2013 06')).toBe('/ccg/00K/activity?month=2013%2006');
  });
});
