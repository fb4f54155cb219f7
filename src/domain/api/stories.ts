import { z } from 'zod/mini';
import { AreaOfFocus, QuestionId } from '../feedback/questions.ts';
import { MAX_WORDS_LENGTH } from '../feedback/submission.ts';
import { District } from '../service-terms.ts';
import { storableText } from '../storable-text.ts';
import { Period } from '../measures/periods.ts';
import { queryWhole } from './query.ts';

/** People's words at `/api/v1/stories` (and `/api/v1/stories.csv`), for analysts only. */

/** `GET /api/v1/stories` and `/api/v1/stories.csv`. */
export const StoryQuery = z.object({
  q: z.optional(z.string().check(z.maxLength(200))),
  area: z.optional(AreaOfFocus),
  district: z.optional(District),
  question: z.optional(QuestionId),
  answer: z.optional(z.string().check(z.maxLength(40))),
  period: z.optional(Period),
  /** One response's words, by the reference the person or the safety list gives. */
  reference: z.optional(z.string().check(z.maxLength(40))),
  page: z.optional(queryWhole(1, 10_000)),
});
export type StoryQuery = z.infer<typeof StoryQuery>;

/** `POST /api/v1/stories/{id}/quote`: the words to publish, scrubbed again on the server. */
export const QuoteRequest = z.object({
  text: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_WORDS_LENGTH), storableText()),
});

export const Quote = z.object({ text: z.string(), approvedAt: z.string() });
export type Quote = z.infer<typeof Quote>;

export const Story = z.object({
  id: z.string(),
  reference: z.string(),
  receivedAt: z.string(),
  period: z.string(),
  district: z.nullable(z.string()),
  respondent: z.string(),
  channel: z.string(),
  areasOfFocus: z.array(z.string()),
  safetyConcern: z.boolean(),
  answers: z.record(z.string(), z.string()),
  words: z.string(),
  mayQuote: z.boolean(),
  /** The words with personal details taken out, for an analyst to check and approve; only where quoting was agreed. */
  suggestedQuote: z.nullable(z.string()),
  quote: z.nullable(Quote),
});
export type Story = z.infer<typeof Story>;

/** `GET /api/v1/stories`: one page of the search, newest first. */
export const StoryPageResponse = z.object({
  total: z.number(),
  page: z.number(),
  perPage: z.number(),
  stories: z.array(Story),
});
export type StoryPageResponse = z.infer<typeof StoryPageResponse>;

/** `POST /api/v1/stories/{id}/quote`. */
export const QuoteResponse = z.object({ quote: Quote });
