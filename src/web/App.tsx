import { useEffect, useRef } from 'react';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { Footer } from './components/Footer.tsx';
import { Header } from './components/Header.tsx';
import { Link } from './components/Link.tsx';
import { PasswordChangeBanner } from './components/PasswordChangeBanner.tsx';
import { useTitle } from './components/use-title.ts';
import { AccountPage } from './features/account/AccountPage.tsx';
import { ApiTokensPage } from './features/account/ApiTokensPage.tsx';
import { SignInPage } from './features/account/SignInPage.tsx';
import { ActivityLoadsPage } from './features/activity/ActivityLoadsPage.tsx';
import { CcgActivityPage } from './features/activity/CcgActivityPage.tsx';
import { ContractStatementPage } from './features/activity/ContractStatementPage.tsx';
import { ProviderActivityPage } from './features/activity/ProviderActivityPage.tsx';
import { AuditPage } from './features/audit/AuditPage.tsx';
import { AuthorisationBoardPage } from './features/authorisation/AuthorisationBoardPage.tsx';
import { CcgAuthorisationPage } from './features/authorisation/CcgAuthorisationPage.tsx';
import { AuthorisationSubPage, matchAuthorisationPage } from './features/authorisation/pages.tsx';
import { CcgPage } from './features/ccg/CcgPage.tsx';
import { ConstitutionPage } from './features/governance/ConstitutionPage.tsx';
import { GoverningBodyPage } from './features/governance/GoverningBodyPage.tsx';
import { MeetingBuilderPage } from './features/governance/MeetingBuilderPage.tsx';
import { MeetingPage } from './features/governance/MeetingPage.tsx';
import { MeetingsPage } from './features/governance/MeetingsPage.tsx';
import { MinutesPage } from './features/governance/MinutesPage.tsx';
import { NationalCompliancePage } from './features/governance/NationalCompliancePage.tsx';
import { ProcurementPage } from './features/governance/ProcurementPage.tsx';
import { RegisterPage } from './features/governance/RegisterPage.tsx';
import { MapPage } from './features/map/MapPage.tsx';
import { OrganisationPage } from './features/organisations/OrganisationPage.tsx';
import { SearchPage } from './features/organisations/SearchPage.tsx';
import { PracticePage } from './features/practice/PracticePage.tsx';
import { StructurePage } from './features/structure/StructurePage.tsx';
import { useAsAt } from './lib/as-at.ts';
import { consumePushFlag, matchRoute, type Route, useLocation } from './lib/router.ts';
import { SessionProvider } from './lib/session.tsx';

function NotFound() {
  useTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p>There is no page at this address.</p>
      <p>
        <Link to="/">Go to the map of CCGs</Link> or <Link to="/organisations">search all organisations</Link>
        .
      </p>
    </>
  );
}

function Page({ route, asAt }: { readonly route: Route; readonly asAt: string }) {
  switch (route.name) {
    case 'map':
      return <MapPage asAt={asAt} />;
    case 'ccg':
      return <CcgPage code={route.code} asAt={asAt} />;
    case 'practice':
      return <PracticePage code={route.code} asAt={asAt} />;
    case 'org':
      return <OrganisationPage code={route.code} asAt={asAt} />;
    case 'organisations':
      return <SearchPage asAt={asAt} />;
    case 'structure':
      return <StructurePage asAt={asAt} />;
    case 'sign-in':
      return <SignInPage />;
    case 'account':
      return <AccountPage />;
    case 'audit':
      return <AuditPage />;
    case 'activity-loads':
      return <ActivityLoadsPage />;
    case 'api-tokens':
      return <ApiTokensPage code={route.code} />;
    case 'ccg-governance':
      return <GoverningBodyPage code={route.code} asAt={asAt} />;
    case 'ccg-register':
      return <RegisterPage code={route.code} asAt={asAt} />;
    case 'ccg-meetings':
      return <MeetingsPage code={route.code} asAt={asAt} />;
    case 'meeting-new':
      return <MeetingBuilderPage code={route.code} asAt={asAt} />;
    case 'ccg-constitution':
      return <ConstitutionPage code={route.code} asAt={asAt} />;
    case 'ccg-procurement':
      return <ProcurementPage code={route.code} asAt={asAt} />;
    case 'meeting':
      return <MeetingPage id={route.id} asAt={asAt} />;
    case 'minutes':
      return <MinutesPage id={route.id} asAt={asAt} />;
    case 'governance':
      return <NationalCompliancePage asAt={asAt} />;
    case 'authorisation':
      return <AuthorisationBoardPage />;
    case 'ccg-authorisation':
      return <CcgAuthorisationPage code={route.code} asAt={asAt} />;
    case 'ccg-activity':
      return <CcgActivityPage code={route.code} asAt={asAt} />;
    case 'ccg-provider-activity':
      return <ProviderActivityPage code={route.code} provider={route.provider} asAt={asAt} />;
    case 'ccg-contract-statement':
      return <ContractStatementPage code={route.code} provider={route.provider} asAt={asAt} />;
    case 'not-found':
      return <NotFound />;
  }
}

export function App() {
  const { pathname } = useLocation();
  const asAt = useAsAt();
  const route = matchRoute(pathname);
  // A CCG's authorisation assessment and decision pages (issue #6) match before the router's.
  const authorisationPage = matchAuthorisationPage(pathname);
  const main = useRef<HTMLElement>(null);

  // After following a link: start at the top and move focus to the new page for screen readers.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new pathname
  useEffect(() => {
    if (consumePushFlag()) {
      window.scrollTo(0, 0);
      main.current?.focus({ preventScroll: true });
    }
  }, [pathname]);

  return (
    <SessionProvider>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <Header />
      <PasswordChangeBanner />
      <main id="main" ref={main} tabIndex={-1} className="container main">
        <ErrorBoundary key={pathname}>
          {authorisationPage ? (
            <AuthorisationSubPage route={authorisationPage} />
          ) : (
            <Page route={route} asAt={asAt} />
          )}
        </ErrorBoundary>
      </main>
      <Footer />
    </SessionProvider>
  );
}
