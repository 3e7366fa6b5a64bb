/**
 * A "Who Pays?" case: the input of `commissioner who-pays` (issue #5), one JSON object per line.
 * Absent (or null) means not applicable. `parseWhoPaysCase` checks the shape with zod, then every
 * code against the reference look-ups, and resolves the codes to the facts the rules read. It throws
 * one AppError naming every bad field.
 */
import { z } from 'zod';
import { AppError, type Problem } from '../../../../platform/errors.ts';
import { isIsoDate } from '../../../organisations/rules/definitions.ts';
import type { ServiceCategory, WhoPaysDefinitions, WhoPaysLookups } from './model.ts';

export const UK_COUNTRIES = ['wales', 'scotland', 'northern_ireland'] as const;
export const RESIDENCE_COUNTRIES = [...UK_COUNTRIES, 'abroad'] as const;
export const DETAINED_IN = ['prison', 'yoi', 'irc'] as const;
export const ARMED_FORCES = ['serving', 'dms_family', 'reservist_mobilised', 'veteran'] as const;
export const PLACEMENT_SETTINGS = [
  'care_home',
  'independent_hospital',
  'supported_living',
  'domiciliary',
] as const;
/** The settings of SI 2012/2996 Sch 1 para 2(b): the adult placement rule applies to these only. */
export const QUALIFYING_PLACEMENT_SETTINGS: readonly PlacementSetting[] = [
  'care_home',
  'independent_hospital',
];
/** The armed forces statuses NHS England is always responsible for (rule R8); veterans follow a switch. */
export const ARMED_FORCES_COHORT: readonly ArmedForces[] = ['serving', 'dms_family', 'reservist_mobilised'];

export type UkCountry = (typeof UK_COUNTRIES)[number];
export type DetainedIn = (typeof DETAINED_IN)[number];
export type ArmedForces = (typeof ARMED_FORCES)[number];
export type PlacementSetting = (typeof PLACEMENT_SETTINGS)[number];

const required = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? 'is required' : `must be ${what}`;
const code = z
  .string({ error: required('a code (a string)') })
  .min(1, 'must not be empty')
  .nullish();
const oneOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: () => `must be one of ${values.join(', ')}` }).nullish();
const flag = z.boolean({ error: () => 'must be true or false' }).nullish();

export const whoPaysCaseSchema = z.strictObject({
  date: z
    .string({ error: required('a date written YYYY-MM-DD') })
    .refine(isIsoDate, 'must be a real date written YYYY-MM-DD'),
  service: z.string({ error: required('a service category id') }).min(1, 'must not be empty'),
  registered_practice: code,
  temporary_practice: code,
  residence: code,
  present_in_ccg: code,
  detained_in: oneOf(DETAINED_IN),
  armed_forces: oneOf(ARMED_FORCES),
  placement: z
    .strictObject(
      {
        placing_ccg: z.string({ error: required('a CCG code') }).min(1, 'must not be empty'),
        setting: oneOf(PLACEMENT_SETTINGS),
        continuing_care: flag,
        planned_service: flag,
      },
      { error: () => 'must be an object with placing_ccg, setting, continuing_care, planned_service' },
    )
    .nullish(),
  looked_after_child: z
    .strictObject(
      { placing_ccg: z.string({ error: required('a CCG code') }).min(1, 'must not be empty') },
      { error: () => 'must be an object with placing_ccg' },
    )
    .nullish(),
  s117_responsible_ccg: code,
});

/** A case as written (and as `caseFromActivityRow` builds it); absent fields may be left out. */
export type WhoPaysCase = z.input<typeof whoPaysCaseSchema>;

/** Where the person usually resides, resolved. */
export type Residence =
  | {
      readonly kind: 'lsoa';
      readonly code: string;
      /** Null where the published lookup cannot tell which of `ccgCodes` the small area lay in. */
      readonly ccgCode: string | null;
      readonly ccgCodes: readonly string[];
      readonly utlaCode: string;
    }
  | { readonly kind: 'ccg'; readonly code: string; readonly ccgCode: string; readonly utlaCode: null }
  | {
      readonly kind: UkCountry | 'abroad';
      readonly code: null;
      readonly ccgCode: null;
      readonly utlaCode: null;
    };

export interface PracticeFact {
  readonly code: string;
  /** Null when the practice is not a member of any CCG. */
  readonly ccgCode: string | null;
}

/** A validated case with its codes resolved through the look-ups. */
export interface ResolvedCase {
  readonly date: string;
  readonly service: ServiceCategory;
  readonly registered: PracticeFact | null;
  readonly temporary: PracticeFact | null;
  readonly residence: Residence | null;
  readonly presentCcg: string | null;
  readonly detainedIn: DetainedIn | null;
  readonly armedForces: ArmedForces | null;
  readonly placement: {
    readonly placingCcg: string;
    readonly setting: PlacementSetting | null;
    readonly continuingCare: boolean;
    readonly plannedService: boolean;
  } | null;
  readonly lookedAfterPlacingCcg: string | null;
  readonly s117Ccg: string | null;
}

