import { Fragment, type ReactNode } from 'react';
import { type SignedInSession, useRequireSignIn } from '../lib/session.tsx';
import { Loading } from './Status.tsx';

/**
 * Shows `children` to a signed-in person only; anyone else is sent to the sign-in page (and back
 * afterwards). The content is keyed by the person, so nothing of one person's shows for another.
 */
export function RequireSignIn({ children }: { readonly children: (session: SignedInSession) => ReactNode }) {
  const session = useRequireSignIn();
  if (session.status === 'signed-in') return <Fragment key={session.person.id}>{children(session)}</Fragment>;
  return <Loading label={session.status === 'loading' ? 'Checking your sign-in…' : 'Going to sign in…'} />;
}
