/**
 * Some CCGs shared a nurse or a consultant across governing bodies (REFERENCE.md §1.7, Pulse "CCGs
 * share consultants and nurses"). Neighbours (CCGs whose first local authority is the same) are
 * paired in input order; a pair may share its secondary care doctor, its nurse, or both, unless either
 * CCG has a planted fault in that place. The shared clinician works for a trust neither CCG
 * commissions from.
 */
import type { OrganisationKind } from '../../modules/governance/model.ts';
import { CONSULTANT_SPECIALTIES, createNamer } from '../names.ts';
import { createRng } from '../random.ts';
import { fullNameOf, outOfAreaPicker, type SharedClinicians } from './context.ts';
import type { FaultKind } from './faults.ts';
import type { SynthCcg } from './types.ts';

const NURSE_FAULTS: readonly FaultKind[] = ['no_registered_nurse', 'nurse_tied_to_commissioned_provider'];
const DOCTOR_FAULTS: readonly FaultKind[] = [
  'no_secondary_care_doctor',
  'doctor_tied_to_commissioned_provider',
];

export function planSharedClinicians(
  seed: string,
  ccgs: readonly SynthCcg[],
  faults: readonly ReadonlySet<FaultKind>[],
  universe: readonly string[],
  orgName: (code: string, fallback: string) => string,
  trustKind: (code: string) => OrganisationKind,
): SharedClinicians[] {
  const plan: { doctor: SharedClinicians['doctor']; nurse: SharedClinicians['nurse'] }[] = ccgs.map(() => ({
    doctor: null,
    nurse: null,
  }));
  const groups = new Map<string, number[]>();
  ccgs.forEach((ccg, i) => {
    const la = ccg.localAuthorityNames[0]?.trim().toLowerCase();
    if (!la) return;
    groups.set(la, [...(groups.get(la) ?? []), i]);
  });
  const clear = (i: number, kinds: readonly FaultKind[]) => !kinds.some((k) => faults[i]!.has(k));
  for (const members of groups.values()) {
    for (let p = 0; p + 1 < members.length; p += 2) {
      const a = members[p]!;
      const b = members[p + 1]!;
      const [ccgA, ccgB] = [ccgs[a]!, ccgs[b]!];
      const rng = createRng(seed, 'shared', ccgA.code, ccgB.code);
      const namer = createNamer(rng);
      const exclude = new Set([...ccgA.commissionedProviderCodes, ...ccgB.commissionedProviderCodes]);
      const employer = outOfAreaPicker(universe, exclude, orgName, trustKind);
      const shareDoctor = rng.chance(0.35) && clear(a, DOCTOR_FAULTS) && clear(b, DOCTOR_FAULTS);
      const shareNurse = rng.chance(0.2) && clear(a, NURSE_FAULTS) && clear(b, NURSE_FAULTS);
      if (shareDoctor) {
        const base = {
          name: namer.next('Dr'),
          employer: employer(rng),
          detail: rng.pick(CONSULTANT_SPECIALTIES),
        };
        plan[a]!.doctor = { ...base, otherCcgCode: ccgB.code, otherCcgName: fullNameOf(ccgB.name) };
        plan[b]!.doctor = { ...base, otherCcgCode: ccgA.code, otherCcgName: fullNameOf(ccgA.name) };
      }
      if (shareNurse) {
        const base = {
          name: namer.next(),
          employer: employer(rng),
          detail: rng.pick(['Director of Nursing', 'Deputy Director of Nursing', 'Head of Patient Safety']),
        };
        plan[a]!.nurse = { ...base, otherCcgCode: ccgB.code, otherCcgName: fullNameOf(ccgB.name) };
        plan[b]!.nurse = { ...base, otherCcgCode: ccgA.code, otherCcgName: fullNameOf(ccgA.name) };
      }
    }
  }
  return plan;
}
