import type { AgeBand, Organisation, Relationship, Sex } from '../modules/organisations/model.ts';

export type SnapshotRelationship = Omit<Relationship, 'eventId'>;

export interface SnapshotListSize {
  readonly practiceCode: string;
  readonly quarterStart: string;
  readonly quarterEnd: string;
  readonly sex: Sex;
  readonly ageBand: AgeBand;
  readonly patients: number;
}

export interface SnapshotAreaAssignment {
  readonly lsoaCode: string;
  readonly lsoaName: string;
  readonly ccgCodes: readonly string[];
  readonly ladCode: string;
  readonly ladName: string;
  readonly utlaCode: string;
  readonly note: string | null;
  readonly source: string;
}

export interface SnapshotBoundarySet {
  readonly code: string;
  readonly objectName: string;
  readonly topology: Record<string, unknown>;
  readonly source: string;
}

/** Everything the reference import writes, built in memory first so a failure writes nothing. */
export class RegistrySnapshot {
  readonly organisations = new Map<string, Organisation>();
  readonly relationships: SnapshotRelationship[] = [];
  readonly listSizes: SnapshotListSize[] = [];
  readonly areaAssignments: SnapshotAreaAssignment[] = [];
  readonly boundaries: SnapshotBoundarySet[] = [];
  private readonly relationshipKeys = new Set<string>();

  addOrganisation(org: Organisation): void {
    if (this.organisations.has(org.code)) {
      throw new Error(`organisation code ${org.code} is used twice (${org.orgType} from ${org.source})`);
    }
    this.organisations.set(org.code, org);
  }

  addRelationship(rel: SnapshotRelationship): void {
    for (const code of [rel.fromCode, rel.toCode]) {
      if (!this.organisations.has(code))
        throw new Error(`${rel.kind} refers to unknown organisation ${code}`);
    }
    const key = `${rel.kind}|${rel.fromCode}|${rel.toCode}|${rel.startDate}`;
    if (this.relationshipKeys.has(key)) return;
    this.relationshipKeys.add(key);
    this.relationships.push(rel);
  }
}

/** Fills in the optional columns of an organisation. */
export function organisation(
  fields: Pick<Organisation, 'code' | 'orgType' | 'name' | 'source'> & Partial<Organisation>,
): Organisation {
  return {
    shortName: null,
    onsCode: null,
    postcode: null,
    openDate: null,
    closeDate: null,
    provenance: 'sourced',
    provenanceNote: null,
    attributes: {},
    ...fields,
  };
}

export function relationship(
  fields: Pick<SnapshotRelationship, 'kind' | 'fromCode' | 'toCode' | 'startDate' | 'source'> &
    Partial<SnapshotRelationship>,
): SnapshotRelationship {
  return { endDate: null, share: null, provenance: 'sourced', provenanceNote: null, ...fields };
}

export { dayBefore } from '../modules/organisations/rules/structural-events.ts';

/** "Kent, Surrey and Sussex (South East Coast)" → "KENT-SURREY-AND-SUSSEX-SOUTH-EAST-COAST". */
export function slug(text: string): string {
  return text
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
