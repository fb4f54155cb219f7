import { lazy } from 'preact-iso';
import type { AppRoute } from '../../routes.ts';

const SearchPage = lazy(() => import('./search-page.tsx').then((m) => m.SearchPage));
const ServicePage = lazy(() => import('./service-page.tsx').then((m) => m.ServicePage));

export const directoryRoutes: AppRoute[] = [
  { path: '/search', component: SearchPage },
  { path: '/services/:id', component: ServicePage },
];

// The directory is saved on the first visit to any page, once that page has loaded, so that search works
// offline later even for someone who never opened it online. Its code loads then, not with the page.
function saveDirectoryAfterLoad(): void {
  const start = () => void import('../../../store/directory-sync.ts').then((m) => m.startDirectorySync());
  if (document.readyState === 'complete') setTimeout(start, 0);
  else addEventListener('load', () => setTimeout(start, 0), { once: true });
}

if (typeof window !== 'undefined' && typeof indexedDB !== 'undefined') saveDirectoryAfterLoad();
