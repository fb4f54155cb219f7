import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import type { StaffRole, StaffUser } from '../../../domain/staff.ts';
import { Page } from '../../components/page.tsx';
import type { ApiResult } from '../../api.ts';
import { useApi } from '../../hooks/use-api.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { SessionResponse } from '../../../domain/api/session.ts';

/** Why a staff page cannot be shown, as the page tells the person. */
export type AccessProblem = 'signed-out' | 'forbidden' | 'password' | 'offline' | 'server';

type Access =
  { state: 'loading' } | { state: 'problem'; problem: AccessProblem } | { state: 'ok'; user: StaffUser };

/** Asks the server who is signed in: it alone decides, and it checks again on every request. */
function useAccess(roles: readonly StaffRole[]): Access {
  const { result } = useApi('/api/v1/session', SessionResponse);
  if (!result) return { state: 'loading' };
  if (!result.ok) {
    const problem: AccessProblem =
      result.reason === 'unauthenticated' ? 'signed-out' : result.reason === 'offline' ? 'offline' : 'server';
    return { state: 'problem', problem };
  }
  const { user } = result.data;
  if (user.mustChangePassword) return { state: 'problem', problem: 'password' };
  if (!roles.includes(user.role)) return { state: 'problem', problem: 'forbidden' };
  return { state: 'ok', user };
}

/** What the page shows instead of itself when the API refused it: sign in, or no access; else nothing. */
export function refusedAccess(
  result: ApiResult<unknown> | undefined,
): 'signed-out' | 'forbidden' | undefined {
  if (!result || result.ok) return undefined;
  if (result.reason === 'unauthenticated') return 'signed-out';
  return result.reason === 'forbidden' ? 'forbidden' : undefined;
}

/**
 * The page a person sees instead of a staff page they cannot open, saying what to do. `words` is not
 * read (the staff namespace has the gate's own words); pages that still pass their own are not refused.
 */
export function AccessProblemPage(props: { problem: AccessProblem }) {
  const { t, ready } = useTranslation('staff');
  const { url } = useLocation();
  if (!ready) return <p class="loading">{t('common:loading')}</p>;
  const titles: Record<AccessProblem, string> = {
    'signed-out': t('staff:access.signInTitle'),
    forbidden: t('staff:access.noAccessTitle'),
    password: t('staff:access.passwordTitle'),
    offline: t('staff:access.offlineTitle'),
    server: t('staff:access.serverTitle'),
  };
  return (
    <Page title={titles[props.problem]}>
      {props.problem === 'signed-out' && (
        <>
          <p>{t('staff:access.signInBody')}</p>
          <p>
            <a class="button" href={`/staff/sign-in?next=${encodeURIComponent(url)}`}>
              {t('staff:access.signInLink')}
            </a>
          </p>
        </>
      )}
      {props.problem === 'forbidden' && (
        <>
          <p>{t('staff:access.noAccessBody')}</p>
          <p>
            <a class="tap-target" href="/staff">
              {t('staff:access.staffHome')}
            </a>
          </p>
        </>
      )}
      {props.problem === 'password' && (
        <p>
          <a class="button" href="/staff/password">
            {t('staff:access.passwordLink')}
          </a>
        </p>
      )}
      {props.problem === 'offline' && <p>{t('staff:access.offlineBody')}</p>}
      {props.problem === 'server' && <p>{t('staff:access.serverBody')}</p>}
    </Page>
  );
}

/**
 * A page for staff with one of `roles`. Anyone else sees why not (sign in, no access); the server
 * refuses them its data in any case.
 */
export function StaffOnly(props: {
  /** Whether the page's own words have loaded; the gate waits for its own as well. */
  ready: boolean;
  roles: readonly StaffRole[];
  title: string;
  children: (user: StaffUser) => ComponentChildren;
}) {
  const access = useAccess(props.roles);
  const { t, ready } = useTranslation('staff');
  // No page of its own while it asks: the page that follows is the first, and keeps focus where it was.
  if (!props.ready || !ready || access.state === 'loading')
    return <p class="loading">{t('common:loading')}</p>;
  if (access.state === 'problem') return <AccessProblemPage problem={access.problem} />;
  return <>{props.children(access.user)}</>;
}
