import { lazy } from 'preact-iso';
import type { AppRoute } from '../../routes.ts';

// Each page loads when first visited, so none of it weighs on the first page.
const InsightPage = lazy(() => import('./public-page.tsx').then((m) => m.InsightPage));
const YouSaidWeDidPage = lazy(() => import('./you-said-we-did-page.tsx').then((m) => m.YouSaidWeDidPage));
const LookupPage = lazy(() => import('./lookup-page.tsx').then((m) => m.LookupPage));
const DashboardPage = lazy(() => import('./dashboard-page.tsx').then((m) => m.DashboardPage));
const StoriesPage = lazy(() => import('./stories-page.tsx').then((m) => m.StoriesPage));
const MonthsPage = lazy(() => import('./months-page.tsx').then((m) => m.MonthsPage));
const PublishPage = lazy(() => import('./publish-page.tsx').then((m) => m.PublishPage));
const ProblemsPage = lazy(() => import('./problems-page.tsx').then((m) => m.ProblemsPage));

export const insightRoutes: AppRoute[] = [
  { path: '/insight', component: InsightPage },
  { path: '/insight/you-said-we-did', component: YouSaidWeDidPage },
  { path: '/listing-problems/lookup', component: LookupPage },
  { path: '/staff/dashboard', component: DashboardPage },
  { path: '/staff/dashboard/stories', component: StoriesPage },
  { path: '/staff/dashboard/months', component: MonthsPage },
  { path: '/staff/dashboard/you-said-we-did', component: PublishPage },
  { path: '/staff/problems', component: ProblemsPage },
];
