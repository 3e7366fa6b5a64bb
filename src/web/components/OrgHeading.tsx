import type { Organisation } from '../lib/api-types.ts';
import { formatDate } from '../lib/format.ts';
import { orgTypeLabel } from '../lib/org-links.ts';
import { ProvenanceBadge } from './ProvenanceBadge.tsx';
import { Notice } from './Status.tsx';

/** The page heading for an organisation: name, type, provenance, and whether it is in force on the date. */
export function OrgHeading({
  organisation: o,
  asAt,
}: {
  readonly organisation: Organisation;
  readonly asAt: string;
}) {
  const notYetOpen = o.openDate !== null && o.openDate > asAt;
  const closed = o.closeDate !== null && o.closeDate < asAt;
  return (
    <>
      <p className="eyebrow">
        {orgTypeLabel(o.orgType)} · <span className="code">{o.code}</span>
      </p>
      <h1 className="org-title">
        {o.name} <ProvenanceBadge provenance={o.provenance} note={o.provenanceNote} />
      </h1>
      {notYetOpen && (
        <Notice tone="warning" title="Not yet open on this date">
          {o.name} opened on {formatDate(o.openDate)}, after the as-at date {formatDate(asAt)}.
        </Notice>
      )}
      {closed && (
        <Notice tone="warning" title="Closed on this date">
          {o.name} closed on {formatDate(o.closeDate)}, before the as-at date {formatDate(asAt)}.
        </Notice>
      )}
    </>
  );
}
