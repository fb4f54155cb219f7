import type { Quote, Story, StoryPageResponse, StoryQuery } from '../../domain/api/stories.ts';
import { normaliseReference } from '../../domain/feedback/reference.ts';
import { scrubPersonalDetails } from '../../domain/feedback/scrub.ts';
import type { Database, Queryable } from '../db/database.ts';
import { toCsv, toIsoTime } from './csv.ts';
import { periodDate } from './periods.ts';

/**
 * The people's words that analysts may read: only those whose authors agreed to their being kept
 * (storage holds no others). A quote leaves the dashboard only once scrubbed of personal details and
 * approved by an analyst, and only where its author agreed to being quoted.
 */

export const STORIES_PER_PAGE = 20;
/** The most stories one export holds. */
export const STORIES_EXPORT_LIMIT = 10_000;

interface StoryRow {
  id: string;
  reference: string;
  received_at: unknown;
  period: string;
  district: string | null;
  respondent: string;
  channel: string;
  areas_of_focus: string[];
  safety_concern: boolean;
  answers: Record<string, string> | string;
  words: string;
  may_quote: boolean;
  quote: string | null;
  quote_approved_at: unknown;
}

function where(query: StoryQuery): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const clauses: string[] = [];
  const add = (clause: (n: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(clause(`$${params.length}`));
  };
  const text = query.q?.trim();
  if (text) add((n) => `s.words ilike ${n} escape '\\'`, `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (query.area) add((n) => `${n} = any(r.areas_of_focus)`, query.area);
  if (query.district) add((n) => `r.district = ${n}`, query.district);
  if (query.period) add((n) => `r.period = ${n}::date`, periodDate(query.period));
  if (query.reference) add((n) => `r.reference = ${n}`, normaliseReference(query.reference) ?? '');
  if (query.question) {
    params.push(query.question);
    const q = `$${params.length}`;
    let answer = '';
    if (query.answer) {
      params.push(query.answer);
      answer = ` and a.answer = $${params.length}`;
    }
    clauses.push(
      `exists (select 1 from feedback_answers a where a.response_id = r.id and a.question = ${q}${answer})`,
    );
  }
  return { sql: clauses.length > 0 ? `where ${clauses.join(' and ')}` : '', params };
}

const SELECT = `
  select r.id, r.reference, r.received_at, to_char(r.period, 'YYYY-MM') as period, r.district,
         r.respondent, r.channel, r.areas_of_focus, r.safety_concern,
         (select coalesce(jsonb_object_agg(a.question, a.answer), '{}'::jsonb)
            from feedback_answers a where a.response_id = r.id) as answers,
         s.words, s.may_quote, q.text as quote, q.approved_at as quote_approved_at
  from feedback_stories s
  join feedback_responses r on r.id = s.response_id
  left join story_quotes q on q.response_id = s.response_id`;

export async function searchStories(db: Database, query: StoryQuery): Promise<StoryPageResponse> {
  const page = query.page ?? 1;
  const filter = where(query);
  const [{ total } = { total: 0 }] = await db.query<{ total: number }>(
    `select count(*)::int as total from feedback_stories s
     join feedback_responses r on r.id = s.response_id ${filter.sql}`,
    filter.params,
  );
  const rows = await db.query<StoryRow>(
    `${SELECT} ${filter.sql} order by r.received_at desc, r.id
     limit ${STORIES_PER_PAGE} offset ${(page - 1) * STORIES_PER_PAGE}`,
    filter.params,
  );
  return { total, page, perPage: STORIES_PER_PAGE, stories: rows.map(toStory) };
}

export async function storiesCsv(db: Database, query: StoryQuery): Promise<string> {
  const filter = where(query);
  const rows = await db.query<StoryRow>(
    `${SELECT} ${filter.sql} order by r.received_at desc, r.id limit ${STORIES_EXPORT_LIMIT}`,
    filter.params,
  );
  return toCsv(
    [
      'reference',
      'received_at',
      'period',
      'district',
      'respondent',
      'channel',
      'areas_of_focus',
      'safety_concern',
      'answers',
      'words',
      'may_quote',
      'approved_quote',
    ],
    rows.map(toStory).map((s) => [
      s.reference,
      s.receivedAt,
      s.period,
      s.district ?? '',
      s.respondent,
      s.channel,
      s.areasOfFocus.join(';'),
      String(s.safetyConcern),
      Object.entries(s.answers)
        .map(([question, answer]) => `${question}=${answer}`)
        .join(';'),
      s.words,
      String(s.mayQuote),
      s.quote?.text ?? '',
    ]),
  );
}

function toStory(row: StoryRow): Story {
  const answers =
    typeof row.answers === 'string' ? (JSON.parse(row.answers) as Story['answers']) : row.answers;
  return {
    id: row.id,
    reference: row.reference,
    receivedAt: toIsoTime(row.received_at),
    period: row.period,
    district: row.district,
    respondent: row.respondent,
    channel: row.channel,
    areasOfFocus: row.areas_of_focus,
    safetyConcern: row.safety_concern,
    answers,
    words: row.words,
    mayQuote: row.may_quote,
    suggestedQuote: row.may_quote ? scrubPersonalDetails(row.words) : null,
    quote: row.quote === null ? null : { text: row.quote, approvedAt: toIsoTime(row.quote_approved_at) },
  };
}

export type QuoteOutcome =
  { status: 'approved'; quote: Quote } | { status: 'not-found' } | { status: 'not-consented' };

/**
 * Approves a quote of a story. The text is scrubbed again here, whatever the page sent, so an approved
 * quote never holds an email, a phone number or another detail the scrubber knows.
 */
export async function approveQuote(
  db: Database,
  responseId: string,
  text: string,
  analystId: string,
): Promise<QuoteOutcome> {
  return db.transaction(async (tx: Queryable) => {
    const [story] = await tx.query<{ may_quote: boolean }>(
      'select may_quote from feedback_stories where response_id = $1 for update',
      [responseId],
    );
    if (!story) return { status: 'not-found' };
    if (!story.may_quote) return { status: 'not-consented' };
    const [row] = await tx.query<{ text: string; approved_at: unknown }>(
      `insert into story_quotes (response_id, text, approved_by) values ($1, $2, $3)
       on conflict (response_id) do update
         set text = excluded.text, approved_by = excluded.approved_by, approved_at = now()
       returning text, approved_at`,
      [responseId, scrubPersonalDetails(text), analystId],
    );
    return {
      status: 'approved',
      quote: { text: row?.text ?? '', approvedAt: toIsoTime(row?.approved_at) },
    };
  });
}

/** Withdraws an approved quote; true when there was one. */
export async function withdrawQuote(db: Database, responseId: string): Promise<boolean> {
  const rows = await db.query('delete from story_quotes where response_id = $1 returning response_id', [
    responseId,
  ]);
  return rows.length > 0;
}
