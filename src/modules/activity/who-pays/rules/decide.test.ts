import { describe, expect, it } from 'vitest';
import { loadWhoPaysDefinitions } from '../definitions.ts';
import type { WhoPaysCase } from './case.ts';
import { decideWhoPays } from './decide.ts';
import { resolveSwitches } from './definitions.ts';
import type { Commissioner, WhoPaysRuleId, WhoPaysSwitches } from './model.ts';
import { FIXTURE_WORLD, worldLookups } from './test-fixtures.ts';

const definitions = loadWhoPaysDefinitions();
const lookups = worldLookups(FIXTURE_WORLD);
const { ccg, practice, lsoa, prisonPractice } = FIXTURE_WORLD;

const CCG = (x: keyof typeof ccg): Commissioner => ({ kind: 'ccg', code: ccg[x] });
const NHSE: Commissioner = { kind: 'nhs_england', code: null };
const NONE: Commissioner = { kind: 'undetermined', code: null };

interface Row {
  readonly name: string;
  readonly case: Omit<WhoPaysCase, 'date'> & { date?: string };
  readonly switches?: Partial<WhoPaysSwitches>;
  readonly rule: WhoPaysRuleId;
  readonly responsible: Commissioner;
  /** When the payer differs from the responsible commissioner. */
  readonly payer?: Commissioner;
  /** A fragment the reason must contain (the provision or switch that decided it). */
  readonly because: string;
}

function run(rows: readonly Row[]) {
  it.each(rows)('$name', (row) => {
    const decision = decideWhoPays(
      { date: '2013-07-01', ...row.case },
      lookups,
      resolveSwitches(definitions, row.switches ?? {}),
      definitions,
    );
    expect(decision.ruleId).toBe(row.rule);
    expect(decision.responsible).toEqual(row.responsible);
    expect(decision.payer).toEqual(row.payer ?? row.responsible);
    expect(decision.reason).toContain(row.because);
  });
}

/** Registered in A, living in B, treated in C: the ordinary patient the special rules are tried on. */
const ordinary = {
  service: 'ccg_acute',
  registered_practice: practice.A,
  residence: lsoa.B.code,
  present_in_ccg: ccg.C,
} as const;

describe('R0: the service-type gate', () => {
  run([
    ...(
      [
        ['specialised', NHSE, 'NHS England'],
        ['high_secure_psychiatric', NHSE, 'NHS England'],
        ['secondary_dental', NHSE, 'NHS England'],
        ['primary_medical', NHSE, 'NHS England'],
        ['primary_dental', NHSE, 'NHS England'],
        ['primary_ophthalmic', NHSE, 'NHS England'],
        ['primary_pharmaceutical', NHSE, 'NHS England'],
        ['public_health_s7a', NHSE, 's7A'],
        ['armed_forces_infertility', NHSE, 'reg 8'],
        ['health_protection', { kind: 'phe', code: null }, 'Public Health England'],
      ] as const
    ).map(
      ([service, responsible, because]): Row => ({
        name: `${service} is not a CCG service, whoever the patient is`,
        case: { ...ordinary, service },
        rule: 'R0',
        responsible,
        because,
      }),
    ),
    ...[
      'public_health_la_sexual_health',
      'public_health_la_health_check',
      'public_health_la_substance_misuse',
      'public_health_la_stop_smoking',
      'public_health_la_child_measurement',
      'public_health_la_school_nursing',
    ].map(
      (service): Row => ({
        name: `${service}: the upper-tier authority of the residence LSOA`,
        case: { ...ordinary, service },
        rule: 'R0',
        responsible: { kind: 'local_authority', code: lsoa.B.utla },
        because: `upper-tier authority ${lsoa.B.utla}`,
      }),
    ),
    {
      name: 'local authority service with no LSOA of residence: the authority is not named',
      case: { ...ordinary, service: 'public_health_la_sexual_health', residence: ccg.B },
      rule: 'R0',
      responsible: { kind: 'local_authority', code: null },
      because: 'no LSOA of residence',
    },
    {
      name: 'R0 comes before the emergency rule, the placements and s117',
      case: {
        ...ordinary,
        service: 'specialised',
        placement: { placing_ccg: ccg.D, setting: 'care_home', continuing_care: true, planned_service: true },
        s117_responsible_ccg: ccg.E,
      },
      rule: 'R0',
      responsible: NHSE,
      because: 'NHS England',
    },
    {
      name: "a prisoner's specialised care is NHS England's through R0",
      case: { ...ordinary, service: 'specialised', detained_in: 'prison' },
      rule: 'R0',
      responsible: NHSE,
      because: 'not a CCG',
    },
  ]);
});

