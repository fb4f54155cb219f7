import { lazyPage } from '../../navigation/lazy-page.ts';
import type { AppRoute } from '../../routes.ts';

// Each page loads when first visited, so none of it weighs on the first page.
const StaffHomePage = lazyPage(() => import('./staff-home-page.tsx').then((m) => m.StaffHomePage));
const SignInPage = lazyPage(() => import('./sign-in-page.tsx').then((m) => m.SignInPage));
const PasswordPage = lazyPage(() => import('./password-page.tsx').then((m) => m.PasswordPage));
const UsersPage = lazyPage(() => import('./users-page.tsx').then((m) => m.UsersPage));

export const staffRoutes: AppRoute[] = [
  { path: '/staff', component: StaffHomePage },
  { path: '/staff/sign-in', component: SignInPage },
  { path: '/staff/password', component: PasswordPage },
  { path: '/staff/users', component: UsersPage },
];
