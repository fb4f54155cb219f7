import { lazyPage } from '../../navigation/lazy-page.ts';
import type { AppRoute } from '../../routes.ts';
import { CHECK_PATH, GUIDED_PATH, HELP_NOW_PATH, SHORTLIST_PATH } from './journey-paths.ts';

const StartPage = lazyPage(() => import('./start-page.tsx').then((m) => m.StartPage));
const StepPage = lazyPage(() => import('./step-page.tsx').then((m) => m.StepPage));
const CheckPage = lazyPage(() => import('./check-page.tsx').then((m) => m.CheckPage));
const ShortlistPage = lazyPage(() => import('./shortlist-page.tsx').then((m) => m.ShortlistPage));
const HelpNowPage = lazyPage(() => import('./help-now-page.tsx').then((m) => m.HelpNowPage));

/** Guided help, "Help me find support": a few questions to a shortlist, all on the device. */
export const guidedRoutes: AppRoute[] = [
  { path: GUIDED_PATH, component: StartPage },
  { path: CHECK_PATH, component: CheckPage },
  { path: SHORTLIST_PATH, component: ShortlistPage },
  { path: HELP_NOW_PATH, component: HelpNowPage },
  // After the fixed pages: the router takes the first path that matches.
  { path: `${GUIDED_PATH}/:step`, component: StepPage },
];
