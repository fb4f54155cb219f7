/**
 * Writes realistic, FICTIONAL experience feedback straight into the database, for demos, tests and the
 * benchmark. Some groups are deliberately small (Uttlesford, people who answered as both carer and
 * cared-for, answers given on someone's behalf) so that disclosure control has something to hide.
 *
 *   npx tsx scripts/seed-feedback.ts --responses 5000               into DATA_DIR (PGlite) or DATABASE_URL
 *   npx tsx scripts/seed-feedback.ts --answers 1000000 --to 2025-03
 *
 * Options: --responses N or --answers N (stop once that many answers are stored), --to YYYY-MM (the last
 * month; default this month), --months N (spread over this many months, default 12), --seed S. The same
 * options always write the same responses. Stop the server first when it uses PGlite in DATA_DIR.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  AREAS_OF_FOCUS,
  QUESTION_IDS,
  QUESTIONS,
  isAskedOf,
  type QuestionId,
} from '../src/domain/feedback/questions.ts';
import { referenceFor } from '../src/domain/feedback/reference.ts';
import type { Database } from '../src/server/db/database.ts';

export interface SeedOptions {
  /** How many responses to write (default 1,000 unless `answers` is given). */
  responses?: number;
  /** Or: keep writing responses until at least this many answers are stored. */
  answers?: number;
  /** The last month, `YYYY-MM` (default: this month). */
  to?: string;
  /** How many months the responses are spread over, ending with `to` (default 12). */
  months?: number;
  seed?: number;
  /** Responses per insert statement. */
  batchSize?: number;
  /** VACUUM ANALYZE afterwards, as after any bulk load, so counting can use index-only scans (default true). */
  vacuum?: boolean;
}

export interface SeedResult {
  responses: number;
  answers: number;
  stories: number;
  months: string[];
}

type Weights = readonly (readonly [string | null, number])[];

/** Roughly each district's share of Essex's adults, but Uttlesford kept tiny on purpose. */
const DISTRICT_WEIGHTS: Weights = [
  ['basildon', 12],
  ['braintree', 10],
  ['brentwood', 5],
  ['castle-point', 6],
  ['chelmsford', 13],
  ['colchester', 13],
  ['epping-forest', 9],
  ['harlow', 6],
  ['maldon', 4],
  ['rochford', 6],
  ['tendring', 10],
  ['uttlesford', 0.15],
  [null, 3],
];
const RESPONDENT_WEIGHTS: Weights = [
  ['resident', 45],
  ['carer', 25],
  ['draws-on-care', 28],
  ['both', 0.6],
];
const HOW_WEIGHTS: Weights = [
  ['own', 80],
  ['with-help', 17],
  ['on-behalf', 3],
];
const CHANNEL_WEIGHTS: Weights = [
  ['self-online', 60],
  ['staff-in-person', 18],
  ['staff-phone', 12],
  ['staff-group', 5],
  ['guided-help', 5],
];
const AGE_WEIGHTS: Weights = [
  ['18-24', 5],
  ['25-34', 8],
  ['35-44', 10],
  ['45-54', 14],
  ['55-64', 17],
  ['65-74', 18],
  ['75-84', 16],
  ['85-plus', 8],
  ['prefer-not-to-say', 2],
  [null, 2],
];
const SEX_WEIGHTS: Weights = [
  ['female', 56],
  ['male', 40],
  ['prefer-not-to-say', 2],
  [null, 2],
];
const ETHNICITY_WEIGHTS: Weights = [
  ['white', 86],
  ['asian', 4],
  ['black', 3],
  ['mixed', 2],
  ['other', 1],
  ['prefer-not-to-say', 2],
  [null, 2],
];
const DISABILITY_WEIGHTS: Weights = [
  ['yes', 38],
  ['no', 55],
  ['prefer-not-to-say', 4],
  [null, 3],
];

/** Things people say, with the kind of personal details the quote scrubber takes out. Fictional. */
const WORDS = [
  'The carers café has been a lifeline. I finally met people who understand what it is like.',
  'It took three phone calls to find out who to speak to about a grab rail. Once I did, it was quick.',
  'My daughter Sarah helps me read the letters, because they are hard to follow.',
  'I feel lonely since my husband died. The befriending calls on Tuesdays help a lot.',
  'Nobody told me I could ask for a carer’s assessment. Please make that clearer.',
  'The support worker was kind, but the visits are too short to get anything done.',
  'You can call me on 07700 900123 if you want to know more.',
  'I live at 14 Meadow Road and the bus stop is too far for me to walk now.',
  'My name is Tom and I look after my mum. I have not had a break since March 2024.',
  'Email me at sam.carer@example.org, I would like to help improve the service.',
  'The online directory was easy to use and I found a lunch club near me.',
  'I do not always feel safe at home since the stairs became difficult.',
  'The day centre closing has left my son with nothing to do during the week.',
  'Being asked what matters to me, not just what I need, made a real difference.',
];

