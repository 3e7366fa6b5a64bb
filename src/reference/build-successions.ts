import { REFERENCE_FILES as F } from './files.ts';
import { dayBefore, type RegistrySnapshot, relationship } from './snapshot.ts';

/**
 * Successor links between CCGs, derived from the ODS files: when a CCG closed and every member practice
 * that moved on the next day joined the same CCG, already open, that CCG succeeded it (e.g. 00F, 00G
 * and 00H → 13T Newcastle Gateshead on 1 April 2015; ODS registered 13T in November 2014).
 */
export function buildSuccessions(s: RegistrySnapshot): void {
  const members = s.relationships.filter((r) => r.kind === 'member_of');
  const nextOf = new Map<string, { toCode: string; startDate: string }[]>();
  for (const m of members) nextOf.set(m.fromCode, [...(nextOf.get(m.fromCode) ?? []), m]);

  for (const ccg of s.organisations.values()) {
    if (ccg.orgType !== 'ccg' || !ccg.closeDate) continue;
    const ending = members.filter((m) => m.toCode === ccg.code && m.endDate === ccg.closeDate);
    // Practices that closed with the CCG have no next membership and say nothing about succession.
    const moves = ending.flatMap(
      (m) => nextOf.get(m.fromCode)?.filter((n) => dayBefore(n.startDate) === ccg.closeDate) ?? [],
    );
    const successors = new Set(moves.map((n) => n.toCode));
    const [successor] = successors;
    if (moves.length === 0 || successors.size !== 1 || !successor) continue;
    const opened = s.organisations.get(successor);
    const moveDate = moves[0]!.startDate;
    if (opened?.orgType !== 'ccg' || (opened.openDate && opened.openDate > moveDate)) continue;
    s.addRelationship(
      relationship({
        kind: 'successor_of',
        fromCode: successor,
        toCode: ccg.code,
        startDate: moveDate,
        source: `${F.eccg}; ${F.epraccur}`,
        provenanceNote: `Derived: ${ccg.code} closed ${ccg.closeDate} and all ${moves.length} of its practices that moved on ${moveDate} joined ${successor}.`,
      }),
    );
  }
}
