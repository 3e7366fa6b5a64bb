import { describe, expect, it } from 'vitest';
import { CCG_NAME_RULES, checkCcgName } from './ccg-name.ts';

const ruleIds = (name: string, places: string[] = []) =>
  checkCcgName({ code: '00X', name }, places).map((v) => `${v.ruleId}:${v.severity}`);

describe('checkCcgName', () => {
  it.each<[string, string[], string[]]>([
    // Real 2013 CCG names.
    ['NHS Airedale, Wharfedale and Craven Clinical Commissioning Group', ['Bradford', 'Craven'], []],
    ['NHS Darlington Clinical Commissioning Group', ['Darlington'], []],
    ['NHS Hammersmith and Fulham Clinical Commissioning Group', ['Hammersmith and Fulham'], []],
    ['NHS City and Hackney Clinical Commissioning Group', ['Hackney', 'City of London'], []],
    ['NHS Hull Clinical Commissioning Group', ['Kingston upon Hull, City of'], []],
    ['NHS North East Lincolnshire Clinical Commissioning Group', ['North East Lincolnshire'], []],
    ['NHS Stoke on Trent Clinical Commissioning Group', ['Stoke-on-Trent'], []],
    ['NHS West Norfolk Clinical Commissioning Group', ['Norfolk'], []],
    ['NHS Newcastle Gateshead Clinical Commissioning Group', ['Newcastle upon Tyne', 'Gateshead'], []],
    ['NHS King’s Lynn Clinical Commissioning Group', ["King's Lynn and West Norfolk"], []],
    // Matched words are compared case-insensitively; "&" and "and" are alike.
    ['NHS BATH & NORTH EAST SOMERSET Clinical Commissioning Group', ['Bath and North East Somerset'], []],
    // No place names known: the match is not attempted.
    ['NHS Vale Royal Clinical Commissioning Group', [], []],
    // Warnings: a real name that matches no local authority of its area.
    [
      'NHS Vale Royal Clinical Commissioning Group',
      ['Cheshire West and Chester'],
      ['ORG-CCG-NAME-GEOGRAPHY-UNMATCHED:warning'],
    ],
    // Compass points alone never match ("West" of "Cheshire West" is not a place word).
    [
      'NHS West Vale Clinical Commissioning Group',
      ['Cheshire West and Chester'],
      ['ORG-CCG-NAME-GEOGRAPHY-UNMATCHED:warning'],
    ],
    // Errors.
    ['NHS North East Clinical Commissioning Group', [], ['ORG-CCG-NAME-GEOGRAPHY:error']],
    ['NHS North, South & Central Clinical Commissioning Group', ['Leeds'], ['ORG-CCG-NAME-GEOGRAPHY:error']],
    ['NHS The West of the North Clinical Commissioning Group', [], ['ORG-CCG-NAME-GEOGRAPHY:error']],
    ['NHS Clinical Commissioning Group', [], ['ORG-CCG-NAME-GEOGRAPHY:error']],
    ['NHS Darlington CCG', ['Darlington'], ['ORG-CCG-NAME-SUFFIX:error']],
    ['NHS Darlington', [], ['ORG-CCG-NAME-SUFFIX:error']],
    ['NHS Darlington clinical commissioning group', [], ['ORG-CCG-NAME-SUFFIX:error']],
    ['Darlington Clinical Commissioning Group', [], ['ORG-CCG-NAME-PREFIX:error']],
    ['Nhs Darlington Clinical Commissioning Group', [], ['ORG-CCG-NAME-PREFIX:error']],
    ['NHSDarlington Clinical Commissioning Group', [], ['ORG-CCG-NAME-PREFIX:error']],
    ['Darlington CCG', [], ['ORG-CCG-NAME-PREFIX:error', 'ORG-CCG-NAME-SUFFIX:error']],
    ['CCG', [], ['ORG-CCG-NAME-PREFIX:error', 'ORG-CCG-NAME-SUFFIX:error', 'ORG-CCG-NAME-GEOGRAPHY:error']],
    ['', [], ['ORG-CCG-NAME-PREFIX:error', 'ORG-CCG-NAME-SUFFIX:error', 'ORG-CCG-NAME-GEOGRAPHY:error']],
    // Errors and the geography warning can come together.
    [
      'Vale Royal CCG',
      ['Cheshire West and Chester'],
      ['ORG-CCG-NAME-PREFIX:error', 'ORG-CCG-NAME-SUFFIX:error', 'ORG-CCG-NAME-GEOGRAPHY-UNMATCHED:warning'],
    ],
  ])('%j with places %j', (name, places, expected) => {
    expect(ruleIds(name, places)).toEqual(expected);
  });

  it('tolerates surrounding and repeated whitespace', () => {
    expect(ruleIds('  NHS   Darlington  Clinical Commissioning Group ', ['Darlington'])).toEqual([]);
  });

  it.each([
    ['NHS Darlington CCG', 'abbreviated', /abbreviation "CCG" is not the statutory name/],
    ['NHS Darlington', 'missing_suffix', /must end "Clinical Commissioning Group"/],
  ])('suffix error for %j suggests the full statutory name', (name, reason, message) => {
    const [violation] = checkCcgName({ code: '00C', name }, []);
    expect(violation).toMatchObject({
      ruleId: 'ORG-CCG-NAME-SUFFIX',
      subjectType: 'ccg',
      subjectCode: '00C',
      legalRef: CCG_NAME_RULES['ORG-CCG-NAME-SUFFIX'],
      detail: { reason, suggestedName: 'NHS Darlington Clinical Commissioning Group' },
    });
    expect(violation?.message).toMatch(message);
  });

  it('the abbreviation message quotes the full form', () => {
    const [violation] = checkCcgName({ code: '00C', name: 'NHS Darlington CCG' }, []);
    expect(violation?.message).toContain('"NHS Darlington Clinical Commissioning Group"');
  });

  it.each([
    ['NHS Clinical Commissioning Group', 'empty'],
    ['NHS North East Clinical Commissioning Group', 'compass_only'],
  ])('geography error for %j has reason %s', (name, reason) => {
    const [violation] = checkCcgName({ code: '00X', name }, []);
    expect(violation?.detail).toMatchObject({ reason });
    expect(violation?.legalRef).toBe(CCG_NAME_RULES['ORG-CCG-NAME-GEOGRAPHY']);
  });

  it('the unmatched warning names the reference and the places, and asks for a check under reg 5', () => {
    const [violation] = checkCcgName({ code: '02D', name: 'NHS Vale Royal Clinical Commissioning Group' }, [
      'Cheshire West and Chester',
    ]);
    expect(violation).toMatchObject({
      ruleId: 'ORG-CCG-NAME-GEOGRAPHY-UNMATCHED',
      severity: 'warning',
      subjectCode: '02D',
      detail: { geographicalReference: 'Vale Royal', areaPlaceNames: ['Cheshire West and Chester'] },
    });
    expect(violation?.message).toContain(
      "not matched to a local authority in the CCG's area (Cheshire West and Chester); check it fairly represents the area (reg 5)",
    );
  });
});