describe('R1: emergency care, the CCG where the person is present', () => {
  const ae = { ...ordinary, service: 'emergency_ae' } as const;
  run([
    {
      name: 'A&E: the host CCG commissions and pays (default)',
      case: ae,
      rule: 'R1',
      responsible: CCG('C'),
      because: 'and pays',
    },
    {
      name: 'ambulance: the host CCG',
      case: { ...ae, service: 'emergency_ambulance' },
      rule: 'R1',
      responsible: CCG('C'),
      because: 'Sch 1 para 2(a)',
    },
    {
      name: 'emergencyPayment=registering_or_resident_ccg: the registering CCG pays',
      case: ae,
      switches: { emergencyPayment: 'registering_or_resident_ccg' },
      rule: 'R1',
      responsible: CCG('C'),
      payer: CCG('A'),
      because: 's14Z7',
    },
    {
      name: 'payment switch, unregistered resident: the CCG of residence pays',
      case: { ...ae, registered_practice: undefined },
      switches: { emergencyPayment: 'registering_or_resident_ccg' },
      rule: 'R1',
      responsible: CCG('C'),
      payer: CCG('B'),
      because: 'registration or residence',
    },
    {
      name: "payment switch, temporary resident: the temporary practice's CCG pays",
      case: { ...ae, temporary_practice: practice.J },
      switches: { emergencyPayment: 'registering_or_resident_ccg' },
      rule: 'R1',
      responsible: CCG('C'),
      payer: CCG('J'),
      because: 's14Z7',
    },
    {
      name: 'payment switch, visitor from abroad: the host pays',
      case: { service: 'emergency_ae', residence: 'abroad', present_in_ccg: ccg.E },
      switches: { emergencyPayment: 'registering_or_resident_ccg' },
      rule: 'R1',
      responsible: CCG('E'),
      because: 'no English registration or residence',
    },
    {
      name: 'payment switch, Welsh resident registered in A with cross-border undetermined: the host pays',
      case: { ...ae, residence: 'wales' },
      switches: { emergencyPayment: 'registering_or_resident_ccg' },
      rule: 'R1',
      responsible: CCG('C'),
      because: 'no English registration or residence',
    },
    {
      name: 'payment switch, Welsh resident, crossBorderResidents=registering_ccg: the registering CCG pays',
      case: { ...ae, residence: 'wales' },
      switches: { emergencyPayment: 'registering_or_resident_ccg', crossBorderResidents: 'registering_ccg' },
      rule: 'R1',
      responsible: CCG('C'),
      payer: CCG('A'),
      because: 's14Z7',
    },
    {
      name: 'no present_in_ccg: undetermined',
      case: { ...ae, present_in_ccg: undefined },
      rule: 'R1',
      responsible: NONE,
      because: 'no present_in_ccg',
    },
    {
      name: 'R1 comes before a placement (SI 2012/2996 reg 4(3)) and s117',
      case: {
        ...ae,
        placement: { placing_ccg: ccg.D, setting: 'care_home', continuing_care: true, planned_service: true },
        looked_after_child: { placing_ccg: ccg.D },
        s117_responsible_ccg: ccg.E,
      },
      rule: 'R1',
      responsible: CCG('C'),
      because: 'present',
    },
    {
      name: 'a prisoner at A&E: the CCG where the prison is (prisonerEmergencyCare=present_ccg, default)',
      case: { ...ae, detained_in: 'prison', registered_practice: prisonPractice },
      rule: 'R1',
      responsible: CCG('C'),
      because: 'Sch 1 para 2(a)',
    },
    {
      name: 'a prisoner at A&E with prisonerEmergencyCare=nhs_england',
      case: { ...ae, detained_in: 'irc' },
      switches: { prisonerEmergencyCare: 'nhs_england' },
      rule: 'R7',
      responsible: NHSE,
      because: 'prisonerEmergencyCare',
    },
    {
      name: 'a serving member at A&E: the host CCG (armedForcesEmergencyCare=present_ccg, default)',
      case: { ...ae, armed_forces: 'serving' },
      rule: 'R1',
      responsible: CCG('C'),
      because: 'present',
    },
    {
      name: 'a mobilised reservist at A&E with armedForcesEmergencyCare=nhs_england',
      case: { ...ae, armed_forces: 'reservist_mobilised' },
      switches: { armedForcesEmergencyCare: 'nhs_england' },
      rule: 'R8',
      responsible: NHSE,
      because: 'armedForcesEmergencyCare',
    },
    {
      name: 'a veteran at A&E with armedForcesEmergencyCare=nhs_england but veterans=normal_rules: the host',
      case: { ...ae, armed_forces: 'veteran' },
      switches: { armedForcesEmergencyCare: 'nhs_england' },
      rule: 'R1',
      responsible: CCG('C'),
      because: 'present',
    },
    {
      name: 'a veteran at A&E with both armed forces switches on NHS England',
      case: { ...ae, armed_forces: 'veteran' },
      switches: { armedForcesEmergencyCare: 'nhs_england', veterans: 'nhs_england' },
      rule: 'R8',
      responsible: NHSE,
      because: 'armedForcesEmergencyCare',
    },
  ]);
});

