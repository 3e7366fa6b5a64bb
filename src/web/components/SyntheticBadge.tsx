/**
 * Labels generated demo data (people, interests, meetings that never existed), so nobody mistakes it
 * for a real record. The note shows as a tooltip and is read out by screen readers.
 */
export function SyntheticBadge({ note }: { readonly note?: string }) {
  const text =
    note ?? 'Generated demo data: the people, interests and meetings are invented, not real NHS records.';
  return (
    <span className="badge badge--synthetic" title={text} data-testid="synthetic-badge">
      Synthetic
      <span className="sr-only">: {text}</span>
    </span>
  );
}
