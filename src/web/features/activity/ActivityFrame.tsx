import type { ReactNode } from 'react';
import { Breadcrumbs, type Crumb } from '../../components/Breadcrumbs.tsx';
import { Link } from '../../components/Link.tsx';
import { useTitle } from '../../components/use-title.ts';
import { seg } from '../../lib/api.ts';
import { useCcgName } from '../governance/GovernanceLayout.tsx';

/**
 * The frame of every activity page: breadcrumbs back to the CCG, the CCG's name above the page title.
 */
export function ActivityFrame({
  code,
  asAt,
  title,
  crumbs = [],
  children,
}: {
  readonly code: string;
  readonly asAt: string;
  readonly title: string;
  /** Crumbs between the CCG and this page. */
  readonly crumbs?: readonly Crumb[];
  readonly children: ReactNode;
}) {
  const { name, shortName } = useCcgName(code, asAt);
  const ccgLabel = shortName ?? name ?? `CCG ${code}`;
  useTitle(`${title} – ${ccgLabel}`);
  return (
    <>
      <Breadcrumbs
        items={[
          { label: 'Map', to: '/' },
          { label: ccgLabel, to: `/ccg/${seg(code)}` },
          ...crumbs,
          { label: title },
        ]}
      />
      <p className="eyebrow">
        <Link to={`/ccg/${seg(code)}`}>{name ?? `CCG ${code}`}</Link> · <span className="code">{code}</span>
      </p>
      <h1 className="org-title">{title}</h1>
      {children}
    </>
  );
}