describe('R7: prisoners and detainees', () => {
  run([
    ...(['prison', 'yoi', 'irc'] as const).map(
      (detained_in): Row => ({
        name: `detained in a ${detained_in}: NHS England for secondary care`,
        case: { ...ordinary, detained_in },
        rule: 'R7',
        responsible: NHSE,
        because: 'reg 10(1)',
      }),
    ),
    {
      name: 'registered with a prison practice (no CCG member) and detained: NHS England, not the CCG of residence',
      case: { ...ordinary, registered_practice: prisonPractice, detained_in: 'prison' },
      rule: 'R7',
      responsible: NHSE,
      because: 'reg 10(1)',
    },
    {
      name: 'detention comes before placements, s117 and registration',
      case: {
        ...ordinary,
        detained_in: 'prison',
        placement: { placing_ccg: ccg.D, setting: 'care_home', continuing_care: true, planned_service: true },
        s117_responsible_ccg: ccg.E,
      },
      rule: 'R7',
      responsible: NHSE,
      because: 'detained',
    },
    {
      name: 'local authority public health for a detainee: NHS England (detainedPublicHealth=nhs_england, default)',
      case: { ...ordinary, service: 'public_health_la_substance_misuse', detained_in: 'prison' },
      rule: 'R7',
      responsible: NHSE,
      because: 'secure settings',
    },
    {
      name: 'local authority public health for a detainee with detainedPublicHealth=local_authority',
      case: { ...ordinary, service: 'public_health_la_substance_misuse', detained_in: 'prison' },
      switches: { detainedPublicHealth: 'local_authority' },
      rule: 'R0',
      responsible: { kind: 'local_authority', code: lsoa.B.utla },
      because: 'local authority',
    },
  ]);
});

describe('R8: armed forces', () => {
  run([
    ...(['serving', 'dms_family', 'reservist_mobilised'] as const).map(
      (armed_forces): Row => ({
        name: `${armed_forces}: NHS England`,
        case: { ...ordinary, armed_forces },
        rule: 'R8',
        responsible: NHSE,
        because: 'secondary and community care',
      }),
    ),
    {
      name: 'veteran: the normal rules (veterans=normal_rules, default)',
      case: { ...ordinary, armed_forces: 'veteran' },
      rule: 'R4',
      responsible: CCG('A'),
      because: 's3(1A)(a)',
    },
    {
      name: 'veteran with veterans=nhs_england',
      case: { ...ordinary, armed_forces: 'veteran' },
      switches: { veterans: 'nhs_england' },
      rule: 'R8',
      responsible: NHSE,
      because: 'veteran',
    },
    {
      name: 'the armed forces cohort comes before placements and s117',
      case: { ...ordinary, armed_forces: 'dms_family', s117_responsible_ccg: ccg.E },
      rule: 'R8',
      responsible: NHSE,
      because: 'dms_family',
    },
  ]);
});

