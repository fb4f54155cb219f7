import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { createApp } from '../../src/server/http/app.ts';
import { ephemeralSecrets } from '../../src/server/secrets.ts';
import { OWN_ORIGIN, signedIn, type SignedIn } from '../fixtures/insight/staff.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

/*
 * Text PostgreSQL cannot keep (a NUL character, a lone surrogate) and dates no month can be in, sent to
 * every endpoint behind the measures that takes text or a date. Each is a 400 naming the field, never a
 * 500; nothing of it is stored; and in a batch from the outbox the good items beside it are kept.
 */

/** Text each endpoint must refuse: PostgreSQL keeps no NUL, and a lone surrogate is not Unicode. */
const UNSTORABLE = ['before\u0000after', 'a lone \ud800 high half', '\udfff a lone low half'];
/** Times no answer can have been given in: year 0, year 1, year 9999 and a day no month has. */
const IMPOSSIBLE_TIMES = [
  '0000-01-01T00:00:00.000Z',
  '0001-01-01T00:00:00.000Z',
  '9999-12-31T23:00:00.000Z',
  '2026-02-30T10:00:00.000Z',
];
/** Months no figures can be for. */
const IMPOSSIBLE_MONTHS = ['0000-01', '0001-01', '9999-12', '2026-13'];

/** March 2026: answers arrive in it; February is over, with its grace period, so it may be published. */
const NOW = new Date('2026-03-20T10:00:00.000Z');
const FEBRUARY = '2026-02';
const IN_FEBRUARY = new Date('2026-02-10T10:00:00.000Z');

let db: Database;
let drop: () => Promise<void>;
let analyst: SignedIn;
let nextAddress = 1;
const secrets = ephemeralSecrets();

type ErrorBody = { error: { code: string; details?: { path: string; code: string }[] } };
interface ItemResult {
  index: number;
  status: string;
  errors?: { path: string; code: string }[];
}

async function call<T = ErrorBody>(
  path: string,
  options: { method?: string; body?: unknown; who?: SignedIn; at?: Date; address?: string } = {},
): Promise<{ status: number; body: T }> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {};
  if (options.who) headers.cookie = options.who.cookie;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers.origin = OWN_ORIGIN;
  const at = options.at ?? NOW;
  const app = createApp({ db, version: 'test', secrets, clock: () => at });
  const response = await app.request(
    path,
    { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) },
    { incoming: { socket: { remoteAddress: options.address ?? `203.0.113.${nextAddress++}` } } },
  );
  const text = await response.text();
  return { status: response.status, body: (text.startsWith('{') ? JSON.parse(text) : text) as T };
}

const count = async (table: string) =>
  (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]?.n ?? 0;

function experience(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'experience',
    id: randomUUID(),
    createdAt: NOW.toISOString(),
    formVersion: 1,
    answers: { control: 'enough', safe: 'safe-enough' },
    consent: { storeWords: false, quote: false, contact: false },
    respondent: 'resident',
    howAnswered: 'own',
    channel: 'self-online',
    ...overrides,
  };
}

function followUp(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'follow-up',
    id: randomUUID(),
    createdAt: NOW.toISOString(),
    serviceId: 'sample-chelmsford-carers-cafe',
    answer: 'partly',
    ...overrides,
  };
}

function found(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'found',
    id: randomUUID(),
    createdAt: NOW.toISOString(),
    source: 'search',
    answer: 'yes',
    ...overrides,
  };
}

/** Whether an answer with this id is stored in any of the tables answers go to. */
async function isStored(id: unknown): Promise<boolean> {
  const [row] = await db.query<{ n: number }>(
    `select (select count(*) from feedback_responses where id = $1)
          + (select count(*) from follow_up_answers where id = $1)
          + (select count(*) from found_answers where id = $1) as n`,
    [id],
  );
  return Number(row?.n) > 0;
}

/** Sends `bad` between two good answers: only `bad` is refused, naming `field`, and only it is not stored. */
async function batchKeepsTheGood(bad: Record<string, unknown>, field: string): Promise<void> {
  const good = [experience(), experience()];
  const { status, body } = await call<{ results: ItemResult[] }>('/api/v1/feedback', {
    method: 'POST',
    body: [good[0], bad, good[1]],
  });
  const what = `${field} ${JSON.stringify(bad[field])}`;
  expect(status, what).toBe(200);
  expect(
    body.results.map((r) => r.status),
    what,
  ).toEqual(['stored', 'invalid', 'stored']);
  expect(
    body.results[1]?.errors?.map((e) => e.path),
    what,
  ).toEqual([field]);
  for (const item of good) expect(await isStored(item.id), what).toBe(true);
  // The bad item alone, as one submission, is a 400 naming the same field.
  const alone = await call('/api/v1/feedback', { method: 'POST', body: bad });
  expect(alone.status, what).toBe(400);
  expect(
    alone.body.error.details?.map((d) => d.path),
    what,
  ).toEqual([field]);
  expect(await isStored(bad.id), what).toBe(false);
}

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  analyst = await signedIn(db, 'analyst');
}, 120_000);

afterAll(async () => drop?.());

describe(`answers from the outbox with text or times no month can keep, on ${databaseKind}`, () => {
  it('refuses unstorable words in an answer, keeping the good answers of its batch', async () => {
    for (const words of UNSTORABLE) {
      const consent = { storeWords: true, quote: false, contact: false };
      await batchKeepsTheGood(experience({ words, consent }), 'words');
    }
  });

  it('refuses an answer given in year 0, year 1, year 9999 or on 30 February, keeping the good ones', async () => {
    for (const createdAt of IMPOSSIBLE_TIMES) {
      await batchKeepsTheGood(experience({ createdAt }), 'createdAt');
    }
  });

  it('refuses an evidence answer naming a service in unstorable text, keeping the good ones', async () => {
    for (const serviceId of UNSTORABLE) {
      await batchKeepsTheGood(followUp({ serviceId }), 'serviceId');
    }
  });

  it('refuses evidence answers given at impossible times, keeping the good ones', async () => {
    for (const createdAt of IMPOSSIBLE_TIMES) {
      await batchKeepsTheGood(followUp({ createdAt }), 'createdAt');
      await batchKeepsTheGood(found({ createdAt }), 'createdAt');
    }
  });
});

