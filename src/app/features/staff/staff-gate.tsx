import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import type { StaffRole, StaffUser } from '../../../domain/staff.ts';
import { Page } from '../../components/page.tsx';
import type { ApiResult } from '../../api.ts';
import { useApi } from '../../hooks/use-api.ts';
import { SessionResponse } from '../../../domain/api/session.ts';
import type { Words } from '../insight/words.ts';

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

/** The page a person sees instead of a staff page they cannot open, saying what to do. */
export function AccessProblemPage(props: { words: Words; problem: AccessProblem }) {
  const { t } = props.words;
  const { url } = useLocation();
  const titles: Record<AccessProblem, string> = {
    'signed-out': t('access.signInTitle'),
    forbidden: t('access.noAccessTitle'),
    password: t('access.passwordTitle'),
    offline: t('access.offlineTitle'),
    server: t('access.serverTitle'),
  };
  return (
    <Page title={titles[props.problem]}>
      {props.problem === 'signed-out' && (
        <>
          <p>{t('access.signInBody')}</p>
          <p>
            <a class="button" href={`/staff/sign-in?next=${encodeURIComponent(url)}`}>
              {t('access.signInLink')}
            </a>
          </p>
        </>
      )}
      {props.problem === 'forbidden' && (
        <>
          <p>{t('access.noAccessBody')}</p>
          <p>
            <a class="tap-target" href="/staff">
              {t('access.staffHome')}
            </a>
          </p>
        </>
      )}
      {props.problem === 'password' && (
        <p>
          <a class="button" href="/staff/password">
            {t('access.passwordLink')}
          </a>
        </p>
      )}
      {props.problem === 'offline' && <p>{t('access.offlineBody')}</p>}
      {props.problem === 'server' && <p>{t('access.serverBody')}</p>}
    </Page>
  );
}

/**
 * A page for staff with one of `roles`. Anyone else sees why not (sign in, no access); the server
 * refuses them its data in any case.
 */
export function StaffOnly(props: {
  words: Words;
  ready: boolean;
  roles: readonly StaffRole[];
  title: string;
  children: (user: StaffUser) => ComponentChildren;
}) {
  const access = useAccess(props.roles);
  // No page of its own while it asks: the page that follows is the first, and keeps focus where it was.
  if (!props.ready || access.state === 'loading')
    return <p class="loading">{props.words.t('common:loading')}</p>;
  if (access.state === 'problem') return <AccessProblemPage words={props.words} problem={access.problem} />;
  return <>{props.children(access.user)}</>;
}
