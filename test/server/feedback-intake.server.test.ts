import { createLogger } from '../../src/server/log.ts';
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { referenceFor } from '../../src/domain/feedback/reference.ts';
import type { StaffRole } from '../../src/domain/staff.ts';
import { createStaffUser } from '../../src/server/auth/index.ts';
import { hashPassword } from '../../src/server/auth/password.ts';
import type { Database, Queryable } from '../../src/server/db/database.ts';
import {
  deleteFeedbackByReference,
  forgetPersonalDetailsReceivedBefore,
} from '../../src/server/feedback/retention.ts';
import { createApp } from '../../src/server/http/app.ts';
import { FEEDBACK_PER_ADDRESS } from '../../src/server/routes/feedback.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

const PASSWORD = 'a long and memorable passphrase';

let db: Database;
let drop: () => Promise<void>;
let app: Hono;

// The server's clock stands still through each test, so a test that fills a rate limit's window
// cannot straddle two of them.
let testStarted = new Date();
beforeEach(() => {
  testStarted = new Date();
});

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  app = createApp({ db, version: 'test', clock: () => testStarted });
});
afterAll(async () => drop?.());
beforeEach(async () => {
  await db.query('delete from rate_limits');
});

let nextAddress = 1;
function freshAddress() {
  return `203.0.113.${nextAddress++}`;
}

function experience(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'experience',
    id: randomUUID(),
    createdAt: '2025-03-14T10:30:00.000Z',
    formVersion: 1,
    answers: { control: 'enough', safe: 'as-safe-as-i-want', info: 'prefer-not-to-say' },
    consent: { storeWords: false, quote: false, contact: false },
    respondent: 'resident',
    howAnswered: 'own',
    channel: 'self-online',
    ...overrides,
  };
}

/** Staff answers carry the time they were given, which must be recent: the server refuses old ones. */
function assisted(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return experience({
    createdAt: new Date().toISOString(),
    channel: 'staff-phone',
    assisted: { gatheredBy: 'phone', consentStatementRead: true, areasOfFocus: ['carers', 'practice'] },
    ...overrides,
  });
}

function listingProblem(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'listing-problem',
    id: randomUUID(),
    createdAt: '2025-03-14T11:00:00+01:00',
    serviceId: 'essex-carers-network',
    problem: 'wrong-phone',
    ...overrides,
  };
}

interface Sent {
  status: number;
  body: {
    result?: { id: string; status: string; reference: string };
    results?: { index: number; id?: string; status: string; reference?: string; errors?: unknown[] }[];
    error?: { code: string; message: string; details?: unknown };
  };
  headers: Headers;
}

async function post(
  body: unknown,
  options: { cookie?: string; address?: string; on?: Hono } = {},
): Promise<Sent> {
  const headers: Record<string, string> = { 'content-type': 'application/json', origin: 'http://localhost' };
  if (options.cookie) headers.cookie = options.cookie;
  const response = await (options.on ?? app).request(
    '/api/v1/feedback',
    { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) },
    { incoming: { socket: { remoteAddress: options.address ?? freshAddress() } } },
  );
  return {
    status: response.status,
    body: (await response.json()) as Sent['body'],
    headers: response.headers,
  };
}

async function count(table: string, id?: string): Promise<number> {
  const column = table === 'feedback_responses' || table === 'listing_problems' ? 'id' : 'response_id';
  const [row] = await db.query<{ n: number }>(
    `select count(*)::int as n from ${table}${id ? ` where ${column} = $1` : ''}`,
    id ? [id] : [],
  );
  return row?.n ?? 0;
}

let passwordHash: Promise<string> | undefined;
async function signedIn(role: StaffRole, options: { oneTimePassword?: boolean } = {}) {
  const { user, oneTimePassword } = await createStaffUser(db, {
    email: `${role}-${randomUUID()}@signpost.example`,
    role,
  });
  let password = oneTimePassword;
  if (!options.oneTimePassword) {
    passwordHash ??= hashPassword(PASSWORD);
    await db.query('update staff_users set password_hash = $2, must_change_password = false where id = $1', [
      user.id,
      await passwordHash,
    ]);
    password = PASSWORD;
  }
  const response = await app.request(
    '/api/v1/session',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password }),
    },
    { incoming: { socket: { remoteAddress: freshAddress() } } },
  );
  const cookie = /^(__Host-signpost-session=[^;]*)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (!cookie) throw new Error('could not sign in');
  return { user, cookie };
}

