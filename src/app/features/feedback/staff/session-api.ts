import type { StaffFieldError, StaffUser } from '../../../../domain/staff.ts';

/** The staff session API, in the words a screen needs: what happened, not how. */

export type SignInResult =
  | { ok: true; user: StaffUser }
  | { ok: false; reason: 'wrong' | 'offline' | 'server' }
  | { ok: false; reason: 'slow-down'; retryAfterSeconds: number }
  | { ok: false; reason: 'invalid'; errors: StaffFieldError[] };

async function errorDetails(response: Response): Promise<StaffFieldError[]> {
  try {
    const body = (await response.json()) as { error?: { details?: unknown } };
    return Array.isArray(body.error?.details) ? (body.error.details as StaffFieldError[]) : [];
  } catch {
    return [];
  }
}

function retryAfter(response: Response): number {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 60;
}

const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

/** `sharedComputer`: the session ends when the browser closes and after 30 idle minutes. */
export async function signIn(email: string, password: string, sharedComputer = false): Promise<SignInResult> {
  let response: Response;
  try {
    response = await fetch('/api/v1/session', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ email, password, sharedComputer }),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, reason: 'offline' };
  }
  if (response.ok) {
    const body = (await response.json()) as { user: StaffUser };
    return { ok: true, user: body.user };
  }
  if (response.status === 401) return { ok: false, reason: 'wrong' };
  if (response.status === 429)
    return { ok: false, reason: 'slow-down', retryAfterSeconds: retryAfter(response) };
  if (response.status === 400) return { ok: false, reason: 'invalid', errors: await errorDetails(response) };
  return { ok: false, reason: 'server' };
}

/** What the server says of this device's session: the user, none, or no answer (offline). */
export async function checkSession(): Promise<
  { state: 'valid'; user: StaffUser } | { state: 'none' | 'unknown' }
> {
  try {
    const response = await fetch('/api/v1/session', { credentials: 'same-origin', cache: 'no-store' });
    if (response.ok) return { state: 'valid', user: ((await response.json()) as { user: StaffUser }).user };
    return response.status === 401 ? { state: 'none' } : { state: 'unknown' };
  } catch {
    return { state: 'unknown' };
  }
}

/** Ends the session on the server; false when the server could not be reached. */
export async function signOutOnServer(): Promise<boolean> {
  try {
    const response = await fetch('/api/v1/session', { method: 'DELETE', credentials: 'same-origin' });
    return response.ok || response.status === 401;
  } catch {
    return false;
  }
}

export type PasswordResult =
  | { ok: true }
  | { ok: false; reason: 'offline' | 'server' | 'signed-out' }
  | { ok: false; reason: 'slow-down'; retryAfterSeconds: number }
  | { ok: false; reason: 'invalid'; errors: StaffFieldError[] };

export async function changePassword(currentPassword: string, newPassword: string): Promise<PasswordResult> {
  let response: Response;
  try {
    response = await fetch('/api/v1/session/password', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ currentPassword, newPassword }),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, reason: 'offline' };
  }
  if (response.ok) return { ok: true };
  if (response.status === 401) return { ok: false, reason: 'signed-out' };
  if (response.status === 429)
    return { ok: false, reason: 'slow-down', retryAfterSeconds: retryAfter(response) };
  if (response.status === 400) return { ok: false, reason: 'invalid', errors: await errorDetails(response) };
  return { ok: false, reason: 'server' };
}
