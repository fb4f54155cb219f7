import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { createApp } from '../../src/server/http/app.ts';
import { ephemeralSecrets } from '../../src/server/secrets.ts';
import { OWN_ORIGIN, signedIn, type SignedIn } from '../fixtures/insight/staff.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

/*
 * The analysts' review and publication of a month over HTTP, as the months page uses it: May 2025, with
 * a burst of twelve answers from one address among people answering on their own. May may be published
 * from midnight on 7 June (UK), after its 7 days' grace.
 */
const MAY = '2025-05';
const IN_MAY = new Date('2025-05-14T10:00:00Z');
const JUNE_3 = new Date('2025-06-03T10:00:00Z');
const JUNE_10 = new Date('2025-06-10T10:00:00Z');
const JUNE_20 = new Date('2025-06-20T10:00:00Z');
const BURST_ADDRESS = '198.51.100.77';

let db: Database;
let drop: () => Promise<void>;
let analyst: SignedIn;
let field: SignedIn;
let nextAddress = 1;
/** One server's secrets for every request, so one address makes one source however the app is made. */
const secrets = ephemeralSecrets();

interface Answer<T> {
  status: number;
  body: T;
}

/** One request to the app as it stands at `time`, from `address`, with a session if given. */
async function call<T = Record<string, unknown>>(
  time: Date,
  path: string,
  options: { method?: string; who?: SignedIn; body?: unknown; address?: string } = {},
): Promise<Answer<T>> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {};
  if (options.who) headers.cookie = options.who.cookie;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers.origin = OWN_ORIGIN;
  const app = createApp({ db, version: 'test', secrets, clock: () => time });
  const response = await app.request(
    path,
    { method, headers, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) },
    { incoming: { socket: { remoteAddress: options.address ?? `203.0.113.${nextAddress++}` } } },
  );
  const text = await response.text();
  return { status: response.status, body: (text.startsWith('{') ? JSON.parse(text) : text) as T };
}

function answer(control: string): Record<string, unknown> {
  return {
    kind: 'experience',
    id: randomUUID(),
    createdAt: IN_MAY.toISOString(),
    formVersion: 1,
    answers: { control, safe: 'safe-enough' },
    consent: { storeWords: false, quote: false, contact: false },
    respondent: 'resident',
    howAnswered: 'own',
    channel: 'self-online',
  };
}

interface Flag {
  kind: string;
  key: string;
  responses: number;
}
interface Review {
  state: string;
  provenance: Record<string, number>;
  flags: Flag[];
  exclusions: { id: string; reason: string; responses: number; restoredAt: string | null }[];
  publications: { revision: number; note: string | null; publishedBy: string | null }[];
}
type ErrorBody = { error: { code: string; details?: { path: string; code: string }[] } };

const review = async (time: Date) =>
  (await call<Review>(time, `/api/v1/analyst/months/${MAY}`, { who: analyst })).body;
const exclusionsStored = async () =>
  (await db.query<{ count: number }>('select count(*)::int as count from measure_exclusions'))[0]?.count;

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  analyst = await signedIn(db, 'analyst');
  field = await signedIn(db, 'field');
  const scale = ['as-much-as-i-want', 'enough', 'some-not-enough', 'none'];
  // Thirty people, each from their own address, over the month.
  for (let i = 0; i < 30; i++) {
    const at = new Date(Date.UTC(2025, 4, 1 + (i % 28), 9 + (i % 8)));
    expect(
      (await call(at, '/api/v1/feedback', { method: 'POST', body: [answer(scale[i % 4] as string)] })).status,
    ).toBe(200);
  }
  // Twelve answers from one address in half an hour, three at a time.
  for (let r = 0; r < 4; r++) {
    const at = new Date(IN_MAY.getTime() + r * 10 * 60_000);
    const batch = Array.from({ length: 3 }, () => answer('none'));
    expect(
      (await call(at, '/api/v1/feedback', { method: 'POST', body: batch, address: BURST_ADDRESS })).status,
    ).toBe(200);
  }
}, 120_000);

afterAll(async () => drop?.());

describe(`reviewing a month over HTTP, on ${databaseKind}`, () => {
  it('is for analysts only', async () => {
    for (const path of ['/api/v1/analyst/months', `/api/v1/analyst/months/${MAY}`]) {
      expect((await call(JUNE_3, path)).status).toBe(401);
      expect((await call(JUNE_3, path, { who: field })).status).toBe(403);
    }
    const publish = await call(JUNE_10, `/api/v1/analyst/months/${MAY}/publications`, {
      method: 'POST',
      who: field,
      body: {},
    });
    expect(publish.status).toBe(403);
  });

  it('lists the last thirteen months, newest first, each with where it stands', async () => {
    const { status, body } = await call<{ months: { period: string; state: string; responses: number }[] }>(
      JUNE_3,
      '/api/v1/analyst/months',
      { who: analyst },
    );
    expect(status).toBe(200);
    expect(body.months).toHaveLength(13);
    expect(body.months.slice(0, 2)).toEqual([
      expect.objectContaining({ period: '2025-06', state: 'open', responses: 0 }),
      expect.objectContaining({ period: MAY, state: 'closing', responses: 42 }),
    ]);
    expect(body.months.at(-1)?.period).toBe('2024-06');
  });

  it('shows the burst from one address among the month’s answers', async () => {
    const { state, provenance, flags } = await review(JUNE_3);
    expect(state).toBe('closing');
    expect(provenance).toEqual({ 'self-completed': 42, 'staff-assisted': 0, paper: 0 });
    expect(flags.map((f) => [f.kind, f.responses])).toEqual([['address-burst', 12]]);
  });

  it('refuses a month outside the years a month may be in, or not a month at all, with 400', async () => {
    for (const period of ['0000-01', '0001-01', '2100-01', '2025-13', '2025-5']) {
      const { status, body } = await call<ErrorBody>(JUNE_3, `/api/v1/analyst/months/${period}`, {
        who: analyst,
      });
      expect(status, period).toBe(400);
      expect(body.error.code).toBe('invalid_period');
    }
  });
});

