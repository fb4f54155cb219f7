import { h } from 'preact';
import { lazyPage } from '../../navigation/lazy-page.ts';
import type { AppRoute } from '../../routes.ts';

// Each part loads when first visited, so none of it weighs on the first page.
const StartPage = lazyPage(() => import('./experience/start-page.tsx').then((m) => m.StartPage));
const StepPage = lazyPage(() => import('./experience/step-page.tsx').then((m) => m.StepPage));
const SentPage = lazyPage(() => import('./experience/sent-page.tsx').then((m) => m.SentPage));
const ReportPage = lazyPage(() => import('./report/report-page.tsx').then((m) => m.ReportPage));
const ReportSentPage = lazyPage(() => import('./report/report-sent-page.tsx').then((m) => m.ReportSentPage));

export const feedbackRoutes: AppRoute[] = [
  { path: '/feedback', component: () => h(StartPage, { mode: 'self' }) },
  { path: '/feedback/sent/:id', component: () => h(SentPage, { mode: 'self' }) },
  { path: '/feedback/:step', component: () => h(StepPage, { mode: 'self' }) },
  { path: '/services/:id/report', component: ReportPage },
  { path: '/services/:id/report/sent/:submission', component: ReportSentPage },
  { path: '/staff/record', component: () => h(StartPage, { mode: 'assisted' }) },
  { path: '/staff/record/sent/:id', component: () => h(SentPage, { mode: 'assisted' }) },
  { path: '/staff/record/:step', component: () => h(StepPage, { mode: 'assisted' }) },
];
