/** Anything that checks an answer's shape: the zod/mini schemas in schemas.ts. */
export interface Schema<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false };
}

/**
 * The insight API as the pages need it: a result that says what happened in words a screen can act on
 * (offline, signed out, not allowed, refused with a code), the body checked against its schema.
 */
export type ApiResult<T> =
  | { ok: true; data: T }
  | { ok: false; reason: 'offline' | 'server' }
  | { ok: false; reason: 'unauthenticated' | 'forbidden' | 'password' | 'not-found' }
  | { ok: false; reason: 'refused'; status: number; code: string; details: unknown };

interface ErrorBody {
  error?: { code?: string; details?: unknown };
}

async function failure<T>(response: Response): Promise<ApiResult<T>> {
  let body: ErrorBody = {};
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    // A proxy's error page, not ours: the status says enough.
  }
  const code = body.error?.code ?? '';
  if (response.status === 401) return { ok: false, reason: 'unauthenticated' };
  if (response.status === 403 && code === 'password_change_required')
    return { ok: false, reason: 'password' };
  if (response.status === 403 && code !== 'bad_origin') return { ok: false, reason: 'forbidden' };
  if (response.status === 404) return { ok: false, reason: 'not-found' };
  if (response.status >= 500) return { ok: false, reason: 'server' };
  return { ok: false, reason: 'refused', status: response.status, code, details: body.error?.details };
}

async function call<T>(url: string, init: RequestInit, schema?: Schema<T>): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...init });
  } catch {
    return { ok: false, reason: 'offline' };
  }
  if (!response.ok) return failure(response);
  if (response.status === 204 || !schema) return { ok: true, data: undefined as T };
  const parsed = schema.safeParse(await response.json().catch(() => undefined));
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, reason: 'server' };
}

export function getJson<T>(url: string, schema: Schema<T>): Promise<ApiResult<T>> {
  return call(url, { headers: { accept: 'application/json' } }, schema);
}

/** A change: the browser adds our `Origin`, which the server checks on every change a session makes. */
export function sendJson<T>(
  method: 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  schema?: Schema<T>,
): Promise<ApiResult<T>> {
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
