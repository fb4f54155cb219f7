import { lazyPage } from '../../navigation/lazy-page.ts';
import type { AppRoute } from '../../routes.ts';
import { SHARED_LIST_PATH } from './share-link.ts';

const MyListPage = lazyPage(() => import('./my-list-page.tsx').then((m) => m.MyListPage));
const SharedListPage = lazyPage(() => import('./shared-list-page.tsx').then((m) => m.SharedListPage));

export const myListRoutes: AppRoute[] = [
  { path: '/my-list', component: MyListPage },
  { path: SHARED_LIST_PATH, component: SharedListPage },
];
