import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../platform/errors.ts';
import { WHO_PAYS_DEFINITIONS_DIR } from '../definitions.ts';
import { parseWhoPaysDefinitions, resolveSwitches } from './definitions.ts';
import { EVALUATION_ORDER, SWITCH_NAMES, SWITCH_OPTIONS } from './model.ts';

type Json = Record<string, unknown>;
const read = (file: string): Json =>
  JSON.parse(readFileSync(path.join(WHO_PAYS_DEFINITIONS_DIR, file), 'utf8'));
const rulesJson = read('rules.json');
const categoriesJson = read('service-categories.json');
const definitions = parseWhoPaysDefinitions(rulesJson, categoriesJson);

/** The ids the activity layout and the other modules use (working context of issue #5). */
const CATEGORY_IDS = [
  'ccg_acute',
  'ccg_community',
  'ccg_mental_health',
  'ccg_maternity',
  'ccg_continuing_healthcare',
  'emergency_ae',
  'emergency_ambulance',
  'specialised',
  'high_secure_psychiatric',
  'secondary_dental',
  'primary_medical',
  'primary_dental',
  'primary_ophthalmic',
  'primary_pharmaceutical',
  'public_health_s7a',
  'public_health_la_sexual_health',
  'public_health_la_health_check',
  'public_health_la_substance_misuse',
  'public_health_la_stop_smoking',
  'public_health_la_child_measurement',
  'public_health_la_school_nursing',
  'health_protection',
  'armed_forces_infertility',
];

