import { type FormEvent, useEffect, useId, useState } from 'react';
import { DataTable } from '../../components/DataTable.tsx';
import { FactList } from '../../components/FactList.tsx';
import { ErrorSummary, type FieldError, TextField } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { RequireSignIn } from '../../components/RequireSignIn.tsx';
import { ErrorPanel, Notice } from '../../components/Status.tsx';
import { useTitle } from '../../components/use-title.ts';
import { type ApiError, seg, send, toApiError } from '../../lib/api.ts';
import type { RoleBookResponse, RoleView } from '../../lib/api-types.ts';
import { csvFilename } from '../../lib/csv.ts';
import { formatDateTime, formatFromNow, formatInt, formatShortDate, localIsoDate } from '../../lib/format.ts';
import { orgTypeLabel } from '../../lib/org-links.ts';
import { canReadAuditLog, tokenOrganisations } from '../../lib/roles.ts';
import { type SignedInSession, useSession } from '../../lib/session.tsx';
import { useApi } from '../../lib/use-api.ts';
import { useNow } from '../../lib/use-now.ts';

const MIN_PASSWORD_LENGTH = 12;

function roleState(r: RoleView, today: string): 'Current' | 'Not started' | 'Ended' {
  if (r.current) return 'Current';
  return r.startDate > today ? 'Not started' : 'Ended';
}

function RoleStateTag({ state }: { readonly state: ReturnType<typeof roleState> }) {
  const tone = state === 'Current' ? 'current' : state === 'Ended' ? 'ended' : 'pending';
  return <span className={`tag tag--${tone}`}>{state}</span>;
}

function Roles({ session }: { readonly session: SignedInSession }) {
  const today = localIsoDate();
  const current = session.roles.filter((r) => r.current).length;
  return (
    <DataTable<RoleView>
      id="roles"
      rows={session.roles}
      rowKey={(r) => String(r.assignmentId)}
      caption="Your roles at organisations"
      description={`${formatInt(current)} of ${formatInt(session.roles.length)} in force today. Roles are granted and ended by a system administrator.`}
      csvFilename={csvFilename(`account-${session.person.username}-roles`)}
      initialSort={{ key: 'from', direction: 'descending' }}
      emptyMessage="You hold no roles yet, so you see what the public sees. Ask a system administrator to grant you a role at your organisation."
      columns={[
        { key: 'title', header: 'Role', value: (r) => r.title },
        { key: 'role', header: 'Role id', value: (r) => r.role, csvOnly: true },
        {
          key: 'org',
          header: 'Organisation',
          value: (r) => r.orgName ?? r.orgCode ?? 'The platform',
          render: (r) =>
            r.orgCode === null ? (
              <span>
                The platform <span className="muted small">(no one organisation)</span>
              </span>
            ) : (
              <span>
                <Link to={`/org/${seg(r.orgCode)}`}>{r.orgName ?? r.orgCode}</Link>{' '}
                <span className="muted small">
                  <span className="code">{r.orgCode}</span>
                  {r.orgType ? ` · ${orgTypeLabel(r.orgType)}` : ''}
                </span>
              </span>
            ),
        },
        { key: 'orgCode', header: 'Organisation code', value: (r) => r.orgCode, csvOnly: true },
        { key: 'orgType', header: 'Organisation type', value: (r) => r.orgType, csvOnly: true },
        {
          key: 'from',
          header: 'From',
          value: (r) => r.startDate,
          nowrap: true,
          render: (r) => formatShortDate(r.startDate),
        },
        {
          key: 'to',
          header: 'To',
          value: (r) => r.endDate,
          nowrap: true,
          render: (r) => (r.endDate ? formatShortDate(r.endDate) : <span className="muted">Open-ended</span>),
        },
        {
          key: 'current',
          header: 'Current',
          value: (r) => (r.current ? 'Yes' : 'No'),
          render: (r) => <RoleStateTag state={roleState(r, today)} />,
        },
      ]}
    />
  );
}

function SessionTimes({ session }: { readonly session: SignedInSession }) {
  const now = useNow();
  const when = (iso: string) => (
    <>
      {formatDateTime(iso)} <span className="muted">({formatFromNow(iso, now)})</span>
    </>
  );
  return (
    <section className="card" aria-labelledby="session-heading">
      <h2 id="session-heading">This session</h2>
      <FactList
        facts={[
          {
            label: 'Ends if left idle',
            value: <span data-testid="session-ends">{when(session.endsAt)}</span>,
          },
          {
            label: 'Ends at the latest',
            value: <span data-testid="session-expires">{when(session.expiresAt)}</span>,
          },
        ]}
      />
      <p className="muted small card__note">
        Each page you open pushes back the idle end, up to the latest end. Signing out ends the session on the
        server at once.
      </p>
    </section>
  );
}

