import type { OrgType, RelatedOrganisation, RelationshipKind } from '../../modules/organisations/model.ts';
import { ORG_TYPE_LABELS } from '../../modules/organisations/model.ts';

/** The page that shows an organisation best: CCGs and practices have their own profiles. */
export function orgPath(code: string, orgType: OrgType | string | null | undefined): string {
  const segment = encodeURIComponent(code);
  if (orgType === 'ccg') return `/ccg/${segment}`;
  if (orgType === 'gp_practice') return `/practice/${segment}`;
  return `/org/${segment}`;
}

export function orgTypeLabel(orgType: OrgType | string): string {
  return (ORG_TYPE_LABELS as Record<string, string>)[orgType] ?? orgType;
}

const RELATIONSHIP_LABELS: Record<RelationshipKind, { outgoing: string; incoming: string }> = {
  member_of: { outgoing: 'Member of', incoming: 'Member practice' },
  in_area_team: { outgoing: 'In area team', incoming: 'CCG in this area team' },
  in_region: { outgoing: 'In region', incoming: 'Area team in this region' },
  part_of: { outgoing: 'Part of', incoming: 'Has as part' },
  overlaps_hwb: { outgoing: 'Overlaps HWB area', incoming: 'Overlapping CCG' },
  supports: { outgoing: 'Supports', incoming: 'Supported by' },
  covers: { outgoing: 'Covers', incoming: 'Covered by' },
  hosted_by: { outgoing: 'Hosted by', incoming: 'Hosts' },
  healthwatch_for: { outgoing: 'Local Healthwatch for', incoming: 'Local Healthwatch' },
  successor_of: { outgoing: 'Successor of', incoming: 'Succeeded by' },
};

/** How the relationship reads from this organisation's side, e.g. "Supported by". */
export function relationshipLabel(r: Pick<RelatedOrganisation, 'kind' | 'direction'>): string {
  const labels = (RELATIONSHIP_LABELS as Record<string, { outgoing: string; incoming: string }>)[r.kind];
  return labels ? labels[r.direction] : `${r.kind} (${r.direction})`;
}
