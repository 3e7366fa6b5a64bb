/**
 * The register of interests of one CCG from its person drafts: the population (s14O(1)), the
 * declarations with their dates, and nil returns. Interests held on joining arise on the day the
 * person joins; everything is declared within 21 days, except the planted late declaration. The
 * register is reviewed every 30 April from 2013: entries are confirmed and nil returns renewed,
 * except for a planted person who missed the review, and one who never made a return.
 */
import type {
  InterestDeclaration,
  NilReturn,
  RegisterPopulationMember,
} from '../../modules/governance/model.ts';
import { addDays, daysBetween } from '../../modules/governance/rules/dates.ts';
import { type CcgContext, maxDate, minDate, type PersonDraft, pad } from './context.ts';

export interface SynthRegister {
  readonly population: RegisterPopulationMember[];
  readonly declarations: InterestDeclaration[];
  readonly nilReturns: NilReturn[];
}

/** The annual review dates (30 April from 2013) on or before `asAt`. */
export function reviewDates(asAt: string): string[] {
  const dates: string[] = [];
  for (let year = 2013; `${year}-04-30` <= asAt; year++) dates.push(`${year}-04-30`);
  return dates;
}

export function buildRegister(ctx: CcgContext, people: readonly PersonDraft[]): SynthRegister {
  const { rng, asAt } = ctx;
  const reviews = reviewDates(asAt);
  const population: RegisterPopulationMember[] = [];
  const declarations: InterestDeclaration[] = [];
  const nilReturns: NilReturn[] = [];
  const latestReviewFrom = (date: string) => reviews.filter((r) => r >= date).at(-1) ?? null;

  for (const p of people) {
    population.push({
      personId: p.personId,
      name: p.name,
      capacity: p.capacity,
      startDate: p.capacityStart,
      endDate: null,
    });
    if (p.register === 'no_return') continue;
    for (const interest of p.interests) {
      const declarationId = `${ctx.ccg.code}-D${pad(declarations.length + 1, 3)}`;
      let aroseOn: string;
      let declaredOn: string;
      if (interest.late) {
        ({ aroseOn, declaredOn } = interest.late);
        ctx.recordFault(
          'late_declaration',
          `Declaration ${declarationId} by ${p.name} (${p.personId}) was made on ${declaredOn}, ${daysBetween(aroseOn, declaredOn)} days after the interest arose on ${aroseOn}`,
        );
      } else {
        aroseOn = maxDate(interest.startDate, p.capacityStart);
        declaredOn =
          p.register === 'missed_review'
            ? addDays(aroseOn, rng.int(5, 20))
            : minDate(addDays(aroseOn, rng.int(0, 21)), asAt);
      }
      declarations.push({
        declarationId,
        declarant: { personId: p.personId, capacity: p.capacity },
        interestType: interest.interestType,
        description: interest.description,
        entity: interest.entity,
        aroseOn,
        declaredOn,
        startDate: interest.startDate,
        endDate: interest.endDate,
        confirmedOn: p.register === 'missed_review' ? null : latestReviewFrom(declaredOn),
      });
    }
    if (p.interests.length === 0) {
      const first = minDate(addDays(p.capacityStart, rng.int(0, 20)), asAt);
      nilReturns.push({ personId: p.personId, capacity: p.capacity, returnedOn: first });
      for (const review of reviews) {
        if (review > first)
          nilReturns.push({ personId: p.personId, capacity: p.capacity, returnedOn: review });
      }
    }
  }
  return { population, declarations, nilReturns };
}
