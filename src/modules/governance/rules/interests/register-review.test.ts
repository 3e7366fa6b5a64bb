import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RegisterOfInterests } from '../../model.ts';
import { loadGovernanceRuleBook } from '../rule-book.ts';
import { bookWith, declaration, RULE_BOOK_URL } from '../test-fixtures.ts';
import { checkRegisterReview } from './register-review.ts';

const book = loadGovernanceRuleBook(JSON.parse(readFileSync(RULE_BOOK_URL, 'utf8')));
const AS_AT = '2014-06-30';

const register = (patch: Partial<RegisterOfInterests> = {}): RegisterOfInterests => ({
  population: [
    { personId: 'p1', name: 'A Member', capacity: 'gb_member', startDate: '2013-04-01', endDate: null },
  ],
  declarations: [],
  nilReturns: [],
  ...patch,
});
const check = (r: RegisterOfInterests, asAt = AS_AT, rules = book) =>
  checkRegisterReview(r, asAt, rules).map((v) => `${v.ruleId}:${v.subjectCode}`);

describe('nil returns and the annual review of the register', () => {
  it.each<[string, RegisterOfInterests, string, string[]]>([
    [
      'a declaration within the last 12 months',
      register({ declarations: [declaration({ declaredOn: '2013-07-01' })] }),
      AS_AT,
      [],
    ],
    [
      'a nil return within the last 12 months',
      register({ nilReturns: [{ personId: 'p1', capacity: 'gb_member', returnedOn: '2014-04-01' }] }),
      AS_AT,
      [],
    ],
    [
      'an old declaration confirmed within the cycle',
      register({ declarations: [declaration({ declaredOn: '2013-04-10', confirmedOn: '2014-04-15' })] }),
      AS_AT,
      [],
    ],
    ['nothing at all (unconfirmed nil-return rule)', register(), AS_AT, ['ROI-NIL-RETURN:p1']],
    ['nothing yet, within 28 days of joining', register(), '2013-04-29', []],
    ['nothing, on day 29 after joining', register(), '2013-04-30', ['ROI-NIL-RETURN:p1']],
    [
      'last return 12 months and a day ago',
      register({ nilReturns: [{ personId: 'p1', capacity: 'gb_member', returnedOn: '2013-06-29' }] }),
      AS_AT,
      ['ROI-ANNUAL-REVIEW:p1'],
    ],
    [
      'last return exactly 12 months ago',
      register({ nilReturns: [{ personId: 'p1', capacity: 'gb_member', returnedOn: '2013-06-30' }] }),
      AS_AT,
      [],
    ],
    [
      'a return made after the date does not count on the date',
      register({ nilReturns: [{ personId: 'p1', capacity: 'gb_member', returnedOn: '2014-07-01' }] }),
      AS_AT,
      ['ROI-NIL-RETURN:p1'],
    ],
    [
      'someone who has left the population is not checked',
      register({
        population: [
          { personId: 'p1', name: 'A', capacity: 'employee', startDate: '2013-04-01', endDate: '2014-03-31' },
        ],
      }),
      AS_AT,
      [],
    ],
    [
      'another person’s return does not count',
      register({ declarations: [declaration({ declarant: { personId: 'p2', capacity: 'employee' } })] }),
      AS_AT,
      ['ROI-NIL-RETURN:p1'],
    ],
    [
      'a person in two capacities is checked once',
      register({
        population: [
          { personId: 'p1', name: 'A', capacity: 'gb_member', startDate: '2013-04-01', endDate: null },
          { personId: 'p1', name: 'A', capacity: 'committee_member', startDate: '2013-09-01', endDate: null },
        ],
      }),
      AS_AT,
      ['ROI-NIL-RETURN:p1'],
    ],
  ])('%s (as at %s)', (_case, r, asAt, expected) => {
    expect(check(r, asAt)).toEqual(expected);
  });

  it('with the nil-return switch off, someone never on the register fails the annual review instead', () => {
    expect(check(register(), AS_AT, bookWith(book, 'ROI-NIL-RETURN', { enabled: false }))).toEqual([
      'ROI-ANNUAL-REVIEW:p1',
    ]);
    expect(check(register(), '2013-12-31', bookWith(book, 'ROI-NIL-RETURN', { enabled: false }))).toEqual([]);
  });

  it('reports when the last return was and the start of the cycle', () => {
    const [violation] = checkRegisterReview(
      register({ nilReturns: [{ personId: 'p1', capacity: 'gb_member', returnedOn: '2013-05-01' }] }),
      AS_AT,
      book,
    );
    expect(violation).toMatchObject({
      ruleId: 'ROI-ANNUAL-REVIEW',
      severity: 'warning',
      subjectType: 'person',
      detail: { lastReturn: '2013-05-01', cycleStart: '2013-06-30', capacity: 'gb_member' },
    });
  });
});
