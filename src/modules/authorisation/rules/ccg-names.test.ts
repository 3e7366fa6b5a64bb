import { describe, expect, it } from 'vitest';
import { matchCcgName, normaliseCcgName } from './ccg-names.ts';

describe('normaliseCcgName', () => {
  it.each([
    ['NHS Great Yarmouth & Waveney', 'great yarmouth and waveney'],
    ['NHS Great Yarmouth and Waveney CCG', 'great yarmouth and waveney'],
    ['Great Yarmouth and Waveney Clinical Commissioning Group', 'great yarmouth and waveney'],
    ['NHS Dartford, Gravesham and Swanley', 'dartford gravesham and swanley'],
    [
      'NHS West London (Kensington and Chelsea, Queen’s Park and Paddington)',
      'west london kensington and chelsea queens park and paddington',
    ],
    ['NHS South West Lincolnshire ', 'south west lincolnshire'],
  ])('%s → %s', (name, expected) => {
    expect(normaliseCcgName(name)).toBe(expected);
  });
});

describe('matchCcgName', () => {
  const ccgs = [
    { name: 'NHS Somerset' },
    { name: 'NHS North Somerset' },
    { name: 'NHS Bath and North East Somerset' },
  ];

  it('matches whole names only', () => {
    expect(matchCcgName('NHS Somerset CCG', ccgs)).toEqual([0]);
    expect(matchCcgName('North Somerset', ccgs)).toEqual([1]);
    expect(matchCcgName('Somerset West', ccgs)).toEqual([]);
  });

  it('reports every match, so an ambiguous name can be rejected', () => {
    expect(matchCcgName('Somerset', [...ccgs, { name: 'Somerset CCG' }])).toEqual([0, 3]);
  });
});
