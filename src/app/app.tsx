import { ErrorBoundary, LocationProvider, Route, Router } from 'preact-iso';
import { useRef } from 'preact/hooks';
import { Footer } from './components/footer.tsx';
import { Header } from './components/header.tsx';
import { HomePage } from './pages/home.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { ProsePage } from './pages/prose.tsx';
import { FollowUpNews } from './features/evidence/follow-up-news.tsx';
import { OutboxStatus } from './features/feedback/outbox/outbox-status.tsx';
import { InstallOffer } from './install/install-offer.tsx';
import { BackLink } from './navigation/back-link.tsx';
import { UpdatePrompt } from './pwa/update-prompt.tsx';
import { ROUTES } from './routes.ts';

export function App() {
  const main = useRef<HTMLElement>(null);
  return (
    <LocationProvider>
      <Header />
      <OutboxStatus />
      <div class="app-news">
        <UpdatePrompt />
        <InstallOffer />
        <FollowUpNews />
      </div>
      <main id="main" tabIndex={-1} ref={main}>
        <BackLink />
        <ErrorBoundary>
          {/* While a page's code loads the page before stays on screen, under the new page's Back: busy, so
              assistive technology waits for the page rather than reading the one that is going. */}
          <Router
            onLoadStart={() => main.current?.setAttribute('aria-busy', 'true')}
            onLoadEnd={() => main.current?.removeAttribute('aria-busy')}
          >
            <Route path="/" component={HomePage} />
            {ROUTES.map((route) => (
              <Route key={route.path} path={route.path} component={route.component} />
            ))}
            <Route path="/accessibility" component={() => <ProsePage page="accessibility" />} />
            <Route path="/privacy" component={() => <ProsePage page="privacy" />} />
            <Route default component={NotFoundPage} />
          </Router>
        </ErrorBoundary>
      </main>
      <Footer />
    </LocationProvider>
  );
}