describe(`one submission on ${databaseKind}`, () => {
  it('is stored with the reference the device worked out for itself', async () => {
    const submission = experience();
    const id = submission.id as string;
    const response = await post(submission);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ result: { id, status: 'stored', reference: referenceFor(id) } });
    expect(await count('feedback_responses', id)).toBe(1);
    const answers = await db.query(
      'select question, answer from feedback_answers where response_id = $1 order by question',
      [id],
    );
    expect(answers).toEqual([
      { question: 'control', answer: 'enough' },
      { question: 'info', answer: 'prefer-not-to-say' },
      { question: 'safe', answer: 'as-safe-as-i-want' },
    ]);
  });

  it('sent again with the same content is answered 200 and stores nothing new', async () => {
    const submission = experience({
      words: 'The day centre is a lifeline.',
      consent: { storeWords: true, quote: false, contact: false },
    });
    const id = submission.id as string;
    expect((await post(submission)).status).toBe(201);
    // The same content, its id spelt in capitals and its fields in another order.
    const resent = Object.fromEntries(Object.entries({ ...submission, id: id.toUpperCase() }).reverse());
    const again = await post(resent);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ result: { id, status: 'already-stored', reference: referenceFor(id) } });
    expect(await count('feedback_responses', id)).toBe(1);
    expect(await count('feedback_answers', id)).toBe(3);
    expect(await count('feedback_stories', id)).toBe(1);
  });

  it('sent again with different content under the same id is refused with 409 and changes nothing', async () => {
    const submission = experience();
    const id = submission.id as string;
    await post(submission);
    const changed = await post({ ...submission, answers: { control: 'none' } });
    expect(changed.status).toBe(409);
    expect(changed.body.error?.code).toBe('conflict');
    const answers = await db.query<{ answer: string }>(
      "select answer from feedback_answers where response_id = $1 and question = 'control'",
      [id],
    );
    expect(answers).toEqual([{ answer: 'enough' }]);
    // An id already used by another kind of submission is a conflict too.
    expect((await post(listingProblem({ id }))).status).toBe(409);
    expect(await count('listing_problems', id)).toBe(0);
  });

  it('sent ten times at once is stored exactly once', async () => {
    const submission = experience({ answers: { safe: 'not-safe' } });
    const id = submission.id as string;
    const address = freshAddress();
    const responses = await Promise.all(Array.from({ length: 10 }, () => post(submission, { address })));
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(await count('feedback_responses', id)).toBe(1);
    expect(await count('feedback_answers', id)).toBe(1);
  });

  it('that is not valid is refused with 400 and each field at fault, and nothing is stored', async () => {
    const submission = experience({ answers: { control: 'always' }, respondent: 'martian' });
    const response = await post(submission);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'invalid_submission',
      details: [
        { path: 'answers.control', code: 'invalid-choice' },
        { path: 'respondent', code: 'invalid-choice' },
      ],
    });
    expect(await count('feedback_responses', submission.id as string)).toBe(0);
  });

  it('that is not JSON is refused in the JSON error shape', async () => {
    const response = await post('{"kind": ');
    expect(response.status).toBe(400);
    expect(response.body.error?.code).toBe('invalid_json');
  });

  it('counts it in the month the server received it, in the council’s time zone: 11.30pm UTC on 31 March is April', async () => {
    // The device says February; the server’s clock says 11.30pm UTC on 31 March, which is April in Essex.
    const submission = experience({ createdAt: '2025-02-10T09:00:00Z' });
    const atMonthEnd = createApp({ db, version: 'test', clock: () => new Date('2025-03-31T23:30:00Z') });
    const response = await atMonthEnd.request(
      '/api/v1/feedback',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(submission) },
      { incoming: { socket: { remoteAddress: freshAddress() } } },
    );
    expect(response.status).toBe(201);
    const [row] = await db.query<{ period: string }>(
      "select to_char(period, 'YYYY-MM-DD') as period from feedback_answers where response_id = $1 limit 1",
      [submission.id],
    );
    expect(row?.period).toBe('2025-04-01');
  });

  it('keeps who answered and how beside every answer, with the form version, for the measures', async () => {
    const submission = experience({
      respondent: 'carer',
      howAnswered: 'with-help',
      district: 'tendring',
      ageBand: '65-74',
      equality: { sex: 'female', ethnicGroup: 'white', disability: 'prefer-not-to-say' },
      answers: { 'carer-support': 'some' },
    });
    await post(submission);
    const rows = await db.query(
      `select question, answer, form_version, respondent, how_answered, channel, district, age_band, sex,
              ethnic_group, disability
       from feedback_answers where response_id = $1`,
      [submission.id],
    );
    expect(rows).toEqual([
      {
        question: 'carer-support',
        answer: 'some',
        form_version: 1,
        respondent: 'carer',
        how_answered: 'with-help',
        channel: 'self-online',
        district: 'tendring',
        age_band: '65-74',
        sex: 'female',
        ethnic_group: 'white',
        disability: 'prefer-not-to-say',
      },
    ]);
  });
});

