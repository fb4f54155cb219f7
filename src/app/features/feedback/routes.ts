import { h } from 'preact';
import { lazy } from 'preact-iso';
import type { AppRoute } from '../../routes.ts';

// Each part loads when first visited, so none of it weighs on the first page.
const StartPage = lazy(() => import('./experience/start-page.tsx').then((m) => m.StartPage));
const StepPage = lazy(() => import('./experience/step-page.tsx').then((m) => m.StepPage));
const SentPage = lazy(() => import('./experience/sent-page.tsx').then((m) => m.SentPage));
const ReportPage = lazy(() => import('./report/report-page.tsx').then((m) => m.ReportPage));
const ReportSentPage = lazy(() => import('./report/report-sent-page.tsx').then((m) => m.ReportSentPage));

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
