import type { ComponentType } from 'preact';
import { directoryRoutes } from './features/directory/routes.ts';
import { qualityRoutes } from './features/directory-quality/routes.ts';
import { evidenceRoutes } from './features/evidence/routes.ts';
import { feedbackRoutes } from './features/feedback/routes.ts';
import { guidedRoutes } from './features/guided/routes.ts';
import { insightRoutes } from './features/insight/routes.ts';
import { myListRoutes } from './features/my-list/routes.ts';
import { staffRoutes } from './features/staff/routes.ts';

export interface AppRoute {
  path: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- route components take their own params
  component: ComponentType<any>;
}

/** Each part of the service lists its own pages; pages load lazily so the first page stays small. */
export const ROUTES: AppRoute[] = [
  ...directoryRoutes,
  ...myListRoutes,
  ...feedbackRoutes,
  ...staffRoutes,
  ...insightRoutes,
  ...qualityRoutes,
  ...guidedRoutes,
  ...evidenceRoutes,
];
