import { describe, expect, it } from 'vitest';
import type { RuleDefinition } from './definitions.ts';
import { checkPracticeMembership, type PracticeMembershipInput } from './practice-membership.ts';

const RULE: RuleDefinition = {
  id: 'ORG-PRACTICE-ONE-CCG',
  title: 'Each practice holding a primary medical contract is a member of exactly one CCG',
  legalRef:
    'NHS Act 2006 s14A(1), inserted by HSCA 2012 s25; CCG Regs 2012 reg 2 (provider of primary medical services)',
  source: 'test',
  confidence: 'confirmed',
  enabled: true,
  severity: 'error',
  effectiveFrom: '2013-04-01',
  effectiveTo: null,
  reviewedOn: '2026-11-22',
  parameters: {},
};

const practice = (overrides: Partial<PracticeMembershipInput>): PracticeMembershipInput => ({
  code: 'B82005',
  name: 'Priory Medical Group',
  holdsContract: true,
  ccgCodes: ['03Q'],
  nextMembership: null,
  ...overrides,
});

describe('checkPracticeMembership', () => {
  it.each<[string, Partial<PracticeMembershipInput>, Record<string, unknown> | null]>([
    ['one CCG', {}, null],
    ['one CCG recorded twice', { ccgCodes: ['03Q', '03Q'] }, null],
    ['no contract and no CCG', { holdsContract: false, ccgCodes: [] }, null],
    ['no contract and two CCGs', { holdsContract: false, ccgCodes: ['03Q', '02Y'] }, null],
    ['no CCG, none later', { ccgCodes: [] }, { reason: 'none', asAt: '2013-04-01' }],
    [
      'no CCG, joins one later',
      { ccgCodes: [], nextMembership: { ccgCode: '04D', startDate: '2013-08-01' } },
      { reason: 'unknown', asAt: '2013-04-01', nextMembership: { ccgCode: '04D', startDate: '2013-08-01' } },
    ],
    [
      'two CCGs',
      { ccgCodes: ['03Q', '02Y'] },
      { reason: 'multiple', asAt: '2013-04-01', ccgCodes: ['02Y', '03Q'] },
    ],
    [
      'three CCGs, one duplicated',
      { ccgCodes: ['03Q', '02Y', '03Q', '03M'] },
      { reason: 'multiple', asAt: '2013-04-01', ccgCodes: ['02Y', '03M', '03Q'] },
    ],
  ])('%s', (_case, overrides, detail) => {
    const violations = checkPracticeMembership([practice(overrides)], '2013-04-01', RULE);
    if (detail === null) {
      expect(violations).toEqual([]);
      return;
    }
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({
      ruleId: 'ORG-PRACTICE-ONE-CCG',
      legalRef: RULE.legalRef,
      severity: 'error',
      subjectType: 'gp_practice',
      subjectCode: 'B82005',
      detail,
    });
  });

  it.each([
    [
      'unknown',
      { ccgCodes: [], nextMembership: { ccgCode: '04D', startDate: '2013-08-01' } },
      'its CCG membership on 2013-04-01 is unknown: no CCG membership is recorded on 2013-04-01; it is next recorded as joining 04D on 2013-08-01',
    ],
    ['none', { ccgCodes: [] }, 'no CCG membership is recorded on 2013-04-01 or later'],
    [
      'multiple',
      { ccgCodes: ['03Q', '02Y'] },
      'is a member of 2 CCGs (02Y, 03Q); it must be a member of exactly one',
    ],
  ])('message for reason %s', (_reason, overrides, text) => {
    const [violation] = checkPracticeMembership([practice(overrides)], '2013-04-01', RULE);
    expect(violation?.message).toContain('Practice B82005 (Priory Medical Group)');
    expect(violation?.message).toContain(text);
  });

  it.each<[string, Partial<RuleDefinition>, string, number]>([
    ['in effect', {}, '2013-04-01', 2],
    ['before the rule takes effect (s14A applies from 1 April 2013)', {}, '2013-03-31', 0],
    ['after the rule ends', { effectiveTo: '2022-06-30' }, '2022-07-01', 0],
    ['switched off', { enabled: false }, '2014-01-01', 0],
  ])('rule definition: %s', (_case, overrides, asAt, expected) => {
    const practices = [
      practice({ code: 'A1', ccgCodes: [] }),
      practice({ code: 'A2', ccgCodes: ['01A', '02A'] }),
    ];
    expect(checkPracticeMembership(practices, asAt, { ...RULE, ...overrides })).toHaveLength(expected);
  });

  it('takes severity and legal reference from the rule definition', () => {
    const rule = { ...RULE, severity: 'warning' as const, legalRef: 'NHS Act 2006 s14A(1)' };
    const [violation] = checkPracticeMembership([practice({ ccgCodes: [] })], '2013-04-01', rule);
    expect(violation).toMatchObject({ severity: 'warning', legalRef: 'NHS Act 2006 s14A(1)' });
  });

  it('reports each failing practice once, in input order', () => {
    const practices = [
      practice({ code: 'P1', ccgCodes: [] }),
      practice({ code: 'P2' }),
      practice({ code: 'P3', ccgCodes: ['01A', '02A'] }),
      practice({ code: 'P4', holdsContract: false, ccgCodes: [] }),
    ];
    const violations = checkPracticeMembership(practices, '2013-04-01', RULE);
    expect(violations.map((v) => [v.subjectCode, v.detail?.reason])).toEqual([
      ['P1', 'none'],
      ['P3', 'multiple'],
    ]);
  });

  it('returns nothing for no practices', () => {
    expect(checkPracticeMembership([], '2013-04-01', RULE)).toEqual([]);
  });

  it('refuses another rule’s definition', () => {
    expect(() => checkPracticeMembership([], '2013-04-01', { ...RULE, id: 'ORG-CCG-CROSSES-LA' })).toThrow(
      /ORG-PRACTICE-ONE-CCG/,
    );
  });
});
