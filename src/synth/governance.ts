/**
 * Synthetic governance demo data for every CCG, deterministic from a seed: a governing body, the
 * register of interests (declarations and nil returns), gifts and hospitality, upcoming meetings with
 * agendas about the CCG's real providers and practices, and a constitution. A handful of CCGs get
 * deliberate faults, each listed with the rule id the checks should report, so a compliance view
 * shows real findings (e.g. no registered nurse in the wave 1 CCGs that had none).
 *
 * Same seed and input: deep-equal output. Everything here is synthetic and must be labelled so.
 */
export { governingBodyInput, meetingConflictInput, registerOfInterests } from './governance/adapters.ts';
export {
  FAULT_KINDS,
  FAULT_RULE_IDS,
  type FaultKind,
  isWave1NoNurse,
  WAVE_1_NO_NURSE,
} from './governance/faults.ts';
export { EARLIEST_AS_AT, generateGovernance } from './governance/generate.ts';
export type {
  CcgGovernanceSeed,
  GovernanceSeed,
  GovernanceSynthInput,
  PlantedFault,
  SynthCcg,
  SynthCommittee,
  SynthConstitution,
  SynthMeeting,
  SynthMeetingAttendee,
  SynthMeetingBody,
} from './governance/types.ts';
