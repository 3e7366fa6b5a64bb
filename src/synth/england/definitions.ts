import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from '../../platform/config.ts';
import { AppError, type Problem } from '../../platform/errors.ts';
import { ADMITTED_PODS, AGE_BANDS, AGE_CLASSES, PODS, type Pod, SEXES } from './age-bands.ts';

/**
 * The reviewed, illustrative parameters of the synthetic England generator:
 * definitions/activity/synthetic-{population,cohorts,activity-rates,case-mix,providers}.json.
 * Loaded and checked once; every problem is reported at once, each with its file and path.
 */

export const DEFINITIONS_DIR = path.join(REPO_ROOT, 'definitions', 'activity');
export const SERVICE_CATEGORIES_FILE = path.join(
  REPO_ROOT,
  'definitions',
  'who-pays',
  'service-categories.json',
);

const share = z.number().min(0).max(1);
const positive = z.number().min(0);
const code = z.string().min(1);
const bandShares = z.partialRecord(z.enum(AGE_BANDS), share);
const fullBandRecord = z.record(z.enum(AGE_BANDS), positive);
const sexBandRates = z.object({ male: bandShares, female: bandShares });
const classWeights = z.partialRecord(z.enum(AGE_CLASSES), positive);
const ageSteps = z.array(z.object({ fromAge: z.number().int().min(0), share }));
const header = {
  id: z.string(),
  version: z.string(),
  title: z.string(),
  provenance: z.literal('illustrative'),
  basis: z.string().min(1),
  reviewedOn: z.string(),
};

const populationSchema = z.object({
  ...header,
  id: z.literal('synthetic-population'),
  sampling: z.object({ rule: z.literal('cumulative_round_half_up'), note: z.string() }),
  ages: z.object({
    closedBands: z.string(),
    openBand: z.object({
      band: z.literal('75+'),
      meanYearsAbove: z.number().positive(),
      maximumAge: z.number().int().min(76).max(120),
      basis: z.string(),
    }),
  }),
  residence: z.object({
    method: z.string(),
    lsoaPoolOverrides: z.record(code, code),
    lsoaPoolOverridesBasis: z.string(),
    crossBorder: z.object({
      minShare: share,
      maxShare: share,
      decayKm: z.number().positive(),
      basis: z.string(),
    }),
  }),
  conditions: z.object({
    source: z.string(),
    method: z.string(),
    maxProbability: share,
    ageCurveBasis: z.string(),
    groups: z
      .array(z.object({ id: z.string().regex(/^[A-Z]+$/), title: z.string(), curve: fullBandRecord }))
      .min(1),
    notDrawn: z.record(z.string(), z.string()),
  }),
});

const placementSchema = z.object({
  conditionsAny: z.array(z.string()).optional(),
  minimumConditions: z.number().int().min(0).optional(),
  fromAge: z.number().int().min(0),
  toAge: z.number().int().max(120).optional(),
  share,
  continuingCareShare: share,
});

const cohortsSchema = z.object({
  ...header,
  id: z.literal('synthetic-cohorts'),
  notRegistered: z.object({
    note: z.string(),
    unregistered: z.object({ basis: z.string(), rates: sexBandRates }),
    overseasVisitor: z.object({ basis: z.string(), rates: sexBandRates }),
    servingArmedForces: z.object({ basis: z.string(), rates: sexBandRates }),
    dmsFamily: z.object({ basis: z.string(), rates: sexBandRates }),
    prisoner: z.object({ basis: z.string(), yoiShareOfUnder25: share, rates: sexBandRates }),
    immigrationDetainee: z.object({ basis: z.string(), rates: sexBandRates }),
  }),
  onList: z.object({
    note: z.string(),
    careHome: z.object({ basis: z.string(), byAge: ageSteps }),
    placements: z.object({
      basis: z.string(),
      careHomeOutOfArea: z.object({ shareOfCareHomeResidents: share, continuingCareShare: share }),
      independentHospital: placementSchema,
      supportedLiving: placementSchema,
      domiciliary: placementSchema,
    }),
    lookedAfterOutOfArea: z.object({
      basis: z.string(),
      toAge: z.number().int().max(17),
      share,
      registeredInPlacementAreaShare: share,
    }),
    temporaryResident: z.object({
      basis: z.string(),
      fromAge: z.number().int().min(0),
      toAge: z.number().int().max(120),
      share,
      minDays: z.number().int().min(1),
      maxDays: z.number().int().max(365),
    }),
    residenceOutsideEngland: z.object({
      basis: z.string(),
      wales: z.object({ ccgs: z.record(code, share), elsewhere: share }),
      scotland: z.object({ ccgs: z.record(code, share), elsewhere: share }),
      northern_ireland: z.object({ ccgs: z.record(code, share), elsewhere: share }),
    }),
    s117Aftercare: z.object({
      basis: z.string(),
      condition: z.string(),
      fromAge: z.number().int().min(0),
      share,
      otherCcgShare: share,
    }),
    veteran: z.object({ basis: z.string(), male: ageSteps, female: ageSteps }),
    reservistMobilised: z.object({ basis: z.string(), male: ageSteps, female: ageSteps }),
    detainedAtListPractice: z.object({
      basis: z.string(),
      settings: z.record(z.string(), z.enum(['prison', 'yoi', 'irc'])),
    }),
  }),
});

