import { lazyPage } from '../../navigation/lazy-page.ts';
import type { AppRoute } from '../../routes.ts';

// Each page loads when first visited, so none of it weighs on the first page.
const InsightPage = lazyPage(() => import('./public-page.tsx').then((m) => m.InsightPage));
const YouSaidWeDidPage = lazyPage(() => import('./you-said-we-did-page.tsx').then((m) => m.YouSaidWeDidPage));
const LookupPage = lazyPage(() => import('./lookup-page.tsx').then((m) => m.LookupPage));
const DashboardPage = lazyPage(() => import('./dashboard-page.tsx').then((m) => m.DashboardPage));
const StoriesPage = lazyPage(() => import('./stories-page.tsx').then((m) => m.StoriesPage));
const MonthsPage = lazyPage(() => import('./months-page.tsx').then((m) => m.MonthsPage));
const PublishPage = lazyPage(() => import('./publish-page.tsx').then((m) => m.PublishPage));
const ProblemsPage = lazyPage(() => import('./problems-page.tsx').then((m) => m.ProblemsPage));

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
