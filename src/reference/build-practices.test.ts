import { describe, expect, it } from 'vitest';
import { resolveMemberships } from './build-practices.ts';
import type { OdsRow } from './parse-ods.ts';

const ccgs = new Set(['00C', '04D', '00G', '13T', '08Y', '03G']);
const isCcg = (c: string) => ccgs.has(c);
const ods = (fields: Partial<OdsRow>): OdsRow => ({
  line: 1,
  code: 'A00001',
  name: 'X',
  nationalGrouping: 'Y54',
  healthGeography: 'Q74',
  address: [],
  postcode: '',
  openDate: '19740401',
  closeDate: null,
  status: 'A',
  commissioner: '00C',
  joinDate: '2013-04-01',
  leftDate: null,
  prescribingSetting: '4',
  ...fields,
});

describe('resolveMemberships', () => {
  it.each([
    {
      case: 'listed under a CCG, same commissioner in 2015',
      listCcg: '00C',
      e: ods({}),
      expected: [{ ccgCode: '00C', startDate: '2013-04-01', endDate: null }],
    },
    {
      case: 'listed under a CCG, practice closed later',
      listCcg: '00C',
      e: ods({ closeDate: '2014-06-30', status: 'C' }),
      expected: [{ ccgCode: '00C', startDate: '2013-04-01', endDate: '2014-06-30' }],
    },
    {
      case: 'listed under a CCG, opened after April 2013',
      listCcg: '00C',
      e: ods({ openDate: '2013-05-01' }),
      expected: [{ ccgCode: '00C', startDate: '2013-05-01', endDate: null }],
    },
    {
      case: 'moved in the 2015 merger: 00G until 31 Mar 2015, then 13T',
      listCcg: '00G',
      e: ods({ commissioner: '13T', joinDate: '2015-04-01' }),
      expected: [
        { ccgCode: '00G', startDate: '2013-04-01', endDate: '2015-03-31' },
        { ccgCode: '13T', startDate: '2015-04-01', endDate: null },
      ],
    },
    {
      case: 'later commissioner is not a CCG (a hub): keep the list-size CCG',
      listCcg: '00C',
      e: ods({ commissioner: '14E', joinDate: '2015-04-01' }),
      expected: [{ ccgCode: '00C', startDate: '2013-04-01', endDate: null }],
    },
    {
      case: 'not in epraccur at all',
      listCcg: '00C',
      e: undefined,
      expected: [{ ccgCode: '00C', startDate: '2013-04-01', endDate: null }],
    },
    {
      case: 'legacy parent, joined a CCG on 1 Aug 2013 (Lincolnshire)',
      listCcg: null,
      e: ods({ commissioner: '04D', joinDate: '2013-08-01' }),
      expected: [{ ccgCode: '04D', startDate: '2013-08-01', endDate: null }],
    },
    {
      case: 'legacy parent, CCG recorded from before 2013: member from 1 Apr 2013 until it closed',
      listCcg: null,
      e: ods({
        commissioner: '08Y',
        joinDate: '2002-04-01',
        leftDate: '2013-07-31',
        closeDate: '2013-07-31',
      }),
      expected: [{ ccgCode: '08Y', startDate: '2013-04-01', endDate: '2013-07-31' }],
    },
    {
      case: 'legacy parent, commissioner is a hub: no CCG',
      listCcg: null,
      e: ods({ commissioner: '14E', joinDate: '2015-04-01' }),
      expected: [],
    },
    {
      case: 'legacy parent, closed before it could join',
      listCcg: null,
      e: ods({ commissioner: '03G', joinDate: '2013-06-01', closeDate: '2013-05-01' }),
      expected: [],
    },
    { case: 'legacy parent, not in epraccur', listCcg: null, e: undefined, expected: [] },
  ])('$case', ({ listCcg, e, expected }) => {
    const result = resolveMemberships(listCcg, '5LA00', e, isCcg);
    expect(result.map(({ ccgCode, startDate, endDate }) => ({ ccgCode, startDate, endDate }))).toEqual(
      expected,
    );
  });

  it('notes where epraccur disagrees with the list-size file from the start', () => {
    const [m] = resolveMemberships(
      '00C',
      '00C00',
      ods({ commissioner: '04D', joinDate: '2013-04-01' }),
      isCcg,
    );
    expect(m?.ccgCode).toBe('00C');
    expect(m?.note).toBe('epraccur (2015) gives commissioner 04D from 2013-04-01');
  });
});
