/**
 * What generating one CCG needs: its registry facts, its faults, its random stream, names for the
 * organisations it mentions, and the person drafts the generator fills in before freezing them.
 */
import type {
  AttendeeCategory,
  DeclarantCapacity,
  DeclaredEntity,
  Dismissal,
  EmploymentOrOffice,
  GoverningBodyAppointment,
  GoverningBodyRole,
  InterestType,
  OrganisationKind,
  PersonAttributes,
} from '../../modules/governance/model.ts';
import { addDays, addYears, daysBetween } from '../../modules/governance/rules/dates.ts';
import { createNamer, type Namer } from '../names.ts';
import { createRng, type Rng } from '../random.ts';
import type { FaultKind } from './faults.ts';
import type { GovernanceSynthInput, PlantedFault, SynthCcg } from './types.ts';

/** An employer outside the CCG's commissioned providers (or, for a planted fault, inside them). */
export interface TrustRef {
  readonly code: string | null;
  readonly name: string;
  readonly kind: OrganisationKind;
}

/** A nurse or secondary care doctor who sits on two neighbouring CCGs' governing bodies. */
export interface SharedClinician {
  readonly name: string;
  readonly employer: TrustRef;
  readonly detail: string;
  readonly otherCcgCode: string;
  readonly otherCcgName: string;
}

export interface SharedClinicians {
  readonly doctor: SharedClinician | null;
  readonly nurse: SharedClinician | null;
}

export type PersonKind = 'gp' | 'lay' | 'nurse' | 'doctor' | 'executive' | 'other';

export interface InterestDraft {
  readonly interestType: InterestType;
  readonly description: string;
  readonly entity: DeclaredEntity | null;
  readonly startDate: string;
  readonly endDate: string | null;
  /** Only for a planted late declaration: when it arose and when it was declared. */
  readonly late?: { readonly aroseOn: string; readonly declaredOn: string };
}

/** A person while the CCG is being generated (mutable); frozen into a GoverningBodyPerson at the end. */
export interface PersonDraft {
  readonly personId: string;
  readonly name: string;
  readonly kind: PersonKind;
  /** Their post, for descriptions (e.g. "GP member", "Head of Contracting"). */
  readonly post: string;
  attributes: PersonAttributes;
  readonly employments: EmploymentOrOffice[];
  readonly dismissals: Dismissal[];
  readonly appointments: GoverningBodyAppointment[];
  readonly roles: readonly GoverningBodyRole[];
  readonly capacity: DeclarantCapacity;
  readonly capacityStart: string;
  readonly practiceCode: string | null;
  readonly interests: InterestDraft[];
  /** `missed_review`: planted ROI-ANNUAL-REVIEW; `no_return`: planted ROI-NIL-RETURN. */
  register: 'normal' | 'missed_review' | 'no_return';
  readonly categories: readonly AttendeeCategory[];
  /** Votes at governing body meetings (co-opted and attending members do not). */
  readonly votes: boolean;
}

export interface Company {
  readonly name: string;
  readonly companyNumber: string;
  readonly incorporatedOn: string;
}

export interface CcgContext {
  readonly seed: string;
  readonly ccg: SynthCcg;
  readonly index: number;
  readonly asAt: string;
  readonly faults: ReadonlySet<FaultKind>;
  readonly shared: SharedClinicians;
  readonly rng: Rng;
  readonly namer: Namer;
  /** Without "NHS" and "CCG", e.g. "South Reading". */
  readonly area: string;
  /** e.g. "NHS South Reading Clinical Commissioning Group". */
  readonly fullName: string;
  /** The main local authority's council, e.g. "Reading Council". */
  readonly council: string;
  readonly federation: Company;
  readonly diagnostics: Company;
  readonly orgName: (code: string, fallback: string) => string;
  /** "Royal Berkshire NHS FT (RHW)" when the name is known, else "Provider RHW". */
  readonly orgLabel: (code: string, noun: string) => string;
  readonly trustKind: (code: string) => OrganisationKind;
  /** A trust the CCG does not commission from (none when the input has no other provider). */
  readonly outOfAreaTrust: (rng: Rng) => TrustRef;
  readonly newCompany: (name: string, rng: Rng) => Company;
  readonly recordFault: (kind: FaultKind, description: string) => void;
  readonly faultRecords: PlantedFault[];
}

export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** A day from `from` to `to` inclusive (`from` when the range is empty). */
export function dateBetween(rng: Rng, from: string, to: string): string {
  const days = daysBetween(from, to);
  return days <= 0 ? from : addDays(from, rng.int(0, days));
}

export const minDate = (a: string, b: string): string => (a < b ? a : b);
export const maxDate = (a: string, b: string): string => (a > b ? a : b);

/**
 * A governing body appointment from `start`, and reappointments for three-year terms until the
 * current term runs beyond the horizon. `termYears` null: the accountable officer (no term).
 */
