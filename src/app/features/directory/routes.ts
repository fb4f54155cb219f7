import i18next from 'i18next';
import { serviceIdIn } from '../../../domain/api/paths.ts';
import { lazyPage } from '../../navigation/lazy-page.ts';
import { drawFirstPageAfter, settleFirstPageAfter } from '../../first-page.ts';
import type { AppRoute } from '../../routes.ts';
import { requestServiceEarly } from './service-request.ts';

const SearchPage = lazyPage(() => import('./search-page.tsx').then((m) => m.SearchPage));
const ServicePage = lazyPage(() => import('./service-page.tsx').then((m) => m.ServicePage));

export const directoryRoutes: AppRoute[] = [
  { path: '/search', component: SearchPage },
  { path: '/services/:id', component: ServicePage },
];

/** The words each page is drawn with: asked for with its code, not once it first draws "Loading". */
const SEARCH_PAGE_WORDS = ['directory'];
const SERVICE_PAGE_WORDS = ['directory', 'my-list'];

/** Whether the address is one of these pages, whose content is the directory. */
function isDirectoryPage(path: string): boolean {
  return path === '/search' || path.startsWith('/services/');
}

// The directory is saved on the first visit to any page, so that search works offline later even for
// someone who never opened it online. Elsewhere its code loads once the page has loaded, not with it.
// Opened straight at results or a service (a link, a reload), the page and the directory it shows are
// fetched at once, while the app's words load, rather than after the first render asks for them; a
// service's page also looks up its one service, from the server when the device has no copy of it.
function saveDirectory(): void {
  const start = () => import('../../../store/directory-sync.ts').then((m) => m.startDirectorySync());
  if (isDirectoryPage(location.pathname)) {
    // A page that cannot load says so when it is drawn, as it would without this head start.
    drawFirstPageAfter((location.pathname === '/search' ? SearchPage : ServicePage).preload());
    const service = serviceIdIn(location.pathname);
    if (service) {
      requestServiceEarly(service);
      // The page is drawn with its service, so it paints once, whole, rather than "Loading" first.
      drawFirstPageAfter(import('./service-lookup.ts').then((m) => m.lookUpService(service)));
    }
    // Its words (and a service's Save button's) too: each would otherwise be asked for only once drawn, a
    // round trip later, with "Loading" in their place and the whole page drawn a second time.
    const words = service ? SERVICE_PAGE_WORDS : SEARCH_PAGE_WORDS;
    drawFirstPageAfter(
      new Promise((resolve) => {
        const loadWords = () => void i18next.loadNamespaces(words).then(resolve, resolve);
        if (i18next.isInitialized) loadWords();
        else i18next.on('initialized', loadWords);
      }),
    );
    // The page shows the directory: saving it is part of the page's own loading.
    settleFirstPageAfter(start());
  } else if (document.readyState === 'complete') setTimeout(start, 0);
  else addEventListener('load', () => setTimeout(start, 0), { once: true });
}

if (typeof window !== 'undefined' && typeof indexedDB !== 'undefined') saveDirectory();
