import type { ReactNode } from 'react';

export interface Fact {
  readonly label: string;
  readonly value: ReactNode;
  /** Leave the row out (e.g. a field the organisation does not have). */
  readonly hidden?: boolean;
}

/** Key facts as a description list laid out in a grid. */
export function FactList({ facts }: { readonly facts: readonly Fact[] }) {
  return (
    <dl className="facts">
      {facts
        .filter((f) => !f.hidden)
        .map((f) => (
          <div className="facts__row" key={f.label}>
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
    </dl>
  );
}
