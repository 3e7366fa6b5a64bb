import { type FormEvent, useEffect, useId, useState } from 'react';
import { DEFAULT_AS_AT, isIsoDate, setAsAt, useAsAt } from '../lib/as-at.ts';
import { useLocation } from '../lib/router.ts';
import { Link } from './Link.tsx';

const NAV = [
  { to: '/', label: 'Map', match: (p: string) => p === '/' || p.startsWith('/ccg/') },
  {
    to: '/organisations',
    label: 'Organisations',
    match: (p: string) => p === '/organisations' || p.startsWith('/org/') || p.startsWith('/practice/'),
  },
  { to: '/structure', label: 'Structural check', match: (p: string) => p === '/structure' },
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

export function Header() {
  const { pathname } = useLocation();
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
        <AsAtControl />
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
          <li>
            <a href="/docs">API docs</a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
