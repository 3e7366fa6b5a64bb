import { type ActivityReference, ccgOnDate, residenceCcg } from '../reference-tables.ts';
import type { WhoPaysLookups } from './rules/model.ts';

/** The rules' look-ups over the activity reference tables (the same facts as ref_practice, ref_lsoa, ref_ccg). */
export function lookupsFromReference(ref: ActivityReference): WhoPaysLookups {
  const practices = new Map(ref.practices.map((p) => [p.code, p.memberships]));
  const lsoas = new Map(
    ref.lsoas.map((l) => [
      l.lsoaCode,
      { ccgCode: residenceCcg(l), ccgCodes: l.ccgCodes, utlaCode: l.utlaCode },
    ]),
  );
  const ccgs = new Set(ref.ccgs.map((c) => c.code));
  return {
    practice: (code, date) => {
      const memberships = practices.get(code);
      return memberships && { ccgCode: ccgOnDate(memberships, date) };
    },
    lsoa: (code) => lsoas.get(code),
    isCcg: (code) => ccgs.has(code),
  };
}