describe('a batch from the outbox', () => {
  it('stores every good item even when one is bad, and reports each', async () => {
    const good = experience();
    const bad = experience({ formVersion: 99 });
    const problem = listingProblem();
    const response = await post([good, bad, problem]);
    expect(response.status).toBe(200);
    expect(response.body.results).toEqual([
      { index: 0, id: good.id, status: 'stored', reference: referenceFor(good.id as string) },
      {
        index: 1,
        id: bad.id,
        status: 'invalid',
        errors: [{ path: 'formVersion', code: 'unknown-form-version' }],
      },
      { index: 2, id: problem.id, status: 'stored', reference: referenceFor(problem.id as string) },
    ]);
    expect(await count('feedback_responses', good.id as string)).toBe(1);
    expect(await count('listing_problems', problem.id as string)).toBe(1);
  });

  it('sent twice stores nothing twice', async () => {
    const batch = [experience(), experience(), listingProblem()];
    const before = await count('feedback_answers');
    await post(batch);
    const after = await count('feedback_answers');
    const again = await post(batch);
    expect(again.body.results?.map((r) => r.status)).toEqual([
      'already-stored',
      'already-stored',
      'already-stored',
    ]);
    expect(await count('feedback_answers')).toBe(after);
    expect(after - before).toBe(6);
  });

  it('reports a changed resend within a batch as a conflict without blocking the rest', async () => {
    const first = experience();
    await post(first);
    const fresh = experience();
    const response = await post([{ ...first, howAnswered: 'on-behalf' }, fresh]);
    expect(response.body.results).toEqual([
      { index: 0, id: first.id, status: 'conflict' },
      { index: 1, id: fresh.id, status: 'stored', reference: referenceFor(fresh.id as string) },
    ]);
  });

  it('of more than 100 is refused whole, as is an empty one', async () => {
    const tooMany = Array.from({ length: 101 }, () => listingProblem());
    const response = await post(tooMany);
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({
      code: 'invalid_submission',
      details: [{ path: '', code: 'too-many' }],
    });
    expect(await count('listing_problems', tooMany[0]?.id as string)).toBe(0);
    const empty = await post([]);
    expect(empty.body.error).toMatchObject({ details: [{ path: '', code: 'too-few' }] });
  });
});

