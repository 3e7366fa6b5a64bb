/**
 * The gifts and hospitality register of one CCG: a few entries a year with values around the
 * thresholds (£6 supplier gifts, £10 and £50 gifts, £25 and £75 hospitality). Every entry is handled
 * correctly under both threshold versions (2013 and 2017): whatever must be declared is declared,
 * supplier gifts over £6 and cash or vouchers are declined, and hospitality over £75 has senior
 * approval. The planted fault is accepted hospitality worth £30–£70 that was never declared.
 */
import type { DeclaredEntity, GiftHospitalityEntry } from '../../modules/governance/model.ts';
import { addDays, addMonths, daysBetween } from '../../modules/governance/rules/dates.ts';
import { SUPPLIERS } from '../names.ts';
import { type CcgContext, dateBetween, maxDate, minDate, type PersonDraft, pad } from './context.ts';

const TEMPLATES = [
  'supplier_token',
  'patient_gift',
  'speaker_gift',
  'declined_supplier_gift',
  'working_lunch',
  'sponsored_dinner',
  'awards_dinner',
  'voucher',
] as const;
type Template = (typeof TEMPLATES)[number];

interface Donor {
  readonly name: string;
  readonly entity: DeclaredEntity | null;
  readonly isSupplierOrContractor: boolean;
}

interface Draft {
  readonly kind: 'gift' | 'hospitality';
  readonly description: string;
  readonly valuePence: number;
  readonly donor: Donor;
  readonly cashOrVoucher: boolean;
  readonly accepted: boolean;
  readonly declared: boolean;
  readonly seniorApproval: boolean;
}

export function buildGifts(ctx: CcgContext, people: readonly PersonDraft[]): GiftHospitalityEntry[] {
  const { rng, ccg, asAt } = ctx;
  const from = maxDate('2013-04-01', addMonths(asAt, -12));
  const recipients = people.filter((p) => p.roles.length > 0 || p.capacity === 'employee');
  const ao = people.find((p) => p.roles.includes('accountable_officer'))!;
  const chair = people.find((p) => p.roles.includes('chair'))!;
  const supplier = (): Donor => {
    const s = rng.pick(SUPPLIERS);
    return {
      name: s.name,
      entity: { kind: 'company', companyNumber: s.companyNumber },
      isSupplierOrContractor: true,
    };
  };
  const provider = (): Donor => {
    const codes = [...ccg.commissionedProviderCodes, ...(ccg.csuCode ? [ccg.csuCode] : [])];
    if (codes.length === 0) return supplier();
    const code = rng.pick(codes);
    return {
      name: ctx.orgName(code, `Provider ${code}`),
      entity: { kind: 'organisation', code },
      isSupplierOrContractor: true,
    };
  };

  const draft = (template: Template): Draft => {
    const plain = { cashOrVoucher: false, accepted: true, declared: false, seniorApproval: false };
    switch (template) {
      case 'supplier_token':
        return {
          ...plain,
          kind: 'gift',
          description: 'Branded pens and a notepad',
          valuePence: rng.pick([250, 399, 500, 600]),
          donor: supplier(),
        };
      case 'patient_gift':
        return {
          ...plain,
          kind: 'gift',
          description: 'Box of chocolates after a patient group meeting',
          valuePence: rng.pick([650, 800, 999, 1000]),
          donor: {
            name: `${ctx.area} Patient Participation Group Network`,
            entity: null,
            isSupplierOrContractor: false,
          },
        };
      case 'speaker_gift':
        return {
          ...plain,
          kind: 'gift',
          description: 'Bottle of wine as thanks for speaking at a teaching day',
          valuePence: rng.pick([1001, 1050, 1500, 2500, 4500]),
          donor: { name: 'A university medical school', entity: null, isSupplierOrContractor: false },
          declared: true,
        };
      case 'declined_supplier_gift':
        return {
          ...plain,
          kind: 'gift',
          description: 'Christmas hamper (declined and returned)',
          valuePence: rng.pick([2000, 3500, 6000]),
          donor: provider(),
          accepted: false,
          declared: true,
        };
      case 'working_lunch':
        return {
          ...plain,
          kind: 'hospitality',
          description: 'Working lunch at a stakeholder event',
          valuePence: rng.pick([800, 1500, 2000, 2500]),
          donor: provider(),
        };
      case 'sponsored_dinner':
        return {
          ...plain,
          kind: 'hospitality',
          description: 'Dinner at a sponsored educational meeting',
          valuePence: rng.pick([2501, 3500, 4800, 7500]),
          donor: supplier(),
          declared: true,
        };
      case 'awards_dinner':
        return {
          ...plain,
          kind: 'hospitality',
          description: 'Place at a regional health awards dinner',
          valuePence: rng.pick([7501, 9500, 12000]),
          donor: provider(),
          declared: true,
          seniorApproval: true,
        };
      case 'voucher':
        return {
          ...plain,
          kind: 'gift',
          description: 'Store voucher from a patient’s family (declined)',
          valuePence: rng.pick([1000, 2500, 5000]),
          donor: { name: 'A patient’s family', entity: null, isSupplierOrContractor: false },
          cashOrVoucher: true,
          accepted: false,
          declared: true,
        };
    }
  };

  const entries: GiftHospitalityEntry[] = [];
  const add = (person: PersonDraft, d: Draft) => {
    const offeredOn = dateBetween(rng, maxDate(from, person.capacityStart), asAt);
    entries.push({
      entryId: `${ccg.code}-G${pad(entries.length + 1, 3)}`,
      personId: person.personId,
      kind: d.kind,
      description: d.description,
      offeredOn,
      valuePence: d.valuePence,
      donor: d.donor,
      cashOrVoucher: d.cashOrVoucher,
      accepted: d.accepted,
      declaredOn: d.declared ? minDate(addDays(offeredOn, rng.int(0, 14)), asAt) : null,
      seniorApprovalBy: d.seniorApproval
        ? person === ao
          ? `${chair.name} (chair)`
          : `${ao.name} (accountable officer)`
        : null,
    });
    return entries.at(-1)!;
  };

  // One entry per template per person, so no donor's gifts to one person add up past a threshold.
  // A full year of entries; fewer when the CCG has existed for only a few weeks by `asAt`.
  const used = new Set<string>();
  const days = daysBetween(from, asAt);
  const count = days >= 180 ? rng.int(3, 8) : days >= 30 ? rng.int(1, 4) : rng.int(0, 2);
  for (let k = 0; k < count; k++) {
    const person = rng.pick(recipients);
    const template = rng.pick(TEMPLATES);
    const key = `${person.personId}:${template}`;
    if (used.has(key)) continue;
    used.add(key);
    add(person, draft(template));
  }

  if (ctx.faults.has('undeclared_hospitality')) {
    const person = rng.pick(people.filter((p) => p.roles.length > 0));
    const entry = add(person, {
      kind: 'hospitality',
      description: 'Dinner after a supplier briefing on a new service model',
      valuePence: rng.pick([3000, 4200, 5500, 7000]),
      donor: supplier(),
      cashOrVoucher: false,
      accepted: true,
      declared: false,
      seniorApproval: false,
    });
    ctx.recordFault(
      'undeclared_hospitality',
      `Hospitality ${entry.entryId} worth £${(entry.valuePence / 100).toFixed(2)} from ${entry.donor.name} to ${person.name} (${person.personId}) on ${entry.offeredOn} was accepted but never declared`,
    );
  }
  return entries;
}
