import type { Provenance } from '../../modules/organisations/model.ts';

/**
 * Labels anything completed by a documented mapping rather than taken from a cited source. The note
 * shows as a tooltip and is read out by screen readers.
 */
export function ProvenanceBadge({
  provenance,
  note,
}: {
  readonly provenance: Provenance;
  readonly note?: string | null;
}) {
  if (provenance !== 'illustrative') return null;
  const text = note || 'Completed by a documented mapping, not taken from a published source.';
  return (
    <span className="badge badge--illustrative" title={text}>
      Illustrative
      <span className="sr-only">: {text}</span>
    </span>
  );
}
