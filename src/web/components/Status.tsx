import { type ReactNode, useEffect, useRef } from 'react';
import type { ApiError } from '../lib/api.ts';

export function Loading({ label = 'Loading…' }: { readonly label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/**
 * The API's problem+json: its title, detail and every `path: message`. With `focus`, it takes
 * keyboard focus when it appears (after a form was refused).
 */
export function ErrorPanel({
  error,
  heading,
  focus = false,
}: {
  readonly error: ApiError;
  readonly heading?: string;
  readonly focus?: boolean;
}) {
  const panel = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again for each new error
  useEffect(() => {
    if (focus) panel.current?.focus();
  }, [focus, error]);
  return (
    <div className="error-panel" role="alert" ref={panel} tabIndex={focus ? -1 : undefined}>
      <h2 className="error-panel__title">{heading ?? error.title}</h2>
      {heading && <p className="error-panel__api-title">{error.title}</p>}
      {error.detail && <p>{error.detail}</p>}
      {error.problems.length > 0 && (
        <ul className="error-panel__problems">
          {error.problems.map((p) => (
            <li key={`${p.path}:${p.message}`}>
              <code>{p.path}</code>: {p.message}
            </li>
          ))}
        </ul>
      )}
      {error.status > 0 && <p className="muted small">HTTP status {error.status}</p>}
    </div>
  );
}

export function Notice({
  tone = 'info',
  title,
  children,
}: {
  readonly tone?: 'info' | 'warning' | 'success';
  readonly title?: string;
  readonly children: ReactNode;
}) {
  return (
    <div className={`notice notice--${tone}`} role={tone === 'info' ? undefined : 'status'}>
      {title && <p className="notice__title">{title}</p>}
      <div>{children}</div>
    </div>
  );
}