const FIELDS = Object.keys(whoPaysCaseSchema.shape).join(', ');

function shapeProblems(error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    const at = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const where = at ? `${at}.` : '';
      return issue.keys.map((key) => ({
        path: `${where}${key}`,
        message: at ? 'unknown field' : `unknown field (the fields are ${FIELDS})`,
        code: 'unknown_field',
      }));
    }
    return [{ path: at || '(case)', message: issue.message, code: 'invalid_case' }];
  });
}

/** Validates a case and resolves its codes; throws an AppError naming every bad field. */
export function parseWhoPaysCase(
  raw: unknown,
  lookups: WhoPaysLookups,
  definitions: WhoPaysDefinitions,
): ResolvedCase {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw AppError.validation([{ path: '(case)', message: 'a case must be a JSON object' }], 'Invalid case');
  }
  const parsed = whoPaysCaseSchema.safeParse(raw);
  const problems: Problem[] = parsed.success ? [] : shapeProblems(parsed.error);
  // The codes are checked even when the shape is wrong elsewhere, so one error names every bad field.
  const malformed = new Set(problems.map((p) => p.path));
  const text = (path: string): string | null => {
    const value = path
      .split('.')
      .reduce<unknown>(
        (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
        raw,
      );
    return typeof value === 'string' && value !== '' && !malformed.has(path) ? value : null;
  };
  const problem = (path: string, message: string) => problems.push({ path, message, code: 'unknown_code' });

  const date = text('date');
  const { effectiveFrom, effectiveTo } = definitions;
  if (date && date < effectiveFrom)
    problem('date', `${date} is before ${effectiveFrom}, when these rules start`);
  if (date && date > effectiveTo) {
    problem(
      'date',
      `${date} is after ${effectiveTo}, the last day these rules model (2013/14; later changes are not modelled)`,
    );
  }
  const serviceId = text('service');
  const service = serviceId ? definitions.categoryById.get(serviceId) : undefined;
  if (serviceId && !service) {
    problem(
      'service',
      `unknown service category "${serviceId}" (the categories are in definitions/who-pays/service-categories.json)`,
    );
  }
  const practice = (path: string): PracticeFact | null => {
    const value = text(path);
    if (value === null) return null;
    // The membership on the day of the care (a valid date is checked above; without one, none is found).
    const found = lookups.practice(value, date && isIsoDate(date) ? date : '');
    if (!found) problem(path, `unknown practice code "${value}"`);
    return { code: value, ccgCode: found?.ccgCode ?? null };
  };
  const ccg = (path: string): string | null => {
    const value = text(path);
    if (value !== null && !lookups.isCcg(value)) problem(path, `unknown CCG code "${value}"`);
    return value;
  };
  const registered = practice('registered_practice');
  const temporary = practice('temporary_practice');
  const residence = resolveResidence(text('residence'), lookups, problem);
  const presentCcg = ccg('present_in_ccg');
  const placingCcg = ccg('placement.placing_ccg');
  const lookedAfterPlacingCcg = ccg('looked_after_child.placing_ccg');
  const s117Ccg = ccg('s117_responsible_ccg');
  if (!parsed.success || problems.length || !service) throw AppError.validation(problems, 'Invalid case');

  const c = parsed.data;
  return {
    date: c.date,
    service,
    registered,
    temporary,
    residence,
    presentCcg,
    detainedIn: c.detained_in ?? null,
    armedForces: c.armed_forces ?? null,
    placement:
      c.placement && placingCcg
        ? {
            placingCcg,
            setting: c.placement.setting ?? null,
            continuingCare: c.placement.continuing_care === true,
            plannedService: c.placement.planned_service === true,
          }
        : null,
    lookedAfterPlacingCcg,
    s117Ccg,
  };
}

function resolveResidence(
  value: string | null,
  lookups: WhoPaysLookups,
  problem: (path: string, message: string) => void,
): Residence | null {
  if (value == null) return null;
  if ((RESIDENCE_COUNTRIES as readonly string[]).includes(value)) {
    return { kind: value as UkCountry | 'abroad', code: null, ccgCode: null, utlaCode: null };
  }
  const lsoa = lookups.lsoa(value);
  if (lsoa) {
    const ccgCodes = lsoa.ccgCodes ?? (lsoa.ccgCode ? [lsoa.ccgCode] : []);
    return { kind: 'lsoa', code: value, ccgCode: lsoa.ccgCode, ccgCodes, utlaCode: lsoa.utlaCode };
  }
  if (lookups.isCcg(value)) return { kind: 'ccg', code: value, ccgCode: value, utlaCode: null };
  problem(
    'residence',
    `"${value}" is not a known LSOA code, a known CCG code or one of ${RESIDENCE_COUNTRIES.join(', ')}`,
  );
  return null;
}