describe('limits', () => {
  it('refuses words over 5000 characters and details over 2000', async () => {
    const consent = { storeWords: true, quote: false, contact: false };
    const long = await post(experience({ words: 'a'.repeat(5001), consent }));
    expect(long.body.error?.details).toEqual([{ path: 'words', code: 'too-long' }]);
    const details = await post(listingProblem({ details: 'b'.repeat(2001) }));
    expect(details.body.error?.details).toEqual([{ path: 'details', code: 'too-long' }]);
  });

  it('refuses a body over 256 KB with 413', async () => {
    const items = Array.from({ length: 60 }, () =>
      experience({ words: 'c'.repeat(4500), consent: { storeWords: true, quote: false, contact: false } }),
    );
    const response = await post(items);
    expect(response.status).toBe(413);
    expect(response.body.error?.code).toBe('payload_too_large');
  });

  it(`limits one address to ${FEEDBACK_PER_ADDRESS.limit} anonymous submissions in ${FEEDBACK_PER_ADDRESS.windowSeconds / 60} minutes`, async () => {
    const address = freshAddress();
    const half = FEEDBACK_PER_ADDRESS.limit / 2;
    for (let i = 0; i < 2; i++) {
      const batch = Array.from({ length: half }, () => listingProblem());
      expect((await post(batch, { address })).status).toBe(200);
    }
    const over = await post(listingProblem(), { address });
    expect(over.status).toBe(429);
    expect(over.body.error?.code).toBe('rate_limited');
    const retryAfter = Number(over.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(FEEDBACK_PER_ADDRESS.windowSeconds);
    // Another address carries on, and so does a member of staff here with answers they gathered from
    // a person; their own report, or a self-completed answer sent from their device, is limited too.
    expect((await post(listingProblem())).status).toBe(201);
    const { cookie } = await signedIn('field');
    expect((await post(assisted(), { address, cookie })).status).toBe(201);
    expect((await post(listingProblem(), { address, cookie })).status).toBe(429);
    expect((await post(experience(), { address, cookie })).status).toBe(429);
    // When the wait it gave is over, the address may send again.
    const later = new Date(testStarted.getTime() + retryAfter * 1000);
    const afterTheWait = createApp({ db, version: 'test', clock: () => later });
    expect((await post(listingProblem(), { address, on: afterTheWait })).status).toBe(201);
    // The count is in the database, under a keyed hash of the address and never the address itself.
    const rows = await db.query<{ key_hash: string; hits: number }>(
      "select key_hash, hits from rate_limits where bucket = 'feedback'",
    );
    expect(rows.some((r) => r.hits === FEEDBACK_PER_ADDRESS.limit)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('203.0.113');
  });

  it('counts an IPv6 client by its /64, since each home has a whole /64', async () => {
    const prefix = '2001:db8:1234:5678';
    for (let i = 0; i < 2; i++) {
      const batch = Array.from({ length: FEEDBACK_PER_ADDRESS.limit / 2 }, () => listingProblem());
      await post(batch, { address: `${prefix}::${i + 1}` });
    }
    expect((await post(listingProblem(), { address: `${prefix}:abcd:ef01:2345:6789` })).status).toBe(429);
  });
});

describe('the client address', () => {
  /** Sends a whole window's budget in two batches; the answer to the second says whether it fitted. */
  async function fillBudget(on: Hono, headers: Record<string, string>) {
    let status = 0;
    for (let i = 0; i < 2; i++) {
      const batch = Array.from({ length: FEEDBACK_PER_ADDRESS.limit / 2 }, () => listingProblem());
      const response = await on.request(
        '/api/v1/feedback',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(batch),
        },
        { incoming: { socket: { remoteAddress: '10.0.0.2' } } },
      );
      status = response.status;
    }
    return status;
  }

  it('ignores X-Forwarded-For unless a proxy is trusted, so a client cannot escape its limit by inventing one', async () => {
    expect(await fillBudget(app, { 'x-forwarded-for': '192.0.2.10' })).toBe(200);
    expect(await fillBudget(app, { 'x-forwarded-for': '192.0.2.11' })).toBe(429);
  });

  it('counts each client behind two trusted proxies by the hop before them', async () => {
    const behindProxy = createApp({ db, version: 'test', trustProxy: { hops: 2 } });
    expect(await fillBudget(behindProxy, { 'x-forwarded-for': '192.0.2.20, 10.0.0.1' })).toBe(200);
    expect(await fillBudget(behindProxy, { 'x-forwarded-for': '192.0.2.21, 10.0.0.1' })).toBe(200);
    expect(await fillBudget(behindProxy, { 'x-forwarded-for': '192.0.2.20, 10.0.0.1' })).toBe(429);
  });
});

describe('the honeypot', () => {
  it('answers a robot that filled it as if its submission were stored, and stores nothing', async () => {
    const robot = experience({ website: 'https://cheap-pills.example' });
    const response = await post(robot);
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      result: { id: robot.id, status: 'stored', reference: referenceFor(robot.id as string) },
    });
    expect(await count('feedback_responses', robot.id as string)).toBe(0);
    const person = experience({ website: '' });
    const batch = await post([listingProblem({ website: 'spam' }), person]);
    expect(batch.body.results?.map((r) => r.status)).toEqual(['stored', 'stored']);
    expect(await count('feedback_responses', person.id as string)).toBe(1);
  });
});