/** The problems `edit` (applied to copies of both files) makes the loader report, as `path: message`. */
function problemsAfter(edit: (rules: Json, categories: Json) => void): string[] {
  const rules = structuredClone(rulesJson);
  const categories = structuredClone(categoriesJson);
  edit(rules, categories);
  try {
    parseWhoPaysDefinitions(rules, categories);
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return err.problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('the definitions were accepted');
}
const rule = (rules: Json, id: string) => (rules.rules as Json[]).find((r) => r.id === id) as Json;
const firstSwitch = (rules: Json, id: string) => (rule(rules, id).switches as Json[])[0] as Json;

describe('definitions/who-pays', () => {
  it('has exactly the service categories the layout uses, with the commissioner of each', () => {
    expect(definitions.categories.map((c) => c.id)).toEqual(CATEGORY_IDS);
    const by = (kind: string) =>
      definitions.categories.filter((c) => c.commissioner === kind).map((c) => c.id);
    expect(by('phe')).toEqual(['health_protection']);
    expect(by('local_authority').every((id) => id.startsWith('public_health_la_'))).toBe(true);
    expect(definitions.categories.filter((c) => c.emergency).map((c) => c.id)).toEqual([
      'emergency_ae',
      'emergency_ambulance',
    ]);
  });

  it('has R0 to R8 in the order the code evaluates them, each with legal references', () => {
    expect(definitions.rules.map((r) => r.id)).toEqual(EVALUATION_ORDER);
    for (const r of definitions.rules) expect(r.legalRefs.length).toBeGreaterThan(0);
  });

  it('documents every switch once, with its options and a default', () => {
    const switches = definitions.rules.flatMap((r) => r.switches);
    expect(switches.map((s) => s.name).sort()).toEqual([...SWITCH_NAMES].sort());
    expect(definitions.defaultSwitches).toEqual({
      emergencyPayment: 'host_ccg',
      prisonerEmergencyCare: 'present_ccg',
      detainedPublicHealth: 'nhs_england',
      armedForcesEmergencyCare: 'present_ccg',
      veterans: 'normal_rules',
      childPlacementScope: 'all_services',
      temporaryResident: 'temporary_practice_ccg',
      crossBorderResidents: 'undetermined',
      noAddress: 'present_ccg',
    });
  });

  it('covers 2013/14: 2013-04-01 to 2014-03-31', () => {
    expect([definitions.effectiveFrom, definitions.effectiveTo]).toEqual(['2013-04-01', '2014-03-31']);
  });
});

describe('parseWhoPaysDefinitions refuses a bad file, naming each problem', () => {
  it.each<[string, (rules: Json, categories: Json) => void, string[]]>([
    [
      'precedence that is not the evaluation order',
      (rules) => {
        rule(rules, 'R7').precedence = 10;
      },
      [
        'rules: precedence must order the rules as the code evaluates them (R0, R1, R7, R8, R2, R3, R4, R5, R6), each with its own number; got R0, R1, R8, R2, R3, R4, R5, R6, R7',
      ],
    ],
    [
      'a missing rule',
      (rules) => {
        rules.rules = (rules.rules as Json[]).filter((r) => r.id !== 'R6');
      },
      ['rules: missing definition for "R6"'],
    ],
    [
      'a switch under the wrong rule, so missing from its own',
      (rules) => {
        const s = (rule(rules, 'R1').switches as Json[]).pop() as Json;
        (rule(rules, 'R0').switches as Json[]).push(s);
      },
      ['rules.0.switches.0.name: emergencyPayment belongs to rule R1'],
    ],
    [
      'options the code does not implement',
      (rules) => {
        (firstSwitch(rules, 'R1').options as Json[]).push({ value: 'split', meaning: 'half each' });
      },
      [
        'rules.1.switches.0.options: must be exactly host_ccg, registering_or_resident_ccg (the options the code implements)',
      ],
    ],
    [
      'a default that is not an option',
      (rules) => {
        firstSwitch(rules, 'R5').default = 'nowhere';
      },
      ['rules.7.switches.0.default: "nowhere" is not one of the options'],
    ],
    [
      'a switch for a confirmed point',
      (rules) => {
        firstSwitch(rules, 'R2').confidence = 'confirmed';
      },
      ['rules.4.switches.0.confidence: a switch exists for an unconfirmed point'],
    ],
    [
      'an unconfirmed switch that does not say so where it records its source',
      (rules) => {
        firstSwitch(rules, 'R1').source = 'Who Pays 2013';
      },
      ['rules.1.switches.0.source: an unconfirmed switch must say UNCONFIRMED where it records its source'],
    ],
    [
      'a rule with no legal reference',
      (rules) => {
        rule(rules, 'R3').legal_refs = [];
      },
      ['rules.5.legal_refs: must cite at least one provision'],
    ],
    [
      'a period that ends before it starts',
      (rules) => {
        rules.effective_to = '2013-01-01';
      },
      ['effective_to: ends before it starts (2013-04-01)'],
    ],
  ])('rules.json: %s', (_name, edit, expected) => {
    expect(problemsAfter(edit)).toEqual(expected);
  });

  it.each<[string, (rules: Json, categories: Json) => void, string[]]>([
    [
      'a duplicate category',
      (_rules, categories) => {
        (categories.categories as Json[]).push({ ...(categories.categories as Json[])[0] });
      },
      ['categories.23.id: duplicate category "ccg_acute"'],
    ],
    [
      'an emergency service that is not a CCG service',
      (_rules, categories) => {
        ((categories.categories as Json[])[7] as Json).emergency = true;
      },
      ['categories.7.emergency: an emergency service (rule R1) must be a CCG service'],
    ],
    [
      'an unknown commissioner',
      (_rules, categories) => {
        ((categories.categories as Json[])[0] as Json).commissioner = 'dh';
      },
      [
        'categories.0.commissioner: Invalid option: expected one of "ccg"|"nhs_england"|"local_authority"|"phe"',
      ],
    ],
  ])('service-categories.json: %s', (_name, edit, expected) => {
    expect(problemsAfter(edit)).toEqual(expected);
  });
});

describe('resolveSwitches', () => {
  it('applies overrides to the defaults', () => {
    const switches = resolveSwitches(definitions, {
      emergencyPayment: 'registering_or_resident_ccg',
      noAddress: 'undetermined',
    });
    expect(switches).toEqual({
      ...definitions.defaultSwitches,
      emergencyPayment: 'registering_or_resident_ccg',
      noAddress: 'undetermined',
    });
  });

  it('accepts every option of every switch', () => {
    for (const name of SWITCH_NAMES) {
      for (const value of SWITCH_OPTIONS[name])
        expect(resolveSwitches(definitions, { [name]: value })[name]).toBe(value);
    }
  });

  it('names an unknown switch and an unknown value, with what is allowed', () => {
    expect(() => resolveSwitches(definitions, { emergency: 'x', noAddress: 'home' })).toThrow(
      `emergency: unknown switch; the switches are ${SWITCH_NAMES.join(', ')}; noAddress: "home" is not an option; choose one of present_ccg, undetermined`,
    );
  });
});