const podRecord = <T extends z.ZodType>(value: T) => z.record(z.enum(PODS), value);
const podPartial = z.partialRecord(z.enum(PODS), positive);
const methodShares = z.record(z.string().regex(/^[0-9][0-9A-Z]$/), share);

const ratesSchema = z.object({
  ...header,
  id: z.literal('synthetic-activity-rates'),
  year: z.object({ start: z.literal('2013-04-01'), end: z.literal('2014-03-31') }),
  targetsAtScale1: z
    .object({ basis: z.string() })
    .extend(Object.fromEntries(PODS.map((p) => [p, z.number().int().min(0)])) as Record<Pod, z.ZodNumber>),
  ageSexShape: z.object({
    basis: z.string(),
    male: podRecord(fullBandRecord),
    female: podRecord(fullBandRecord),
  }),
  conditionMultipliers: z.object({
    basis: z.string(),
    byCount: podRecord(z.array(positive).length(5)),
    specific: z.array(z.object({ condition: z.string(), pod: z.enum(PODS), multiplier: positive })),
  }),
  cohortMultipliers: z.object({
    basis: z.string(),
    careHome: podPartial,
    unregistered: podPartial,
    overseasVisitor: podPartial,
    prisoner: podPartial,
    immigrationDetainee: podPartial,
    servingArmedForces: podPartial,
    placement: podPartial,
    s117Aftercare: podPartial,
  }),
  frailty: z.object({ basis: z.string(), sigma: z.number().min(0).max(2) }),
  spells: z.object({
    basis: z.string(),
    weekdayOnly: z.array(z.enum(PODS)),
    admissionMethods: z.record(z.enum(ADMITTED_PODS), methodShares),
    postnatalAdmissionMethod: z.string(),
    postnatalHrgPrefixes: z.array(z.string()),
    transferAdmissionMethods: z.array(z.string()),
    transferAdmissionSource: z.string(),
    usualAdmissionSource: z.string(),
    selfDischargeShare: z.record(z.enum(ADMITTED_PODS), share),
    deathShareByAge: z.object({ basis: z.string(), rates: ageSteps }),
  }),
  readmissions: z.object({
    basis: z.string(),
    shareOfIndexSpells: z.record(z.enum(ADMITTED_PODS), share),
    afterSelfDischargeMultiplier: positive,
    maxGapDays: z.number().int().min(0).max(29),
    admissionMethods: methodShares,
  }),
  bestPracticeTariffs: z.object({ basis: z.string(), criteriaMetShare: z.record(z.string(), share) }),
  aeDepartmentTypes: z.object({ basis: z.string(), '01': share, '02': share, '03': share, '04': share }),
});

const caseMixEntry = z.object({
  hrg: z.string().regex(/^[A-Z]{2}[0-9]{2}[A-Z]$/),
  tfc: z.string().regex(/^[0-9]{3}$/),
  sex: z.enum(SEXES).optional(),
  weights: classWeights,
  losDays: positive.optional(),
  service: z.string().optional(),
  bpt: z.string().optional(),
});
const localEntry = z.object({
  /** A local currency of definitions/tariff/2013-14/local-prices.json (checked by the tests against that file). */
  currency: z.string().regex(/^[A-Z][A-Z0-9_]{1,15}$/),
  title: z.string(),
  tfc: z.string().regex(/^[0-9]{3}$/),
  sex: z.enum(SEXES).optional(),
  weights: classWeights,
  service: z.string().optional(),
  providerKind: z.string().optional(),
});