/** A small, fast, seeded generator (mulberry32), so the same options always give the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(next: () => number, weights: Weights): string | null {
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  let roll = next() * total;
  for (const [value, weight] of weights) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return (weights[weights.length - 1] as readonly [string | null, number])[0];
}

function uuid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Most people answer towards the top of a scale; `lean` shifts a group a little up or down. */
function answerFor(next: () => number, question: QuestionId, lean: number): string {
  if (next() < 0.03) return 'prefer-not-to-say';
  const answers = QUESTIONS[question].answers as readonly string[];
  const weights: Weights = answers.map((answer, i) => [answer, Math.max(0.2, 1 + lean - i * 0.35)]);
  return pick(next, weights) as string;
}

/** Some districts and groups fare worse than others, so the inequality gaps have something to show. */
const DISTRICT_LEAN: Record<string, number> = {
  tendring: -0.5,
  harlow: -0.3,
  chelmsford: 0.2,
  brentwood: 0.3,
};

function thisMonth(): string {
  return new Date().toISOString().slice(0, 7);
}

function monthsEndingWith(last: string, count: number): string[] {
  const [year, month] = last.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

interface ResponseRecord {
  id: string;
  reference: string;
  created_at: string;
  period: string;
  respondent: string;
  how_answered: string;
  channel: string;
  district: string | null;
  age_band: string | null;
  sex: string | null;
  ethnic_group: string | null;
  disability: string | null;
  areas: string[];
  safety: boolean;
  safeguarding: boolean | null;
  store_words: boolean;
  quote: boolean;
}

export async function seedFeedback(db: Database, options: SeedOptions = {}): Promise<SeedResult> {
  const next = random(options.seed ?? 1);
  const months = monthsEndingWith(options.to ?? thisMonth(), options.months ?? 12);
  const byAnswers = options.answers !== undefined;
  const target = options.answers ?? options.responses ?? 1000;
  const batchSize = options.batchSize ?? 2000;
  const result: SeedResult = { responses: 0, answers: 0, stories: 0, months };
  const done = () => (byAnswers ? result.answers : result.responses) >= target;

  while (!done()) {
    const responses: ResponseRecord[] = [];
    const answers: { response_id: string; question: string; answer: string }[] = [];
    const stories: { response_id: string; words: string; may_quote: boolean }[] = [];
    while (responses.length < batchSize && !done()) {
      const id = uuid(next);
      const period = months[Math.floor(next() * months.length)] as string;
      const day = String(1 + Math.floor(next() * 27)).padStart(2, '0');
      const respondent = pick(next, RESPONDENT_WEIGHTS) as string;
      const channel = pick(next, CHANNEL_WEIGHTS) as string;
      const district = pick(next, DISTRICT_WEIGHTS);
      const staff = channel.startsWith('staff-');
      const lean = DISTRICT_LEAN[district ?? ''] ?? 0;
      const given: Partial<Record<QuestionId, string>> = {};
      for (const question of QUESTION_IDS) {
        if (!isAskedOf(question, respondent as 'resident') || next() < 0.08) continue;
        given[question] = answerFor(next, question, lean);
      }
      const safety = (QUESTIONS.safe.safetyTriggers as readonly string[]).includes(given.safe ?? '');
      const storeWords = next() < 0.3;
      const record: ResponseRecord = {
        id,
        reference: referenceFor(id),
        created_at: `${period}-${day}T12:00:00Z`,
        period: `${period}-01`,
        respondent,
        how_answered: pick(next, HOW_WEIGHTS) as string,
        channel,
        district,
        age_band: pick(next, AGE_WEIGHTS),
        sex: pick(next, SEX_WEIGHTS),
        ethnic_group: pick(next, ETHNICITY_WEIGHTS),
        disability: pick(next, DISABILITY_WEIGHTS),
        areas: staff ? [AREAS_OF_FOCUS[Math.floor(next() * AREAS_OF_FOCUS.length)] as string] : [],
        safety,
        safeguarding: staff && safety ? next() < 0.3 : null,
        store_words: storeWords,
        quote: storeWords && next() < 0.5,
      };
      responses.push(record);
      for (const [question, answer] of Object.entries(given))
        answers.push({ response_id: id, question, answer });
      if (storeWords) {
        stories.push({
          response_id: id,
          words: WORDS[Math.floor(next() * WORDS.length)] as string,
          may_quote: record.quote,
        });
      }
      result.responses++;
      result.answers += Object.keys(given).length;
    }
    await writeBatch(db, responses, answers, stories);
    result.stories += stories.length;
  }
  if (options.vacuum !== false) {
    await db.query('vacuum analyze feedback_responses');
    await db.query('vacuum analyze feedback_answers');
  }
  return result;
}

/** One multi-row insert per table per batch: rows travel as one JSON parameter, whatever the driver. */
async function writeBatch(
  db: Database,
  responses: readonly ResponseRecord[],
  answers: readonly { response_id: string; question: string; answer: string }[],
  stories: readonly { response_id: string; words: string; may_quote: boolean }[],
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into feedback_responses (
         id, reference, form_version, created_at, received_at, period, respondent, how_answered, channel,
         district, age_band, sex, ethnic_group, disability, areas_of_focus, safety_concern,
         safeguarding_concern, consent_store_words, consent_quote, consent_contact, content_hash)
       select r.id, r.reference, 1, r.created_at, r.created_at, r.period, r.respondent, r.how_answered,
              r.channel, r.district, r.age_band, r.sex, r.ethnic_group, r.disability,
              array(select jsonb_array_elements_text(r.areas)), r.safety, r.safeguarding, r.store_words,
              r.quote, false, 'seed:' || r.id
       from jsonb_to_recordset($1::text::jsonb) as r(
         id uuid, reference text, created_at timestamptz, period date, respondent text, how_answered text,
         channel text, district text, age_band text, sex text, ethnic_group text, disability text,
         areas jsonb, safety boolean, safeguarding boolean, store_words boolean, quote boolean)`,
      [JSON.stringify(responses)],
    );
    // Each response's record key is drawn by the database; its answers carry it for the cell keys.
    await tx.query(
      `insert into feedback_answers (
         response_id, question, answer, form_version, period, how_answered, respondent, channel,
         district, age_band, sex, ethnic_group, disability, record_key)
       select a.response_id, a.question, a.answer, 1, r.period, r.how_answered, r.respondent, r.channel,
              r.district, r.age_band, r.sex, r.ethnic_group, r.disability, r.record_key
       from jsonb_to_recordset($1::text::jsonb) as a(response_id uuid, question text, answer text)
       join feedback_responses r on r.id = a.response_id`,
      [JSON.stringify(answers)],
    );
    if (stories.length > 0) {
      await tx.query(
        `insert into feedback_stories (response_id, words, may_quote, form_version, received_at)
         select s.response_id, s.words, s.may_quote, 1, r.received_at
         from jsonb_to_recordset($1::text::jsonb) as s(response_id uuid, words text, may_quote boolean)
         join feedback_responses r on r.id = s.response_id`,
        [JSON.stringify(stories)],
      );
    }
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      responses: { type: 'string' },
      answers: { type: 'string' },
      to: { type: 'string' },
      months: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const whole = (name: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) {
      console.error(`seed-feedback: --${name} must be a whole number, not "${text}"`);
      process.exit(2);
    }
    return value;
  };
  if (values.to !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(values.to)) {
    console.error(`seed-feedback: --to must be a month, YYYY-MM, not "${values.to}"`);
    process.exit(2);
  }
  const { loadConfig } = await import('../src/server/config.ts');
  const { openDatabase } = await import('../src/server/db/open.ts');
  const { migrate } = await import('../src/server/db/migrate.ts');
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pgdata') });
  try {
    await migrate(db);
    const started = performance.now();
    const seeded = await seedFeedback(db, {
      responses: whole('responses', values.responses),
      answers: whole('answers', values.answers),
      to: values.to,
      months: whole('months', values.months),
      seed: whole('seed', values.seed),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Seeded ${seeded.responses} fictional responses (${seeded.answers} answers, ${seeded.stories} with words) ` +
        `over ${seeded.months[0]} to ${seeded.months[seeded.months.length - 1]} in ${seconds} s.`,
    );
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