describe('people’s words', () => {
  const words = 'My neighbour Doreen Smallbone at 14 Quayside Lane helps me every Tuesday';

  function capturedOutput(): () => string {
    const spies = (['log', 'error', 'warn', 'info', 'debug'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(() => {}),
    );
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    return () =>
      [...spies, stdout, stderr]
        .map((spy) =>
          JSON.stringify(spy.mock.calls, (_k, v: unknown) =>
            v instanceof Error ? `${v.message} ${v.stack} ${JSON.stringify(v)}` : v,
          ),
        )
        .join('\n');
  }
  afterEach(() => vi.restoreAllMocks());

  it('are never written to the console or the error, even when the submission is refused', async () => {
    const output = capturedOutput();
    const response = await post(experience({ words, answers: { control: 'sometimes' } }));
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body)).not.toContain('Doreen');
    expect(output()).not.toContain('Doreen');
    expect(output()).not.toContain('Quayside');
  });

  /**
   * Sends words to an app whose database refuses any statement that would keep them, with `code`;
   * answers the response and every line the server logged.
   */
  async function refusingWords(code: string): Promise<{ response: Response; logged: string }> {
    const refusing = (q: Queryable): Queryable => ({
      async query(sql, params) {
        if (sql.includes('feedback_stories')) {
          throw Object.assign(new Error(`failed with ${JSON.stringify(params)}`), {
            code,
            parameters: params,
          });
        }
        return q.query(sql, params);
      },
    });
    const failing: Database = {
      ...db,
      ...refusing(db),
      transaction: (work) => db.transaction((tx) => work(refusing(tx))),
    };
    const lines: string[] = [];
    const logger = createLogger({ destination: { write: (line: string) => void lines.push(line) } });
    const broken = createApp({ db: failing, version: 'test', logger });
    const withWords = experience({ words, consent: { storeWords: true, quote: false, contact: false } });
    const response = await broken.request(
      '/api/v1/feedback',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(withWords) },
      { incoming: { socket: { remoteAddress: freshAddress() } } },
    );
    return { response, logged: lines.join('') };
  }

  it('are never logged when the database refuses them: that submission is refused, not a 500', async () => {
    const output = capturedOutput();
    // 23514: a check constraint, the data itself refused. Sending it again could not help.
    const { response, logged } = await refusingWords('23514');
    expect(response.status).toBe(400);
    expect((await response.json()) as unknown).toMatchObject({ error: { code: 'invalid_submission' } });
    expect(logged).not.toContain('Doreen');
    expect(output()).not.toContain('Doreen');
  });

  it('are never logged when storing fails in the database for another reason', async () => {
    const output = capturedOutput();
    // 53100: the disk is full. The device should try again later, so this one is a 500.
    const { response, logged } = await refusingWords('53100');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('Doreen');
    expect(logged).toContain('"code":"53100"');
    expect(logged).not.toContain('Doreen');
    expect(output()).not.toContain('Doreen');
  });
});

describe('consent', () => {
  it('keeps words only when the person agreed, apart from the answers, with their choice about quoting', async () => {
    const kept = experience({
      words: '  The carers’ café saved my sanity.  ',
      consent: { storeWords: true, quote: true, contact: false },
    });
    await post(kept);
    expect(
      await db.query('select words, may_quote, form_version from feedback_stories where response_id = $1', [
        kept.id,
      ]),
    ).toEqual([{ words: 'The carers’ café saved my sanity.', may_quote: true, form_version: 1 }]);
    const refused = await post(
      experience({
        words: 'Please do not keep this',
        consent: { storeWords: false, quote: false, contact: false },
      }),
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error?.details).toEqual([{ path: 'words', code: 'words-without-consent' }]);
    const [{ n } = { n: -1 }] = await db.query<{ n: number }>(
      "select count(*)::int as n from feedback_stories where words like '%do not keep%'",
    );
    expect(n).toBe(0);
  });

  it('keeps contact details only when the person asked to be contacted', async () => {
    const asked = experience({
      consent: {
        storeWords: false,
        quote: false,
        contact: true,
        contactBy: { method: 'phone', value: '07700 900123' },
      },
    });
    const notAsked = experience();
    await post([asked, notAsked]);
    expect(
      await db.query('select method, value from feedback_contacts where response_id = $1', [asked.id]),
    ).toEqual([{ method: 'phone', value: '07700 900123' }]);
    expect(await count('feedback_contacts', notAsked.id as string)).toBe(0);
    const [flags] = await db.query(
      'select consent_store_words, consent_quote, consent_contact from feedback_responses where id = $1',
      [asked.id],
    );
    expect(flags).toEqual({ consent_store_words: false, consent_quote: false, consent_contact: true });
  });

  it('lets retention delete words and contact details while the answers stay', async () => {
    const submission = experience({
      words: 'Old words',
      consent: {
        storeWords: true,
        quote: false,
        contact: true,
        contactBy: { method: 'email', value: 'sam@example.org' },
      },
    });
    await post(submission);
    const id = submission.id as string;
    const forgotten = await forgetPersonalDetailsReceivedBefore(db, new Date(Date.now() + 60_000));
    expect(forgotten.stories).toBeGreaterThanOrEqual(1);
    expect(await count('feedback_stories', id)).toBe(0);
    expect(await count('feedback_contacts', id)).toBe(0);
    expect(await count('feedback_answers', id)).toBe(3);
  });

  it('lets everything stored under a reference be deleted on request', async () => {
    const submission = experience({
      words: 'Please forget me later',
      consent: {
        storeWords: true,
        quote: false,
        contact: true,
        contactBy: { method: 'email', value: 'sam@example.org' },
      },
    });
    await post(submission);
    const id = submission.id as string;
    const typed = referenceFor(id).toLowerCase().replace(/-/g, ' ');
    expect(await deleteFeedbackByReference(db, typed)).toBe(1);
    for (const table of ['feedback_responses', 'feedback_answers', 'feedback_stories', 'feedback_contacts'])
      expect(await count(table, id)).toBe(0);
    const problem = listingProblem({ contact: { method: 'email', value: 'sam@example.org' } });
    await post(problem);
    expect(await deleteFeedbackByReference(db, referenceFor(problem.id as string))).toBe(1);
    expect(await count('listing_problems', problem.id as string)).toBe(0);
  });
});

