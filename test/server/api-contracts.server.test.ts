import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import {
  AnalystMeasuresResponse,
  DashboardResponse,
  ExclusionResponse,
  GapsResponse,
  HelpfulnessResponse,
  MonthReview,
  MonthsResponse,
  PublicationResponse,
} from '../../src/domain/api/analyst.ts';
import { DirectoryResponse, DirectoryServiceResponse } from '../../src/domain/api/directory.ts';
import { QualityReport } from '../../src/domain/directory-quality.ts';
import { ApiErrorBody } from '../../src/domain/api/errors.ts';
import { FeedbackBatchResponse, FeedbackResponse } from '../../src/domain/api/feedback.ts';
import { HealthResponse } from '../../src/domain/api/health.ts';
import {
  ListingChangedResponse,
  ListingLookupResponse,
  ListingQueueResponse,
  ProblemsFixedResponse,
} from '../../src/domain/api/listing-problems.ts';
import {
  OverviewResponse,
  PublicMeasuresResponse,
  ScorecardResponse,
  PublishedEvidenceResponse,
} from '../../src/domain/api/measures.ts';
import { OrukRootResponse, OrukServiceResponse, OrukServicesResponse } from '../../src/domain/api/oruk.ts';
import { ErasedResponse } from '../../src/domain/api/responses.ts';
import { SessionResponse } from '../../src/domain/api/session.ts';
import {
  AccountChangedResponse,
  AccountWithPasswordResponse,
  RoleChangesResponse,
  StaffAccountsResponse,
} from '../../src/domain/api/staff-users.ts';
import { QuoteResponse, StoryPageResponse } from '../../src/domain/api/stories.ts';
import {
  YouSaidWeDidCreatedResponse,
  YouSaidWeDidListResponse,
} from '../../src/domain/api/you-said-we-did.ts';
import { referenceFor } from '../../src/domain/feedback/reference.ts';
import type { StaffRole } from '../../src/domain/staff.ts';
import { createStaffUser, setStaffPassword } from '../../src/server/auth/users.ts';
import type { Database } from '../../src/server/db/database.ts';
import { createApp } from '../../src/server/http/app.ts';
import { storeServicesDirectly } from '../faults/directory-rows.ts';
import { experience, listingProblem, scorecardFixture, store } from '../fixtures/insight/feedback.ts';
import { OWN_ORIGIN, signedIn } from '../fixtures/insight/staff.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';
import { makeDirectory } from '../support/make-services.ts';

/**
 * Every endpoint's answer, as each kind of caller gets it, parsed with the schema in `domain/api` that
 * the client parses it with. A schema that no longer matches what the server sends fails here, not
 * on someone's phone; a route added without a case here fails the first test.
 */

let db: Database;
let drop: () => Promise<void>;
let app: Hono;
const cookies = new Map<StaffRole, string>();
const services = makeDirectory().slice(0, 5);
const quotable = experience({
  words: 'Nobody visits now that the bus has gone.',
  consent: { storeWords: true, quote: true, contact: false },
});
const erasable = experience({ answers: { safe: 'not-safe' } });
const problem = listingProblem({ problem: 'wrong-phone', details: 'The number rings a fax.' });
/** Five responses giving the same answers in one month: a group an analyst may leave out. */
const alike = Array.from({ length: 5 }, () =>
  experience({
    createdAt: '2025-03-20T10:00:00Z',
    answers: { control: 'enough', say: 'usually', home: 'most-needs', social: 'enough' },
  }),
);

// A new database and three passwords hashed: slow on a busy machine.
beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  await storeServicesDirectly(db, services);
  await store(db, [...scorecardFixture(), ...alike, quotable, erasable, problem]);
  for (const role of ['field', 'analyst', 'admin'] as const)
    cookies.set(role, (await signedIn(db, role)).cookie);
  app = createApp({ db, version: 'test' });
}, 120_000);

afterAll(async () => {
  await drop();
});

type Caller = StaffRole | 'public';

interface Answer {
  status: number;
  body: unknown;
  text: string;
  contentType: string;
  /** The cookie a browser would keep from `Set-Cookie`, as it would send it back. */
  cookie: string;
}