describe(`what analysts publish, in text the database cannot keep, on ${databaseKind}`, () => {
  it('refuses a "You said, we did" entry with unstorable text in either part, and stores nothing', async () => {
    const good = { youSaid: 'The bus stop was too far.', weDid: 'We moved the drop-in.' };
    for (const text of UNSTORABLE) {
      for (const field of ['youSaid', 'weDid'] as const) {
        const { status, body } = await call('/api/v1/you-said-we-did', {
          method: 'POST',
          who: analyst,
          body: { ...good, [field]: text },
        });
        expect(status, `${field} ${JSON.stringify(text)}`).toBe(400);
        expect(body.error.details?.map((d) => d.path)).toEqual([field]);
      }
    }
    expect(await count('you_said_we_did')).toBe(0);
    expect((await call('/api/v1/you-said-we-did', { method: 'POST', who: analyst, body: good })).status).toBe(
      201,
    );
  });

  it('refuses a quote with unstorable text, and keeps no quote', async () => {
    const words = 'The carers’ café is the best part of my week.';
    const consent = { storeWords: true, quote: true, contact: false };
    const item = experience({ words, consent });
    expect((await call('/api/v1/feedback', { method: 'POST', body: item })).status).toBe(201);
    const path = `/api/v1/stories/${item.id as string}/quote`;
    for (const text of UNSTORABLE) {
      const { status, body } = await call(path, { method: 'POST', who: analyst, body: { text } });
      expect(status, JSON.stringify(text)).toBe(400);
      expect(body.error.details?.map((d) => d.path)).toEqual(['text']);
    }
    expect(await count('story_quotes')).toBe(0);
    expect((await call(path, { method: 'POST', who: analyst, body: { text: words } })).status).toBe(200);
  });
});

describe(`reviewing and publishing a month, given months and text no month can have, on ${databaseKind}`, () => {
  beforeAll(async () => {
    // A burst from one address in February, for a flag to leave out.
    for (let r = 0; r < 4; r++) {
      const at = new Date(IN_FEBRUARY.getTime() + r * 10 * 60_000);
      const batch = Array.from({ length: 3 }, () => experience({ createdAt: at.toISOString() }));
      const sent = await call('/api/v1/feedback', {
        method: 'POST',
        body: batch,
        at,
        address: '198.51.100.9',
      });
      expect(sent.status).toBe(200);
    }
  });

  it('answers 400 for a month in a year no figures are for, on every route that takes one', async () => {
    for (const period of IMPOSSIBLE_MONTHS) {
      const routes: Array<[string, string, unknown]> = [
        ['GET', `/api/v1/analyst/months/${period}`, undefined],
        [
          'POST',
          `/api/v1/analyst/months/${period}/exclusions`,
          { flag: 'address-burst', key: 'k', reason: 'r' },
        ],
        ['POST', `/api/v1/analyst/months/${period}/publications`, {}],
        ['GET', `/api/v1/measures?period=${period}`, undefined],
        ['GET', `/api/v1/measures/scorecard.csv?period=${period}`, undefined],
        ['GET', `/api/v1/analyst/measures?period=${period}`, undefined],
      ];
      for (const [method, path, body] of routes) {
        const { status } = await call(path, { method, body, who: analyst });
        expect(status, `${method} ${path}`).toBe(400);
      }
    }
    expect(await count('measure_exclusions')).toBe(0);
    expect(await count('measure_publications')).toBe(0);
  });

  it('refuses a reason to leave answers out, or a flag’s key, in unstorable text, and leaves nothing out', async () => {
    const review = await call<{ flags: { kind: string; key: string }[] }>(
      `/api/v1/analyst/months/${FEBRUARY}`,
      {
        who: analyst,
      },
    );
    const [flag] = review.body.flags;
    expect(flag?.kind).toBe('address-burst');
    const path = `/api/v1/analyst/months/${FEBRUARY}/exclusions`;
    for (const text of UNSTORABLE) {
      const reason = await call(path, {
        method: 'POST',
        who: analyst,
        body: { ...flag, flag: flag?.kind, reason: text },
      });
      expect(reason.status, JSON.stringify(text)).toBe(400);
      expect(reason.body.error.details?.map((d) => d.path)).toEqual(['reason']);
      const key = await call(path, {
        method: 'POST',
        who: analyst,
        body: { flag: flag?.kind, key: text, reason: 'A burst' },
      });
      expect(key.status, JSON.stringify(text)).toBe(400);
      expect(key.body.error.details?.map((d) => d.path)).toEqual(['key']);
    }
    expect(await count('measure_exclusions')).toBe(0);
  });

  it('refuses a republication note in unstorable text, and the published month stays at its revision', async () => {
    const path = `/api/v1/analyst/months/${FEBRUARY}/publications`;
    expect((await call(path, { method: 'POST', who: analyst, body: {} })).status).toBe(201);
    for (const note of UNSTORABLE) {
      const { status, body } = await call(path, { method: 'POST', who: analyst, body: { note } });
      expect(status, JSON.stringify(note)).toBe(400);
      expect(body.error.details?.map((d) => d.path)).toEqual(['note']);
    }
    expect(await count('measure_publications')).toBe(1);
  });
});
