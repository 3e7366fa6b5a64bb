import type { Database } from '../../db/database.ts';
import type { SyntheticPatient } from './synthetic-patients.ts';

export interface PatientIdentity {
  readonly pseudonym: string;
  readonly nhsNumber: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
  readonly practiceCode: string;
  readonly synthetic: boolean;
}

export interface PseudonymisedPatient {
  readonly pseudonym: string;
  readonly practiceCode: string;
  readonly sex: 'male' | 'female';
  readonly yearOfBirth: number;
}

/** The only SQL for patient identities (synthetic only: the table refuses anything else). */
export class PatientRepository {
  constructor(private readonly db: Database) {}

  /** Idempotent: the pseudonym follows the NHS number under the current key. */
  async upsertSynthetic(
    patients: readonly (SyntheticPatient & { pseudonym: string })[],
    source: string,
  ): Promise<number> {
    if (patients.length === 0) return 0;
    const practices = new Set(
      (
        await this.db
          .selectFrom('organisation')
          .select('code')
          .where(
            'code',
            'in',
            patients.map((p) => p.practiceCode),
          )
          .execute()
      ).map((r) => r.code),
    );
    const rows = patients.filter((p) => practices.has(p.practiceCode));
    if (rows.length === 0) return 0;
    await this.db
      .insertInto('patient_identity')
      .values(
        rows.map((p) => ({
          pseudonym: p.pseudonym,
          nhs_number: p.nhsNumber,
          given_name: p.givenName,
          family_name: p.familyName,
          birth_date: p.birthDate,
          sex: p.sex,
          practice_code: p.practiceCode,
          source,
        })),
      )
      .onConflict((oc) =>
        oc.column('nhs_number').doUpdateSet((eb) => ({
          pseudonym: eb.ref('excluded.pseudonym'),
          practice_code: eb.ref('excluded.practice_code'),
        })),
      )
      .execute();
    return rows.length;
  }

  async registeredPractice(pseudonym: string): Promise<string | null> {
    const r = await this.db
      .selectFrom('patient_identity')
      .select('practice_code')
      .where('pseudonym', '=', pseudonym)
      .executeTakeFirst();
    return r?.practice_code ?? null;
  }

  async identity(pseudonym: string): Promise<PatientIdentity | undefined> {
    const r = await this.db
      .selectFrom('patient_identity')
      .selectAll()
      .where('pseudonym', '=', pseudonym)
      .executeTakeFirst();
    return (
      r && {
        pseudonym: r.pseudonym,
        nhsNumber: r.nhs_number,
        givenName: r.given_name,
        familyName: r.family_name,
        birthDate: r.birth_date,
        sex: r.sex,
        practiceCode: r.practice_code,
        synthetic: r.synthetic,
      }
    );
  }

  /** Patients registered on `asAt` at practices that are members of the CCG: its responsible population. */
  async responsiblePopulation(ccgCode: string, asAt: string): Promise<PseudonymisedPatient[]> {
    const rows = await this.db
      .selectFrom('patient_identity as p')
      .innerJoin('relationship as r', (j) =>
        j
          .onRef('r.from_code', '=', 'p.practice_code')
          .on('r.kind', '=', 'member_of')
          .on('r.to_code', '=', ccgCode),
      )
      .select(['p.pseudonym', 'p.practice_code', 'p.sex', 'p.birth_date'])
      .where('r.start_date', '<=', asAt)
      .where((eb) => eb.or([eb('r.end_date', 'is', null), eb('r.end_date', '>=', asAt)]))
      .orderBy('p.practice_code')
      .orderBy('p.pseudonym')
      .execute();
    return rows.map((r) => ({
      pseudonym: r.pseudonym,
      practiceCode: r.practice_code,
      sex: r.sex,
      yearOfBirth: Number(r.birth_date.slice(0, 4)),
    }));
  }
}
