/**
 * Built-in word lists for synthetic people and organisations. Every person in the synthetic data is
 * named from FIRST_NAMES × LAST_NAMES: invented combinations, not real people. Company numbers begin
 * "99", a range Companies House has not issued, so they cannot name a real company.
 */
import type { Rng } from './random.ts';

export const FIRST_NAMES = [
  'Ada',
  'Alaric',
  'Anwen',
  'Bartholomew',
  'Bronwen',
  'Caspian',
  'Cerys',
  'Cordelia',
  'Dafydd',
  'Delphine',
  'Eamon',
  'Elowen',
  'Ezra',
  'Fenella',
  'Florian',
  'Gideon',
  'Greer',
  'Hamish',
  'Honora',
  'Idris',
  'Imogen',
  'Jago',
  'Juniper',
  'Kit',
  'Lavinia',
  'Leopold',
  'Linnea',
  'Magnus',
  'Marigold',
  'Nerys',
  'Niamh',
  'Orson',
  'Ottilie',
  'Peregrine',
  'Philippa',
  'Quentin',
  'Rosalind',
  'Rufus',
  'Saffron',
  'Seren',
  'Tamsin',
  'Thaddeus',
  'Ursula',
  'Valentine',
  'Wilhelmina',
  'Wystan',
  'Xanthe',
  'Yorick',
  'Zadie',
  'Zephyr',
] as const;

export const LAST_NAMES = [
  'Abernethy-Vale',
  'Ashcombe',
  'Bellwether',
  'Blackthorne',
  'Brackenridge',
  'Carrowmore',
  'Crabtree-Lyle',
  'Dunsford',
  'Elderfield',
  'Farthingale',
  'Fennimore',
  'Gorringe',
  'Greythorn',
  'Hartswood',
  'Hazeldene',
  'Inglewood',
  'Jessamy',
  'Kestrelford',
  'Larkspur',
  'Lockhaven',
  'Marchbank',
  'Merriweather',
  'Nettlebury',
  'Oakenshaw',
  'Pendragon-Hale',
  'Penhallow',
  'Quillfeather',
  'Ravensworth',
  'Rookwood',
  'Saltonstall',
  'Sparrowhawk',
  'Thistlewood',
  'Tregothnan',
  'Umberleigh',
  'Vantongeren',
  'Wetherby-Cole',
  'Whitlock-Stone',
  'Willoughby-Ash',
  'Wrenfield',
  'Yarrowby',
] as const;

/** Hands out person names that are unique within one namer (one CCG). */
export interface Namer {
  /** A new name; `title` ('Dr') is put in front. */
  next(title?: string): string;
  /** Marks a name as taken (e.g. a member shared with another CCG). */
  reserve(name: string): void;
}

export function createNamer(rng: Rng): Namer {
  const taken = new Set<string>();
  const plain = (name: string) => name.replace(/^Dr /, '');
  return {
    next(title) {
      for (let attempt = 0; ; attempt++) {
        const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
        if (!taken.has(name) || attempt > 200) {
          taken.add(name);
          return title ? `${title} ${name}` : name;
        }
      }
    },
    reserve(name) {
      taken.add(plain(name));
    },
  };
}

/** Whether `name` (with or without a "Dr " title) is made from the built-in lists. */
export function isSyntheticPersonName(name: string): boolean {
  const plain = name.replace(/^Dr /, '');
  return FIRST_NAMES.some(
    (first) =>
      plain.startsWith(`${first} `) &&
      (LAST_NAMES as readonly string[]).includes(plain.slice(first.length + 1)),
  );
}

/** Synthetic national suppliers (pharmaceutical and medical technology), with reserved company numbers. */
export const SUPPLIERS = [
  { name: 'Corvantis Pharmaceuticals UK Ltd', companyNumber: '99990001' },
  { name: 'Meridale Healthcare Ltd', companyNumber: '99990002' },
  { name: 'Halvergate Medical Devices Ltd', companyNumber: '99990003' },
  { name: 'Pellucid Biologics (UK) Ltd', companyNumber: '99990004' },
  { name: 'Stourhaven Generics Ltd', companyNumber: '99990005' },
] as const;

export const CONSULTANT_SPECIALTIES = [
  'cardiology',
  'respiratory medicine',
  'general surgery',
  'anaesthetics',
  'geriatric medicine',
  'obstetrics and gynaecology',
  'paediatrics',
  'psychiatry',
  'diabetes and endocrinology',
  'emergency medicine',
] as const;

export const GPWSI_INTERESTS = [
  'dermatology',
  'musculoskeletal medicine',
  'ophthalmology',
  'ENT',
  'urology',
] as const;

export const COMMUNITY_SERVICES = [
  'Community nursing',
  'Musculoskeletal physiotherapy',
  'Community diabetes',
  'Wheelchair services',
  'Intermediate care beds',
  'Adult hearing services',
  'Non-obstetric ultrasound',
  'Anticoagulation monitoring',
] as const;

export const DIAGNOSTIC_SERVICES = [
  'Non-obstetric ultrasound',
  'Direct-access MRI',
  'Echocardiography',
] as const;
