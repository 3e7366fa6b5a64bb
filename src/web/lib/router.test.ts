import { describe, expect, it } from 'vitest';
import { asAtFrom, DEFAULT_AS_AT, isIsoDate, withAsAt } from './as-at.ts';
import { matchRoute, needsSignIn, safeReturnPath, signInPath } from './router.ts';

describe('matchRoute', () => {
  it.each([
    ['/', { name: 'map' }],
    ['/ccg/00C', { name: 'ccg', code: '00C' }],
    ['/ccg/00C/', { name: 'ccg', code: '00C' }],
    ['/practice/A83005', { name: 'practice', code: 'A83005' }],
    ['/org/Q45', { name: 'org', code: 'Q45' }],
    ['/org/E38%20X', { name: 'org', code: 'E38 X' }],
    ['/organisations', { name: 'organisations' }],
    ['/structure', { name: 'structure' }],
    ['/sign-in', { name: 'sign-in' }],
    ['/account', { name: 'account' }],
    ['/admin/audit', { name: 'audit' }],
    ['/org/00C/api-tokens', { name: 'api-tokens', code: '00C' }],
    ['/org/00C/api-tokens/', { name: 'api-tokens', code: '00C' }],
    ['/ccg/00C/governance', { name: 'ccg-governance', code: '00C' }],
    ['/ccg/00C/register', { name: 'ccg-register', code: '00C' }],
    ['/ccg/00C/meetings', { name: 'ccg-meetings', code: '00C' }],
    ['/ccg/00C/meetings/new', { name: 'meeting-new', code: '00C' }],
    ['/ccg/00C/meetings/new/', { name: 'meeting-new', code: '00C' }],
    ['/ccg/00C/constitution', { name: 'ccg-constitution', code: '00C' }],
    ['/ccg/00C/procurement-decisions', { name: 'ccg-procurement', code: '00C' }],
    ['/ccg//governance', { name: 'not-found' }],
    ['/ccg/00C/meetings/old', { name: 'not-found' }],
    ['/meetings/00C-M-abc', { name: 'meeting', id: '00C-M-abc' }],
    ['/meetings/00C-M-abc/minutes', { name: 'minutes', id: '00C-M-abc' }],
    ['/meetings/', { name: 'not-found' }],
    ['/meetings/00C-M-abc/papers', { name: 'not-found' }],
    ['/governance', { name: 'governance' }],
    ['/org//api-tokens', { name: 'not-found' }],
    ['/admin', { name: 'not-found' }],
    ['/ccg/', { name: 'not-found' }],
    ['/ccg/00C/extra', { name: 'not-found' }],
    ['/ccg/%E0%A4%A', { name: 'not-found' }],
    ['/nowhere', { name: 'not-found' }],
  ])('%s', (path, route) => {
    expect(matchRoute(path)).toEqual(route);
  });
});

describe('signing in and back', () => {
  it('needs sign-in only for the account, audit, token, national governance and internal meeting pages', () => {
    expect(needsSignIn(matchRoute('/account'))).toBe(true);
    expect(needsSignIn(matchRoute('/admin/audit'))).toBe(true);
    expect(needsSignIn(matchRoute('/org/00C/api-tokens'))).toBe(true);
    expect(needsSignIn(matchRoute('/governance'))).toBe(true);
    expect(needsSignIn(matchRoute('/ccg/00C/meetings/new'))).toBe(true);
    expect(needsSignIn(matchRoute('/meetings/00C-M-abc'))).toBe(true);
    expect(needsSignIn(matchRoute('/meetings/00C-M-abc/minutes'))).toBe(false);
    expect(needsSignIn(matchRoute('/ccg/00C/register'))).toBe(false);
    expect(needsSignIn(matchRoute('/'))).toBe(false);
    expect(needsSignIn(matchRoute('/sign-in'))).toBe(false);
  });

  it('returns only to a path on this site, never to another host or the sign-in page', () => {
    expect(safeReturnPath('/ccg/00C?asAt=2014-04-01')).toBe('/ccg/00C?asAt=2014-04-01');
    expect(safeReturnPath('/admin/audit?outcome=denied#events')).toBe('/admin/audit?outcome=denied#events');
    for (const bad of [
      null,
      '',
      'account',
      'https://evil.example/',
      '//evil.example/x',
      '/\\evil.example',
      '/\t/evil.example',
      'javascript:alert(1)',
      '/sign-in',
      '/sign-in?next=/x',
    ]) {
      expect(safeReturnPath(bad)).toBe('/account');
    }
    expect(safeReturnPath('//evil.example', '/')).toBe('/');
  });

  it('links to the sign-in page with the way back', () => {
    expect(signInPath('/ccg/00C?asAt=2014-04-01')).toBe('/sign-in?next=%2Fccg%2F00C%3FasAt%3D2014-04-01');
    expect(signInPath()).toBe('/sign-in');
  });
});

describe('as-at date', () => {
  it('accepts only real YYYY-MM-DD dates', () => {
    expect(isIsoDate('2013-04-01')).toBe(true);
    expect(isIsoDate('2016-02-29')).toBe(true);
    expect(isIsoDate('2013-02-29')).toBe(false);
    expect(isIsoDate('2013-4-1')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });

  it('falls back to the default when the URL has none or a bad one', () => {
    expect(asAtFrom(new URLSearchParams(''))).toBe(DEFAULT_AS_AT);
    expect(asAtFrom(new URLSearchParams('asAt=nonsense'))).toBe(DEFAULT_AS_AT);
    expect(asAtFrom(new URLSearchParams('asAt=2014-04-01'))).toBe('2014-04-01');
  });

  it('carries a non-default date on links', () => {
    expect(withAsAt('/ccg/00C', DEFAULT_AS_AT)).toBe('/ccg/00C');
    expect(withAsAt('/ccg/00C', '2014-04-01')).toBe('/ccg/00C?asAt=2014-04-01');
    expect(withAsAt('/organisations?q=leeds', '2014-04-01')).toBe('/organisations?q=leeds&asAt=2014-04-01');
  });
});
