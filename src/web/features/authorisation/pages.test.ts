import { describe, expect, it } from 'vitest';
import { matchAuthorisationPage } from './pages.tsx';

describe('matchAuthorisationPage', () => {
  it.each([
    ['/ccg/00C/authorisation/assessment', { page: 'assessment', code: '00C' }],
    ['/ccg/00C/authorisation/decision', { page: 'decision', code: '00C' }],
    ['/ccg/00C/authorisation/decision/', { page: 'decision', code: '00C' }],
    ['/ccg/Z%2001/authorisation/decision', { page: 'decision', code: 'Z 01' }],
    ['/ccg/00C/authorisation', null],
    ['/ccg/00C/authorisation/history', null],
    ['/ccg//authorisation/decision', null],
    ['/ccg/%E0%A4%A/authorisation/decision', null],
  ])('%s', (path, expected) => {
    expect(matchAuthorisationPage(path)).toEqual(expected);
  });
});