describe('a listing problem', () => {
  it('is stored in its own table as new, with its details and how to reply', async () => {
    const problem = listingProblem({
      problem: 'other',
      details: 'It moved to the library on the High Street',
      contact: { method: 'email', value: 'sam@example.org' },
    });
    const response = await post(problem);
    expect(response.status).toBe(201);
    const rows = await db.query(
      'select reference, service_id, problem, details, contact_method, contact_value, state, fixed_at from listing_problems where id = $1',
      [problem.id],
    );
    expect(rows).toEqual([
      {
        reference: referenceFor(problem.id as string),
        service_id: 'essex-carers-network',
        problem: 'other',
        details: 'It moved to the library on the High Street',
        contact_method: 'email',
        contact_value: 'sam@example.org',
        state: 'new',
        fixed_at: null,
      },
    ]);
    expect(await count('feedback_responses', problem.id as string)).toBe(0);
  });
});

describe('feedback captured by staff on a person’s behalf', () => {
  it('needs a member of staff signed in: 401 alone, "unauthorised" in a batch while the rest is stored', async () => {
    const captured = assisted();
    const single = await post(captured);
    expect(single.status).toBe(401);
    expect(single.body.error?.code).toBe('unauthorised');
    const own = experience();
    const batch = await post([captured, own]);
    expect(batch.body.results).toEqual([
      { index: 0, id: captured.id, status: 'unauthorised' },
      { index: 1, id: own.id, status: 'stored', reference: referenceFor(own.id as string) },
    ]);
    expect(await count('feedback_responses', captured.id as string)).toBe(0);
  });

  it('is stored with who captured it when a field worker or an admin is signed in', async () => {
    for (const role of ['field', 'admin'] as const) {
      const { user, cookie } = await signedIn(role);
      const captured = assisted({
        answers: { safe: 'not-safe' },
        assisted: {
          gatheredBy: 'phone',
          consentStatementRead: true,
          areasOfFocus: ['carers'],
          safeguardingConcern: true,
        },
      });
      const response = await post(captured, { cookie });
      expect(response.status).toBe(201);
      const [row] = await db.query(
        'select submitted_by, channel, areas_of_focus, safety_concern, safeguarding_concern from feedback_responses where id = $1',
        [captured.id],
      );
      expect(row).toEqual({
        submitted_by: user.id,
        channel: 'staff-phone',
        areas_of_focus: ['carers'],
        safety_concern: true,
        safeguarding_concern: true,
      });
    }
  });

  it('is refused for an analyst, and for staff still on a one-time password', async () => {
    for (const session of [await signedIn('analyst'), await signedIn('field', { oneTimePassword: true })]) {
      const response = await post(assisted(), { cookie: session.cookie });
      expect(response.status).toBe(401);
      expect(response.body.error?.code).toBe('unauthorised');
    }
  });

  it('is refused with a session that has ended, so the device keeps it queued', async () => {
    const { cookie } = await signedIn('field');
    await db.query('delete from staff_sessions');
    expect((await post(assisted(), { cookie })).status).toBe(401);
  });

  it('flags a person who does not feel safe even when they answered for themselves', async () => {
    const submission = experience({ answers: { safe: 'less-safe' } });
    await post(submission);
    const [row] = await db.query<{ safety_concern: boolean; submitted_by: string | null }>(
      'select safety_concern, submitted_by from feedback_responses where id = $1',
      [submission.id],
    );
    expect(row).toEqual({ safety_concern: true, submitted_by: null });
  });
});
