import type { ReactNode } from 'react';
import { Breadcrumbs, type Crumb } from '../../components/Breadcrumbs.tsx';
import { Link } from '../../components/Link.tsx';
import { useTitle } from '../../components/use-title.ts';
import { apiUrl, seg } from '../../lib/api.ts';
import type { OrganisationDetailResponse } from '../../lib/api-types.ts';
import { useApi } from '../../lib/use-api.ts';

export type GovernanceTab = 'governance' | 'register' | 'meetings' | 'constitution' | 'procurement-decisions';

const TABS: readonly { readonly tab: GovernanceTab; readonly label: string }[] = [
  { tab: 'governance', label: 'Governing body' },
  { tab: 'register', label: 'Register of interests' },
  { tab: 'meetings', label: 'Meetings and minutes' },
  { tab: 'constitution', label: 'Constitution' },
  { tab: 'procurement-decisions', label: 'Procurement decisions' },
];

export function governancePath(code: string, tab: GovernanceTab): string {
  return `/ccg/${seg(code)}/${tab}`;
}

/** The CCG's name for headings (the registry's, cached for the session). */
export function useCcgName(code: string, asAt: string): { name: string | null; shortName: string | null } {
  const detail = useApi<OrganisationDetailResponse>(apiUrl(`/api/organisations/${seg(code)}`, { asAt }), {
    cache: true,
  });
  if (detail.status !== 'success') return { name: null, shortName: null };
  const o = detail.data.organisation;
  return { name: o.name, shortName: o.shortName ?? null };
}

/** The CCG's governance pages as tabs: each is its own address, so the back button works. */
export function GovernanceTabs({
  code,
  current,
}: {
  readonly code: string;
  readonly current: GovernanceTab | null;
}) {
  return (
    <nav className="subnav" aria-label="CCG governance">
      <ul className="subnav__list">
        {TABS.map((t) => (
          <li key={t.tab}>
            <Link to={governancePath(code, t.tab)} aria-current={t.tab === current ? 'page' : undefined}>
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The frame of every CCG governance page: breadcrumbs back to the CCG, the CCG's name above the page
 * title, and the governance tabs.
 */
export function GovernanceLayout({
  code,
  asAt,
  tab,
  title,
  extraCrumbs = [],
  badge,
  children,
}: {
  readonly code: string;
  readonly asAt: string;
  readonly tab: GovernanceTab | null;
  readonly title: string;
  /** Crumbs between the CCG's governance page and this one. */
  readonly extraCrumbs?: readonly Crumb[];
  readonly badge?: ReactNode;
  readonly children: ReactNode;
}) {
  const { name, shortName } = useCcgName(code, asAt);
  const ccgLabel = shortName ?? name ?? `CCG ${code}`;
  useTitle(`${title} – ${ccgLabel}`);
  const crumbs: Crumb[] = [
    { label: 'Map', to: '/' },
    { label: ccgLabel, to: `/ccg/${seg(code)}` },
    ...extraCrumbs,
    { label: title },
  ];
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <p className="eyebrow">
        <Link to={`/ccg/${seg(code)}`}>{name ?? `CCG ${code}`}</Link> · <span className="code">{code}</span>
      </p>
      <h1 className="org-title">
        {title} {badge}
      </h1>
      <GovernanceTabs code={code} current={tab} />
      {children}
    </>
  );
}