describe('R2: placements', () => {
  const chc = {
    placing_ccg: ccg.D,
    setting: 'care_home',
    continuing_care: true,
    planned_service: true,
  } as const;
  const child = {
    ...ordinary,
    service: 'ccg_community',
    residence: lsoa.G.code,
    looked_after_child: { placing_ccg: ccg.D },
  };
  run([
    ...(['care_home', 'independent_hospital'] as const).map(
      (setting): Row => ({
        name: `adult continuing care placement in a ${setting}, planned service: the placing CCG`,
        case: { ...ordinary, service: 'ccg_continuing_healthcare', placement: { ...chc, setting } },
        rule: 'R2',
        responsible: CCG('D'),
        because: 'para 2(b)',
      }),
    ),
    ...(['supported_living', 'domiciliary'] as const).map(
      (setting): Row => ({
        name: `a ${setting} placement never triggers the rule: registration decides`,
        case: { ...ordinary, placement: { ...chc, setting } },
        rule: 'R4',
        responsible: CCG('A'),
        because: 's3(1A)(a)',
      }),
    ),
    {
      name: 'not assessed as needing continuing care: registration decides',
      case: { ...ordinary, placement: { ...chc, continuing_care: false } },
      rule: 'R4',
      responsible: CCG('A'),
      because: 's3(1A)(a)',
    },
    {
      name: 'not one of the planned services: registration decides',
      case: { ...ordinary, placement: { ...chc, planned_service: false } },
      rule: 'R4',
      responsible: CCG('A'),
      because: 's3(1A)(a)',
    },
    {
      name: 'placement flags absent: not applicable, registration decides',
      case: { ...ordinary, placement: { placing_ccg: ccg.D } },
      rule: 'R4',
      responsible: CCG('A'),
      because: 's3(1A)(a)',
    },
    ...(['wales', 'scotland', 'abroad'] as const).map(
      (residence): Row => ({
        name: `an adult placement with residence ${residence}: not into another CCG's area, registration decides`,
        case: { ...ordinary, residence, placement: chc },
        rule: 'R4',
        responsible: residence === 'abroad' ? CCG('A') : NONE,
        because: residence === 'abroad' ? 's3(1A)(a)' : 'reg 2(2)',
      }),
    ),
    {
      name: 'a looked-after child living in Scotland: not in a CCG or Local Health Board area, registration decides',
      case: { ...child, residence: 'scotland' },
      rule: 'R4',
      responsible: NONE,
      because: 'reg 2(2)',
    },
    {
      name: 'a looked-after child placed in Wales (a Local Health Board area): the placing CCG',
      case: { ...child, residence: 'wales' },
      rule: 'R2',
      responsible: CCG('D'),
      because: 'para 4',
    },
    {
      name: 'a placement beats s117 (precedence R2 before R3)',
      case: { ...ordinary, placement: chc, s117_responsible_ccg: ccg.E },
      rule: 'R2',
      responsible: CCG('D'),
      because: 'para 2(b)',
    },
    {
      name: 'child placed out of area, registered in the home area: the placing CCG',
      case: child,
      rule: 'R2',
      responsible: CCG('D'),
      because: 'para 2(c)',
    },
    {
      name: 'child placed out of area and not registered at all: the placing CCG',
      case: { ...child, registered_practice: undefined },
      rule: 'R2',
      responsible: CCG('D'),
      because: 'para 4',
    },
    {
      name: 'child placed in Wales (a Local Health Board area): the placing CCG',
      case: { ...child, residence: 'wales' },
      rule: 'R2',
      responsible: CCG('D'),
      because: 'para 2(c)',
    },
    {
      name: 'child registered with a practice of the CCG where the child lives: the rule does not apply',
      case: { ...child, registered_practice: practice.G },
      rule: 'R4',
      responsible: CCG('G'),
      because: 's3(1A)(a)',
    },
    {
      name: 'childPlacementScope=planned_services_only, not a planned service: registration decides',
      case: child,
      switches: { childPlacementScope: 'planned_services_only' },
      rule: 'R4',
      responsible: CCG('A'),
      because: 's3(1A)(a)',
    },
    {
      name: 'childPlacementScope=planned_services_only, a planned service of the placement: the placing CCG',
      case: { ...child, placement: { placing_ccg: ccg.D, planned_service: true } },
      switches: { childPlacementScope: 'planned_services_only' },
      rule: 'R2',
      responsible: CCG('D'),
      because: 'planned_services_only',
    },
    {
      name: 'the adult rule is tried first: a qualifying placement by E and a child placement by D',
      case: { ...child, placement: { ...chc, placing_ccg: ccg.E } },
      rule: 'R2',
      responsible: CCG('E'),
      because: 'para 2(b)',
    },
  ]);
});

