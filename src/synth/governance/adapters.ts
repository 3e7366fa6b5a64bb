/**
 * The generated data in the shapes the governance rules take: a governing body input, a register of
 * interests, and a meeting conflict input (attendees joined to their names and declarations).
 */
import type {
  GoverningBodyInput,
  MeetingConflictInput,
  RegisterOfInterests,
} from '../../modules/governance/model.ts';
import type { CcgGovernanceSeed, SynthCcg, SynthMeeting } from './types.ts';

export function governingBodyInput(ccg: SynthCcg, seed: CcgGovernanceSeed): GoverningBodyInput {
  return {
    ccgCode: seed.ccgCode,
    people: seed.people,
    context: {
      commissionedProviderCodes: ccg.commissionedProviderCodes,
      memberPracticeCodes: ccg.memberPracticeCodes,
    },
  };
}

export function registerOfInterests(seed: CcgGovernanceSeed): RegisterOfInterests {
  return { population: seed.population, declarations: seed.declarations, nilReturns: seed.nilReturns };
}

export function meetingConflictInput(seed: CcgGovernanceSeed, meeting: SynthMeeting): MeetingConflictInput {
  const nameOf = new Map(seed.people.map((p) => [p.personId, p.name]));
  return {
    meeting: {
      meetingId: meeting.meetingId,
      date: meeting.date,
      part: meeting.part,
      chairPersonId: meeting.chairPersonId,
      deputyChairPersonId: meeting.deputyChairPersonId,
    },
    agendaItems: meeting.agendaItems,
    attendees: meeting.attendees.map((a) => ({
      personId: a.personId,
      name: nameOf.get(a.personId) ?? a.personId,
      voting: a.voting,
      categories: a.categories,
      declarations: seed.declarations.filter((d) => d.declarant.personId === a.personId),
    })),
    quorum: meeting.quorum,
  };
}
