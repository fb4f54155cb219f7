import { lazy } from 'preact-iso';
import type { AppRoute } from '../../routes.ts';
import { MISSING_PATH } from './paths.ts';

const MissingPage = lazy(() => import('./missing-page.tsx').then((m) => m.MissingPage));

/** What people could not find, and whether what they found helped: asked on the device, sent anonymously. */
export const evidenceRoutes: AppRoute[] = [{ path: MISSING_PATH, component: MissingPage }];
