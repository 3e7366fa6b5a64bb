import { describe, expect, it } from 'vitest';
import type { CcgLocalAuthorityShare } from '../model.ts';
import type { RuleDefinition } from './definitions.ts';
import { flagLocalAuthorityCrossings } from './local-authority-boundary.ts';

const RULE: RuleDefinition = {
  id: 'ORG-CCG-CROSSES-LA',
  title: 'CCG area spans more than one upper-tier local authority',
  legalRef: 'UNCONFIRMED: no statutory text found; reflects guidance',
  source: 'test',
  confidence: 'unconfirmed',
  enabled: true,
  severity: 'warning',
  effectiveFrom: '2013-04-01',
  effectiveTo: null,
  reviewedOn: '2026-11-22',
  parameters: { minimumShare: 0 },
};

const AWC = { ccgCode: '02N', ccgName: 'NHS Airedale, Wharfedale and Craven CCG' };
const share = (
  ccg: typeof AWC,
  utlaCode: string,
  utlaName: string,
  value: number,
): CcgLocalAuthorityShare => ({
  ...ccg,
  utlaCode,
  utlaName,
  share: value,
});
const BRADFORD = (value: number) => share(AWC, 'E08000032', 'Bradford', value);
const NORTH_YORKSHIRE = (value: number) => share(AWC, 'E10000023', 'North Yorkshire', value);
const LEEDS = (value: number) => share(AWC, 'E08000035', 'Leeds', value);
const DARLINGTON = share({ ccgCode: '00C', ccgName: 'NHS Darlington CCG' }, 'E06000005', 'Darlington', 1);

describe('flagLocalAuthorityCrossings', () => {
  it.each<[string, CcgLocalAuthorityShare[], number, string[] | null]>([
    ['one authority (coterminous)', [DARLINGTON], 0, null],
    ['no rows', [], 0, null],
    [
      'two authorities, largest first',
      [NORTH_YORKSHIRE(0.223), BRADFORD(0.777)],
      0,
      ['Bradford', 'North Yorkshire'],
    ],
    [
      'three authorities',
      [LEEDS(0.01), BRADFORD(0.767), NORTH_YORKSHIRE(0.223)],
      0,
      ['Bradford', 'North Yorkshire', 'Leeds'],
    ],
    ['a sliver below minimumShare is tolerated', [BRADFORD(0.98), LEEDS(0.02)], 0.05, null],
    [
      'only authorities at or above minimumShare are listed',
      [BRADFORD(0.75), NORTH_YORKSHIRE(0.2), LEEDS(0.05)],
      0.1,
      ['Bradford', 'North Yorkshire'],
    ],
    ['a share exactly at minimumShare counts', [BRADFORD(0.95), LEEDS(0.05)], 0.05, ['Bradford', 'Leeds']],
    ['one authority split over two rows is one authority', [BRADFORD(0.5), BRADFORD(0.5)], 0, null],
    ['equal shares are ordered by name', [LEEDS(0.5), BRADFORD(0.5)], 0, ['Bradford', 'Leeds']],
  ])('%s', (_case, shares, minimumShare, expected) => {
    const violations = flagLocalAuthorityCrossings(shares, { ...RULE, parameters: { minimumShare } });
    if (expected === null) {
      expect(violations).toEqual([]);
      return;
    }
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({
      ruleId: 'ORG-CCG-CROSSES-LA',
      severity: 'warning',
      subjectType: 'ccg',
      subjectCode: '02N',
      legalRef: RULE.legalRef,
    });
    const authorities = violations[0]?.detail?.authorities as { utlaName: string }[];
    expect(authorities.map((a) => a.utlaName)).toEqual(expected);
  });

  it('lists the authorities with percentage shares to one decimal place, largest first', () => {
    const [violation] = flagLocalAuthorityCrossings(
      [LEEDS(0.0104), NORTH_YORKSHIRE(0.2231), BRADFORD(0.7665)],
      RULE,
    );
    expect(violation?.message).toBe(
      'NHS Airedale, Wharfedale and Craven CCG (02N) spans 3 upper-tier local authorities: Bradford 76.7%, North Yorkshire 22.3%, Leeds 1.0%',
    );
  });

  it('records the authorities ignored under minimumShare', () => {
    const [violation] = flagLocalAuthorityCrossings([BRADFORD(0.7), NORTH_YORKSHIRE(0.28), LEEDS(0.02)], {
      ...RULE,
      parameters: { minimumShare: 0.05 },
    });
    expect(violation?.detail).toMatchObject({ minimumShare: 0.05, ignoredUtlaCodes: ['E08000035'] });
  });

  it.each<[string, Partial<RuleDefinition>, number]>([
    ['enabled', {}, 1],
    ['switched off', { enabled: false }, 0],
    ['no minimumShare parameter (defaults to 0)', { parameters: {} }, 1],
  ])('rule definition: %s', (_case, overrides, expected) => {
    expect(
      flagLocalAuthorityCrossings([BRADFORD(0.99), LEEDS(0.01)], { ...RULE, ...overrides }),
    ).toHaveLength(expected);
  });

  it('reports one violation per crossing CCG, in input order', () => {
    const other = { ccgCode: '03R', ccgName: 'NHS Wakefield CCG' };
    const shares = [
      share(other, 'E08000036', 'Wakefield', 0.9),
      share(other, 'E08000035', 'Leeds', 0.1),
      DARLINGTON,
    ];
    const violations = flagLocalAuthorityCrossings([...shares, BRADFORD(0.6), LEEDS(0.4)], RULE);
    expect(violations.map((v) => v.subjectCode)).toEqual(['03R', '02N']);
  });

  it('refuses another rule’s definition', () => {
    expect(() => flagLocalAuthorityCrossings([], { ...RULE, id: 'ORG-PRACTICE-ONE-CCG' })).toThrow(
      /ORG-CCG-CROSSES-LA/,
    );
  });
});
