/**
 * Test data for the Who Pays rules: a small fixture world of look-ups (codes invented for the tests,
 * not real organisations) and the 17 cases of REFERENCE.md §5.2 written over any world, so the same
 * table runs in the pure tests (fixture codes) and through SQL in ../agreement.test.ts (real codes).
 */
import type { WhoPaysCase } from './case.ts';
import type { Commissioner, WhoPaysLookups, WhoPaysRuleId, WhoPaysSwitches } from './model.ts';

/** The CCGs the §5.2 scenarios name. */
export const WORLD_CCGS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K'] as const;
export type WorldCcg = (typeof WORLD_CCGS)[number];

/**
 * For each scenario CCG: its code, a member practice and an LSOA in its area; plus a practice that is
 * no CCG's member (a prison practice).
 */
export interface CaseWorld {
  readonly ccg: Readonly<Record<WorldCcg, string>>;
  readonly practice: Readonly<Record<WorldCcg, string>>;
  readonly lsoa: Readonly<Record<WorldCcg, { readonly code: string; readonly utla: string }>>;
  readonly prisonPractice: string;
}

/** The fixture world: CCG X is 'CC' + X, its practice 'GP' + X + '001', its LSOA 'LSOA' + X. */
export const FIXTURE_WORLD: CaseWorld = {
  ccg: Object.fromEntries(WORLD_CCGS.map((x) => [x, `CC${x}`])) as Record<WorldCcg, string>,
  practice: Object.fromEntries(WORLD_CCGS.map((x) => [x, `GP${x}001`])) as Record<WorldCcg, string>,
  lsoa: Object.fromEntries(WORLD_CCGS.map((x) => [x, { code: `LSOA${x}`, utla: `UTLA${x}` }])) as Record<
    WorldCcg,
    { code: string; utla: string }
  >,
  prisonPractice: 'GPPRISON',
};

/** Look-ups over a world (for the fixture world: the only codes the pure tests know). */
export function worldLookups(world: CaseWorld): WhoPaysLookups {
  const practices = new Map<string, { ccgCode: string | null }>(
    WORLD_CCGS.map((x) => [world.practice[x], { ccgCode: world.ccg[x] }]),
  );
  practices.set(world.prisonPractice, { ccgCode: null });
  const lsoas = new Map(
    WORLD_CCGS.map((x) => [world.lsoa[x].code, { ccgCode: world.ccg[x], utlaCode: world.lsoa[x].utla }]),
  );
  const ccgs = new Set(Object.values(world.ccg));
  return { practice: (c) => practices.get(c), lsoa: (c) => lsoas.get(c), isCcg: (c) => ccgs.has(c) };
}

export interface ReferenceCase {
  /** The number of the case in REFERENCE.md §5.2, with a letter for each variant. */
  readonly n: string;
  readonly scenario: string;
  readonly case: WhoPaysCase;
  readonly switches: Partial<WhoPaysSwitches>;
  readonly expected: {
    readonly responsible: Commissioner;
    readonly payer: Commissioner;
    readonly ruleId: WhoPaysRuleId;
  };
}

