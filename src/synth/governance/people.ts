/**
 * The people of one CCG: a governing body of 8–14 (chair, deputy chair, accountable officer, CFO,
 * registered nurse, secondary care doctor, two lay members, GP members and sometimes co-opted
 * non-voting members), then member practice GPs, committee members and employees who are on the
 * register of interests but not the governing body. Their employments, offices and interests are
 * drafted here; planted governing body faults change who sits or what they hold.
 */
import type {
  AttendeeCategory,
  DeclarantCapacity,
  EmploymentOrOffice,
  GoverningBodyRole,
  PersonAttributes,
} from '../../modules/governance/model.ts';
import { addDays, addMonths, daysBetween } from '../../modules/governance/rules/dates.ts';
import { CONSULTANT_SPECIALTIES, GPWSI_INTERESTS, LAST_NAMES } from '../names.ts';
import {
  appointmentChain,
  type CcgContext,
  dateBetween,
  type InterestDraft,
  minDate,
  type PersonDraft,
  type PersonKind,
  pad,
  type TrustRef,
} from './context.ts';
import { isWave1NoNurse } from './faults.ts';

/** Governing body appointments were made in the shadow year, from October 2012 to April 2013. */
const EARLY_STARTS = ['2012-10-01', '2012-11-01', '2012-12-01'] as const;
const ANY_STARTS = [...EARLY_STARTS, '2013-01-01', '2013-02-01', '2013-03-01', '2013-04-01'] as const;
const SHADOW_YEAR_START = '2012-10-01';
const ESTABLISHED = '2013-04-01';

const NO_ATTRIBUTES: PersonAttributes = {
  isCcgEmployee: false,
  hasAccountancyQualification: false,
  canLeadFinancialManagement: false,
  nmcRegisteredNurse: false,
  gmcSpecialistRegisterOrEligible: false,
  nhsConsultantWithin10Years: false,
  onGpRegister: false,
  isGpOfMemberPractice: false,
  isIndividualMemberOfCcg: false,
  otherHealthCareProfessional: false,
  financeAndAuditExpertise: false,
  knowledgeOfArea: false,
};

const GP_ATTRIBUTES: Partial<PersonAttributes> = {
  onGpRegister: true,
  isGpOfMemberPractice: true,
  isIndividualMemberOfCcg: true,
};

const CATEGORIES: Record<PersonKind, readonly AttendeeCategory[]> = {
  gp: ['gp', 'clinician'],
  lay: ['lay'],
  nurse: ['registered_nurse', 'clinician'],
  doctor: ['secondary_care_doctor', 'clinician'],
  executive: ['executive'],
  other: [],
};

interface NewPerson {
  readonly kind: PersonKind;
  readonly post: string;
  readonly title?: string;
  readonly name?: string;
  readonly attributes?: Partial<PersonAttributes>;
  readonly roles?: readonly GoverningBodyRole[];
  /** Start of the appointment (governing body) or of the capacity (everyone else). */
  readonly start: string;
  /** Appointment term in years; null for the accountable officer. */
  readonly termYears?: number | null;
  readonly capacity?: DeclarantCapacity;
  readonly categories?: readonly AttendeeCategory[];
  readonly votes?: boolean;
  readonly practiceCode?: string | null;
}

const monthStart = (year: number, month: number) => `${year}-${pad(month, 2)}-01`;

