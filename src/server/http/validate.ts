import type { Context } from 'hono';
import { z } from 'zod/mini';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError } from './errors.ts';

/**
 * The one way a route reads what a client sent: the query string, a path parameter or a JSON body,
 * each checked against a zod schema. What is wrong becomes a 400 naming each bad parameter or field,
 * unless the route's contract says otherwise (`invalid`), so a handler only ever sees valid input.
 */

/** What a schema found wrong, and the input it looked at. */
export type Invalid = (issues: readonly z.core.$ZodIssue[], input: unknown) => ApiError;

/** A problem with one parameter or field, as `details` of a 400 lists them. */
export interface ParamError {
  path: string;
  code: string;
}

export function paramErrors(issues: readonly z.core.$ZodIssue[]): ParamError[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code === 'custom' || issue.code === 'invalid_format' ? 'invalid' : issue.code,
  }));
}

const invalidQuery: Invalid = (issues) =>
  new ApiError(400, 'invalid_query', 'Check the query parameters.', paramErrors(issues));

const invalidBody: Invalid = (issues) =>
  new ApiError(400, 'invalid_request', 'Check the details sent.', paramErrors(issues));

function check<S extends z.ZodMiniType>(schema: S, input: unknown, invalid: Invalid): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues, input);
  return parsed.data;
}

/** The query string checked against `schema`; 400 `invalid_query` naming each bad parameter. */
export function readQuery<S extends z.ZodMiniType>(
  c: Context,
  schema: S,
  invalid: Invalid = invalidQuery,
): z.infer<S> {
  return check(schema, c.req.query(), invalid);
}

/** One path parameter checked against `schema`; what to answer otherwise is the route's to say. */
export function readParam<S extends z.ZodMiniType>(
  c: Context,
  name: string,
  schema: S,
  invalid: Invalid,
): z.infer<S> {
  return check(schema, c.req.param(name), invalid);
}

/** A JSON body checked against `schema`; 400 `invalid_request` naming each bad field. */
export async function readBody<S extends z.ZodMiniType>(
  c: Context,
  schema: S,
  invalid: Invalid = invalidBody,
): Promise<z.infer<S>> {
  return check(schema, await readJson(c), invalid);
}

/** Reads a JSON body, refusing other content types and malformed JSON with errors a client can act on. */
async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      'Send the body as JSON with Content-Type: application/json.',
    );
  }
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(400, 'invalid_json', 'The body is not valid JSON.');
  }
}

/** A UUID path parameter, in lower case; anything else cannot name a stored thing. */
export const UuidParam = z.pipe(
  z.uuid(),
  z.transform((id: string) => id.toLowerCase()),
);

/** A UUID path parameter: 404 otherwise, as no such thing can exist. */
export function uuidParam(c: Context, name: string, what: string): string {
  return readParam(c, name, UuidParam, () => notFound(what));
}

export function notFound(what: string): ApiError {
  return new ApiError(404, 'not_found', `There is no such ${what}.`);
}

/** Staff-only answers are never kept by a browser or a proxy. */
export function noStore(c: Context): void {
  c.header('Cache-Control', 'no-store');
}

/**
 * Sends `body` as JSON, typed by the endpoint's response schema in `domain/api`, so the compiler holds
 * the route to its contract (the contract test parses every answer with the same schema).
 */
export function reply<S extends z.ZodMiniType>(
  c: Context,
  _schema: S,
  body: z.input<S>,
  status: ContentfulStatusCode = 200,
) {
  return c.json(body, status);
}