function ChangePassword({ username }: { readonly username: string }) {
  const { refresh: refreshSession } = useSession();
  const currentId = useId();
  const newId = useId();
  const confirmId = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [invalid, setInvalid] = useState<FieldError[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (current === '') problems.push({ fieldId: currentId, message: 'Enter your current password' });
    if (next.length < MIN_PASSWORD_LENGTH) {
      problems.push({
        fieldId: newId,
        message: `Enter a new password of at least ${MIN_PASSWORD_LENGTH} characters`,
      });
    } else if (next === current) {
      problems.push({ fieldId: newId, message: 'The new password must be different from the current one' });
    }
    if (confirm !== next)
      problems.push({ fieldId: confirmId, message: 'The two new passwords do not match' });
    setInvalid(problems);
    setError(null);
    setDone(false);
    if (problems.length) return;
    setBusy(true);
    try {
      await send('POST', '/api/auth/password', { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
      // The session no longer needs a password change: fetch it again so the banner goes.
      await refreshSession();
    } catch (err) {
      setCurrent('');
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (id: string) => invalid.find((p) => p.fieldId === id)?.message ?? null;

  return (
    <section className="card" aria-labelledby="password-heading" id="password">
      <h2 id="password-heading">Change your password</h2>
      {done && (
        <Notice tone="success" title="Your password has been changed">
          <p>Your other sessions have been signed out; this one carries on.</p>
        </Notice>
      )}
      <ErrorSummary errors={invalid} />
      {error && <ErrorPanel error={error} focus />}
      <form className="form" onSubmit={submit} noValidate aria-labelledby="password-heading">
        {/* Lets password managers tell whose password this is. */}
        <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
        <TextField
          id={currentId}
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={current}
          error={fieldError(currentId)}
          hint="Wrong guesses count towards the sign-in lockout."
          onChange={(e) => setCurrent(e.target.value)}
          width="medium"
        />
        <TextField
          id={newId}
          label="New password"
          type="password"
          autoComplete="new-password"
          value={next}
          error={fieldError(newId)}
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words make a strong password that is easy to remember.`}
          onChange={(e) => setNext(e.target.value)}
          width="medium"
        />
        <TextField
          id={confirmId}
          label="New password again"
          type="password"
          autoComplete="new-password"
          value={confirm}
          error={fieldError(confirmId)}
          onChange={(e) => setConfirm(e.target.value)}
          width="medium"
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </section>
  );
}

function Account({ session }: { readonly session: SignedInSession }) {
  const { refresh } = useSession();
  const roleBook = useApi<RoleBookResponse>('/api/access/roles', { cache: true });
  const book = roleBook.status === 'success' ? roleBook.data.items : null;
  const tokenOrgs = tokenOrganisations(session.roles, book);
  const auditor = canReadAuditLog(session.roles, book);

  // Up-to-date expiry times for this visit.
  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <>
      <p className="eyebrow">Your account</p>
      <h1 data-testid="account-name">{session.person.displayName}</h1>
      <div className="grid-2">
        <section className="card" aria-labelledby="details-heading">
          <h2 id="details-heading">Your details</h2>
          <FactList
            facts={[
              { label: 'Name', value: session.person.displayName },
              {
                label: 'Username',
                value: (
                  <span className="code" data-testid="account-username">
                    {session.person.username}
                  </span>
                ),
              },
              {
                label: 'Roles in force',
                value: formatInt(session.roles.filter((r) => r.current).length),
              },
            ]}
          />
        </section>
        <SessionTimes session={session} />
      </div>

      <Roles session={session} />

      {(tokenOrgs.length > 0 || auditor) && (
        <div className="grid-2">
          {tokenOrgs.length > 0 && (
            <section className="card" aria-labelledby="tokens-heading">
              <h2 id="tokens-heading">API tokens</h2>
              <p>
                Machine clients, such as a provider submitting data or a support unit importing it, use API
                tokens scoped to one organisation. You can issue and revoke them for:
              </p>
              <ul className="plain-list link-list">
                {tokenOrgs.map((o) => (
                  <li key={o.orgCode}>
                    <Link to={`/org/${seg(o.orgCode)}/api-tokens`}>
                      API tokens of {o.orgName ?? o.orgCode}
                    </Link>{' '}
                    <span className="muted small code">{o.orgCode}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {auditor && (
            <section className="card" aria-labelledby="admin-heading">
              <h2 id="admin-heading">Administration</h2>
              <p>
                Every write, every non-public read and every refused attempt is recorded in the append-only
                audit log.
              </p>
              <ul className="plain-list link-list">
                <li>
                  <Link to="/admin/audit">Search the audit log</Link>
                </li>
              </ul>
            </section>
          )}
        </div>
      )}

      <ChangePassword username={session.person.username} />
    </>
  );
}

export function AccountPage() {
  useTitle('Your account');
  return <RequireSignIn>{(session) => <Account session={session} />}</RequireSignIn>;
}