async function call(
  who: Caller,
  method: string,
  path: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...extraHeaders };
  const cookie = who === 'public' ? undefined : cookies.get(who);
  if (cookie) headers.cookie = cookie;
  if (method !== 'GET') headers.origin = OWN_ORIGIN;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await app.request(path, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return {
    status: response.status,
    text,
    contentType,
    body: contentType.includes('application/json') ? (JSON.parse(text) as unknown) : undefined,
    cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '',
  };
}

/** Matches the schema exactly: nothing missing, nothing the schema does not name. */
function expectExactly(schema: z.ZodMiniType, answer: Answer, label: string): void {
  const parsed = schema.safeParse(answer.body);
  expect(parsed.success, `${label}: ${JSON.stringify(parsed.error?.issues ?? []).slice(0, 600)}`).toBe(true);
  expect(parsed.data, `${label} sent fields its schema does not declare`).toEqual(answer.body);
}

/** Which routes this file has called, as `METHOD /path/:param`, to compare with the app's own list. */
const covered = new Set<string>();

async function expectContract(
  route: string,
  who: Caller,
  path: string,
  expected: { status: number; schema?: z.ZodMiniType; body?: unknown; lenient?: boolean },
): Promise<Answer> {
  const [method = 'GET'] = route.split(' ');
  const answer = await call(who, method, path, expected.body);
  const label = `${method} ${path} as ${who}`;
  expect(answer.status, `${label} → ${answer.text.slice(0, 300)}`).toBe(expected.status);
  if (expected.schema && expected.lenient) {
    expect(expected.schema.safeParse(answer.body).success, label).toBe(true);
  } else if (expected.schema) {
    expectExactly(expected.schema, answer, label);
  } else if (expected.status === 204) {
    expect(answer.text, label).toBe('');
  }
  covered.add(route);
  return answer;
}

