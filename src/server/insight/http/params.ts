import type { Context } from 'hono';
import { z } from 'zod/mini';
import type { StaffUser } from '../../../domain/staff.ts';
import { sessionUser } from '../../auth/middleware.ts';
import { ApiError } from '../../http/errors.ts';
import { readJson } from '../../http/json.ts';

/** A problem with one parameter or field, as `details` of a 400 lists them. */
export interface ParamError {
  path: string;
  code: string;
}

function problems(issues: readonly z.core.$ZodIssue[]): ParamError[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code === 'custom' || issue.code === 'invalid_format' ? 'invalid' : issue.code,
  }));
}

/** The query string checked against `schema`; 400 `invalid_query` naming each bad parameter. */
export function readQuery<S extends z.ZodMiniType>(c: Context, schema: S): z.infer<S> {
  const parsed = schema.safeParse(c.req.query());
  if (!parsed.success) {
    throw new ApiError(400, 'invalid_query', 'Check the query parameters.', problems(parsed.error.issues));
  }
  return parsed.data;
}

/** A JSON body checked against `schema`; 400 `invalid_request` naming each bad field. */
export async function readBody<S extends z.ZodMiniType>(c: Context, schema: S): Promise<z.infer<S>> {
  const body = await readJson(c);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError(400, 'invalid_request', 'Check the details sent.', problems(parsed.error.issues));
  }
  return parsed.data;
}

const Uuid = z.uuid();

/** A path parameter that must be a UUID: 404 otherwise, as no such thing can exist. */
export function uuidParam(c: Context, name: string, what: string): string {
  const value = c.req.param(name);
  if (!Uuid.safeParse(value).success) throw notFound(what);
  return (value as string).toLowerCase();
}

export function notFound(what: string): ApiError {
  return new ApiError(404, 'not_found', `There is no such ${what}.`);
}

/** The member of staff `requireRole` let through. */
export function staffMember(c: Context): StaffUser {
  const user = sessionUser(c);
  if (!user) throw new ApiError(401, 'unauthenticated', 'Sign in to do this.');
  return user;
}

/** Staff-only answers are never kept by a browser or a proxy. */
export function noStore(c: Context): void {
  c.header('Cache-Control', 'no-store');
}
