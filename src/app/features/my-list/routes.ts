import { lazy } from 'preact-iso';
import type { AppRoute } from '../../routes.ts';
import { SHARED_LIST_PATH } from './share-link.ts';

const MyListPage = lazy(() => import('./my-list-page.tsx').then((m) => m.MyListPage));
const SharedListPage = lazy(() => import('./shared-list-page.tsx').then((m) => m.SharedListPage));

export const myListRoutes: AppRoute[] = [
  { path: '/my-list', component: MyListPage },
  { path: SHARED_LIST_PATH, component: SharedListPage },
];
