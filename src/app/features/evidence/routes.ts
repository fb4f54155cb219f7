import { lazyPage } from '../../navigation/lazy-page.ts';
import type { AppRoute } from '../../routes.ts';
import { FOLLOW_UP_PATH, GAPS_PATH, MISSING_PATH } from './paths.ts';

const MissingPage = lazyPage(() => import('./missing-page.tsx').then((m) => m.MissingPage));
const FollowUpPage = lazyPage(() => import('./follow-up-page.tsx').then((m) => m.FollowUpPage));
const GapsPage = lazyPage(() => import('./gaps-page.tsx').then((m) => m.GapsPage));

/** What people could not find, and whether what they found helped: asked on the device, sent anonymously. */
export const evidenceRoutes: AppRoute[] = [
  { path: MISSING_PATH, component: MissingPage },
  { path: FOLLOW_UP_PATH, component: FollowUpPage },
  { path: GAPS_PATH, component: GapsPage },
];