const caseMixSchema = z.object({
  ...header,
  id: z.literal('synthetic-case-mix'),
  ageClasses: z.object({
    basis: z.string(),
    infant: z.tuple([z.number().int(), z.number().int()]),
    child: z.tuple([z.number().int(), z.number().int()]),
    adult: z.tuple([z.number().int(), z.number().int()]),
    older: z.tuple([z.number().int(), z.number().int()]),
  }),
  defaultService: podRecord(z.string()),
  bestPracticeTariffAreas: z.object({ basis: z.string() }).catchall(z.array(z.string())),
  admitted: z.record(z.enum(ADMITTED_PODS), z.array(caseMixEntry).min(1)),
  readmissionAfterMaternity: z.object({ basis: z.string(), entries: z.array(caseMixEntry).min(1) }),
  outpatients: z.object({
    basis: z.string(),
    entries: z
      .array(
        z.object({
          tfc: z.string().regex(/^[0-9]{3}$/),
          sex: z.enum(SEXES).optional(),
          weights: classWeights,
          followUpRatio: positive,
          multiprofessionalShare: share,
          service: z.string().optional(),
        }),
      )
      .min(1),
  }),
  ae: z.object({
    tfc: z.string().regex(/^[0-9]{3}$/),
    basis: z.string(),
    hrgWeightsByDepartmentType: z.record(
      z.enum(['01', '02', '03', '04']),
      z.record(z.string().regex(/^VB(0[1-9]|1[01])Z$/), positive),
    ),
  }),
  community: z.object({ basis: z.string(), entries: z.array(localEntry).min(1) }),
  mentalHealth: z.object({ basis: z.string(), entries: z.array(localEntry).min(1) }),
});

const providersSchema = z.object({
  ...header,
  id: z.literal('synthetic-providers'),
  kinds: z.object({
    mental_health: z.object({ note: z.string(), codes: z.array(code) }),
    community: z.object({ note: z.string(), codes: z.array(code) }),
    high_secure: z.object({ note: z.string(), codes: z.array(code).min(1) }),
    specialist: z.object({ note: z.string(), codes: z.array(code) }),
  }),
  excludedNamePattern: z.string().min(1),
  choice: z.object({
    basis: z.string(),
    nearestWeights: z.array(z.number().positive()).min(1).max(5),
    awayFromHome: z.object({ basis: z.string(), shareOfAeAttendances: share }),
  }),
});

export type PopulationDefinitions = z.infer<typeof populationSchema>;
export type CohortDefinitions = z.infer<typeof cohortsSchema>;
export type ActivityRateDefinitions = z.infer<typeof ratesSchema>;
export type CaseMixDefinitions = z.infer<typeof caseMixSchema>;
export type ProviderDefinitions = z.infer<typeof providersSchema>;
export type CaseMixEntry = z.infer<typeof caseMixEntry>;
export type LocalCurrencyEntry = z.infer<typeof localEntry>;

export interface SyntheticDefinitions {
  readonly population: PopulationDefinitions;
  readonly cohorts: CohortDefinitions;
  readonly rates: ActivityRateDefinitions;
  readonly caseMix: CaseMixDefinitions;
  readonly providers: ProviderDefinitions;
  /** The ids of definitions/who-pays/service-categories.json. */
  readonly serviceCategories: ReadonlySet<string>;
}

export const DEFINITION_FILES = {
  population: 'synthetic-population.json',
  cohorts: 'synthetic-cohorts.json',
  rates: 'synthetic-activity-rates.json',
  caseMix: 'synthetic-case-mix.json',
  providers: 'synthetic-providers.json',
} as const;

/** Raw JSON of each file, keyed like SyntheticDefinitions (for tests that break one on purpose). */
export type RawDefinitions = Record<keyof typeof DEFINITION_FILES, unknown> & { serviceCategories: unknown };

export function readRawDefinitions(
  dir = DEFINITIONS_DIR,
  serviceCategoriesFile = SERVICE_CATEGORIES_FILE,
): RawDefinitions {
  const problems: Problem[] = [];
  const read = (file: string): unknown => {
    try {
      return JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push({ path: file, message: `cannot read: ${(error as Error).message}`, code: 'unreadable' });
      return null;
    }
  };
  const raw = {
    population: read(path.join(dir, DEFINITION_FILES.population)),
    cohorts: read(path.join(dir, DEFINITION_FILES.cohorts)),
    rates: read(path.join(dir, DEFINITION_FILES.rates)),
    caseMix: read(path.join(dir, DEFINITION_FILES.caseMix)),
    providers: read(path.join(dir, DEFINITION_FILES.providers)),
    serviceCategories: read(serviceCategoriesFile),
  };
  if (problems.length) throw AppError.validation(problems, 'Synthetic England definitions cannot be read');
  return raw;
}

/** Loads and checks the definitions; throws one AppError listing every problem found. */
export function loadSyntheticDefinitions(dir = DEFINITIONS_DIR): SyntheticDefinitions {
  return parseSyntheticDefinitions(readRawDefinitions(dir));
}

