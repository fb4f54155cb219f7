import { z } from 'zod/mini';
import { AreaOfFocus } from '../feedback/questions.ts';
import { LANGUAGES } from '../languages.ts';
import { storableText } from '../storable-text.ts';

/** "You said, we did" at `/api/v1/you-said-we-did`: read by everyone, written by analysts. */

// Shown to everyone, so it must be text the database can keep: a NUL is a 400 here, not a 500 there.
const Text = z
  .string()
  .check(z.trim(), z.minLength(1, { error: 'required' }), z.maxLength(1000), storableText());

/** `POST /api/v1/you-said-we-did`. */
export const YouSaidWeDidRequest = z.object({
  youSaid: Text,
  weDid: Text,
  language: z.optional(z.enum(LANGUAGES.map((l) => l.code) as [string, ...string[]])),
  areaOfFocus: z.optional(AreaOfFocus),
});
export type YouSaidWeDidRequest = z.infer<typeof YouSaidWeDidRequest>;

export const YouSaidWeDid = z.object({
  id: z.string(),
  youSaid: z.string(),
  weDid: z.string(),
  /** The language it is written in, so a page in another language can mark it for screen readers. */
  language: z.string(),
  areaOfFocus: z.nullable(z.string()),
  /** `YYYY-MM-DD`. */
  publishedOn: z.string(),
  createdAt: z.string(),
});
export type YouSaidWeDid = z.infer<typeof YouSaidWeDid>;

/** `GET /api/v1/you-said-we-did`: newest first. */
export const YouSaidWeDidListResponse = z.object({ entries: z.array(YouSaidWeDid) });
export type YouSaidWeDidListResponse = z.infer<typeof YouSaidWeDidListResponse>;

/** `POST /api/v1/you-said-we-did`. */
export const YouSaidWeDidCreatedResponse = z.object({ entry: YouSaidWeDid });
