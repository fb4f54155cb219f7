import { h } from 'preact';
import { ComingSoonPage } from '../../pages/coming-soon.tsx';
import type { AppRoute } from '../../routes.ts';

export const feedbackRoutes: AppRoute[] = [
  { path: '/feedback', component: () => h(ComingSoonPage, { titleKey: 'nav.feedback' }) },
];