describe('R3: s117 aftercare', () => {
  run([
    {
      name: 's117 aftercare: the CCG responsible before detention, not the registering CCG',
      case: { ...ordinary, service: 'ccg_mental_health', s117_responsible_ccg: ccg.K },
      rule: 'R3',
      responsible: CCG('K'),
      because: 's117',
    },
    {
      name: 's117 aftercare for an unregistered person',
      case: { service: 'ccg_mental_health', residence: lsoa.B.code, s117_responsible_ccg: ccg.K },
      rule: 'R3',
      responsible: CCG('K'),
      because: 'reg 14',
    },
  ]);
});

describe('R4: GP registration', () => {
  const welsh = { ...ordinary, residence: 'wales' };
  run([
    {
      name: 'registered with a member practice of A',
      case: ordinary,
      rule: 'R4',
      responsible: CCG('A'),
      because: 's3(1A)(a)',
    },
    {
      name: "a practice that is no CCG's member does not count: residence decides",
      case: { ...ordinary, registered_practice: prisonPractice },
      rule: 'R5',
      responsible: CCG('B'),
      because: 's3(1A)(b)',
    },
    {
      name: 'temporary resident in J: J (temporaryResident=temporary_practice_ccg, default)',
      case: { ...ordinary, temporary_practice: practice.J },
      rule: 'R4',
      responsible: CCG('J'),
      because: 'reg 2(2)(d)',
    },
    {
      name: 'temporary resident in J with temporaryResident=registered_practice_ccg: A',
      case: { ...ordinary, temporary_practice: practice.J },
      switches: { temporaryResident: 'registered_practice_ccg' },
      rule: 'R4',
      responsible: CCG('A'),
      because: `practice ${practice.A}`,
    },
    {
      name: 'unregistered but accepted as a temporary resident in J: J under either setting',
      case: { ...ordinary, registered_practice: undefined, temporary_practice: practice.J },
      switches: { temporaryResident: 'registered_practice_ccg' },
      rule: 'R4',
      responsible: CCG('J'),
      because: 'temporary resident',
    },
    {
      name: "temporary practice that is no CCG's member: the registered practice decides",
      case: { ...ordinary, temporary_practice: prisonPractice },
      rule: 'R4',
      responsible: CCG('A'),
      because: `practice ${practice.A}`,
    },
    ...(['wales', 'scotland', 'northern_ireland'] as const).flatMap((residence): Row[] => [
      {
        name: `resident in ${residence}, registered in A: undetermined (crossBorderResidents=undetermined, default)`,
        case: { ...welsh, residence },
        rule: 'R4',
        responsible: NONE,
        because: 'reg 2(2)(a)-(c)',
      },
      {
        name: `resident in ${residence}, registered in A, crossBorderResidents=registering_ccg: A`,
        case: { ...welsh, residence },
        switches: { crossBorderResidents: 'registering_ccg' },
        rule: 'R4',
        responsible: CCG('A'),
        because: 'cross-border protocol',
      },
      {
        name: `resident in ${residence}, registered in A, crossBorderResidents=registering_ccg_wales_only`,
        case: { ...welsh, residence },
        switches: { crossBorderResidents: 'registering_ccg_wales_only' },
        rule: 'R4',
        responsible: residence === 'wales' ? CCG('A') : NONE,
        because: 'crossBorderResidents',
      },
    ]),
    {
      name: 'resident abroad but registered in A: registration decides (no exclusion for abroad)',
      case: { ...ordinary, residence: 'abroad' },
      rule: 'R4',
      responsible: CCG('A'),
      because: 's3(1A)(a)',
    },
  ]);
});