describe(`every endpoint answers in its contract, on ${databaseKind}`, () => {
  it('public: health, the directory and its changes', async () => {
    await expectContract('GET /api/health', 'public', '/api/health', { status: 200, schema: HealthResponse });
    // Once the feed has been synced, health says how the last run went.
    await db.query(
      `insert into import_runs (source, full_feed, started_by, finished_at, read, error)
       values ('https://council.example/oruk', true, 'sync', now(), 3, 'the feed answered 502')`,
    );
    const health = await expectContract('GET /api/health', 'public', '/api/health', {
      status: 200,
      schema: HealthResponse,
    });
    expect((health.body as { feedSync?: { lastRun: { read: number } } }).feedSync?.lastRun.read).toBe(3);
    await expectContract('GET /api/v1/directory', 'public', '/api/v1/directory', {
      status: 200,
      schema: DirectoryResponse,
    });
    await expectContract(
      'GET /api/v1/directory/services/:id',
      'public',
      `/api/v1/directory/services/${encodeURIComponent(services[0]!.id)}`,
      { status: 200, schema: DirectoryServiceResponse },
    );
    const since = encodeURIComponent('2020-01-01T00:00:00Z');
    await expectContract('GET /api/v1/directory', 'public', `/api/v1/directory?since=${since}`, {
      status: 200,
      schema: DirectoryResponse,
    });
  });

  it('public: the Open Referral UK API, read back with the schema a feed is imported with', async () => {
    await expectContract('GET /api/oruk', 'public', '/api/oruk/', { status: 200, schema: OrukRootResponse });
    const page = await expectContract('GET /api/oruk/services', 'public', '/api/oruk/services?per_page=2', {
      status: 200,
      schema: OrukServicesResponse,
      lenient: true,
    });
    expect((page.body as { contents: unknown[] }).contents).toHaveLength(2);
    await expectContract('GET /api/oruk/services/:id', 'public', `/api/oruk/services/${services[0]!.id}`, {
      status: 200,
      schema: OrukServiceResponse,
      lenient: true,
    });
  });

  it('public and field staff: feedback, one at a time and in a batch', async () => {
    await expectContract('POST /api/v1/feedback', 'public', '/api/v1/feedback', {
      status: 201,
      schema: FeedbackResponse,
      body: experience(),
    });
    const batch = await expectContract('POST /api/v1/feedback', 'public', '/api/v1/feedback', {
      status: 200,
      schema: FeedbackBatchResponse,
      body: [experience(), { kind: 'experience', id: 'not-a-uuid' }],
    });
    expect((batch.body as { results: Array<{ status: string }> }).results.map((r) => r.status)).toEqual([
      'stored',
      'invalid',
    ]);
    await expectContract('POST /api/v1/feedback', 'field', '/api/v1/feedback', {
      status: 201,
      schema: FeedbackResponse,
      body: experience({
        // A time staff give must be recent: the server refuses old ones.
        createdAt: new Date().toISOString(),
        channel: 'staff-phone',
        assisted: { gatheredBy: 'phone', consentStatementRead: true, areasOfFocus: ['carers'] },
      }),
    });
  });

  it('analysts: review a month, leave a group out and count it again, and publish it', async () => {
    await expectContract('GET /api/v1/analyst/months', 'analyst', '/api/v1/analyst/months', {
      status: 200,
      schema: MonthsResponse,
    });
    const review = await expectContract(
      'GET /api/v1/analyst/months/:period',
      'analyst',
      '/api/v1/analyst/months/2025-03',
      { status: 200, schema: MonthReview },
    );
    const [flag] = (review.body as { flags: Array<{ kind: string; key: string }> }).flags;
    expect(flag, 'the month’s identical answers are flagged').toBeDefined();
    const left = await expectContract(
      'POST /api/v1/analyst/months/:period/exclusions',
      'analyst',
      '/api/v1/analyst/months/2025-03/exclusions',
      {
        status: 201,
        schema: ExclusionResponse,
        body: { flag: flag?.kind, key: flag?.key, reason: 'A test' },
      },
    );
    const { id } = (left.body as { exclusion: { id: string } }).exclusion;
    await expectContract(
      'POST /api/v1/analyst/exclusions/:id/restore',
      'analyst',
      `/api/v1/analyst/exclusions/${id}/restore`,
      { status: 200, schema: ExclusionResponse },
    );
    await expectContract(
      'POST /api/v1/analyst/months/:period/publications',
      'analyst',
      '/api/v1/analyst/months/2025-03/publications',
      { status: 201, schema: PublicationResponse, body: {} },
    );
  });

  it('public: a published month’s measures, the overview and the scorecard', async () => {
    await expectContract('GET /api/v1/measures', 'public', '/api/v1/measures?period=2025-03&by=district', {
      status: 200,
      schema: PublicMeasuresResponse,
    });
    await expectContract('GET /api/v1/measures/overview', 'public', '/api/v1/measures/overview?to=2025-03', {
      status: 200,
      schema: OverviewResponse,
    });
    for (const who of ['public', 'analyst'] as const) {
      await expectContract(
        'GET /api/v1/measures/scorecard.json',
        who,
        '/api/v1/measures/scorecard.json?period=2025-03',
        { status: 200, schema: ScorecardResponse },
      );
      const csv = await expectContract(
        'GET /api/v1/measures/scorecard.csv',
        who,
        '/api/v1/measures/scorecard.csv?period=2025-03',
        { status: 200 },
      );
      expect(csv.contentType).toContain('text/csv');
    }
    await expectContract(
      'GET /api/v1/measures/evidence',
      'public',
      '/api/v1/measures/evidence?period=2025-03',
      {
        status: 200,
        schema: PublishedEvidenceResponse,
      },
    );
    const unmet = await expectContract(
      'GET /api/v1/measures/unmet-need.csv',
      'public',
      '/api/v1/measures/unmet-need.csv?period=2025-03',
      { status: 200 },
    );
    expect(unmet.contentType).toContain('text/csv');
  });

  it('analysts: unrounded figures, the dashboard and the unmet-need table', async () => {
    await expectContract(
      'GET /api/v1/analyst/measures',
      'analyst',
      '/api/v1/analyst/measures?period=2025-03&by=age&district=chelmsford',
      { status: 200, schema: AnalystMeasuresResponse },
    );
    await expectContract(
      'GET /api/v1/analyst/dashboard',
      'analyst',
      '/api/v1/analyst/dashboard?period=2025-03',
      { status: 200, schema: DashboardResponse },
    );
    await expectContract('GET /api/v1/analyst/gaps', 'analyst', '/api/v1/analyst/gaps?to=2025-03', {
      status: 200,
      schema: GapsResponse,
    });
    await expectContract('GET /api/v1/analyst/helpfulness', 'analyst', '/api/v1/analyst/helpfulness', {
      status: 200,
      schema: HelpfulnessResponse,
    });
    const csv = await expectContract('GET /api/v1/analyst/gaps.csv', 'analyst', '/api/v1/analyst/gaps.csv', {
      status: 200,
    });
    expect(csv.contentType).toContain('text/csv');
  });

  it('public: what people were told, and listing problems by reference and fixed', async () => {
    await expectContract('GET /api/v1/you-said-we-did', 'public', '/api/v1/you-said-we-did', {
      status: 200,
      schema: YouSaidWeDidListResponse,
    });
    await expectContract('GET /api/v1/listing-problems/lookup', 'public', lookupPath(), {
      status: 200,
      schema: ListingLookupResponse,
    });
    await expectContract('GET /api/v1/listing-problems/fixed', 'public', '/api/v1/listing-problems/fixed', {
      status: 200,
      schema: ProblemsFixedResponse,
    });
  });

  it('analysts: stories, quotes and "You said, we did"', async () => {
    const stories = await expectContract('GET /api/v1/stories', 'analyst', '/api/v1/stories', {
      status: 200,
      schema: StoryPageResponse,
    });
    expect((stories.body as { total: number }).total).toBeGreaterThan(0);
    const csv = await expectContract('GET /api/v1/stories.csv', 'analyst', '/api/v1/stories.csv', {
      status: 200,
    });
    expect(csv.contentType).toContain('text/csv');
    await expectContract(
      'POST /api/v1/stories/:id/quote',
      'analyst',
      `/api/v1/stories/${quotable.id}/quote`,
      {
        status: 200,
        schema: QuoteResponse,
        body: { text: 'Nobody visits now that the bus has gone.' },
      },
    );
    await expectContract(
      'DELETE /api/v1/stories/:id/quote',
      'analyst',
      `/api/v1/stories/${quotable.id}/quote`,
      { status: 204 },
    );
    const created = await expectContract(
      'POST /api/v1/you-said-we-did',
      'analyst',
      '/api/v1/you-said-we-did',
      {
        status: 201,
        schema: YouSaidWeDidCreatedResponse,
        body: { youSaid: 'The bus stopped.', weDid: 'We asked for it back.', areaOfFocus: 'carers' },
      },
    );
    const entry = (created.body as { entry: { id: string } }).entry;
    await expectContract('GET /api/v1/you-said-we-did', 'analyst', '/api/v1/you-said-we-did', {
      status: 200,
      schema: YouSaidWeDidListResponse,
    });
    await expectContract(
      'DELETE /api/v1/you-said-we-did/:id',
      'analyst',
      `/api/v1/you-said-we-did/${entry.id}`,
      { status: 204 },
    );
  });

  it('analysts: what a person sent, erased by its reference', async () => {
    await expectContract(
      'DELETE /api/v1/responses/:reference',
      'analyst',
      `/api/v1/responses/${referenceFor(erasable.id)}`,
      { status: 200, schema: ErasedResponse },
    );
  });

  it('admins and analysts: the directory’s data quality, as JSON and CSV', async () => {
    await expectContract('GET /api/v1/directory-quality', 'admin', '/api/v1/directory-quality', {
      status: 200,
      schema: QualityReport,
    });
    const csv = await expectContract(
      'GET /api/v1/directory-quality.csv',
      'analyst',
      '/api/v1/directory-quality.csv?kind=warning',
      { status: 200 },
    );
    expect(csv.contentType).toContain('text/csv');
  });

  it('admins: the listing-problem queue, staff accounts and the roles given', async () => {
    await expectContract('GET /api/v1/listing-problems', 'admin', '/api/v1/listing-problems?state=new', {
      status: 200,
      schema: ListingQueueResponse,
    });
    await expectContract(
      'PATCH /api/v1/listing-problems/:id',
      'admin',
      `/api/v1/listing-problems/${problem.id}`,
      { status: 200, schema: ListingChangedResponse, body: { state: 'fixed' } },
    );
    await expectContract('GET /api/v1/staff/users', 'admin', '/api/v1/staff/users', {
      status: 200,
      schema: StaffAccountsResponse,
    });
    const invited = await expectContract('POST /api/v1/staff/users', 'admin', '/api/v1/staff/users', {
      status: 201,
      schema: AccountWithPasswordResponse,
      body: { email: 'new.analyst@signpost.example', role: 'analyst' },
    });
    const id = (invited.body as { user: { id: string } }).user.id;
    await expectContract('PATCH /api/v1/staff/users/:id', 'admin', `/api/v1/staff/users/${id}`, {
      status: 200,
      schema: AccountChangedResponse,
      body: { role: 'field' },
    });
    await expectContract(
      'POST /api/v1/staff/users/:id/one-time-password',
      'admin',
      `/api/v1/staff/users/${id}/one-time-password`,
      { status: 200, schema: AccountWithPasswordResponse },
    );
    const roles = await expectContract(
      'GET /api/v1/staff/role-changes',
      'admin',
      '/api/v1/staff/role-changes',
      {
        status: 200,
        schema: RoleChangesResponse,
      },
    );
    expect((roles.body as { changes: Array<{ toRole: string }> }).changes[0]?.toRole).toBe('field');
  });

  // Four passwords hashed: slow on a busy machine.
  it('any member of staff: sign in, who is signed in, change the password, sign out', async () => {
    const email = 'contract.field@signpost.example';
    const password = 'a long enough passphrase for the contract';
    const { user } = await createStaffUser(db, { email, role: 'field' });
    await setStaffPassword(db, user.id, password);
    const signIn = await call('public', 'POST', '/api/v1/session', { email, password });
    expect(signIn.status).toBe(200);
    expectExactly(SessionResponse, signIn, 'POST /api/v1/session');
    covered.add('POST /api/v1/session');
    await expectContract('GET /api/v1/session', 'field', '/api/v1/session', {
      status: 200,
      schema: SessionResponse,
    });
    await expectContract('POST /api/v1/session/password', 'field', '/api/v1/session/password', {
      status: 400,
      schema: ApiErrorBody,
      body: { currentPassword: 'not the password at all', newPassword: 'another long passphrase' },
    });
    const sessionCookie = signIn.cookie;
    expect(sessionCookie).toMatch(/=./);
    const changed = await call(
      'public',
      'POST',
      '/api/v1/session/password',
      { currentPassword: password, newPassword: 'a different long passphrase' },
      { cookie: sessionCookie },
    );
    expect(changed.status).toBe(204);
    const out = await call('public', 'DELETE', '/api/v1/session', undefined, { cookie: sessionCookie });
    expect(out.status).toBe(204);
    covered.add('DELETE /api/v1/session');
  }, 120_000);

  it('every refusal, whoever asks, has the one error shape', async () => {
    const refusals: Array<[Caller, string, string, unknown?]> = [
      ['public', 'GET', '/api/v1/analyst/dashboard'],
      ['public', 'GET', '/api/v1/measures?period=2024-01'],
      ['analyst', 'GET', '/api/v1/analyst/months/2025-13'],
      ['field', 'GET', '/api/v1/stories'],
      ['analyst', 'GET', '/api/v1/staff/users'],
      ['public', 'GET', '/api/v1/directory?since=yesterday'],
      ['public', 'GET', '/api/oruk/services?per_page=0'],
      ['public', 'GET', '/api/oruk/services/no-such-service'],
      ['public', 'GET', '/api/v1/directory/services/no-such-service'],
      ['public', 'GET', '/api/v1/measures?period=2025-13'],
      ['public', 'POST', '/api/v1/feedback', { kind: 'experience' }],
      ['public', 'POST', '/api/v1/feedback', []],
      ['public', 'POST', '/api/v1/session', { email: '' }],
      ['admin', 'PATCH', '/api/v1/staff/users/not-an-id', { role: 'field' }],
      ['analyst', 'DELETE', '/api/v1/responses/not-a-reference'],
      ['public', 'GET', '/api/v1/nothing-here'],
    ];
    for (const [who, method, path, body] of refusals) {
      const answer = await call(who, method, path, body);
      expect(answer.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
      expectExactly(ApiErrorBody, answer, `${method} ${path} as ${who}`);
    }
  });

  it('has a case above for every route the app serves', () => {
    const served = createApp({ db, version: 'test' })
      .routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api'))
      .map((r) => `${r.method} ${r.path}`);
    expect([...new Set(served)].filter((route) => !covered.has(route))).toEqual([]);
  });
});

function lookupPath(): string {
  return `/api/v1/listing-problems/lookup?reference=${encodeURIComponent(referenceFor(problem.id))}`;
}
