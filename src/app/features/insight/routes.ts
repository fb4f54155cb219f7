import type { AppRoute } from '../../routes.ts';

export const insightRoutes: AppRoute[] = [];