describe('R5: unregistered persons, usual residence', () => {
  const unregistered = { service: 'ccg_acute', present_in_ccg: ccg.C } as const;
  run([
    {
      name: 'usually resident in an LSOA of B',
      case: { ...unregistered, residence: lsoa.B.code },
      rule: 'R5',
      responsible: CCG('B'),
      because: `LSOA ${lsoa.B.code}`,
    },
    {
      name: 'registered with a practice that is no CCG’s member: said so, and residence decides',
      case: { ...unregistered, registered_practice: prisonPractice, residence: lsoa.B.code },
      rule: 'R5',
      responsible: CCG('B'),
      because: `registered with practice ${prisonPractice}, which was a member of no CCG on 2013-07-01`,
    },
    {
      name: 'residence given as a CCG (a hostel address in D, Who Pays para 10)',
      case: { ...unregistered, residence: ccg.D },
      rule: 'R5',
      responsible: CCG('D'),
      because: 'para 10',
    },
    ...(['wales', 'scotland', 'northern_ireland'] as const).map(
      (residence): Row => ({
        name: `unregistered resident of ${residence}: no English CCG`,
        case: { ...unregistered, residence },
        rule: 'R5',
        responsible: NONE,
        because: 'no English CCG',
      }),
    ),
    {
      name: 'no address at all: the CCG where present (noAddress=present_ccg, default)',
      case: unregistered,
      rule: 'R5',
      responsible: CCG('C'),
      because: 'switch noAddress',
    },
    {
      name: 'no address with noAddress=undetermined',
      case: unregistered,
      switches: { noAddress: 'undetermined' },
      rule: 'R5',
      responsible: NONE,
      because: 'noAddress undetermined',
    },
    {
      name: 'no address and no present_in_ccg: undetermined',
      case: { service: 'ccg_acute' },
      rule: 'R5',
      responsible: NONE,
      because: 'no present_in_ccg',
    },
  ]);
});

describe('R6: resident outside the UK and not registered', () => {
  run([
    {
      name: 'overseas visitor: the CCG where present',
      case: { service: 'ccg_acute', residence: 'abroad', present_in_ccg: ccg.E },
      rule: 'R6',
      responsible: CCG('E'),
      because: 'para 2(h)',
    },
    {
      name: 'overseas visitor with no present_in_ccg: undetermined',
      case: { service: 'ccg_acute', residence: 'abroad' },
      rule: 'R6',
      responsible: NONE,
      because: 'no present_in_ccg',
    },
    {
      name: 'overseas visitor registered only with a non-member practice: still R6',
      case: {
        service: 'ccg_acute',
        residence: 'abroad',
        registered_practice: prisonPractice,
        present_in_ccg: ccg.E,
      },
      rule: 'R6',
      responsible: CCG('E'),
      because: 'para 2(h)',
    },
  ]);
});

describe('decideWhoPays', () => {
  it('refuses a case it cannot read, naming the field', () => {
    expect(() =>
      decideWhoPays(
        { date: '2013-07-01', service: 'ccg_acute', registered_practice: 'NOPE' },
        lookups,
        definitions.defaultSwitches,
        definitions,
      ),
    ).toThrow('registered_practice: unknown practice code "NOPE"');
  });

  it('is deterministic and leaves its input alone', () => {
    const input = { date: '2013-07-01', ...ordinary, temporary_practice: practice.J };
    const copy = structuredClone(input);
    const first = decideWhoPays(input, lookups, definitions.defaultSwitches, definitions);
    expect(decideWhoPays(input, lookups, definitions.defaultSwitches, definitions)).toEqual(first);
    expect(input).toEqual(copy);
  });
});
