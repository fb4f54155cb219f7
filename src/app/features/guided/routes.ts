import { lazy } from 'preact-iso';
import type { AppRoute } from '../../routes.ts';
import { CHECK_PATH, GUIDED_PATH, HELP_NOW_PATH, SHORTLIST_PATH } from './journey-paths.ts';

const StartPage = lazy(() => import('./start-page.tsx').then((m) => m.StartPage));
const StepPage = lazy(() => import('./step-page.tsx').then((m) => m.StepPage));
const CheckPage = lazy(() => import('./check-page.tsx').then((m) => m.CheckPage));
const ShortlistPage = lazy(() => import('./shortlist-page.tsx').then((m) => m.ShortlistPage));
const HelpNowPage = lazy(() => import('./help-now-page.tsx').then((m) => m.HelpNowPage));

/** Guided help, "Help me find support": a few questions to a shortlist, all on the device. */
export const guidedRoutes: AppRoute[] = [
  { path: GUIDED_PATH, component: StartPage },
  { path: CHECK_PATH, component: CheckPage },
  { path: SHORTLIST_PATH, component: ShortlistPage },
  { path: HELP_NOW_PATH, component: HelpNowPage },
  // After the fixed pages: the router takes the first path that matches.
  { path: `${GUIDED_PATH}/:step`, component: StepPage },
];
