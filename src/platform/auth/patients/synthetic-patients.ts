import { syntheticNhsNumber } from './nhs-number.ts';

/**
 * A handful of SYNTHETIC demo patients (issue #3), registered at real practices, so the
 * re-identification path can be exercised for real before the synthetic population exists. The names
 * say they are synthetic; the NHS numbers are in the never-issued 999 test range.
 */
export interface SyntheticPatient {
  readonly nhsNumber: string;
  readonly givenName: string;
  readonly familyName: string;
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
  readonly practiceCode: string;
}

const SPEC: readonly Omit<SyntheticPatient, 'nhsNumber' | 'givenName' | 'familyName'>[] = [
  // Darlington CCG (00C): Whinfield Medical Practice and Orchard Court Surgery
  { practiceCode: 'A83005', birthDate: '1946-03-14', sex: 'female' },
  { practiceCode: 'A83005', birthDate: '1979-11-02', sex: 'male' },
  { practiceCode: 'A83006', birthDate: '1958-07-21', sex: 'male' },
  // Durham Dales, Easington and Sedgefield CCG (00D): St Andrew's Medical Practice
  { practiceCode: 'A83001', birthDate: '1932-01-09', sex: 'female' },
  { practiceCode: 'A83001', birthDate: '2004-05-30', sex: 'male' },
  // Islington CCG (08H): River Place Health Centre
  { practiceCode: 'F83002', birthDate: '1988-09-17', sex: 'female' },
];

export const SYNTHETIC_PATIENT_SOURCE = 'synthetic demo patient (issue #3); not a real person';

export const SYNTHETIC_PATIENTS: readonly SyntheticPatient[] = SPEC.map((p, i) => ({
  ...p,
  nhsNumber: syntheticNhsNumber(i),
  givenName: 'SYNTHETIC',
  familyName: `DEMO-PATIENT-${String(i + 1).padStart(2, '0')}`,
}));
