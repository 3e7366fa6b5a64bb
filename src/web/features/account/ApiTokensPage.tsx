import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Breadcrumbs } from '../../components/Breadcrumbs.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { ErrorSummary, type FieldError, TextField } from '../../components/Form.tsx';
import { NotPermitted } from '../../components/NotPermitted.tsx';
import { RequireSignIn } from '../../components/RequireSignIn.tsx';
import { ErrorPanel, Loading, Notice } from '../../components/Status.tsx';
import { useTitle } from '../../components/use-title.ts';
import { type ApiError, seg, send, toApiError } from '../../lib/api.ts';
import type {
  ApiToken,
  ApiTokenListResponse,
  IssuedApiToken,
  RoleBookResponse,
} from '../../lib/api-types.ts';
import { isIsoDate } from '../../lib/as-at.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatDateTime, formatShortDate, localIsoDate } from '../../lib/format.ts';
import { heldTokenPermissions, permissionLabel, sameOrg } from '../../lib/roles.ts';
import { type SignedInSession, useSession } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';

type TokenState = 'Active' | 'Revoked' | 'Expired';

function tokenState(t: ApiToken, now: number): TokenState {
  if (t.revokedAt) return 'Revoked';
  if (t.expiresAt && Date.parse(t.expiresAt) <= now) return 'Expired';
  return 'Active';
}

/** Midnight at the end of `date` in the reader's time zone, as an ISO timestamp. */
function endOfLocalDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).toISOString();
}

/** The new token, shown this once, with a copy button. */
function NewToken({ issued, onDone }: { readonly issued: IssuedApiToken; readonly onDone: () => void }) {
  const panel = useRef<HTMLElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const fieldId = useId();
  useEffect(() => {
    panel.current?.focus();
  }, []);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(issued.token);
      setCopyState('copied');
    } catch {
      // No clipboard access (an old browser, or permission refused): select it for Ctrl+C instead.
      field.current?.select();
      setCopyState('failed');
    }
  };

  return (
    <section
      className="one-time-secret"
      tabIndex={-1}
      ref={panel}
      aria-labelledby={`${fieldId}-title`}
      data-testid="new-token"
    >
      <h2 className="one-time-secret__title" id={`${fieldId}-title`}>
        Copy the token for “{issued.name}” now
      </h2>
      <p className="one-time-secret__warning">
        <strong>This is the only time it is shown.</strong> Commissioner keeps only a hash of it, so it can
        never be shown again. If it is lost, revoke it and issue a new one. Keep it secret: anyone holding it
        acts for {issued.orgCode} with the permissions below.
      </p>
      <label htmlFor={fieldId} className="field-label">
        API token
      </label>
      <div className="copy-field">
        <input
          ref={field}
          id={fieldId}
          className="input input--full code"
          value={issued.token}
          readOnly
          spellCheck={false}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="button" onClick={copy}>
          <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" className="icon">
            <rect
              x="5"
              y="5"
              width="9"
              height="9"
              rx="1"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
            />
            <path d="M3 11V2.8c0-.4.4-.8.8-.8H11" fill="none" stroke="currentColor" strokeWidth="1.6" />
          </svg>
          Copy token
        </button>
      </div>
      <p className="small" role="status">
        {copyState === 'copied' && 'Copied to the clipboard.'}
        {copyState === 'failed' &&
          'Could not reach the clipboard: the token is selected, press Ctrl+C (⌘C) to copy it.'}
      </p>
      <p className="small">
        Send it with each request as <code className="code">Authorization: Bearer {issued.prefix}…</code>.
        Permissions: {issued.permissions.map(permissionLabel).join('; ')}.
        {issued.expiresAt ? ` Stops working ${formatDateTime(issued.expiresAt)}.` : ' Works until revoked.'}
      </p>
      <button type="button" className="button button--secondary" onClick={onDone}>
        I have copied it: hide the token
      </button>
    </section>
  );
}

