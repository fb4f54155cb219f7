import { useEffect, useState } from 'preact/hooks';
import {
  currentStaff,
  finishPendingSignOut,
  hasPendingSignOut,
  markSessionExpired,
  onStaffChange,
  rememberStaff,
  type LocalStaffSession,
} from '../../../store/staff-session.ts';
import { resumeAfterSignIn } from '../../../store/outbox.ts';
import { checkSession } from './session-api.ts';

export type StaffState =
  { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; session: LocalStaffSession };

let checkedWithServer = false;

/**
 * Asks the server once per visit who is signed in, as it is the authority: a session it refuses is
 * marked expired (staff keep working offline and sign in again to send); a session this device did not
 * know of (signed in from another tab, or with the API) is taken up. With no answer (offline) the
 * device's memory stands.
 */
async function checkOnce(session: LocalStaffSession | undefined): Promise<void> {
  if (checkedWithServer) return;
  checkedWithServer = true;
  // A sign-out that could not reach the server is finished first, never undone by adopting its session.
  if (!session && (await hasPendingSignOut())) {
    await finishPendingSignOut();
    return;
  }
  const answer = await checkSession();
  if (answer.state === 'none') {
    if (session) await markSessionExpired();
    return;
  }
  if (answer.state !== 'valid') return;
  const known = session && !session.expired && session.user.id === answer.user.id;
  if (known && JSON.stringify(answer.user) === JSON.stringify(session.user)) return;
  await rememberStaff(answer.user);
  if (!known) await resumeAfterSignIn(answer.user.id);
}

/** The member of staff signed in on this device, as the screens should show them. */
export function useStaff(): StaffState {
  const [state, setState] = useState<StaffState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    const load = async () => {
      const session = await currentStaff().catch(() => undefined);
      if (!session && !checkedWithServer) await checkOnce(undefined);
      const latest = session ?? (await currentStaff().catch(() => undefined));
      if (!live) return;
      setState(latest ? { status: 'signed-in', session: latest } : { status: 'signed-out' });
      if (latest) void checkOnce(latest);
    };
    void load();
    const stop = onStaffChange(() => void load());
    return () => {
      live = false;
      stop();
    };
  }, []);
  return state;
}

/** Whether this member of staff may record feedback with someone (field staff and admins, password set). */
export function canRecord(session: LocalStaffSession): boolean {
  return (session.user.role === 'field' || session.user.role === 'admin') && !session.user.mustChangePassword;
}
