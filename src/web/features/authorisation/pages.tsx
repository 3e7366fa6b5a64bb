import { AssessmentPage } from './AssessmentPage.tsx';
import { DecisionPage } from './DecisionPage.tsx';

/** A CCG's authorisation sub-pages: the assessor's scoring page and the decision page. */
export type AuthorisationPage = { readonly page: 'assessment' | 'decision'; readonly code: string };

/** Maps `/ccg/:code/authorisation/assessment|decision` to its page; null for any other path. Pure. */
export function matchAuthorisationPage(pathname: string): AuthorisationPage | null {
  const m = /^\/ccg\/([^/]+)\/authorisation\/(assessment|decision)\/?$/.exec(pathname);
  if (!m) return null;
  let code: string;
  try {
    code = decodeURIComponent(m[1]!).trim();
  } catch {
    return null;
  }
  return code ? { page: m[2] as AuthorisationPage['page'], code } : null;
}

export function AuthorisationSubPage({ route }: { readonly route: AuthorisationPage }) {
  return route.page === 'assessment' ? (
    <AssessmentPage code={route.code} />
  ) : (
    <DecisionPage code={route.code} />
  );
}
