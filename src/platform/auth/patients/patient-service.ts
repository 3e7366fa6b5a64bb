import { AppError } from '../../errors.ts';
import type { Pseudonymiser } from '../pseudonymiser.ts';
import type { PatientIdentity, PatientRepository, PseudonymisedPatient } from './patient-repository.ts';
import { SYNTHETIC_PATIENT_SOURCE, SYNTHETIC_PATIENTS } from './synthetic-patients.ts';

export const SYNTHETIC_NOTICE =
  'SYNTHETIC: a made-up demo patient, not a real person. The NHS number is in the 999 test range, which is never issued.';

/**
 * Patient identities and re-identification. Access is decided before any call here (by the policy:
 * pseudonymised data for the responsible CCG and the Board; identifiable data for the patient's own
 * practice only); every re-identification is audited by the HTTP layer before the answer leaves.
 */
export class PatientService {
  constructor(
    private readonly patients: PatientRepository,
    private readonly pseudonymiser: Pseudonymiser,
  ) {}

  /** Seeds the synthetic demo patients (idempotent); returns how many are registered at known practices. */
  seedSynthetic(): Promise<number> {
    return this.patients.upsertSynthetic(
      SYNTHETIC_PATIENTS.map((p) => ({ ...p, pseudonym: this.pseudonymiser.patient(p.nhsNumber) })),
      SYNTHETIC_PATIENT_SOURCE,
    );
  }

  /** The patient's registered practice: the owner of their identifiable record. */
  registeredPractice(pseudonym: string): Promise<string | null> {
    return this.patients.registeredPractice(pseudonym);
  }

  async reidentify(pseudonym: string): Promise<PatientIdentity & { notice: string }> {
    const identity = await this.patients.identity(pseudonym);
    if (!identity) throw AppError.notFound('Patient', 'body.pseudonym');
    return { ...identity, notice: SYNTHETIC_NOTICE };
  }

  responsiblePopulation(ccgCode: string, asAt: string): Promise<PseudonymisedPatient[]> {
    return this.patients.responsiblePopulation(ccgCode, asAt);
  }
}
