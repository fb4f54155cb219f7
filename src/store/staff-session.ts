/**
 * Who is signed in on this device, kept for the screens only (the server's session is the authority),
 * so a member of staff who signed in at the office still sees their tools in a home with no signal.
 * Readable by the service worker too, which sends a staff member's items only while they are signed in.
 */
import type { DBSchema } from 'idb';
import { databaseOpener } from './open-database.ts';
import type { StaffUser } from '../domain/staff.ts';
import { changeChannel } from './change-channel.ts';
import { STAFF_DATABASE } from './database-names.ts';

export type { StaffUser } from '../domain/staff.ts';

export interface LocalStaffSession {
  user: StaffUser;
  signedInAt: number;
  /** The server refused the session (it expired or was ended): sign in again before sending. */
  expired?: boolean;
}

interface StaffSchema extends DBSchema {
  session: { key: string; value: LocalStaffSession };
  /** Set when a sign-out could not reach the server: ended there as soon as there is a connection. */
  flags: { key: string; value: boolean };
}

const CHANNEL_NAME = 'signpost-staff';
const CURRENT = 'current';
const PENDING_SIGN_OUT = 'pending-sign-out';

const open = databaseOpener<StaffSchema>(STAFF_DATABASE, 1, (db) => {
  db.createObjectStore('session');
  db.createObjectStore('flags');
});

const changes = changeChannel(CHANNEL_NAME);
const announce = changes.announce;

/** Calls `listener` when someone signs in or out here or in another tab. Returns an unsubscribe. */
export const onStaffChange = changes.listen;

export async function currentStaff(): Promise<LocalStaffSession | undefined> {
  return (await open()).get('session', CURRENT);
}

/** The id of the staff member whose session may send their items now, if any. */
export async function signedInStaffId(): Promise<string | undefined> {
  const session = await currentStaff();
  return session && !session.expired ? session.user.id : undefined;
}

export async function rememberStaff(user: StaffUser): Promise<void> {
  const db = await open();
  await db.put('session', { user, signedInAt: Date.now() }, CURRENT);
  // A new sign-in replaced the old session's cookie: ending "the" session now would end this one.
  await db.delete('flags', PENDING_SIGN_OUT);
  announce();
}

export async function markSessionExpired(): Promise<void> {
  const db = await open();
  const session = await db.get('session', CURRENT);
  if (!session || session.expired) return;
  await db.put('session', { ...session, expired: true }, CURRENT);
  announce();
}

export async function forgetStaff(options: { serverStillSignedIn?: boolean } = {}): Promise<void> {
  const db = await open();
  await db.delete('session', CURRENT);
  if (options.serverStillSignedIn) await db.put('flags', true, PENDING_SIGN_OUT);
  announce();
}

export async function hasPendingSignOut(): Promise<boolean> {
  return (await (await open()).get('flags', PENDING_SIGN_OUT)) === true;
}

async function clearPendingSignOut(): Promise<void> {
  await (await open()).delete('flags', PENDING_SIGN_OUT);
}

/**
 * Ends on the server a sign-out that could not reach it, before anything else is sent, so nothing goes
 * with that session and it is never taken up again. True once none is left to end; false while the
 * server cannot be reached. Shared by the pages and the service worker's outbox.
 */
export async function finishPendingSignOut(): Promise<boolean> {
  if (!(await hasPendingSignOut())) return true;
  try {
    const response = await fetch('/api/v1/session', { method: 'DELETE', credentials: 'same-origin' });
    // Ended (204), or there was none left to end (401); any other answer is tried again later.
    if (!response.ok && response.status !== 401) return false;
  } catch {
    return false;
  }
  await clearPendingSignOut();
  return true;
}
