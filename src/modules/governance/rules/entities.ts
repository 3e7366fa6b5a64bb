/**
 * Exact matching of the entities interests, agenda items and donors name. Codes and company numbers
 * are compared after normalising case and whitespace; a service only on its whole normalised name.
 * Nothing ever matches on part of a name.
 */
import type { EntityRef } from '../model.ts';

/** An ODS code, upper-cased with all whitespace removed; `null` when nothing is left. */
export function normaliseOrganisationCode(code: string): string | null {
  const normalised = code.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z0-9]+$/.test(normalised) ? normalised : null;
}

/**
 * A Companies House number as its canonical 8 characters: all digits are zero-padded
 * (`1234567` → `01234567`); a two-letter prefix keeps its letters and pads the digits (`SC12345` →
 * `SC012345`). `null` when it cannot be a company number.
 */
export function normaliseCompanyNumber(companyNumber: string): string | null {
  const value = companyNumber.replace(/\s+/g, '').toUpperCase();
  if (/^\d{1,8}$/.test(value)) return value.padStart(8, '0');
  const prefixed = /^([A-Z]{2})(\d{1,6})$/.exec(value);
  return prefixed ? `${prefixed[1]}${prefixed[2]!.padStart(6, '0')}` : null;
}

const normaliseServiceName = (name: string): string | null =>
  name.trim().replace(/\s+/g, ' ').toLowerCase() || null;

/** A key equal for two references to the same entity; `null` when the reference cannot be read. */
export function entityKey(entity: EntityRef): string | null {
  switch (entity.kind) {
    case 'organisation': {
      const code = normaliseOrganisationCode(entity.code);
      return code && `organisation:${code}`;
    }
    case 'company': {
      const number = normaliseCompanyNumber(entity.companyNumber);
      return number && `company:${number}`;
    }
    case 'service': {
      const name = normaliseServiceName(entity.name);
      return name && `service:${name}`;
    }
  }
}

/** Whether two references name the same entity (never true when either cannot be read). */
export function sameEntity(a: EntityRef, b: EntityRef): boolean {
  const key = entityKey(a);
  return key !== null && key === entityKey(b);
}

/** The entity as a reader would name it, in its normalised form where it has one. */
export function describeEntity(entity: EntityRef): string {
  switch (entity.kind) {
    case 'organisation':
      return `organisation ${normaliseOrganisationCode(entity.code) ?? entity.code}`;
    case 'company':
      return `company ${normaliseCompanyNumber(entity.companyNumber) ?? entity.companyNumber}`;
    case 'service':
      return `service "${entity.name.trim()}"`;
  }
}
