import { GO_LIVE } from './build-hierarchy.ts';
import { titleCase } from './fields.ts';
import { REFERENCE_FILES as F } from './files.ts';
import type { ParsedReference } from './parse-reference.ts';
import type { Quarantine } from './quarantine.ts';
import { dayBefore, organisation, type RegistrySnapshot, relationship } from './snapshot.ts';

/** The 2012 lookup is the only dated source for PCT→SHA; earlier history is not held. */
const LOOKUP_VINTAGE = '2012-04-01';

/** PCTs and SHAs, abolished on 31 March 2013 (REFERENCE.md §13 [C]), for transition history. */
export function buildHistory(p: ParsedReference, s: RegistrySnapshot, q: Quarantine): void {
  const abolished = dayBefore(GO_LIVE);
  for (const sha of p.sha) {
    s.addOrganisation(
      organisation({
        code: sha.odsCode,
        orgType: 'sha',
        name: `${sha.name} Strategic Health Authority`,
        shortName: sha.name,
        onsCode: sha.onsCode,
        closeDate: abolished,
        source: F.sha,
      }),
    );
  }
  for (const pct of p.pct) {
    if (s.organisations.has(pct.odsCode)) {
      q.reject(F.pct, pct.line, `PCT code ${pct.odsCode} is already used by another organisation`);
      continue;
    }
    s.addOrganisation(
      organisation({
        code: pct.odsCode,
        orgType: 'pct',
        name: titleCase(pct.name),
        onsCode: pct.onsCode,
        closeDate: abolished,
        source: F.pct,
      }),
    );
  }
  for (const link of p.pctSha) {
    if (!s.organisations.has(link.pctCode) || !s.organisations.has(link.shaCode)) {
      q.reject(
        F.pctSha,
        link.line,
        `PCT ${link.pctCode} or SHA ${link.shaCode} is not in ${F.pct} / ${F.sha}`,
      );
      continue;
    }
    s.addRelationship(
      relationship({
        kind: 'part_of',
        fromCode: link.pctCode,
        toCode: link.shaCode,
        startDate: LOOKUP_VINTAGE,
        endDate: abolished,
        source: F.pctSha,
        provenanceNote:
          'As published in the 2012 ONS lookup; the start date is the lookup’s vintage, not the PCT’s.',
      }),
    );
  }
}
