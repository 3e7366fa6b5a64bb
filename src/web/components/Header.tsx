import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { toApiError } from '../lib/api.ts';
import type { RoleBookResponse } from '../lib/api-types.ts';
import { DEFAULT_AS_AT, isIsoDate, setAsAt, useAsAt } from '../lib/as-at.ts';
import { canReadAuditLog, canReadNationalGovernance } from '../lib/roles.ts';
import { signInPath, useLocation } from '../lib/router.ts';
import { useSession } from '../lib/session.tsx';
import { useApi } from '../lib/use-api.ts';
import { Link } from './Link.tsx';

const NAV = [
  {
    to: '/',
    label: 'Map',
    match: (p: string) =>
      p === '/' || (p.startsWith('/ccg/') && !p.endsWith('/authorisation')) || p.startsWith('/meetings/'),
  },
  {
    to: '/organisations',
    label: 'Organisations',
    match: (p: string) =>
      p === '/organisations' ||
      (p.startsWith('/org/') && !p.endsWith('/api-tokens')) ||
      p.startsWith('/practice/'),
  },
  { to: '/structure', label: 'Structural check', match: (p: string) => p === '/structure' },
  {
    to: '/authorisation',
    label: 'Authorisation',
    match: (p: string) => p === '/authorisation' || /^\/ccg\/[^/]+\/authorisation$/.test(p),
  },
] as const;

/** The as-at date picker: every page and API call answers "as at" this date. */
function AsAtControl() {
  const asAt = useAsAt();
  const [draft, setDraft] = useState(asAt);
  const [invalid, setInvalid] = useState(false);
  const id = useId();
  useEffect(() => setDraft(asAt), [asAt]);

  const apply = (value: string) => {
    if (isIsoDate(value)) {
      setInvalid(false);
      if (value !== asAt) setAsAt(value);
    } else {
      setInvalid(value !== '');
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };

  return (
    <form className="as-at" onSubmit={submit} aria-label="As-at date">
      <label htmlFor={id}>As at</label>
      <input
        id={id}
        type="date"
        value={draft}
        min="2000-01-01"
        max="2099-12-31"
        aria-describedby={invalid ? `${id}-error` : undefined}
        aria-invalid={invalid || undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          apply(e.target.value);
        }}
      />
      {asAt !== DEFAULT_AS_AT && (
        <button type="button" className="as-at__reset" onClick={() => setAsAt(DEFAULT_AS_AT)}>
          Reset
        </button>
      )}
      {invalid && (
        <span id={`${id}-error`} className="as-at__error">
          Enter a full date
        </span>
      )}
    </form>
  );
}

function PersonIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="16" height="16" className="icon">
      <circle cx="8" cy="5" r="3" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path
        d="M2.5 14.5c.6-3 2.8-4.5 5.5-4.5s4.9 1.5 5.5 4.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
      />
    </svg>
  );
}

/** Signed out: a "Sign in" link that comes back here. Signed in: who, and a "Sign out" button. */
function AccountBar() {
  const { session, signOut } = useSession();
  const { pathname, href } = useLocation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const bar = useRef<HTMLDivElement>(null);
  const focusSignIn = useRef(false);

  // After signing out here, keep keyboard focus in the same place: on the "Sign in" link.
  useEffect(() => {
    if (session.status === 'signed-in') setAnnounce('');
    if (session.status === 'signed-out' && focusSignIn.current) {
      focusSignIn.current = false;
      bar.current?.querySelector<HTMLElement>('a')?.focus();
    }
  }, [session.status]);

  const onSignOut = async () => {
    setBusy(true);
    setError(null);
    focusSignIn.current = true;
    try {
      await signOut();
      setAnnounce('You have signed out.');
    } catch (err) {
      focusSignIn.current = false;
      setError(`Could not sign out: ${toApiError(err).title}. Try again.`);
    } finally {
      setBusy(false);
    }
  };

  let content: ReactNode = null;
  if (session.status === 'signed-out') {
    const onSignInPage = pathname === '/sign-in';
    content = (
      <Link
        to={onSignInPage ? href : signInPath(href)}
        className="account-bar__link"
        aria-current={onSignInPage ? 'page' : undefined}
      >
        <PersonIcon />
        Sign in
      </Link>
    );
  } else if (session.status === 'signed-in') {
    content = (
      <>
        <span className="account-bar__who">
          <PersonIcon />
          <span className="sr-only">Signed in as </span>
          <Link to="/account" className="account-bar__link" data-testid="signed-in-as">
            {session.person.displayName}
          </Link>
        </span>
        <button type="button" className="account-bar__button" onClick={onSignOut} disabled={busy}>
          {busy ? 'Signing out…' : 'Sign out'}
        </button>
      </>
    );
  }

  return (
    <div className="account-bar" ref={bar}>
      {content}
      {error && (
        <span className="as-at__error" role="alert">
          {error}
        </span>
      )}
      <span className="sr-only" role="status">
        {announce}
      </span>
    </div>
  );
}

export function Header() {
  const { pathname } = useLocation();
  const { session } = useSession();
  const signedIn = session.status === 'signed-in';
  const roleBook = useApi<RoleBookResponse>(signedIn ? '/api/access/roles' : null, { cache: true });
  const book = roleBook.status === 'success' ? roleBook.data.items : null;
  // The audit log and the activity loads are both the platform's own records (read:organisation_internal:platform).
  const showAudit = signedIn && canReadAuditLog(session.roles, book);
  const showGovernance = signedIn && canReadNationalGovernance(session.roles, book);
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="brand" aria-label="Commissioner home">
          <span className="brand__mark" aria-hidden="true">
            C
          </span>
          <span className="brand__text">
            <span className="brand__name">Commissioner</span>
            <span className="brand__tagline">The English NHS commissioning system</span>
          </span>
        </Link>
        <div className="site-header__tools">
          <AsAtControl />
          <AccountBar />
        </div>
      </div>
      <nav className="site-nav" aria-label="Main">
        <ul className="container site-nav__list">
          {NAV.map((item) => (
            <li key={item.to}>
              <Link to={item.to} aria-current={item.match(pathname) ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
          {showGovernance && (
            <li>
              <Link to="/governance" aria-current={pathname === '/governance' ? 'page' : undefined}>
                Governance
              </Link>
            </li>
          )}
          <li>
            <a href="/docs">API docs</a>
          </li>
          {signedIn && (
            <li className="site-nav__item--end">
              <Link
                to="/account"
                aria-current={
                  pathname === '/account' || pathname.endsWith('/api-tokens') ? 'page' : undefined
                }
              >
                Account
              </Link>
            </li>
          )}
          {showAudit && (
            <li>
              <Link to="/admin/audit" aria-current={pathname === '/admin/audit' ? 'page' : undefined}>
                Audit log
              </Link>
            </li>
          )}
          {showAudit && (
            <li>
              <Link
                to="/admin/activity-loads"
                aria-current={pathname === '/admin/activity-loads' ? 'page' : undefined}
              >
                Activity loads
              </Link>
            </li>
          )}
        </ul>
      </nav>
    </header>
  );
}