export function appointmentChain(
  personId: string,
  roles: readonly GoverningBodyRole[],
  start: string,
  termYears: number | null,
  horizon: string,
): GoverningBodyAppointment[] {
  if (termYears === null) {
    return [{ appointmentId: `${personId}-A1`, roles, startDate: start, termEndDate: null, endDate: null }];
  }
  const chain: GoverningBodyAppointment[] = [];
  let startDate = start;
  let years = termYears;
  for (let k = 1; ; k++) {
    const termEndDate = addDays(addYears(startDate, years), -1);
    const current = termEndDate >= horizon;
    chain.push({
      appointmentId: `${personId}-A${k}`,
      roles,
      startDate,
      termEndDate,
      endDate: current ? null : termEndDate,
    });
    if (current) return chain;
    startDate = addDays(termEndDate, 1);
    years = 3;
  }
}

/** "NHS South Reading" → "South Reading"; drops a trailing CCG / Clinical Commissioning Group. */
export function areaOf(name: string): string {
  return (
    name
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^NHS\s+/i, '')
      .replace(/\s+(CCG|Clinical Commissioning Group)$/i, '')
      .trim() || name.trim()
  );
}

export function fullNameOf(name: string): string {
  return `NHS ${areaOf(name)} Clinical Commissioning Group`;
}

const councilOf = (la: string): string => (/council/i.test(la) ? la : `${la} Council`);

/** Every commissioned provider code in the input, sorted, for picking out-of-area employers. */
export function providerUniverse(ccgs: readonly SynthCcg[]): string[] {
  return [...new Set(ccgs.flatMap((c) => c.commissionedProviderCodes))].sort();
}

export function outOfAreaPicker(
  universe: readonly string[],
  exclude: ReadonlySet<string>,
  orgName: (code: string, fallback: string) => string,
  trustKind: (code: string) => OrganisationKind,
): (rng: Rng) => TrustRef {
  return (rng) => {
    if (universe.length > 0) {
      const start = rng.int(0, universe.length - 1);
      for (let step = 0; step < universe.length; step++) {
        const code = universe[(start + step) % universe.length]!;
        if (!exclude.has(code))
          return { code, name: orgName(code, `Provider ${code}`), kind: trustKind(code) };
      }
    }
    return { code: null, name: 'An NHS trust outside the area', kind: 'nhs_body' };
  };
}

export interface ContextInput {
  readonly input: GovernanceSynthInput;
  readonly index: number;
  readonly faults: ReadonlySet<FaultKind>;
  readonly shared: SharedClinicians;
  readonly universe: readonly string[];
  readonly faultRuleIds: Readonly<Record<FaultKind, string>>;
}

export function createCcgContext({
  input,
  index,
  faults,
  shared,
  universe,
  faultRuleIds,
}: ContextInput): CcgContext {
  const ccg = input.ccgs[index]!;
  const rng = createRng(input.seed, 'ccg', ccg.code);
  const namer = createNamer(createRng(input.seed, 'names', ccg.code));
  if (shared.doctor) namer.reserve(shared.doctor.name);
  if (shared.nurse) namer.reserve(shared.nurse.name);
  const names = input.organisationNames ?? {};
  const foundationTrusts = new Set(input.foundationTrustCodes ?? []);
  const orgName = (code: string, fallback: string) => names[code] ?? fallback;
  const trustKind = (code: string): OrganisationKind =>
    foundationTrusts.has(code) ? 'foundation_trust' : 'nhs_body';
  const area = areaOf(ccg.name);
  const plainArea = area.replace(/\s*\(.*?\)\s*/g, ' ').trim() || area;
  let companies = 0;
  const newCompany = (name: string, companyRng: Rng): Company => {
    companies++;
    return {
      name,
      // "99" numbers have not been issued by Companies House; 50 per CCG keeps them unique.
      companyNumber: `99${pad(index * 50 + companies, 6)}`,
      incorporatedOn: `${companyRng.int(2008, 2012)}-${pad(companyRng.int(1, 12), 2)}-01`,
    };
  };
  const companyRng = createRng(input.seed, 'companies', ccg.code);
  const federation = newCompany(`${plainArea} GP Federation Ltd`, companyRng);
  const diagnostics = newCompany(
    `${companyRng.pick(['Vale', 'Riverside', 'Castlegate', 'Meadowbank', 'Northgate'])} Community Diagnostics Ltd`,
    companyRng,
  );
  const faultRecords: PlantedFault[] = [];
  const commissioned = new Set(ccg.commissionedProviderCodes);
  return {
    seed: input.seed,
    ccg,
    index,
    asAt: input.asAt,
    faults,
    shared,
    rng,
    namer,
    area,
    fullName: fullNameOf(ccg.name),
    council: councilOf(ccg.localAuthorityNames[0] ?? `${plainArea} Borough`),
    federation,
    diagnostics,
    orgName,
    orgLabel: (code, noun) => (names[code] ? `${names[code]} (${code})` : `${noun} ${code}`),
    trustKind,
    outOfAreaTrust: outOfAreaPicker(universe, commissioned, orgName, trustKind),
    newCompany: (name, r) => newCompany(name, r),
    recordFault: (kind, description) =>
      faultRecords.push({ ccgCode: ccg.code, ruleId: faultRuleIds[kind], description }),
    faultRecords,
  };
}