export function buildPeople(ctx: CcgContext): PersonDraft[] {
  const { rng, ccg, faults } = ctx;
  const horizon = addDays(ctx.asAt, 180);
  const people: PersonDraft[] = [];
  const providers = ccg.commissionedProviderCodes;
  const providerName = (code: string) => ctx.orgName(code, `Provider ${code}`);
  const practiceName = (code: string) => ctx.orgName(code, `Member practice ${code}`);
  const providerLabel = (code: string) => ctx.orgLabel(code, 'Provider');
  const practiceLabel = (code: string) => ctx.orgLabel(code, 'Member practice');
  const practices = rng.shuffle(ccg.memberPracticeCodes);
  let practiceCursor = 0;
  const nextPractice = (): string | null =>
    practices.length === 0 ? null : practices[practiceCursor++ % practices.length]!;
  const since = (from: number, to: number) => monthStart(rng.int(from, to), rng.int(1, 12));

  const add = (spec: NewPerson): PersonDraft => {
    const personId = `${ccg.code}-P${pad(people.length + 1, 2)}`;
    const roles = spec.roles ?? [];
    const person: PersonDraft = {
      personId,
      name: spec.name ?? ctx.namer.next(spec.title),
      kind: spec.kind,
      post: spec.post,
      attributes: { ...NO_ATTRIBUTES, ...spec.attributes },
      employments: [],
      dismissals: [],
      appointments:
        roles.length === 0
          ? []
          : appointmentChain(
              personId,
              roles,
              spec.start,
              spec.termYears === undefined ? rng.int(2, 4) : spec.termYears,
              horizon,
            ),
      roles,
      capacity: spec.capacity ?? (roles.length ? 'gb_member' : 'employee'),
      capacityStart: spec.start,
      practiceCode: spec.practiceCode ?? null,
      interests: [],
      register: 'normal',
      categories: spec.categories ?? CATEGORIES[spec.kind],
      votes: spec.votes ?? roles.length > 0,
    };
    people.push(person);
    return person;
  };

  const office = (
    p: PersonDraft,
    o: Partial<EmploymentOrOffice> & Pick<EmploymentOrOffice, 'organisationName'>,
  ) =>
    p.employments.push({
      organisationCode: null,
      companyNumber: null,
      organisationKind: 'other',
      role: 'employee',
      startDate: since(2004, 2011),
      endDate: null,
      ...o,
    });
  const interest = (p: PersonDraft, i: InterestDraft) => p.interests.push(i);
  const orgEntity = (code: string | null) => (code ? { kind: 'organisation' as const, code } : null);

  // ---- the kinds of person -------------------------------------------------------------------

  const partnership = (p: PersonDraft) => {
    const code = p.practiceCode;
    const startDate = since(1988, 2011);
    office(p, {
      organisationName: code ? practiceName(code) : 'A member practice',
      organisationCode: code,
      organisationKind: 'member_practice',
      role: 'partner',
      startDate,
    });
    interest(p, {
      interestType: 'financial',
      description: code
        ? `Partner, ${practiceLabel(code)}, a member practice of the CCG`
        : 'Partner in a member practice of the CCG',
      entity: orgEntity(code),
      startDate,
      endDate: null,
    });
  };

  const shareholding = (p: PersonDraft, company: CcgContext['federation'], what: string) => {
    office(p, {
      organisationName: company.name,
      companyNumber: company.companyNumber,
      role: 'shareholder',
      startDate: company.incorporatedOn,
    });
    interest(p, {
      interestType: 'financial',
      description: `Shareholder in ${company.name} (company ${company.companyNumber}), ${what}`,
      entity: { kind: 'company', companyNumber: company.companyNumber },
      startDate: company.incorporatedOn,
      endDate: null,
    });
  };

  const gpInterests = (p: PersonDraft) => {
    partnership(p);
    if (!faults.has('inquorate_item') && rng.chance(0.3)) {
      shareholding(p, ctx.federation, 'a GP federation that may bid for CCG contracts');
    }
    if (rng.chance(0.1)) {
      shareholding(p, ctx.diagnostics, 'an independent diagnostics provider (holding over 5%)');
    }
    if (providers.length && rng.chance(0.15)) {
      const code = rng.pick(providers);
      const startDate = since(2005, 2012);
      const specialty = rng.pick(GPWSI_INTERESTS);
      office(p, {
        organisationName: providerName(code),
        organisationCode: code,
        organisationKind: 'provider_commissioned_by_ccg',
        startDate,
      });
      interest(p, {
        interestType: 'financial',
        description: `GP with a special interest in ${specialty}: paid sessions at ${providerLabel(code)}`,
        entity: orgEntity(code),
        startDate,
        endDate: null,
      });
    }
    if (rng.chance(0.35)) {
      interest(p, {
        interestType: 'non_financial_professional',
        description: rng.pick([
          `Member of the ${ctx.area} Local Medical Committee`,
          'GP trainer approved by the local deanery',
          'Member of the Royal College of General Practitioners faculty board',
          `Clinical lead for ${rng.pick(['diabetes', 'dementia', 'urgent care', 'children'])} for the CCG`,
        ]),
        entity: null,
        startDate: since(2008, 2012),
        endDate: null,
      });
    }
    if (providers.length && rng.chance(0.12)) {
      const code = rng.pick(providers);
      interest(p, {
        interestType: 'indirect',
        description: `Spouse is a consultant at ${providerLabel(code)}`,
        entity: orgEntity(code),
        startDate: since(2000, 2012),
        endDate: null,
      });
    }
  };

  const addGp = (spec: Omit<NewPerson, 'kind' | 'title'>) => {
    const practiceCode = spec.practiceCode === undefined ? nextPractice() : spec.practiceCode;
    const p = add({
      ...spec,
      kind: 'gp',
      title: 'Dr',
      practiceCode,
      attributes: { ...GP_ATTRIBUTES, ...spec.attributes },
    });
    gpInterests(p);
    return p;
  };

  const layPersonal = (p: PersonDraft, chance: number) => {
    if (rng.chance(chance)) {
      interest(p, {
        interestType: 'non_financial_personal',
        description: rng.pick([
          `Trustee, ${ctx.area} Carers' Centre`,
          `Volunteer adviser, ${ctx.area} Citizens Advice`,
          'Governor of a local primary school',
          `Magistrate on the ${ctx.area} bench`,
          `Treasurer, ${ctx.area} Rotary Club`,
        ]),
        entity: null,
        startDate: since(2005, 2012),
        endDate: null,
      });
    }
  };
  const spouseAtProvider = (p: PersonDraft, chance: number) => {
    if (providers.length && rng.chance(chance)) {
      const code = rng.pick(providers);
      interest(p, {
        interestType: 'indirect',
        description: `Spouse works as a ${rng.pick(['ward sister', 'physiotherapist', 'manager'])} at ${providerLabel(code)}`,
        entity: orgEntity(code),
        startDate: since(2000, 2012),
        endDate: null,
      });
    }
  };

  const addPpiLay = (roles: readonly GoverningBodyRole[]) => {
    const p = add({
      kind: 'lay',
      post: 'Lay member (patient and public involvement)',
      roles,
      start: rng.pick(ANY_STARTS),
      attributes: { knowledgeOfArea: true },
    });
    layPersonal(p, 0.5);
    spouseAtProvider(p, 0.25);
    return p;
  };

  const addAuditLay = (roles: readonly GoverningBodyRole[], start: string) => {
    const p = add({
      kind: 'lay',
      post: 'Lay member (governance and audit)',
      roles,
      start,
      attributes: { financeAndAuditExpertise: true, knowledgeOfArea: rng.chance(0.5) },
    });
    if (rng.chance(0.5)) {
      const company = ctx.newCompany(`${rng.pick(LAST_NAMES)} Governance Consulting Ltd`, rng);
      office(p, {
        organisationName: company.name,
        companyNumber: company.companyNumber,
        role: 'director',
        startDate: company.incorporatedOn,
      });
      interest(p, {
        interestType: 'financial',
        description: `Director and shareholder, ${company.name} (company ${company.companyNumber}), an audit and governance consultancy`,
        entity: { kind: 'company', companyNumber: company.companyNumber },
        startDate: company.incorporatedOn,
        endDate: null,
      });
    }
    layPersonal(p, 0.3);
    return p;
  };

  const trustEmployment = (p: PersonDraft, trust: TrustRef, post: string, commissioned: boolean) => {
    const startDate = since(2002, 2011);
    office(p, {
      organisationName: trust.name,
      organisationCode: trust.code,
      organisationKind: commissioned ? 'provider_commissioned_by_ccg' : trust.kind,
      startDate,
    });
    interest(p, {
      interestType: 'financial',
      description: `Employed as ${post} by ${trust.code ? ctx.orgLabel(trust.code, 'Provider') : trust.name}`,
      entity: orgEntity(trust.code),
      startDate,
      endDate: null,
    });
  };
  const commissionedTrust = (): TrustRef => {
    const code = rng.pick(providers);
    return { code, name: providerName(code), kind: 'provider_commissioned_by_ccg' };
  };
  const otherGoverningBody = (
    p: PersonDraft,
    shared: NonNullable<CcgContext['shared']['doctor']>,
    seat: string,
  ) => {
    office(p, {
      organisationName: shared.otherCcgName,
      organisationCode: shared.otherCcgCode,
      organisationKind: 'ccg',
      role: 'member',
      startDate: p.capacityStart,
    });
    interest(p, {
      interestType: 'non_financial_professional',
      description: `Also the ${seat} member of the governing body of ${shared.otherCcgName}`,
      entity: orgEntity(shared.otherCcgCode),
      startDate: p.capacityStart,
      endDate: null,
    });
  };

  const addNurse = () => {
    const shared = ctx.shared.nurse;
    const tied = faults.has('nurse_tied_to_commissioned_provider');
    const p = add({
      kind: 'nurse',
      post: 'Registered nurse member',
      name: shared?.name,
      roles: ['registered_nurse'],
      start: rng.pick(ANY_STARTS),
      attributes: { nmcRegisteredNurse: true },
    });
    if (tied) {
      const trust = commissionedTrust();
      trustEmployment(p, trust, 'Deputy Director of Nursing', true);
      ctx.recordFault(
        'nurse_tied_to_commissioned_provider',
        `The registered nurse ${p.name} (${p.personId}) is employed by ${ctx.orgLabel(trust.code!, 'Provider')}, a provider the CCG commissions from (reg 12(1) as modelled)`,
      );
    } else if (shared) {
      trustEmployment(p, shared.employer, shared.detail, false);
      otherGoverningBody(p, shared, 'registered nurse');
    } else {
      const draw = rng.next();
      if (draw < 0.6) {
        const trust = ctx.outOfAreaTrust(rng);
        trustEmployment(
          p,
          trust,
          rng.pick(['Director of Nursing', 'Deputy Chief Nurse', 'Head of Nursing']),
          false,
        );
      } else if (draw < 0.8) {
        office(p, { organisationName: 'A university school of nursing and midwifery' });
        interest(p, {
          interestType: 'financial',
          description: 'Senior lecturer in adult nursing at a university outside the area',
          entity: null,
          startDate: since(2004, 2011),
          endDate: null,
        });
      }
      // Otherwise retired from practice but still on the NMC register: no interests (nil return).
    }
    return p;
  };

  const addDoctor = () => {
    const shared = ctx.shared.doctor;
    const tied = faults.has('doctor_tied_to_commissioned_provider');
    const specialty = shared?.detail ?? rng.pick(CONSULTANT_SPECIALTIES);
    const p = add({
      kind: 'doctor',
      post: 'Secondary care specialist doctor',
      title: 'Dr',
      name: shared?.name,
      roles: ['secondary_care_doctor'],
      start: rng.pick(ANY_STARTS),
      attributes: { gmcSpecialistRegisterOrEligible: true, nhsConsultantWithin10Years: true },
    });
    if (tied) {
      const trust = commissionedTrust();
      trustEmployment(p, trust, `consultant in ${specialty}`, true);
      ctx.recordFault(
        'doctor_tied_to_commissioned_provider',
        `The secondary care doctor ${p.name} (${p.personId}) is a consultant at ${ctx.orgLabel(trust.code!, 'Provider')}, a provider the CCG commissions from (reg 12(1) as modelled)`,
      );
    } else {
      trustEmployment(p, shared?.employer ?? ctx.outOfAreaTrust(rng), `consultant in ${specialty}`, false);
      if (shared) otherGoverningBody(p, shared, 'secondary care doctor');
      if (rng.chance(0.3)) {
        interest(p, {
          interestType: 'financial',
          description: `Private practice in ${specialty} at an independent hospital outside the area`,
          entity: null,
          startDate: since(2004, 2011),
          endDate: null,
        });
      }
    }
    return p;
  };

  const executiveHistory = (p: PersonDraft) => {
    office(p, {
      organisationName: ctx.fullName,
      organisationCode: ccg.code,
      organisationKind: 'ccg',
      startDate: p.capacityStart,
    });
    office(p, {
      organisationName: 'The former primary care trust',
      organisationKind: 'pct',
      startDate: since(2002, 2008),
      endDate: minDate(addDays(p.capacityStart, -1), '2013-03-31'),
    });
    if (rng.chance(0.15)) {
      // Made redundant when the SHAs clustered: a redundancy is not a Schedule 5 dismissal.
      p.dismissals.push({
        dismissedOn: '2011-03-31',
        employerName: 'A strategic health authority',
        employerKind: 'other_health_body',
        redundancy: true,
      });
    }
  };

  // ---- the governing body ----------------------------------------------------------------------

  const chairShape = faults.has('audit_lay_member_chairs') ? 'audit_lay' : rng.chance(0.2) ? 'lay' : 'gp';
  let auditLay: PersonDraft | null = null;
  let ppiLay: PersonDraft | null = null;
  if (chairShape === 'gp') {
    addGp({ post: 'Chair (GP)', roles: ['chair', 'gp_member'], start: rng.pick(EARLY_STARTS) });
    ppiLay = addPpiLay(['deputy_chair', 'lay_member_ppi']);
  } else {
    if (chairShape === 'audit_lay') {
      const chair = addAuditLay(['chair', 'lay_member_audit'], rng.pick(EARLY_STARTS));
      auditLay = chair;
      ctx.recordFault(
        'audit_lay_member_chairs',
        `The chair ${chair.name} (${chair.personId}) is also the lay member for governance and audit`,
      );
    } else {
      const chair = add({
        kind: 'lay',
        post: 'Chair (lay)',
        roles: ['chair'],
        start: rng.pick(EARLY_STARTS),
        attributes: { knowledgeOfArea: true },
      });
      layPersonal(chair, 0.6);
    }
    addGp({ post: 'Deputy chair (GP)', roles: ['deputy_chair', 'gp_member'], start: rng.pick(ANY_STARTS) });
  }

  const clinicalAo = rng.chance(0.2);
  const aoStart = rng.pick(EARLY_STARTS);
  const ao = clinicalAo
    ? addGp({
        post: 'Accountable officer (GP)',
        roles: ['accountable_officer'],
        start: aoStart,
        termYears: null,
        attributes: { isCcgEmployee: true },
        categories: ['executive', 'gp', 'clinician'],
      })
    : add({
        kind: 'executive',
        post: 'Accountable officer',
        roles: ['accountable_officer'],
        start: aoStart,
        termYears: null,
        attributes: { isCcgEmployee: true },
      });
  executiveHistory(ao);
  if (ccg.csuCode && rng.chance(0.3)) {
    interest(ao, {
      interestType: 'indirect',
      description: `Spouse is employed by ${ctx.orgLabel(ccg.csuCode, 'Commissioning support unit')}`,
      entity: orgEntity(ccg.csuCode),
      startDate: since(2008, 2012),
      endDate: null,
    });
  }

  const cfo = add({
    kind: 'executive',
    post: 'Chief finance officer',
    roles: ['chief_finance_officer'],
    start: rng.pick(ANY_STARTS),
    attributes: { isCcgEmployee: true, hasAccountancyQualification: true, canLeadFinancialManagement: true },
  });
  executiveHistory(cfo);
  if (rng.chance(0.2)) {
    interest(cfo, {
      interestType: 'non_financial_professional',
      description: 'Member of the Healthcare Financial Management Association branch committee',
      entity: null,
      startDate: since(2006, 2012),
      endDate: null,
    });
  }

  if (faults.has('no_registered_nurse')) {
    ctx.recordFault(
      'no_registered_nurse',
      `No registered nurse sits on the governing body (the post is vacant)${
        isWave1NoNurse(ccg.name)
          ? '; as in wave 1, when this CCG was authorised with a condition for it (REFERENCE.md §1.7)'
          : ''
      }`,
    );
  } else {
    addNurse();
  }
  if (faults.has('no_secondary_care_doctor')) {
    ctx.recordFault(
      'no_secondary_care_doctor',
      'No secondary care specialist doctor sits on the governing body (recruitment not yet completed)',
    );
  } else {
    addDoctor();
  }
  if (!auditLay) addAuditLay(['lay_member_audit'], rng.pick(ANY_STARTS));
  ppiLay ??= addPpiLay(['lay_member_ppi']);

  const base = people.length;
  let gpMembers = rng.int(2, 5);
  let coOpted = rng.pick([0, 0, 1, 1, 2]);
  while (base + gpMembers + coOpted < 8) gpMembers++;
  while (base + gpMembers + coOpted > 14) {
    if (coOpted > 0) coOpted--;
    else gpMembers--;
  }
  const gps: PersonDraft[] = [];
  for (let k = 0; k < gpMembers; k++) {
    gps.push(addGp({ post: 'GP member', roles: ['gp_member'], start: rng.pick(ANY_STARTS) }));
  }
  const coOptedKinds = rng.sample(
    ['public_health', 'practice_manager', 'commissioning_director'] as const,
    coOpted,
  );
  for (const kind of coOptedKinds) {
    if (kind === 'public_health') {
      const p = add({
        kind: 'other',
        post: 'Director of Public Health (co-opted, non-voting)',
        roles: ['other'],
        start: rng.pick(ANY_STARTS),
        categories: ['executive'],
        votes: false,
      });
      // Public health moved from primary care trusts to local authorities on 1 April 2013.
      office(p, {
        organisationName: 'The former primary care trust',
        organisationKind: 'pct',
        startDate: since(2004, 2010),
        endDate: '2013-03-31',
      });
      office(p, {
        organisationName: ctx.council,
        organisationKind: 'local_authority',
        startDate: ESTABLISHED,
      });
      interest(p, {
        interestType: 'financial',
        description: `Employed by ${ctx.council} as Director of Public Health`,
        entity: null,
        startDate: ESTABLISHED,
        endDate: null,
      });
    } else if (kind === 'practice_manager') {
      const code = nextPractice();
      const p = add({
        kind: 'other',
        post: 'Practice manager representative (non-voting)',
        roles: ['other'],
        start: rng.pick(ANY_STARTS),
        votes: false,
        practiceCode: code,
      });
      const startDate = since(2000, 2011);
      office(p, {
        organisationName: code ? practiceName(code) : 'A member practice',
        organisationCode: code,
        organisationKind: 'member_practice',
        startDate,
      });
      interest(p, {
        interestType: 'financial',
        description: code
          ? `Practice manager, ${practiceLabel(code)}`
          : 'Practice manager at a member practice',
        entity: orgEntity(code),
        startDate,
        endDate: null,
      });
    } else {
      const p = add({
        kind: 'other',
        post: 'Director of Commissioning (non-voting)',
        roles: ['other'],
        start: rng.pick(ANY_STARTS),
        attributes: { isCcgEmployee: true },
        categories: ['executive'],
        votes: false,
      });
      executiveHistory(p);
    }
  }

  if (faults.has('councillor_on_governing_body')) {
    const gp = rng.pick(gps);
    const startDate = `${rng.pick([2008, 2010, 2011, 2012])}-05-0${rng.int(2, 7)}`;
    office(gp, {
      organisationName: ctx.council,
      organisationKind: 'local_authority',
      role: 'member',
      startDate,
    });
    interest(gp, {
      interestType: 'non_financial_professional',
      description: `Elected councillor, ${ctx.council}`,
      entity: null,
      startDate,
      endDate: null,
    });
    ctx.recordFault(
      'councillor_on_governing_body',
      `The GP member ${gp.name} (${gp.personId}) is an elected councillor of ${ctx.council} (Schedule 5 para 2)`,
    );
  }
  if (faults.has('lay_member_council_employee')) {
    const startDate = since(2006, 2011);
    office(ppiLay, { organisationName: ctx.council, organisationKind: 'local_authority', startDate });
    interest(ppiLay, {
      interestType: 'financial',
      description: `Employed by ${ctx.council} as a community engagement officer`,
      entity: null,
      startDate,
      endDate: null,
    });
    ctx.recordFault(
      'lay_member_council_employee',
      `The lay member ${ppiLay.name} (${ppiLay.personId}) is an employee of ${ctx.council} (Schedule 4 para 1)`,
    );
  }

  // ---- on the register, not the governing body ------------------------------------------------

  const shadowToEstablished = () => dateBetween(rng, SHADOW_YEAR_START, minDate(ctx.asAt, ESTABLISHED));
  const memberGps = rng.int(2, 4);
  for (let k = 0; k < memberGps; k++) {
    addGp({ post: 'Practice clinical lead', capacity: 'member', start: shadowToEstablished(), votes: false });
  }
  if (faults.has('missed_annual_review')) {
    const start = addDays(addMonths(ctx.asAt, -12), -rng.int(60, 200));
    const p = add({
      kind: 'gp',
      post: 'Practice clinical lead',
      title: 'Dr',
      capacity: 'member',
      start,
      votes: false,
      practiceCode: nextPractice(),
      attributes: GP_ATTRIBUTES,
    });
    partnership(p);
    p.register = 'missed_review';
    ctx.recordFault(
      'missed_annual_review',
      `${p.name} (${p.personId}), practice clinical lead, has not confirmed their entries or made a return in the 12 months to ${ctx.asAt}`,
    );
  }
  if (rng.chance(0.5)) {
    const p = add({
      kind: 'lay',
      post: 'Co-opted lay member, audit committee',
      capacity: 'committee_member',
      start: shadowToEstablished(),
      votes: false,
    });
    layPersonal(p, 0.4);
  }
  const posts = rng.sample(
    ['Head of Corporate Governance', 'Head of Contracting', 'Commissioning Manager', 'Head of Finance'],
    rng.int(2, 3),
  );
  if (!posts.includes('Head of Corporate Governance')) posts[0] = 'Head of Corporate Governance';
  for (const post of posts) {
    const start = rng.chance(0.7) ? shadowToEstablished() : dateBetween(rng, ESTABLISHED, ctx.asAt);
    const p = add({ kind: 'executive', post, capacity: 'employee', start, votes: false });
    executiveHistory(p);
    if (post === 'Head of Contracting') spouseAtProvider(p, 0.3);
  }
  if (faults.has('missing_nil_return')) {
    const start = addDays(ctx.asAt, -rng.int(40, 150));
    const p = add({
      kind: 'executive',
      post: 'Commissioning Support Officer',
      capacity: 'employee',
      start,
      votes: false,
    });
    p.register = 'no_return';
    ctx.recordFault(
      'missing_nil_return',
      `${p.name} (${p.personId}), an employee since ${start}, has made no declaration or nil return`,
    );
  }

  if (faults.has('late_declaration')) plantLateDeclaration(ctx, people);
  return people;
}

