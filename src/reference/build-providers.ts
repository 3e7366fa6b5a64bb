import { titleCase } from './fields.ts';
import { REFERENCE_FILES as F } from './files.ts';
import type { ParsedReference } from './parse-reference.ts';
import { organisation, type RegistrySnapshot } from './snapshot.ts';

/**
 * NHS trusts and foundation trusts from the ODS etr extract. It is a late-2015 snapshot: trusts that
 * closed between April 2013 and 2015 are missing, and trusts opened since appear with their open
 * dates, so "as at" queries exclude them (SOURCES.md, trusts/).
 */
export function buildProviders(p: ParsedReference, s: RegistrySnapshot): void {
  for (const t of p.etr) {
    if (s.organisations.has(t.code)) continue;
    s.addOrganisation(
      organisation({
        code: t.code,
        orgType: /FOUNDATION TRUST/.test(t.name) ? 'provider_foundation_trust' : 'provider_nhs_trust',
        name: titleCase(t.name),
        postcode: t.postcode || null,
        openDate: t.openDate,
        closeDate: t.closeDate,
        source: F.etr,
        provenanceNote:
          'From the ODS etr extract of about late 2015: trusts that closed between April 2013 and 2015 are missing.',
        attributes: { address: t.address, publishedName: t.name },
      }),
    );
  }
}
