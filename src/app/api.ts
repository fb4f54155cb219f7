import type { z } from 'zod/mini';
import { ApiErrorBody } from '../domain/api/errors.ts';

/**
 * The one way a page talks to the API: every answer is checked against its contract in `domain/api`,
 * and comes back as a result that says what happened in words a screen can act on (offline, signed
 * out, not allowed, refused with a code), never as an unchecked body.
 */
export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; reason: 'offline' | 'server' }
  | { ok: false; reason: 'unauthenticated' | 'forbidden' | 'password' | 'not-found' }
  | {
      ok: false;
      reason: 'refused';
      status: number;
      code: string;
      details: unknown;
      /** From `Retry-After`, for a 429: how long to wait, in seconds. */
      retryAfterSeconds?: number;
    };

function retryAfter(response: Response): number | undefined {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

async function failure<T>(response: Response): Promise<ApiResult<T>> {
  // A proxy's error page, not ours, has no code: the status says enough.
  const parsed = ApiErrorBody.safeParse(await response.json().catch(() => undefined));
  const error = parsed.success ? parsed.data.error : undefined;
  const code = error?.code ?? '';
  if (response.status === 401) return { ok: false, reason: 'unauthenticated' };
  if (response.status === 403 && code === 'password_change_required')
    return { ok: false, reason: 'password' };
  if (response.status === 403 && code !== 'bad_origin') return { ok: false, reason: 'forbidden' };
  if (response.status === 404) return { ok: false, reason: 'not-found' };
  if (response.status >= 500) return { ok: false, reason: 'server' };
  const wait = retryAfter(response);
  return {
    ok: false,
    reason: 'refused',
    status: response.status,
    code,
    details: error?.details,
    ...(wait === undefined ? {} : { retryAfterSeconds: wait }),
  };
}

/**
 * The answer to a request already sent, checked against `schema`: also for a `GET` sent before this module
 * loaded (a head start), so it is checked as `getJson` checks its own.
 */
export async function checkJson<S extends z.ZodMiniType>(
  sent: Promise<Response>,
  schema?: S,
): Promise<ApiResult<z.output<S>>> {
  let response: Response;
  try {
    response = await sent;
  } catch {
    return { ok: false, reason: 'offline' };
  }
  if (!response.ok) return failure(response);
  if (response.status === 204 || !schema) return { ok: true, data: undefined as z.output<S> };
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, reason: 'server' };
}

function call<S extends z.ZodMiniType>(
  url: string,
  init: RequestInit,
  schema?: S,
): Promise<ApiResult<z.output<S>>> {
  return checkJson(fetch(url, { credentials: 'same-origin', ...init }), schema);
}

/** `GET`, the answer checked against `schema`. */
export function getJson<S extends z.ZodMiniType>(
  url: string,
  schema: S,
  init: Pick<RequestInit, 'cache'> = {},
): Promise<ApiResult<z.output<S>>> {
  return call(url, { ...init, headers: { accept: 'application/json' } }, schema);
}

/**
 * A change, with a JSON body if given; the answer checked against `schema`, or none expected (204).
 * The browser adds our `Origin`, which the server checks on every change a session makes.
 */
export function sendJson<S extends z.ZodMiniType>(
  method: 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  schema?: S,
): Promise<ApiResult<z.output<S>>> {
  return call(
    url,
    {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    },
    schema,
  );
}

/** `?a=1&b=2` from the values that are set, or '' with none. */
export function queryString(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}