export function parseSyntheticDefinitions(raw: RawDefinitions): SyntheticDefinitions {
  const problems: Problem[] = [];
  const parse = <T>(schema: z.ZodType<T>, value: unknown, file: string): T | null => {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      problems.push({
        path: `${file}:${issue.path.join('.')}`,
        message: issue.message,
        code: 'invalid_definition',
      });
    }
    return null;
  };
  const population = parse(populationSchema, raw.population, DEFINITION_FILES.population);
  const cohorts = parse(cohortsSchema, raw.cohorts, DEFINITION_FILES.cohorts);
  const rates = parse(ratesSchema, raw.rates, DEFINITION_FILES.rates);
  const caseMix = parse(caseMixSchema, raw.caseMix, DEFINITION_FILES.caseMix);
  const providers = parse(providersSchema, raw.providers, DEFINITION_FILES.providers);
  const categories = parse(
    z.object({ categories: z.array(z.object({ id: z.string() })).min(1) }),
    raw.serviceCategories,
    'who-pays/service-categories.json',
  );
  if (!population || !cohorts || !rates || !caseMix || !providers || !categories) {
    throw AppError.validation(problems, 'Invalid synthetic England definitions');
  }
  const definitions: SyntheticDefinitions = {
    population,
    cohorts,
    rates,
    caseMix,
    providers,
    serviceCategories: new Set(categories.categories.map((c) => c.id)),
  };
  problems.push(...crossCheck(definitions));
  if (problems.length) throw AppError.validation(problems, 'Invalid synthetic England definitions');
  return definitions;
}

