import { lazy } from 'preact-iso';
import type { AppRoute } from '../../routes.ts';

// Loads when first visited, so none of it weighs on the residents' pages.
const QualityPage = lazy(() => import('./quality-page.tsx').then((m) => m.QualityPage));

export const qualityRoutes: AppRoute[] = [{ path: '/staff/directory-quality', component: QualityPage }];
