import { h } from 'preact';
import { ComingSoonPage } from '../../pages/coming-soon.tsx';
import type { AppRoute } from '../../routes.ts';

export const directoryRoutes: AppRoute[] = [
  { path: '/search', component: () => h(ComingSoonPage, { titleKey: 'nav.search' }) },
];
