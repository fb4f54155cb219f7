import type { AppRoute } from '../../routes.ts';

export const guidedRoutes: AppRoute[] = [];
