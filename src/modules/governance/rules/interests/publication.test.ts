import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InterestDeclaration } from '../../model.ts';
import { loadGovernanceRuleBook } from '../rule-book.ts';
import { bookWith, declaration, RULE_BOOK_URL } from '../test-fixtures.ts';
import { isPubliclyVisible, retentionUntil } from './publication.ts';

const book = loadGovernanceRuleBook(JSON.parse(readFileSync(RULE_BOOK_URL, 'utf8')));
const ended = declaration({ startDate: '2013-04-01', declaredOn: '2013-04-10', endDate: '2013-08-31' });

describe('isPubliclyVisible: current entries, and expired ones for 6 months (unconfirmed for 2013)', () => {
  it.each<[string, InterestDeclaration, string, boolean]>([
    ['current', declaration(), '2013-06-01', true],
    ['not yet declared', declaration({ declaredOn: '2013-04-10' }), '2013-04-09', false],
    [
      'declared, but the interest has not started',
      declaration({ startDate: '2013-05-01', declaredOn: '2013-04-10' }),
      '2013-04-20',
      false,
    ],
    ['on its last day', ended, '2013-08-31', true],
    ['6 months after it ended', ended, '2014-02-28', true],
    ['6 months and a day after it ended', ended, '2014-03-01', false],
  ])('%s (on %s): %s', (_case, d, asAt, expected) => {
    expect(isPubliclyVisible(d, asAt, book)).toBe(expected);
  });

  it('with the switch off, an entry is public only while current', () => {
    const off = bookWith(book, 'ROI-PUBLIC-VISIBILITY', { enabled: false });
    expect(isPubliclyVisible(ended, '2013-08-31', off)).toBe(true);
    expect(isPubliclyVisible(ended, '2013-09-01', off)).toBe(false);
  });
});

describe('retentionUntil: 6 years after the interest ends (unconfirmed for 2013)', () => {
  it.each<[string, InterestDeclaration, string | null]>([
    ['ended', ended, '2019-08-31'],
    ['ended on 29 February', declaration({ endDate: '2016-02-29' }), '2022-02-28'],
    ['still current: no date yet', declaration(), null],
    [
      'ended before the rule was in effect',
      declaration({ startDate: '2012-01-01', endDate: '2013-03-31' }),
      null,
    ],
  ])('%s → %s', (_case, d, expected) => {
    expect(retentionUntil(d, book)).toBe(expected);
  });

  it('follows the rule book’s period and switch', () => {
    expect(retentionUntil(ended, bookWith(book, 'ROI-RETENTION', { parameters: { yearsAfterEnd: 8 } }))).toBe(
      '2021-08-31',
    );
    expect(retentionUntil(ended, bookWith(book, 'ROI-RETENTION', { enabled: false }))).toBeNull();
  });
});
