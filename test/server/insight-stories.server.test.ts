import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { createApp } from '../../src/server/http/app.ts';
import type { Story } from '../../src/domain/api/stories.ts';
import type { YouSaidWeDid } from '../../src/domain/api/you-said-we-did.ts';
import { experience, store } from '../fixtures/insight/feedback.ts';
import { requester, signedIn, type SignedIn } from '../fixtures/insight/staff.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

let db: Database;
let drop: () => Promise<void>;
let analyst: SignedIn;
const request = requester(() => createApp({ db, version: 'test' }));

const quotable = experience({
  district: 'tendring',
  answers: { safe: 'not-safe', control: 'none' },
  words: 'My name is Tom Baker and my number is 07700 900123. Nobody visits.',
  consent: { storeWords: true, quote: true, contact: false },
});
const notQuotable = experience({
  district: 'chelmsford',
  answers: { control: 'enough' },
  words: '=HYPERLINK("http://example.org") the café helps, 100% "really"',
  consent: { storeWords: true, quote: false, contact: false },
});
const noWords = experience({ district: 'chelmsford', answers: { control: 'none' } });
const assisted = experience({
  district: 'basildon',
  answers: { home: 'not-at-all' },
  words: 'The stairs are too steep now.',
  consent: { storeWords: true, quote: false, contact: false },
});

interface StoriesBody {
  total: number;
  stories: Story[];
}

const search = async (query: string) => {
  const response = await request(`/api/v1/stories${query}`, { cookie: analyst.cookie });
  expect(response.status).toBe(200);
  return (await response.json()) as StoriesBody;
};

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  await store(db, [quotable, notQuotable, noWords, assisted]);
  // Staff tag assisted feedback with areas of focus; stored as the intake stores a staff member's.
  await db.query(
    `update feedback_responses set areas_of_focus = '{housing-employment-and-opportunities}' where id = $1`,
    [assisted.id],
  );
  analyst = await signedIn(db, 'analyst');
});

afterAll(async () => {
  await drop();
});

describe(`GET /api/v1/stories on ${databaseKind}`, () => {
  it('lists the words of people who agreed to their being kept, and no others', async () => {
    const body = await search('');
    expect(body.total).toBe(3);
    expect(body.stories.map((s) => s.id).sort()).toEqual([quotable.id, notQuotable.id, assisted.id].sort());
  });

  it('searches the words and filters by area of focus, district and an answer to a measure', async () => {
    expect((await search('?q=stairs')).stories.map((s) => s.id)).toEqual([assisted.id]);
    expect((await search('?q=100%25')).stories.map((s) => s.id)).toEqual([notQuotable.id]);
    expect((await search('?q=_')).total).toBe(0);
    expect((await search('?area=housing-employment-and-opportunities')).stories.map((s) => s.id)).toEqual([
      assisted.id,
    ]);
    expect((await search('?district=tendring')).stories.map((s) => s.id)).toEqual([quotable.id]);
    expect((await search('?question=safe&answer=not-safe')).stories.map((s) => s.id)).toEqual([quotable.id]);
    expect((await search('?question=control')).total).toBe(2);
    const bad = await request('/api/v1/stories?district=narnia', { cookie: analyst.cookie });
    expect(bad.status).toBe(400);
  });

  it('offers a scrubbed quote only where the person agreed to being quoted', async () => {
    const { stories } = await search('');
    const found = stories.find((s) => s.id === quotable.id);
    expect(found?.answers).toEqual({ safe: 'not-safe', control: 'none' });
    expect(found?.suggestedQuote).toBe('My name is [name] and my number is [phone]. Nobody visits.');
    expect(stories.find((s) => s.id === notQuotable.id)?.suggestedQuote).toBeNull();
  });
});

