import { useSession } from '../lib/session.tsx';
import { Link } from './Link.tsx';

/** Asks a person signed in with a one-time password to choose their own, on every page until they do. */
export function PasswordChangeBanner() {
  const { session } = useSession();
  if (session.status !== 'signed-in' || !session.passwordChangeRequired) return null;
  return (
    <div className="container">
      <div className="notice notice--warning" role="status" data-testid="password-change-banner">
        You signed in with a one-time password. <Link to="/account#password">Choose your own password</Link>{' '}
        now: the one-time password was shown in plain text.
      </div>
    </div>
  );
}
