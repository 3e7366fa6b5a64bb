import type { ReactNode } from 'react';

/**
 * One domain of the authorisation criteria: its heading over a table of its criteria, which scrolls
 * sideways on a narrow screen.
 */
export function DomainSection({
  id,
  heading,
  headers,
  children,
}: {
  /** Id of the heading, which names the section and the table. */
  readonly id: string;
  readonly heading: ReactNode;
  /** The column headers, left to right. */
  readonly headers: readonly string[];
  /** The table's rows. */
  readonly children: ReactNode;
}) {
  return (
    <section className="readiness-domain" aria-labelledby={id}>
      <h3 id={id}>{heading}</h3>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="table-scroll" tabIndex={0} aria-labelledby={id}>
        <table>
          <thead>
            <tr>
              {headers.map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{children}</tbody>
        </table>
      </section>
    </section>
  );
}