describe(`leaving a group out over HTTP, on ${databaseKind}`, () => {
  it('refuses a reason with a NUL or a lone surrogate, or none at all, and stores nothing', async () => {
    const [burst] = (await review(JUNE_3)).flags;
    for (const reason of ['a burst\u0000', 'a burst \ud800', '\udc00', '   ']) {
      const { status, body } = await call<ErrorBody>(JUNE_3, `/api/v1/analyst/months/${MAY}/exclusions`, {
        method: 'POST',
        who: analyst,
        body: { flag: burst?.kind, key: burst?.key, reason },
      });
      expect(status, JSON.stringify(reason)).toBe(400);
      expect(body.error.details?.map((d) => d.path)).toEqual(['reason']);
    }
    expect(await exclusionsStored()).toBe(0);
  });

  it('answers 404 for a group that is not in the month', async () => {
    const { status } = await call(JUNE_3, `/api/v1/analyst/months/${MAY}/exclusions`, {
      method: 'POST',
      who: analyst,
      body: { flag: 'address-burst', key: 'not-a-source', reason: 'a guess' },
    });
    expect(status).toBe(404);
    expect(await exclusionsStored()).toBe(0);
  });

  it('leaves the burst out with the reason, and counts it again when asked', async () => {
    const [burst] = (await review(JUNE_3)).flags;
    const body = {
      flag: burst?.kind,
      key: burst?.key,
      reason: '  Twelve answers from one address in 30 minutes  ',
    };
    const left = await call<{ exclusion: { id: string; reason: string; responses: number } }>(
      JUNE_3,
      `/api/v1/analyst/months/${MAY}/exclusions`,
      { method: 'POST', who: analyst, body },
    );
    expect(left.status).toBe(201);
    expect(left.body.exclusion).toMatchObject({
      reason: 'Twelve answers from one address in 30 minutes',
      responses: 12,
    });
    let after = await review(JUNE_3);
    expect(after.flags).toEqual([]);
    expect(after.provenance['self-completed']).toBe(30);

    const restorePath = `/api/v1/analyst/exclusions/${left.body.exclusion.id}/restore`;
    expect((await call(JUNE_3, restorePath, { method: 'POST', who: analyst })).status).toBe(200);
    expect((await call(JUNE_3, restorePath, { method: 'POST', who: analyst })).status).toBe(404);
    expect(
      (await call(JUNE_3, '/api/v1/analyst/exclusions/not-an-id/restore', { method: 'POST', who: analyst }))
        .status,
    ).toBe(404);
    expect((await review(JUNE_3)).provenance['self-completed']).toBe(42);

    // Left out again, for the publication below.
    expect(
      (await call(JUNE_3, `/api/v1/analyst/months/${MAY}/exclusions`, { method: 'POST', who: analyst, body }))
        .status,
    ).toBe(201);
    after = await review(JUNE_3);
    expect(after.exclusions.map((e) => e.restoredAt === null)).toEqual([false, true]);
  });
});

describe(`publishing a month over HTTP, on ${databaseKind}`, () => {
  const publish = (time: Date, body: unknown) =>
    call<ErrorBody & { publication: { revision: number; note: string | null } }>(
      time,
      `/api/v1/analyst/months/${MAY}/publications`,
      { method: 'POST', who: analyst, body },
    );

  it('is refused while the month runs and in its grace period, and the public sees nothing yet', async () => {
    expect((await publish(IN_MAY, {})).body.error.code).toBe('month_not_over');
    const early = await publish(JUNE_3, {});
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('in_grace');
    expect((await call(JUNE_3, `/api/v1/measures?period=${MAY}`)).status).toBe(404);
  });

  it('publishes once the grace period is over, with the group left out in its notes', async () => {
    const done = await publish(JUNE_10, {});
    expect(done.status).toBe(201);
    expect(done.body.publication).toMatchObject({ revision: 1, note: null });
    const { status, body } = await call<{ revision: number; notes: { excluded: { reason: string }[] } }>(
      JUNE_10,
      `/api/v1/measures/scorecard.json?period=${MAY}`,
    );
    expect(status).toBe(200);
    expect(body.revision).toBe(1);
    expect(body.notes.excluded.map((e) => e.reason)).toEqual([
      'Twelve answers from one address in 30 minutes',
    ]);
    expect((await review(JUNE_10)).state).toBe('published');
  });

  it('publishes again only with a note the database can keep, as a new revision the public sees', async () => {
    expect((await publish(JUNE_20, {})).body.error.code).toBe('note_required');
    for (const note of ['Corrected\u0000', 'Corrected \udfff']) {
      const refused = await publish(JUNE_20, { note });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details?.map((d) => d.path)).toEqual(['note']);
    }
    const again = await publish(JUNE_20, { note: 'A paper form typed in twice is counted once.' });
    expect(again.status).toBe(201);
    expect(again.body.publication.revision).toBe(2);
    const csv = (await call<string>(JUNE_20, `/api/v1/measures/scorecard.csv?period=${MAY}`)).body;
    expect(csv.split('\r\n')[1]).toContain(',2,A paper form typed in twice is counted once.');
    expect((await review(JUNE_20)).publications.map((p) => [p.revision, p.publishedBy])).toEqual([
      [1, analyst.user.email],
      [2, analyst.user.email],
    ]);
  });
});
