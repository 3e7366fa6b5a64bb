import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../platform/errors.ts';
import { loadWhoPaysDefinitions } from '../definitions.ts';
import { parseWhoPaysCase } from './case.ts';
import { FIXTURE_WORLD, worldLookups } from './test-fixtures.ts';

const definitions = loadWhoPaysDefinitions();
const lookups = worldLookups(FIXTURE_WORLD);
const { ccg, practice, lsoa, prisonPractice } = FIXTURE_WORLD;
const valid = { date: '2013-07-01', service: 'ccg_acute' };

/** The problems `raw` is refused with, as `path: message` lines. */
function problems(raw: unknown): string[] {
  try {
    parseWhoPaysCase(raw, lookups, definitions);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return err.problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('the case was accepted');
}

describe('parseWhoPaysCase: refused cases name every bad field', () => {
  it.each([
    ['not an object', [1, 2], ['(case): a case must be a JSON object']],
    ['null', null, ['(case): a case must be a JSON object']],
    ['no date', { service: 'ccg_acute' }, ['date: is required']],
    ['no service', { date: '2013-07-01' }, ['service: is required']],
    [
      'an impossible date',
      { ...valid, date: '2013-02-30' },
      ['date: must be a real date written YYYY-MM-DD'],
    ],
    [
      'a date written otherwise',
      { ...valid, date: '01/07/2013' },
      ['date: must be a real date written YYYY-MM-DD'],
    ],
    [
      'a date before the rules',
      { ...valid, date: '2013-03-31' },
      ['date: 2013-03-31 is before 2013-04-01, when these rules start'],
    ],
    [
      'a date after the modelled period',
      { ...valid, date: '2014-04-01' },
      [
        'date: 2014-04-01 is after 2014-03-31, the last day these rules model (2013/14; later changes are not modelled)',
      ],
    ],
    [
      'an unknown service category',
      { ...valid, service: 'acute' },
      [
        'service: unknown service category "acute" (the categories are in definitions/who-pays/service-categories.json)',
      ],
    ],
    [
      'an unknown practice',
      { ...valid, registered_practice: 'Z99999' },
      ['registered_practice: unknown practice code "Z99999"'],
    ],
    [
      'an unknown temporary practice',
      { ...valid, temporary_practice: 'Z1' },
      ['temporary_practice: unknown practice code "Z1"'],
    ],
    [
      'an empty practice code',
      { ...valid, registered_practice: '' },
      ['registered_practice: must not be empty'],
    ],
    [
      'a number for a code',
      { ...valid, registered_practice: 81001 },
      ['registered_practice: must be a code (a string)'],
    ],
    [
      'an unknown residence',
      { ...valid, residence: 'england' },
      [
        'residence: "england" is not a known LSOA code, a known CCG code or one of wales, scotland, northern_ireland, abroad',
      ],
    ],
    [
      'an unknown present CCG',
      { ...valid, present_in_ccg: '99Z' },
      ['present_in_ccg: unknown CCG code "99Z"'],
    ],
    [
      'an unknown s117 CCG',
      { ...valid, s117_responsible_ccg: '99Z' },
      ['s117_responsible_ccg: unknown CCG code "99Z"'],
    ],
    [
      'a bad detained_in',
      { ...valid, detained_in: 'jail' },
      ['detained_in: must be one of prison, yoi, irc'],
    ],
    [
      'a bad armed_forces',
      { ...valid, armed_forces: 'navy' },
      ['armed_forces: must be one of serving, dms_family, reservist_mobilised, veteran'],
    ],
    [
      'a placement without its CCG',
      { ...valid, placement: { setting: 'care_home' } },
      ['placement.placing_ccg: is required'],
    ],
    [
      'a placement in an unknown setting',
      { ...valid, placement: { placing_ccg: ccg.A, setting: 'boat' } },
      ['placement.setting: must be one of care_home, independent_hospital, supported_living, domiciliary'],
    ],
    [
      'a placement flag that is not a boolean',
      { ...valid, placement: { placing_ccg: ccg.A, continuing_care: 'yes' } },
      ['placement.continuing_care: must be true or false'],
    ],
    [
      'a placement by an unknown CCG',
      { ...valid, placement: { placing_ccg: 'X' } },
      ['placement.placing_ccg: unknown CCG code "X"'],
    ],
    [
      'an unknown field in a placement',
      { ...valid, placement: { placing_ccg: ccg.A, fee: 1 } },
      ['placement.fee: unknown field'],
    ],
    [
      'a placement that is not an object',
      { ...valid, placement: 'yes' },
      ['placement: must be an object with placing_ccg, setting, continuing_care, planned_service'],
    ],
    [
      'a looked-after child placed by an unknown CCG',
      { ...valid, looked_after_child: { placing_ccg: '00X' } },
      ['looked_after_child.placing_ccg: unknown CCG code "00X"'],
    ],
  ])('%s', (_name, raw, expected) => {
    expect(problems(raw)).toEqual(expected);
  });

  it('names an unknown field and lists the fields', () => {
    expect(problems({ ...valid, nhs_number: '123' })).toEqual([
      'nhs_number: unknown field (the fields are date, service, registered_practice, temporary_practice, residence, present_in_ccg, detained_in, armed_forces, placement, looked_after_child, s117_responsible_ccg)',
    ]);
  });

  it('reports every problem at once, the malformed and the unknown codes together', () => {
    expect(
      problems({
        date: '2013-07-01',
        service: 'acute',
        detained_in: 'jail',
        registered_practice: 'Z1',
        present_in_ccg: 'Q',
      }),
    ).toEqual([
      'detained_in: must be one of prison, yoi, irc',
      'service: unknown service category "acute" (the categories are in definitions/who-pays/service-categories.json)',
      'registered_practice: unknown practice code "Z1"',
      'present_in_ccg: unknown CCG code "Q"',
    ]);
  });
});

describe('parseWhoPaysCase: accepted cases are resolved through the look-ups', () => {
  it('resolves every field', () => {
    const c = parseWhoPaysCase(
      {
        date: '2014-01-31',
        service: 'ccg_continuing_healthcare',
        registered_practice: practice.A,
        temporary_practice: prisonPractice,
        residence: lsoa.B.code,
        present_in_ccg: ccg.C,
        detained_in: 'yoi',
        armed_forces: 'veteran',
        placement: { placing_ccg: ccg.D, setting: 'independent_hospital', continuing_care: true },
        looked_after_child: { placing_ccg: ccg.E },
        s117_responsible_ccg: ccg.K,
      },
      lookups,
      definitions,
    );
    expect(c).toEqual({
      date: '2014-01-31',
      service: definitions.categoryById.get('ccg_continuing_healthcare'),
      registered: { code: practice.A, ccgCode: ccg.A },
      temporary: { code: prisonPractice, ccgCode: null },
      residence: {
        kind: 'lsoa',
        code: lsoa.B.code,
        ccgCode: ccg.B,
        ccgCodes: [ccg.B],
        utlaCode: lsoa.B.utla,
      },
      presentCcg: ccg.C,
      detainedIn: 'yoi',
      armedForces: 'veteran',
      placement: {
        placingCcg: ccg.D,
        setting: 'independent_hospital',
        continuingCare: true,
        plannedService: false,
      },
      lookedAfterPlacingCcg: ccg.E,
      s117Ccg: ccg.K,
    });
  });

  it.each([
    ['a CCG code', ccg.D, { kind: 'ccg', code: ccg.D, ccgCode: ccg.D, utlaCode: null }],
    ['wales', 'wales', { kind: 'wales', code: null, ccgCode: null, utlaCode: null }],
    ['abroad', 'abroad', { kind: 'abroad', code: null, ccgCode: null, utlaCode: null }],
  ])('residence given as %s', (_name, residence, expected) => {
    expect(parseWhoPaysCase({ ...valid, residence }, lookups, definitions).residence).toEqual(expected);
  });

  it('reads null as absent', () => {
    const c = parseWhoPaysCase(
      {
        ...valid,
        registered_practice: null,
        residence: null,
        placement: null,
        looked_after_child: null,
        detained_in: null,
      },
      lookups,
      definitions,
    );
    expect([c.registered, c.residence, c.placement, c.lookedAfterPlacingCcg, c.detainedIn]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('accepts the first and last days of the period', () => {
    expect(parseWhoPaysCase({ ...valid, date: '2013-04-01' }, lookups, definitions).date).toBe('2013-04-01');
    expect(parseWhoPaysCase({ ...valid, date: '2014-03-31' }, lookups, definitions).date).toBe('2014-03-31');
  });
});