describe(`quote approval on ${databaseKind}`, () => {
  it('stores the approved quote scrubbed again, whatever the page sent', async () => {
    const response = await request(`/api/v1/stories/${quotable.id}/quote`, {
      method: 'POST',
      cookie: analyst.cookie,
      body: { text: 'Nobody visits. Ring me on 07700 900123.' },
    });
    expect(response.status).toBe(200);
    const { quote } = (await response.json()) as { quote: { text: string } };
    expect(quote.text).toBe('Nobody visits. Ring me on [phone].');
    const listed = (await search(`?district=tendring`)).stories[0];
    expect(listed?.quote?.text).toBe('Nobody visits. Ring me on [phone].');
  });

  it('refuses to quote someone who did not agree to it, and an empty quote', async () => {
    const refused = await request(`/api/v1/stories/${notQuotable.id}/quote`, {
      method: 'POST',
      cookie: analyst.cookie,
      body: { text: 'the café helps' },
    });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('quote_not_consented');
    const empty = await request(`/api/v1/stories/${quotable.id}/quote`, {
      method: 'POST',
      cookie: analyst.cookie,
      body: { text: '   ' },
    });
    expect(empty.status).toBe(400);
    const missing = await request(`/api/v1/stories/${noWords.id}/quote`, {
      method: 'POST',
      cookie: analyst.cookie,
      body: { text: 'words' },
    });
    expect(missing.status).toBe(404);
  });

  it('withdraws an approved quote', async () => {
    const withdrawn = await request(`/api/v1/stories/${quotable.id}/quote`, {
      method: 'DELETE',
      cookie: analyst.cookie,
    });
    expect(withdrawn.status).toBe(204);
    expect((await search('?district=tendring')).stories[0]?.quote).toBeNull();
  });
});

describe(`the stories export on ${databaseKind}`, () => {
  it('is CSV with the words quoted, and a formula in someone’s words is never run by a spreadsheet', async () => {
    const response = await request('/api/v1/stories.csv?district=chelmsford', { cookie: analyst.cookie });
    expect(response.headers.get('content-disposition')).toContain('signpost-stories.csv');
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe(
      'reference,received_at,period,district,respondent,channel,areas_of_focus,safety_concern,answers,words,may_quote,approved_quote',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(
      `,"'=HYPERLINK(""http://example.org"") the café helps, 100% ""really""",false,`,
    );
  });
});

describe(`"You said, we did" on ${databaseKind}`, () => {
  it('lets an analyst publish an entry that anyone can read', async () => {
    const created = await request('/api/v1/you-said-we-did', {
      method: 'POST',
      cookie: analyst.cookie,
      body: {
        youSaid: 'It was hard to find out about carer’s assessments.',
        weDid: 'Every carers’ listing now links to the assessment.',
        areaOfFocus: 'carers',
      },
    });
    expect(created.status).toBe(201);
    const { entry } = (await created.json()) as { entry: YouSaidWeDid };
    expect(entry).toMatchObject({ language: 'en', areaOfFocus: 'carers' });
    expect(entry.publishedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const list = (await (await request('/api/v1/you-said-we-did')).json()) as { entries: YouSaidWeDid[] };
    expect(list.entries.map((e) => e.weDid)).toEqual(['Every carers’ listing now links to the assessment.']);

    const removed = await request(`/api/v1/you-said-we-did/${entry.id}`, {
      method: 'DELETE',
      cookie: analyst.cookie,
    });
    expect(removed.status).toBe(204);
    expect(
      ((await (await request('/api/v1/you-said-we-did')).json()) as { entries: unknown[] }).entries,
    ).toEqual([]);
  });

  it('names each missing field', async () => {
    const response = await request('/api/v1/you-said-we-did', {
      method: 'POST',
      cookie: analyst.cookie,
      body: { youSaid: ' ', language: 'xx' },
    });
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; details: { path: string }[] } };
    expect(error.code).toBe('invalid_request');
    expect(error.details.map((d) => d.path).sort()).toEqual(['language', 'weDid', 'youSaid']);
  });
});
