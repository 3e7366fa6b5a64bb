import { type InputHTMLAttributes, type ReactNode, type RefObject, useEffect, useId, useRef } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className'> {
  readonly label: string;
  /** A line under the label (what to enter, rules). */
  readonly hint?: ReactNode;
  /** The field's own error, shown above it and announced with it. */
  readonly error?: string | null;
  /** Element id (for an error summary link); generated when omitted. */
  readonly id?: string;
  /** Wider or narrower than the default. */
  readonly width?: 'full' | 'medium' | 'short';
  readonly ref?: RefObject<HTMLInputElement | null>;
}

/** A labelled input with an optional hint and error, wired up with aria-describedby and aria-invalid. */
export function TextField({ label, hint, error, id, width = 'full', ref, ...input }: TextFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={inputId} className="field-label">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          <span className="sr-only">Error: </span>
          {error}
        </p>
      )}
      <input
        ref={ref}
        id={inputId}
        className={`input input--${width}`}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </div>
  );
}

export interface FieldError {
  /** The id of the field to move to. */
  readonly fieldId: string;
  readonly message: string;
}

/**
 * The errors in a form, listed above it with links to each field. It takes focus when it appears so
 * screen-reader and keyboard users learn at once that the form was not sent.
 */
export function ErrorSummary({
  errors,
  title = 'There is a problem',
}: {
  readonly errors: readonly FieldError[];
  readonly title?: string;
}) {
  const panel = useRef<HTMLDivElement>(null);
  const titleId = useId();
  // Each refused submit sets a new list, so focus moves here again even if the errors are the same.
  useEffect(() => {
    if (errors.length) panel.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div className="error-panel" role="alert" tabIndex={-1} ref={panel} aria-labelledby={titleId}>
      <h2 className="error-panel__title" id={titleId}>
        {title}
      </h2>
      <ul className="error-panel__problems error-panel__links">
        {errors.map((e) => (
          <li key={`${e.fieldId}:${e.message}`}>
            <a
              href={`#${e.fieldId}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(e.fieldId)?.focus();
              }}
            >
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
