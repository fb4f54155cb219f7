import { lazyPage } from '../../navigation/lazy-page.ts';
import type { AppRoute } from '../../routes.ts';

// Loads when first visited, so none of it weighs on the residents' pages.
const QualityPage = lazyPage(() => import('./quality-page.tsx').then((m) => m.QualityPage));

export const qualityRoutes: AppRoute[] = [{ path: '/staff/directory-quality', component: QualityPage }];
