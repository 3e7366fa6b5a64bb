import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { GovernanceViolation, InterestDeclaration } from '../../model.ts';
import { loadGovernanceRuleBook } from '../rule-book.ts';
import { bookWith, declaration, RULE_BOOK_URL } from '../test-fixtures.ts';
import { checkDeclarations } from './declarations.ts';

const book = loadGovernanceRuleBook(JSON.parse(readFileSync(RULE_BOOK_URL, 'utf8')));
const summary = (v: GovernanceViolation) => `${v.ruleId}${v.detail?.reason ? `:${v.detail.reason}` : ''}`;
const check = (d: InterestDeclaration, asAt = '2013-12-31', rules = book) =>
  checkDeclarations([d], asAt, rules).map(summary);

describe('s14O(3)(b): declared within 28 days of the interest arising; dates in order', () => {
  it.each<[string, Partial<InterestDeclaration>, string, string[]]>([
    ['declared 9 days after arising', {}, '2013-12-31', []],
    ['declared on day 28', { aroseOn: '2013-04-01', declaredOn: '2013-04-29' }, '2013-12-31', []],
    ['declared on day 29', { aroseOn: '2013-04-01', declaredOn: '2013-04-30' }, '2013-12-31', ['ROI-28-DAY']],
    [
      'declared before the interest arose (a prospective appointment)',
      { aroseOn: '2013-05-01', declaredOn: '2013-04-20' },
      '2013-12-31',
      [],
    ],
    [
      'not yet declared, deadline not passed on the date',
      { aroseOn: '2013-04-01', declaredOn: '2013-06-01' },
      '2013-04-29',
      [],
    ],
    [
      'not yet declared on the date, deadline passed',
      { aroseOn: '2013-04-01', declaredOn: '2013-06-01' },
      '2013-05-15',
      ['ROI-28-DAY'],
    ],
    [
      'ends before it starts',
      { startDate: '2013-04-01', endDate: '2013-03-01' },
      '2013-12-31',
      ['ROI-DATES:ends_before_start'],
    ],
    ['ends the day it starts', { startDate: '2013-04-01', endDate: '2013-04-01' }, '2013-12-31', []],
    [
      'an unreadable date is reported and not used for the 28-day test',
      { aroseOn: '1 April 2013', declaredOn: '2013-09-01' },
      '2013-12-31',
      ['ROI-DATES:invalid_date'],
    ],
  ])('%s', (_case, patch, asAt, expected) => {
    expect(check(declaration(patch), asAt)).toEqual(expected);
  });

  it('says how late a late declaration was', () => {
    const [violation] = checkDeclarations(
      [declaration({ aroseOn: '2013-04-01', declaredOn: '2013-05-09' })],
      '2013-12-31',
      book,
    );
    expect(violation).toMatchObject({
      ruleId: 'ROI-28-DAY',
      legalRef: 'NHS Act 2006 s14O(3)(b), inserted by HSCA 2012 s25',
      subjectType: 'declaration',
      subjectCode: 'D1',
      detail: { deadline: '2013-04-29', daysLate: 10, declaredByAsAt: true },
    });
  });

  it('reads the period from the rule book', () => {
    const late = declaration({ aroseOn: '2013-04-01', declaredOn: '2013-04-20' });
    expect(check(late, '2013-12-31', bookWith(book, 'ROI-28-DAY', { parameters: { days: 14 } }))).toEqual([
      'ROI-28-DAY',
    ]);
  });

  it('checks every declaration and reports each problem', () => {
    const violations = checkDeclarations(
      [
        declaration({ declarationId: 'A', aroseOn: '2013-04-01', declaredOn: '2013-06-01' }),
        declaration({ declarationId: 'B' }),
        declaration({ declarationId: 'C', endDate: '2013-01-01' }),
      ],
      '2013-12-31',
      book,
    );
    expect(violations.map((v) => `${v.subjectCode}:${v.ruleId}`)).toEqual(['A:ROI-28-DAY', 'C:ROI-DATES']);
  });
});
