import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { ErrorSummary, type FieldError, TextField } from '../../components/Form.tsx';
import { Link } from '../../components/Link.tsx';
import { ErrorPanel, Notice } from '../../components/Status.tsx';
import { useTitle } from '../../components/use-title.ts';
import { type ApiError, toApiError } from '../../lib/api.ts';
import { navigate, safeReturnPath, useLocation } from '../../lib/router.ts';
import { useSession } from '../../lib/session.tsx';

/** The refusal, in words for the person signing in (the same words whatever the reason, by design). */
function SignInError({ error }: { readonly error: ApiError }) {
  const panel = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus again for each new refusal
  useEffect(() => {
    panel.current?.focus();
  }, [error]);

  if (error.status === 401 || error.status === 429) {
    const tooMany = error.status === 429;
    return (
      <div className="error-panel" role="alert" tabIndex={-1} ref={panel} data-testid="sign-in-error">
        <h2 className="error-panel__title">{tooMany ? 'Too many sign-in attempts' : error.title}</h2>
        {tooMany ? (
          <>
            <p>Sign-in is paused for this device for a short while, to protect accounts from guessing.</p>
            <p>Wait a minute, then try again.{error.detail ? ` (${error.detail}.)` : ''}</p>
          </>
        ) : (
          error.problems.map((p) => <p key={`${p.path}:${p.message}`}>{p.message}</p>)
        )}
      </div>
    );
  }
  // Anything else (the API unreachable, invalid input): the problem as the API gave it.
  return <ErrorPanel error={error} focus />;
}

export function SignInPage() {
  useTitle('Sign in');
  const { session, signIn } = useSession();
  const { search } = useLocation();
  const next = safeReturnPath(search.get('next'));
  const usernameId = useId();
  const passwordId = useId();
  const showId = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [missing, setMissing] = useState<FieldError[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (username.trim() === '') problems.push({ fieldId: usernameId, message: 'Enter your username' });
    if (password === '') problems.push({ fieldId: passwordId, message: 'Enter your password' });
    setMissing(problems);
    setError(null);
    if (problems.length) return;
    setBusy(true);
    try {
      await signIn(username.trim(), password);
      navigate(next, { replace: true, moveFocus: true });
    } catch (err) {
      setPassword('');
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (id: string) => missing.find((m) => m.fieldId === id)?.message ?? null;

  return (
    <div className="narrow">
      <h1>Sign in</h1>
      <p className="lead">
        Sign in to see what your roles allow: your organisation's internal records, API tokens and, for
        administrators, the audit log. The map, organisations and structural check are public and need no
        account.
      </p>

      {session.status === 'signed-out' && session.reason === 'expired' && !error && (
        <Notice tone="warning" title="Your session has ended">
          <p>
            You were signed out after a period without activity, or your session reached its time limit. Sign
            in again to carry on.
          </p>
        </Notice>
      )}
      {session.status === 'signed-out' && session.reason === 'signed-out' && !error && (
        <Notice title="You have signed out">
          <p>Your session has ended on the server. Close the browser if this is a shared computer.</p>
        </Notice>
      )}
      {session.status === 'signed-in' && (
        <Notice title={`You are signed in as ${session.person.displayName}`}>
          <p>
            <Link to={next}>Continue</Link> or go to <Link to="/account">your account</Link>. To sign in as
            someone else, sign out first.
          </p>
        </Notice>
      )}

      <ErrorSummary errors={missing} />
      {error && <SignInError error={error} />}

      <form className="card form" onSubmit={submit} noValidate aria-label="Sign in">
        <TextField
          id={usernameId}
          label="Username"
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          value={username}
          error={fieldError(usernameId)}
          onChange={(e) => setUsername(e.target.value)}
          width="medium"
        />
        <TextField
          id={passwordId}
          label="Password"
          name="password"
          type={showPassword ? 'text' : 'password'}
          autoComplete="current-password"
          value={password}
          error={fieldError(passwordId)}
          onChange={(e) => setPassword(e.target.value)}
          width="medium"
        />
        <div className="checkbox">
          <input
            id={showId}
            type="checkbox"
            checked={showPassword}
            onChange={(e) => setShowPassword(e.target.checked)}
          />
          <label htmlFor={showId}>Show password</label>
        </div>
        <div className="form__actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </div>
      </form>

      <Notice title="Trying Commissioner?">
        <p>
          <code className="code">npm start</code> creates a demo account for each role (a CCG governing body
          member, a practice, an area team, a provider, a system administrator and more) and prints each
          username with its one-time password in the terminal. Each password is printed only once, when the
          account is made; <code className="code">npm run commissioner -- users reset-demo</code>, run with
          the server stopped, prints new ones.
        </p>
        <p>Forgotten your password? Ask a system administrator to reset it.</p>
      </Notice>
    </div>
  );
}
