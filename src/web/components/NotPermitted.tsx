import type { ReactNode } from 'react';
import type { ApiError } from '../lib/api.ts';
import { Link } from './Link.tsx';

/** A clear refusal (HTTP 403): what is refused, why (the API's own words), and where to go instead. */
export function NotPermitted({
  title,
  error,
  children,
}: {
  readonly title: string;
  readonly error: ApiError;
  readonly children?: ReactNode;
}) {
  return (
    <div className="refusal" role="alert" data-testid="not-permitted">
      <h2 className="refusal__title">
        <svg aria-hidden="true" viewBox="0 0 20 20" width="22" height="22" className="icon">
          <rect x="4" y="9" width="12" height="9" rx="1.5" fill="currentColor" />
          <path d="M6.5 9V6.5a3.5 3.5 0 0 1 7 0V9" fill="none" stroke="currentColor" strokeWidth="2" />
        </svg>
        {title}
      </h2>
      {children}
      {error.problems.length > 0 && (
        <ul className="refusal__reasons">
          {error.problems.map((p) => (
            <li key={`${p.path}:${p.message}`}>
              <span className="muted">The access policy says:</span> {p.message}
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">
        {error.title} (HTTP {error.status}). This refusal has been recorded in the audit log.{' '}
        <Link to="/account">See your roles</Link>.
      </p>
    </div>
  );
}