/** A new interest of the earliest-appointed governing body member, declared 35–120 days after it arose. */
function plantLateDeclaration(ctx: CcgContext, people: readonly PersonDraft[]): void {
  const { rng } = ctx;
  const gb = people.filter((p) => p.roles.length > 0);
  const earliest = gb.reduce((a, b) => (b.capacityStart < a.capacityStart ? b : a));
  const window = daysBetween(earliest.capacityStart, ctx.asAt);
  if (window < 35) return;
  const late = rng.int(35, Math.min(120, window));
  const aroseOn = addDays(earliest.capacityStart, rng.int(0, window - late));
  const declaredOn = addDays(aroseOn, late);
  const company = ctx.newCompany(
    `${rng.pick(LAST_NAMES)} ${earliest.kind === 'gp' ? 'Medical Services' : 'Consulting'} Ltd`,
    rng,
  );
  const entity = { kind: 'company' as const, companyNumber: company.companyNumber };
  earliest.interests.push(
    earliest.kind === 'gp'
      ? {
          interestType: 'financial',
          description: `Director and shareholder, ${company.name} (company ${company.companyNumber}), providing occupational health and minor surgery services`,
          entity,
          startDate: aroseOn,
          endDate: null,
          late: { aroseOn, declaredOn },
        }
      : {
          interestType: 'indirect',
          description: `A close family member became a director of ${company.name} (company ${company.companyNumber})`,
          entity,
          startDate: aroseOn,
          endDate: null,
          late: { aroseOn, declaredOn },
        },
  );
  if (earliest.kind === 'gp') {
    earliest.employments.push({
      organisationName: company.name,
      organisationCode: null,
      companyNumber: company.companyNumber,
      organisationKind: 'other',
      role: 'director',
      startDate: aroseOn,
      endDate: null,
    });
  }
}
