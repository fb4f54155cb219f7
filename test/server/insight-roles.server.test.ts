import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src/domain/staff.ts';
import type { Database } from '../../src/server/db/database.ts';
import { createApp } from '../../src/server/http/app.ts';
import { experience, store } from '../fixtures/insight/feedback.ts';
import { requester, signedIn, type SignedIn } from '../fixtures/insight/staff.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

let db: Database;
let drop: () => Promise<void>;
const staff = {} as Record<StaffRole, SignedIn>;
let mustChange: SignedIn;
const request = requester(() => createApp({ db, version: 'test' }));
const storyId = randomUUID();

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  for (const role of ['field', 'analyst', 'admin'] as const) staff[role] = await signedIn(db, role);
  mustChange = await signedIn(db, 'analyst');
  await db.query('update staff_users set must_change_password = true where id = $1', [mustChange.user.id]);
  await store(db, [
    experience({
      id: storyId,
      answers: { control: 'enough' },
      words: 'The café is lovely.',
      consent: { storeWords: true, quote: true, contact: false },
    }),
  ]);
});

afterAll(async () => {
  await drop();
});

interface StaffRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  roles: StaffRole[];
  /** What the right role gets: past the role check, whatever the route then says. */
  allowed: number;
}

const unknownId = '00000000-0000-4000-8000-000000000000';
let invited = 0;

/** Every staff route of the insight API, with the roles it admits. */
const ROUTES: StaffRoute[] = [
  { method: 'GET', path: '/api/v1/analyst/measures?period=2025-03', roles: ['analyst'], allowed: 200 },
  { method: 'GET', path: '/api/v1/analyst/measures?period=2025-03&by=sex', roles: ['analyst'], allowed: 200 },
  { method: 'GET', path: '/api/v1/analyst/dashboard', roles: ['analyst'], allowed: 200 },
  { method: 'GET', path: '/api/v1/stories', roles: ['analyst'], allowed: 200 },
  { method: 'GET', path: '/api/v1/stories?district=chelmsford', roles: ['analyst'], allowed: 200 },
  { method: 'GET', path: '/api/v1/stories.csv', roles: ['analyst'], allowed: 200 },
  {
    method: 'POST',
    path: `/api/v1/stories/${storyId}/quote`,
    body: { text: 'The café is lovely.' },
    roles: ['analyst'],
    allowed: 200,
  },
  { method: 'DELETE', path: `/api/v1/stories/${unknownId}/quote`, roles: ['analyst'], allowed: 404 },
  {
    method: 'POST',
    path: '/api/v1/you-said-we-did',
    body: { youSaid: 'Opening times were hard to find.', weDid: 'Every listing now shows them.' },
    roles: ['analyst'],
    allowed: 201,
  },
  { method: 'DELETE', path: `/api/v1/you-said-we-did/${unknownId}`, roles: ['analyst'], allowed: 404 },
  { method: 'DELETE', path: '/api/v1/responses/SP-00000-00000', roles: ['analyst', 'admin'], allowed: 404 },
  {
    method: 'GET',
    path: '/api/v1/measures/scorecard.csv?period=2025-03&version=analyst',
    roles: ['analyst'],
    allowed: 200,
  },
  { method: 'GET', path: '/api/v1/listing-problems', roles: ['admin'], allowed: 200 },
  { method: 'GET', path: '/api/v1/listing-problems?state=fixed', roles: ['admin'], allowed: 200 },
  {
    method: 'PATCH',
    path: `/api/v1/listing-problems/${unknownId}`,
    body: { state: 'fixed' },
    roles: ['admin'],
    allowed: 404,
  },
  { method: 'GET', path: '/api/v1/staff/users', roles: ['admin'], allowed: 200 },
  {
    method: 'POST',
    path: '/api/v1/staff/users',
    body: () => ({ email: `new-${++invited}@signpost.example`, role: 'field' }),
    roles: ['admin'],
    allowed: 201,
  },
  {
    method: 'PATCH',
    path: `/api/v1/staff/users/${unknownId}`,
    body: { role: 'field' },
    roles: ['admin'],
    allowed: 404,
  },
  {
    method: 'POST',
    path: `/api/v1/staff/users/${unknownId}/one-time-password`,
    roles: ['admin'],
    allowed: 404,
  },
];

const bodyOf = (route: StaffRoute) => (typeof route.body === 'function' ? route.body() : route.body);
const label = (route: StaffRoute) => `${route.method} ${route.path}`;

describe(`who may use each staff route of the insight API, on ${databaseKind}`, () => {
  it.each(ROUTES.map((route) => [label(route), route] as const))(
    '%s: 401 with no session, 403 for any other role, let through for its own',
    async (_name, route) => {
      const { path } = route;
      const none = await request(path, { method: route.method, body: bodyOf(route) });
      expect(none.status).toBe(401);
      expect(((await none.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');

      const wrongRoles = (['field', 'analyst', 'admin'] as const).filter((r) => !route.roles.includes(r));
      for (const role of wrongRoles) {
        const wrong = await request(path, {
          method: route.method,
          cookie: staff[role].cookie,
          body: bodyOf(route),
        });
        expect(wrong.status, role).toBe(403);
        expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe('forbidden');
      }

      for (const role of route.roles) {
        const right = await request(path, {
          method: route.method,
          cookie: staff[role].cookie,
          body: bodyOf(route),
        });
        expect(right.status, role).toBe(route.allowed);
      }
    },
  );

  it('keeps out staff who have not yet replaced their one-time password', async () => {
    const response = await request('/api/v1/stories', { cookie: mustChange.cookie });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'password_change_required',
    );
  });

  it('refuses a change sent with a staff session from another site', async () => {
    const app = createApp({ db, version: 'test' });
    const response = await app.request('/api/v1/you-said-we-did', {
      method: 'POST',
      headers: {
        cookie: staff.analyst.cookie,
        origin: 'https://elsewhere.example',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ youSaid: 'x', weDid: 'y' }),
    });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_origin');
  });

  it('answers staff responses so that no browser or proxy keeps them', async () => {
    const response = await request('/api/v1/stories', { cookie: staff.analyst.cookie });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });
});
