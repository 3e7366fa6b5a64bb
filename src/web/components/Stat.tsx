import type { ReactNode } from 'react';

/** One figure of a `<dl className="stats">` row: its label over the figure, coloured by tone. */
export function Stat({
  label,
  testId,
  tone,
  children,
}: {
  readonly label: ReactNode;
  /** data-testid of the figure, for tests that read it. */
  readonly testId?: string;
  readonly tone?: 'ok' | 'warning' | 'error';
  /** The figure, formatted. */
  readonly children: ReactNode;
}) {
  return (
    <div className={tone ? `stat stat--${tone}` : 'stat'}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </div>
  );
}
