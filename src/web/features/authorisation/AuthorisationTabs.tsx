import { Link } from '../../components/Link.tsx';
import { seg } from '../../lib/api.ts';

export type AuthorisationTab = 'overview' | 'assessment' | 'decision';

const TABS: readonly { readonly tab: AuthorisationTab; readonly label: string; readonly path: string }[] = [
  { tab: 'overview', label: 'Overview and readiness', path: '' },
  { tab: 'assessment', label: 'Assessment', path: '/assessment' },
  { tab: 'decision', label: 'Decision, conditions and assurance', path: '/decision' },
];

export function authorisationPath(code: string, tab: AuthorisationTab): string {
  return `/ccg/${seg(code)}/authorisation${TABS.find((t) => t.tab === tab)!.path}`;
}

/** A CCG's authorisation pages as tabs: each its own address, so the back button works. */
export function AuthorisationTabs({
  code,
  current,
}: {
  readonly code: string;
  readonly current: AuthorisationTab;
}) {
  return (
    <nav className="subnav" aria-label="CCG authorisation">
      <ul className="subnav__list">
        {TABS.map((t) => (
          <li key={t.tab}>
            <Link to={authorisationPath(code, t.tab)} aria-current={t.tab === current ? 'page' : undefined}>
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
