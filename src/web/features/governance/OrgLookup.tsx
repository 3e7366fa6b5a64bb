import { useEffect, useId, useState } from 'react';
import { apiUrl } from '../../lib/api.ts';
import type { OrganisationSearchResponse, OrganisationSummary } from '../../lib/api-types.ts';
import { formatInt } from '../../lib/format.ts';
import { orgTypeLabel } from '../../lib/org-links.ts';
import { useApi } from '../../lib/use-api.ts';

export interface OrgChoice {
  readonly code: string;
  readonly name: string;
  readonly orgType: string;
}

const LIMIT = 8;

/**
 * Finds an organisation in the registry by name or ODS code (GET /api/organisations?q=) and lets the
 * person choose one. Results appear as they type; each is a button, so the list works by keyboard and
 * with a screen reader (the count is announced).
 */
export function OrgLookup({
  label,
  hint,
  asAt,
  value,
  onChange,
  id,
  error,
}: {
  readonly label: string;
  readonly hint?: string;
  readonly asAt: string;
  readonly value: OrgChoice | null;
  readonly onChange: (choice: OrgChoice | null) => void;
  /** The search field's id (for an error summary link). */
  readonly id?: string;
  readonly error?: string | null;
}) {
  const generated = useId();
  const inputId = id ?? generated;
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [text]);
  const state = useApi<OrganisationSearchResponse>(
    query.length >= 2 ? apiUrl('/api/organisations', { q: query, asAt, limit: LIMIT }) : null,
  );

  if (value) {
    return (
      <div className="field">
        <p className="field-label" id={`${inputId}-label`}>
          {label}
        </p>
        <p className="lookup__chosen">
          <span>
            <strong>{value.name}</strong>{' '}
            <span className="muted small">
              <span className="code">{value.code}</span> · {orgTypeLabel(value.orgType)}
            </span>
          </span>
          <button
            type="button"
            className="button button--link"
            id={inputId}
            onClick={() => {
              onChange(null);
              setText('');
            }}
          >
            Change<span className="sr-only"> {label.toLowerCase()}</span>
          </button>
        </p>
      </div>
    );
  }

  const results: readonly OrganisationSummary[] = state.status === 'success' ? state.data.items : [];
  const describedBy = [hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`field lookup${error ? ' field--error' : ''}`}>
      <label htmlFor={inputId} className="field-label">
        {label}
      </label>
      {hint && (
        <p id={`${inputId}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${inputId}-error`} className="field-error">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
      <input
        id={inputId}
        type="search"
        className="input input--medium"
        value={text}
        autoComplete="off"
        spellCheck={false}
        placeholder="e.g. RXP or Darlington"
        aria-describedby={describedBy || undefined}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Enter chooses the only (or exact-code) match instead of submitting the whole form.
          if (e.key !== 'Enter') return;
          e.preventDefault();
          const exact = results.find((r) => r.code.toUpperCase() === text.trim().toUpperCase());
          const only = results.length === 1 ? results[0] : undefined;
          const pick = exact ?? only;
          if (pick) onChange({ code: pick.code, name: pick.name, orgType: pick.orgType });
        }}
      />
      <p className="sr-only" role="status">
        {state.status === 'success'
          ? `${formatInt(state.data.total)} organisations match${state.data.total > LIMIT ? `; the first ${LIMIT} are listed` : ''}.`
          : ''}
      </p>
      {query.length >= 2 && (
        <div className="lookup__results">
          {state.status === 'loading' && <p className="muted small">Searching the registry…</p>}
          {state.status === 'error' && <p className="field-error">The search failed: {state.error.title}</p>}
          {state.status === 'success' && results.length === 0 && (
            <p className="muted small">No organisation in the registry matches “{query}”.</p>
          )}
          {results.length > 0 && (
            <ul className="lookup__list" aria-label={`Organisations matching ${query}`}>
              {results.map((r) => (
                <li key={r.code}>
                  <button
                    type="button"
                    className="lookup__option"
                    onClick={() => onChange({ code: r.code, name: r.name, orgType: r.orgType })}
                  >
                    <span className="lookup__name">{r.name}</span>
                    <span className="muted small">
                      <span className="code">{r.code}</span> · {orgTypeLabel(r.orgType)}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {state.status === 'success' && state.data.total > LIMIT && (
            <p className="muted small">
              {formatInt(state.data.total)} match; type more of the name or the code to narrow the list.
            </p>
          )}
        </div>
      )}
    </div>
  );
}