function IssueForm({
  orgCode,
  held,
  onIssued,
}: {
  readonly orgCode: string;
  readonly held: readonly string[];
  readonly onIssued: (issued: IssuedApiToken) => void;
}) {
  const nameId = useId();
  const permissionsId = useId();
  const expiryId = useId();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<readonly string[]>([]);
  const [expiry, setExpiry] = useState('');
  const [invalid, setInvalid] = useState<FieldError[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const today = localIsoDate();

  const toggle = (permission: string, on: boolean) =>
    setChosen((c) => (on ? [...c, permission] : c.filter((p) => p !== permission)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (name.trim() === '') problems.push({ fieldId: nameId, message: 'Enter a name for the token' });
    if (chosen.length === 0) {
      problems.push({ fieldId: `${permissionsId}-0`, message: 'Choose at least one permission' });
    }
    if (expiry !== '' && (!isIsoDate(expiry) || expiry < today)) {
      problems.push({ fieldId: expiryId, message: 'Enter a last day that is today or later' });
    }
    setInvalid(problems);
    setError(null);
    if (problems.length) return;
    setBusy(true);
    try {
      const issued = await send<IssuedApiToken>(
        'POST',
        `/api/access/organisations/${seg(orgCode)}/api-tokens`,
        {
          name: name.trim(),
          // In the role book's order, whatever order they were ticked in.
          permissions: held.filter((p) => chosen.includes(p)),
          expiresAt: expiry ? endOfLocalDay(expiry) : null,
        },
      );
      setName('');
      setChosen([]);
      setExpiry('');
      onIssued(issued);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (id: string) => invalid.find((p) => p.fieldId === id)?.message ?? null;
  const permissionsError = fieldError(`${permissionsId}-0`);

  return (
    <section className="card" aria-labelledby={`${nameId}-heading`}>
      <h2 id={`${nameId}-heading`}>Issue a new token</h2>
      <ErrorSummary errors={invalid} />
      {error && <ErrorPanel error={error} heading="The token was not issued" focus />}
      <form className="form" onSubmit={submit} noValidate aria-labelledby={`${nameId}-heading`}>
        <TextField
          id={nameId}
          label="Name"
          hint="What uses it, so you can tell tokens apart later: e.g. “CSU monthly import”."
          value={name}
          maxLength={100}
          autoComplete="off"
          error={fieldError(nameId)}
          onChange={(e) => setName(e.target.value)}
          width="medium"
        />
        <fieldset
          className={`fieldset${permissionsError ? ' field--error' : ''}`}
          aria-describedby={`${permissionsId}-hint${permissionsError ? ` ${permissionsId}-error` : ''}`}
        >
          <legend className="field-label">Permissions</legend>
          <p className="field-hint" id={`${permissionsId}-hint`}>
            Only what you hold yourself at {orgCode} can be given. Give no more than the client needs.
          </p>
          {permissionsError && (
            <p className="field-error" id={`${permissionsId}-error`}>
              <span className="sr-only">Error: </span>
              {permissionsError}
            </p>
          )}
          {held.map((p, i) => (
            <div className="checkbox" key={p}>
              <input
                id={`${permissionsId}-${i}`}
                type="checkbox"
                checked={chosen.includes(p)}
                onChange={(e) => toggle(p, e.target.checked)}
              />
              <label htmlFor={`${permissionsId}-${i}`}>
                {permissionLabel(p)} <span className="muted small code">{p}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <TextField
          id={expiryId}
          label="Last day it works (optional)"
          hint="It stops working at midnight at the end of this day. Leave empty for a token that works until revoked."
          type="date"
          min={today}
          value={expiry}
          error={fieldError(expiryId)}
          onChange={(e) => setExpiry(e.target.value)}
          width="short"
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Issuing…' : 'Issue token'}
          </button>
        </div>
      </form>
    </section>
  );
}

function RevokeCell({
  token,
  onRevoke,
}: {
  readonly token: ApiToken;
  readonly onRevoke: (token: ApiToken) => Promise<boolean>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const startButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) startButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button--secondary button--danger"
        ref={startButton}
        onClick={() => setConfirming(true)}
      >
        Revoke<span className="sr-only"> “{token.name}”</span>
      </button>
    );
  }
  return (
    <span className="confirm">
      <span className="confirm__question">Revoke “{token.name}” now?</span>
      <button
        type="button"
        className="button button--danger-solid"
        ref={confirmButton}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          const ok = await onRevoke(token);
          setBusy(false);
          if (!ok) setConfirming(false);
        }}
      >
        {busy ? 'Revoking…' : 'Yes, revoke'}
      </button>
      <button type="button" className="button button--link" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </span>
  );
}

function Tokens({ code, session }: { readonly code: string; readonly session: SignedInSession }) {
  const listUrl = `/api/access/organisations/${seg(code)}/api-tokens`;
  const list = useApi<ApiTokenListResponse>(listUrl);
  const roleBook = useApi<RoleBookResponse>('/api/access/roles', { cache: true });
  const book =
    roleBook.status === 'success' ? roleBook.data.items : roleBook.status === 'error' ? null : undefined;
  const held = book === undefined ? [] : heldTokenPermissions(session.roles, book, code);
  const orgName = session.roles.find((r) => sameOrg(r.orgCode, code))?.orgName ?? null;

  /** Tokens issued or revoked on this page, newer than the list that was loaded. */
  const [changed, setChanged] = useState<readonly ApiToken[]>([]);
  const [issued, setIssued] = useState<IssuedApiToken | null>(null);
  const [revokeError, setRevokeError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState('');
  const now = Date.now();

  const rows = useMemo(() => {
    if (list.status !== 'success') return [];
    const byId = new Map(list.data.items.map((t) => [t.id, t]));
    for (const t of changed) byId.set(t.id, t);
    return [...byId.values()];
  }, [list, changed]);

  const remember = (t: ApiToken) => setChanged((c) => [...c.filter((x) => x.id !== t.id), t]);
  /** The token's record without its secret, to keep in the list once the secret is hidden. */
  const withoutSecret = (t: IssuedApiToken): ApiToken => ({
    id: t.id,
    prefix: t.prefix,
    name: t.name,
    orgCode: t.orgCode,
    permissions: t.permissions,
    createdBy: t.createdBy,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    revokedAt: t.revokedAt,
    revokedBy: t.revokedBy,
    lastUsedAt: t.lastUsedAt,
  });

  const revoke = async (t: ApiToken): Promise<boolean> => {
    setRevokeError(null);
    try {
      const revoked = await send<ApiToken>('POST', `${listUrl}/${t.id}/revoke`);
      remember(revoked);
      setMessage(`The token “${revoked.name}” has been revoked. Requests using it are refused from now on.`);
      return true;
    } catch (err) {
      setRevokeError(toApiError(err));
      return false;
    }
  };

  const title = `API tokens of ${orgName ?? code}`;

  const heading = (
    <>
      <Breadcrumbs items={[{ label: 'Your account', to: '/account' }, { label: title }]} />
      <p className="eyebrow">
        {orgName ?? code} <span className="code">{code.toUpperCase()}</span>
      </p>
      <h1>API tokens</h1>
      <p className="lead">
        Tokens let machine clients, such as a provider submitting data or a support unit importing it, use the
        API for this organisation without a person signing in. Each is scoped to {orgName ?? code}, carries
        only the permissions given to it, and can be revoked at any time.
      </p>
    </>
  );

  if (list.status === 'error' && list.error.status === 403) {
    return (
      <>
        {heading}
        <NotPermitted
          title={`You are not permitted to manage the API tokens of ${orgName ?? code}`}
          error={list.error}
        >
          <p>
            API tokens belong to one organisation. You need a role in force at {code} to see or issue them.
          </p>
        </NotPermitted>
      </>
    );
  }

  return (
    <>
      {heading}
      {issued && (
        <NewToken
          issued={issued}
          onDone={() => {
            setIssued(null);
            setMessage('The token is hidden and cannot be shown again.');
          }}
        />
      )}
      {message && !issued && (
        <Notice tone="success">
          <p>{message}</p>
        </Notice>
      )}
      {revokeError && <ErrorPanel error={revokeError} heading="The token was not revoked" focus />}
      {list.status === 'error' && <ErrorPanel error={list.error} heading="The tokens could not be listed" />}
      {list.status !== 'success' && list.status !== 'error' && <Loading label="Loading the tokens…" />}
      {list.status === 'success' && (
        <DataTable<ApiToken>
          id="tokens"
          rows={rows}
          rowKey={(t) => String(t.id)}
          caption="Tokens"
          description={`${rows.filter((t) => tokenState(t, now) === 'Active').length} active of ${rows.length}. Only the first characters of each token are kept in the clear.`}
          csvFilename={csvFilename(`api-tokens-${code}`)}
          initialSort={{ key: 'created', direction: 'descending' }}
          emptyMessage="This organisation has no API tokens yet."
          columns={[
            { key: 'id', header: 'Id', value: (t) => t.id, csvOnly: true },
            { key: 'name', header: 'Name', value: (t) => t.name },
            {
              key: 'prefix',
              header: 'Starts with',
              value: (t) => t.prefix,
              render: (t) => <span className="code">{t.prefix}…</span>,
              nowrap: true,
            },
            {
              key: 'permissions',
              header: 'Permissions',
              value: (t) => t.permissions.join(' '),
              render: (t) => (
                <ul className="plain-list">
                  {t.permissions.map((p) => (
                    <li key={p}>{permissionLabel(p)}</li>
                  ))}
                </ul>
              ),
              sortable: false,
            },
            {
              key: 'created',
              header: 'Issued',
              value: (t) => t.createdAt,
              render: (t) => (
                <>
                  <span className="nowrap">{formatShortDate(t.createdAt)}</span>
                  <span className="cell-note">by {t.createdBy.replace(/^person:/, '')}</span>
                </>
              ),
            },
            { key: 'createdBy', header: 'Issued by', value: (t) => t.createdBy, csvOnly: true },
            {
              key: 'expires',
              header: 'Expires',
              value: (t) => t.expiresAt,
              render: (t) =>
                t.expiresAt ? formatDateTime(t.expiresAt) : <span className="muted">Never</span>,
            },
            {
              key: 'used',
              header: 'Last used',
              value: (t) => t.lastUsedAt,
              render: (t) =>
                t.lastUsedAt ? formatDateTime(t.lastUsedAt) : <span className="muted">Never</span>,
            },
            {
              key: 'state',
              header: 'State',
              value: (t) => tokenState(t, now),
              render: (t) => {
                const state = tokenState(t, now);
                return (
                  <>
                    <span className={`tag tag--${state === 'Active' ? 'current' : 'ended'}`}>{state}</span>
                    {t.revokedAt && (
                      <span className="cell-note">
                        {formatShortDate(t.revokedAt)}
                        {t.revokedBy ? ` by ${t.revokedBy.replace(/^person:/, '')}` : ''}
                      </span>
                    )}
                  </>
                );
              },
            },
            { key: 'revokedAt', header: 'Revoked at', value: (t) => t.revokedAt, csvOnly: true },
            { key: 'revokedBy', header: 'Revoked by', value: (t) => t.revokedBy, csvOnly: true },
            {
              key: 'action',
              header: 'Action',
              value: () => null,
              render: (t) =>
                tokenState(t, now) === 'Active' ? <RevokeCell token={t} onRevoke={revoke} /> : null,
              sortable: false,
              screenOnly: true,
            },
          ]}
        />
      )}
      {book !== undefined &&
        (held.length > 0 ? (
          <IssueForm
            orgCode={code}
            held={held}
            onIssued={(t) => {
              remember(withoutSecret(t));
              setMessage('');
              setIssued(t);
            }}
          />
        ) : (
          list.status === 'success' && (
            <Notice title="You cannot issue tokens here">
              <p>None of your roles in force at {code} grants a permission a token may carry.</p>
            </Notice>
          )
        ))}
    </>
  );
}

export function ApiTokensPage({ code }: { readonly code: string }) {
  const { session } = useSession();
  const orgName =
    session.status === 'signed-in' ? session.roles.find((r) => sameOrg(r.orgCode, code))?.orgName : null;
  useTitle(`API tokens of ${orgName ?? code}`);
  return <RequireSignIn>{(session) => <Tokens code={code} session={session} />}</RequireSignIn>;
}
