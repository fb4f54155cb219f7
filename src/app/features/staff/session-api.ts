import { z } from 'zod/mini';
import { SessionResponse, type SignInRequest } from '../../../domain/api/session.ts';
import { StaffFieldError, type StaffUser } from '../../../domain/staff.ts';
import { getJson, sendJson, type ApiResult } from '../../api.ts';

/** The staff session API, in the words a screen needs: what happened, not how. */

export type SignInResult =
  | { ok: true; user: StaffUser }
  | { ok: false; reason: 'wrong' | 'offline' | 'server' }
  | { ok: false; reason: 'slow-down'; retryAfterSeconds: number }
  | { ok: false; reason: 'invalid'; errors: StaffFieldError[] };

export type PasswordResult =
  | { ok: true }
  | { ok: false; reason: 'offline' | 'server' | 'signed-out' }
  | { ok: false; reason: 'slow-down'; retryAfterSeconds: number }
  | { ok: false; reason: 'invalid'; errors: StaffFieldError[] };

const FieldErrors = z.array(StaffFieldError);

/** What a refused form means for the page: wait a while, or fix these fields; undefined otherwise. */
function refusal(
  result: ApiResult<unknown>,
):
  | { ok: false; reason: 'slow-down'; retryAfterSeconds: number }
  | { ok: false; reason: 'invalid'; errors: StaffFieldError[] }
  | undefined {
  if (result.ok || result.reason !== 'refused') return undefined;
  if (result.status === 429)
    return { ok: false, reason: 'slow-down', retryAfterSeconds: result.retryAfterSeconds ?? 60 };
  if (result.status !== 400) return undefined;
  const errors = FieldErrors.safeParse(result.details);
  return { ok: false, reason: 'invalid', errors: errors.success ? errors.data : [] };
}

/** `sharedComputer`: the session ends when the browser closes and after 30 idle minutes. */
export async function signIn(email: string, password: string, sharedComputer = false): Promise<SignInResult> {
  const request: SignInRequest = { email, password, sharedComputer };
  const result = await sendJson('POST', '/api/v1/session', request, SessionResponse);
  if (result.ok) return { ok: true, user: result.data.user };
  if (result.reason === 'offline') return { ok: false, reason: 'offline' };
  if (result.reason === 'unauthenticated') return { ok: false, reason: 'wrong' };
  return refusal(result) ?? { ok: false, reason: 'server' };
}

/** What the server says of this device's session: the user, none, or no answer (offline). */
export async function checkSession(): Promise<
  { state: 'valid'; user: StaffUser } | { state: 'none' | 'unknown' }
> {
  const result = await getJson('/api/v1/session', SessionResponse, { cache: 'no-store' });
  if (result.ok) return { state: 'valid', user: result.data.user };
  return result.reason === 'unauthenticated' ? { state: 'none' } : { state: 'unknown' };
}

/** Ends the session on the server; false when the server could not be reached. */
export async function signOutOnServer(): Promise<boolean> {
  const result = await sendJson('DELETE', '/api/v1/session');
  return result.ok || result.reason === 'unauthenticated';
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<PasswordResult> {
  const result = await sendJson('POST', '/api/v1/session/password', { currentPassword, newPassword });
  if (result.ok) return { ok: true };
  if (result.reason === 'offline') return { ok: false, reason: 'offline' };
  if (result.reason === 'unauthenticated') return { ok: false, reason: 'signed-out' };
  return refusal(result) ?? { ok: false, reason: 'server' };
}