/** Checks that need more than one file: known ids, consistent ranges, complete tables. */
function crossCheck(d: SyntheticDefinitions): Problem[] {
  const problems: Problem[] = [];
  const add = (file: string, at: string, message: string) =>
    problems.push({ path: `${file}:${at}`, message, code: 'invalid_definition' });
  const groups = new Set(d.population.conditions.groups.map((g) => g.id));
  const bptAreas = new Set(Object.keys(d.caseMix.bestPracticeTariffAreas).filter((k) => k !== 'basis'));
  const providerKinds = new Set([
    'acute',
    'specialised',
    'urgent',
    'community_services',
    'mental_health',
    'high_secure',
  ]);

  const cb = d.population.residence.crossBorder;
  if (cb.minShare > cb.maxShare)
    add(DEFINITION_FILES.population, 'residence.crossBorder', 'minShare exceeds maxShare');
  const seen = new Set<string>();
  for (const [i, g] of d.population.conditions.groups.entries()) {
    if (seen.has(g.id))
      add(DEFINITION_FILES.population, `conditions.groups.${i}.id`, `duplicate group ${g.id}`);
    seen.add(g.id);
    if (Object.values(g.curve).every((v) => v === 0)) {
      add(DEFINITION_FILES.population, `conditions.groups.${i}.curve`, 'the age curve is zero everywhere');
    }
  }

  const on = d.cohorts.onList;
  const conditionRefs: [string, string][] = [
    ['onList.s117Aftercare.condition', on.s117Aftercare.condition],
    ...(on.placements.independentHospital.conditionsAny ?? []).map(
      (c, i) => [`onList.placements.independentHospital.conditionsAny.${i}`, c] as [string, string],
    ),
    ...(on.placements.supportedLiving.conditionsAny ?? []).map(
      (c, i) => [`onList.placements.supportedLiving.conditionsAny.${i}`, c] as [string, string],
    ),
  ];
  for (const [at, c] of conditionRefs) {
    if (!groups.has(c)) add(DEFINITION_FILES.cohorts, at, `unknown condition group ${c}`);
  }
  if (on.temporaryResident.minDays > on.temporaryResident.maxDays) {
    add(DEFINITION_FILES.cohorts, 'onList.temporaryResident', 'minDays exceeds maxDays');
  }
  const outside = on.residenceOutsideEngland;
  const countries = [outside.wales, outside.scotland, outside.northern_ireland];
  const ccgsNamed = new Set(countries.flatMap((c) => Object.keys(c.ccgs)));
  for (const ccg of [...ccgsNamed, '(elsewhere)']) {
    const total = countries.reduce(
      (t, c) => t + (ccg === '(elsewhere)' ? c.elsewhere : (c.ccgs[ccg] ?? c.elsewhere)),
      0,
    );
    if (total > 1)
      add(
        DEFINITION_FILES.cohorts,
        `onList.residenceOutsideEngland ${ccg}`,
        'the shares add up to more than 1',
      );
  }

  for (const [i, s] of d.rates.conditionMultipliers.specific.entries()) {
    if (!groups.has(s.condition)) {
      add(
        DEFINITION_FILES.rates,
        `conditionMultipliers.specific.${i}.condition`,
        `unknown condition group ${s.condition}`,
      );
    }
  }
  for (const [pod, methods] of Object.entries(d.rates.spells.admissionMethods)) {
    checkShares(methods, `spells.admissionMethods.${pod}`);
  }
  checkShares(d.rates.readmissions.admissionMethods, 'readmissions.admissionMethods');
  const ae = d.rates.aeDepartmentTypes;
  checkShares({ '01': ae['01'], '02': ae['02'], '03': ae['03'], '04': ae['04'] }, 'aeDepartmentTypes');
  for (const area of Object.keys(d.rates.bestPracticeTariffs.criteriaMetShare)) {
    if (!bptAreas.has(area))
      add(DEFINITION_FILES.rates, `bestPracticeTariffs.criteriaMetShare.${area}`, 'unknown BPT area');
  }
  for (const area of bptAreas) {
    if (!(area in d.rates.bestPracticeTariffs.criteriaMetShare)) {
      add(DEFINITION_FILES.rates, 'bestPracticeTariffs.criteriaMetShare', `no share for BPT area ${area}`);
    }
  }

  const checkService = (service: string | undefined, at: string) => {
    if (service !== undefined && !d.serviceCategories.has(service)) {
      add(
        DEFINITION_FILES.caseMix,
        at,
        `unknown service category ${service} (definitions/who-pays/service-categories.json)`,
      );
    }
  };
  for (const [pod, service] of Object.entries(d.caseMix.defaultService))
    checkService(service, `defaultService.${pod}`);
  const bptHrgs = new Map<string, string>();
  for (const area of bptAreas) {
    for (const hrg of d.caseMix.bestPracticeTariffAreas[area] as string[]) bptHrgs.set(hrg, area);
  }
  const admittedLists: [string, readonly CaseMixEntry[]][] = [
    ...Object.entries(d.caseMix.admitted).map(
      ([pod, list]) => [`admitted.${pod}`, list] as [string, CaseMixEntry[]],
    ),
    ['readmissionAfterMaternity.entries', d.caseMix.readmissionAfterMaternity.entries],
  ];
  for (const [at, list] of admittedLists) {
    for (const [i, e] of list.entries()) {
      checkService(e.service, `${at}.${i}.service`);
      if (e.bpt !== undefined && !bptAreas.has(e.bpt))
        add(DEFINITION_FILES.caseMix, `${at}.${i}.bpt`, `unknown BPT area ${e.bpt}`);
      if (e.bpt !== undefined && bptHrgs.get(e.hrg) !== e.bpt) {
        add(
          DEFINITION_FILES.caseMix,
          `${at}.${i}.bpt`,
          `${e.hrg} is not listed under bestPracticeTariffAreas.${e.bpt}`,
        );
      }
      if (Object.values(e.weights).every((w) => w === 0))
        add(DEFINITION_FILES.caseMix, `${at}.${i}.weights`, 'all weights are zero');
    }
  }
  for (const [i, e] of d.caseMix.outpatients.entries.entries())
    checkService(e.service, `outpatients.entries.${i}.service`);
  for (const [at, list] of [
    ['community.entries', d.caseMix.community.entries],
    ['mentalHealth.entries', d.caseMix.mentalHealth.entries],
  ] as const) {
    for (const [i, e] of list.entries()) {
      checkService(e.service, `${at}.${i}.service`);
      if (e.providerKind !== undefined && !providerKinds.has(e.providerKind)) {
        add(DEFINITION_FILES.caseMix, `${at}.${i}.providerKind`, `unknown provider kind ${e.providerKind}`);
      }
    }
  }
  const classes = d.caseMix.ageClasses;
  const order = [classes.infant, classes.child, classes.adult, classes.older];
  if (
    order[0]![0] !== 0 ||
    order.some((c, i) => i > 0 && c[0] !== order[i - 1]![1] + 1) ||
    order[3]![1] < 120
  ) {
    add(DEFINITION_FILES.caseMix, 'ageClasses', 'the classes must cover ages 0-120 in order without gaps');
  }
  return problems;

  function checkShares(shares: Record<string, number>, at: string) {
    const total = Object.values(shares).reduce((t, v) => t + v, 0);
    if (Math.abs(total - 1) > 1e-9) add(DEFINITION_FILES.rates, at, `shares add up to ${total}, not 1`);
  }
}
