import { describe, expect, it } from 'vitest';
import { supersedesText } from './supersedes-text.ts';

describe('supersedesText', () => {
  it.each([
    { supersedes: undefined, text: '' },
    { supersedes: [], text: 'no rows (no earlier load held the ids of its accepted rows)' },
    {
      supersedes: [{ loadId: 'aaaa', file: 'may.csv', rows: 1 }],
      text: '1 row of may.csv (load aaaa)',
    },
    {
      supersedes: [
        { loadId: 'aaaa', file: 'may.csv', rows: 12345 },
        { loadId: 'bbbb', file: 'may-v2.csv', rows: 2 },
      ],
      text: '12,345 rows of may.csv (load aaaa), 2 rows of may-v2.csv (load bbbb)',
    },
  ])('$text', ({ supersedes, text }) => {
    expect(supersedesText(supersedes)).toBe(text);
  });
});