/** The 17 cases of REFERENCE.md §5.2 (with their switch variants), over `world`. */
export function referenceCases(world: CaseWorld): ReferenceCase[] {
  const { ccg, practice, lsoa } = world;
  const date = '2013-10-01';
  const ccgOf = (x: WorldCcg): Commissioner => ({ kind: 'ccg', code: ccg[x] });
  const nhsEngland: Commissioner = { kind: 'nhs_england', code: null };
  const undetermined: Commissioner = { kind: 'undetermined', code: null };
  const same = (responsible: Commissioner, ruleId: WhoPaysRuleId) => ({
    responsible,
    payer: responsible,
    ruleId,
  });
  const hip = { date, registered_practice: practice.A, residence: lsoa.B.code, present_in_ccg: ccg.C };
  const visitor = { date, service: 'emergency_ae', residence: 'abroad', present_in_ccg: ccg.E };
  const visiting = {
    date,
    service: 'emergency_ae',
    registered_practice: practice.A,
    residence: lsoa.A.code,
    present_in_ccg: ccg.E,
  };
  const placed = { date, registered_practice: practice.F, residence: lsoa.F.code, present_in_ccg: ccg.F };
  const chc = {
    placing_ccg: ccg.A,
    setting: 'care_home' as const,
    continuing_care: true,
    planned_service: true,
  };
  const welsh = {
    date,
    service: 'ccg_acute',
    registered_practice: practice.A,
    residence: 'wales',
    present_in_ccg: ccg.A,
  };
  const temporary = {
    date,
    service: 'ccg_acute',
    registered_practice: practice.A,
    temporary_practice: practice.J,
    residence: lsoa.A.code,
    present_in_ccg: ccg.J,
  };
  const veteran = {
    date,
    service: 'ccg_acute',
    armed_forces: 'veteran' as const,
    registered_practice: practice.A,
    residence: lsoa.A.code,
  };
  return [
    {
      n: '1',
      scenario: 'registered in CCG A, lives in B, elective hip replacement at a trust in C',
      case: { ...hip, service: 'ccg_acute' },
      switches: {},
      expected: same(ccgOf('A'), 'R4'),
    },
    {
      n: '2',
      scenario: 'the same patient, but the service is a prescribed specialised service',
      case: { ...hip, service: 'specialised' },
      switches: {},
      expected: same(nhsEngland, 'R0'),
    },
    {
      n: '3',
      scenario: 'unregistered, lives in CCG B, planned outpatient care',
      case: { date, service: 'ccg_acute', residence: lsoa.B.code, present_in_ccg: ccg.C },
      switches: {},
      expected: same(ccgOf('B'), 'R5'),
    },
    {
      n: '4',
      scenario: 'homeless and unregistered, gives a hostel address in CCG D',
      case: { date, service: 'ccg_acute', residence: lsoa.D.code, present_in_ccg: ccg.C },
      switches: {},
      expected: same(ccgOf('D'), 'R5'),
    },
    {
      n: '5a',
      scenario: 'tourist from the USA (unregistered, resident abroad) attends A&E in CCG E',
      case: visitor,
      switches: {},
      expected: same(ccgOf('E'), 'R1'),
    },
    {
      n: '5b',
      scenario:
        'the tourist under the s14Z7 payment reading: no English registration or residence, the host pays',
      case: visitor,
      switches: { emergencyPayment: 'registering_or_resident_ccg' },
      expected: same(ccgOf('E'), 'R1'),
    },
    {
      n: '6a',
      scenario: 'resident and registered in CCG A, attends A&E while visiting CCG E (host pays, the default)',
      case: visiting,
      switches: {},
      expected: same(ccgOf('E'), 'R1'),
    },
    {
      n: '6b',
      scenario: 'the same under the s14Z7 payment reading: CCG E commissions, CCG A pays',
      case: visiting,
      switches: { emergencyPayment: 'registering_or_resident_ccg' },
      expected: { responsible: ccgOf('E'), payer: ccgOf('A'), ruleId: 'R1' },
    },
    {
      n: '7a',
      scenario: 'CCG A places a CHC patient in a nursing home in F; re-registered in F: the nursing home fee',
      case: { ...placed, service: 'ccg_continuing_healthcare', placement: chc },
      switches: {},
      expected: same(ccgOf('A'), 'R2'),
    },
    {
      n: '7b',
      scenario: 'the same patient: district nursing, one of the planned services',
      case: { ...placed, service: 'ccg_community', placement: chc },
      switches: {},
      expected: same(ccgOf('A'), 'R2'),
    },
    {
      n: '7c',
      scenario: 'the same patient: an unrelated emergency admission follows R4 (CCG F, the new registration)',
      case: { ...placed, service: 'ccg_acute', placement: { ...chc, planned_service: false } },
      switches: {},
      expected: same(ccgOf('F'), 'R4'),
    },
    {
      n: '7d',
      scenario: 'the same patient: an A&E attendance in F follows R1',
      case: { ...placed, service: 'emergency_ae', placement: { ...chc, planned_service: false } },
      switches: {},
      expected: same(ccgOf('F'), 'R1'),
    },
    {
      n: '8',
      scenario: 'as 7, but the placement is a supported-living flat: CCG F after re-registration',
      case: { ...placed, service: 'ccg_community', placement: { ...chc, setting: 'supported_living' } },
      switches: {},
      expected: same(ccgOf('F'), 'R4'),
    },
    {
      n: '9',
      scenario:
        "looked-after child placed by the LA of CCG A into a children's home in G, not registered with a G practice",
      case: {
        date,
        service: 'ccg_community',
        registered_practice: practice.A,
        residence: lsoa.G.code,
        present_in_ccg: ccg.G,
        looked_after_child: { placing_ccg: ccg.A },
      },
      switches: {},
      expected: same(ccgOf('A'), 'R2'),
    },
    {
      n: '10',
      scenario: 'prisoner in an HMP in CCG H needs an outpatient appointment',
      case: {
        date,
        service: 'ccg_acute',
        detained_in: 'prison',
        registered_practice: world.prisonPractice,
        residence: lsoa.B.code,
        present_in_ccg: ccg.H,
      },
      switches: {},
      expected: same(nhsEngland, 'R7'),
    },
    {
      n: '11',
      scenario: 'serving soldier registered with a DMS medical centre needs elective surgery',
      case: { date, service: 'ccg_acute', armed_forces: 'serving', present_in_ccg: ccg.C },
      switches: {},
      expected: same(nhsEngland, 'R8'),
    },
    {
      n: '12a',
      scenario: 'veteran registered with an NHS practice in CCG A',
      case: veteran,
      switches: {},
      expected: same(ccgOf('A'), 'R4'),
    },
    {
      n: '12b',
      scenario: 'the veteran with the switch veterans=nhs_england',
      case: veteran,
      switches: { veterans: 'nhs_england' },
      expected: same(nhsEngland, 'R8'),
    },
    {
      n: '13a',
      scenario:
        'Welsh resident registered with an English practice in CCG A: not CCG A via s3(1A), the protocol decides',
      case: welsh,
      switches: {},
      expected: same(undetermined, 'R4'),
    },
    {
      n: '13b',
      scenario: 'the Welsh resident with crossBorderResidents=registering_ccg_wales_only',
      case: welsh,
      switches: { crossBorderResidents: 'registering_ccg_wales_only' },
      expected: same(ccgOf('A'), 'R4'),
    },
    {
      n: '14a',
      scenario:
        'registered in CCG A, temporarily registered for 2 months with a practice in CCG J, elective care',
      case: temporary,
      switches: {},
      expected: same(ccgOf('J'), 'R4'),
    },
    {
      n: '14b',
      scenario: 'the temporary resident with temporaryResident=registered_practice_ccg',
      case: temporary,
      switches: { temporaryResident: 'registered_practice_ccg' },
      expected: same(ccgOf('A'), 'R4'),
    },
    {
      n: '15',
      scenario: 's117 aftercare for a patient registered in CCG A before detention in a hospital in CCG K',
      case: {
        date,
        service: 'ccg_mental_health',
        registered_practice: practice.J,
        residence: lsoa.K.code,
        present_in_ccg: ccg.K,
        s117_responsible_ccg: ccg.A,
      },
      switches: {},
      expected: same(ccgOf('A'), 'R3'),
    },
    {
      n: '16',
      scenario: 'chlamydia screening or contraception: the local authority',
      case: {
        date,
        service: 'public_health_la_sexual_health',
        registered_practice: practice.A,
        residence: lsoa.B.code,
      },
      switches: {},
      expected: same({ kind: 'local_authority', code: lsoa.B.utla }, 'R0'),
    },
    {
      n: '17',
      scenario: 'childhood immunisation or cancer screening: NHS England (s7A)',
      case: { date, service: 'public_health_s7a', registered_practice: practice.A, residence: lsoa.A.code },
      switches: {},
      expected: same(nhsEngland, 'R0'),
    },
  ];
}
