import { h } from 'preact';
import { ComingSoonPage } from '../../pages/coming-soon.tsx';
import type { AppRoute } from '../../routes.ts';

export const myListRoutes: AppRoute[] = [
  { path: '/my-list', component: () => h(ComingSoonPage, { titleKey: 'nav.myList' }) },
];
