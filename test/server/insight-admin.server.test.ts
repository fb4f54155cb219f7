import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referenceFor } from '../../src/domain/feedback/reference.ts';
import type { Database } from '../../src/server/db/database.ts';
import { createApp } from '../../src/server/http/app.ts';
import type { ListingProblemItem } from '../../src/domain/api/listing-problems.ts';
import type { StaffAccount } from '../../src/domain/api/staff-users.ts';
import { listingProblem, store } from '../fixtures/insight/feedback.ts';
import { requester, signedIn, type SignedIn } from '../fixtures/insight/staff.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

let db: Database;
let drop: () => Promise<void>;
let admin: SignedIn;
const request = requester(() => createApp({ db, version: 'test' }));

const wrongPhone = listingProblem({
  problem: 'wrong-phone',
  details: 'The number rings a fax.',
  contact: { method: 'email', value: 'pat@example.org' },
});
const closed = listingProblem({ problem: 'closed', serviceId: 'no-longer-listed' });

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  await store(db, [wrongPhone, closed]);
  admin = await signedIn(db, 'admin');
});

afterAll(async () => {
  await drop();
});

const queue = async (query = '') => {
  const response = await request(`/api/v1/listing-problems${query}`, { cookie: admin.cookie });
  expect(response.status).toBe(200);
  return ((await response.json()) as { problems: ListingProblemItem[] }).problems;
};

describe(`the listing-problem queue on ${databaseKind}`, () => {
  it('lists new problems for admins with what they need to act on them', async () => {
    const problems = await queue('?state=new');
    expect(problems).toHaveLength(2);
    expect(problems.find((p) => p.id === wrongPhone.id)).toMatchObject({
      reference: referenceFor(wrongPhone.id),
      problem: 'wrong-phone',
      details: 'The number rings a fax.',
      contact: { method: 'email', value: 'pat@example.org' },
      state: 'new',
      fixedAt: null,
    });
  });

  it('records when a problem is fixed, tells the reporter by reference, and counts it this month', async () => {
    const fixedBefore = (await (await request('/api/v1/listing-problems/fixed')).json()) as { fixed: number };
    expect(fixedBefore.fixed).toBe(0);

    const inHand = await request(`/api/v1/listing-problems/${wrongPhone.id}`, {
      method: 'PATCH',
      cookie: admin.cookie,
      body: { state: 'in-hand' },
    });
    expect(((await inHand.json()) as { problem: ListingProblemItem }).problem).toMatchObject({
      state: 'in-hand',
      fixedAt: null,
    });
    const fixed = await request(`/api/v1/listing-problems/${wrongPhone.id}`, {
      method: 'PATCH',
      cookie: admin.cookie,
      body: { state: 'fixed' },
    });
    const { problem } = (await fixed.json()) as { problem: ListingProblemItem };
    expect(problem.state).toBe('fixed');
    expect(Date.now() - Date.parse(problem.fixedAt ?? '')).toBeLessThan(60_000);
    expect((await queue('?state=new')).map((p) => p.id)).toEqual([closed.id]);

    // Typed as a person might read it out: lower case, spaces for dashes.
    const typed = referenceFor(wrongPhone.id).toLowerCase().replaceAll('-', ' ');
    const lookup = await request(`/api/v1/listing-problems/lookup?reference=${encodeURIComponent(typed)}`);
    expect(lookup.status).toBe(200);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    expect(await lookup.json()).toEqual({
      problem: { reference: referenceFor(wrongPhone.id), state: 'fixed', reportedOn: today, fixedOn: today },
    });

    const month = today.slice(0, 7);
    const fixedNow = (await (await request('/api/v1/listing-problems/fixed')).json()) as {
      period: string;
      fixed: number;
    };
    expect(fixedNow).toEqual({ period: month, fixed: 1 });
    const lastYear = (await (await request('/api/v1/listing-problems/fixed?period=2020-01')).json()) as {
      fixed: number;
    };
    expect(lastYear.fixed).toBe(0);
  });

  it('tells the public no details, and answers unknown or malformed references plainly', async () => {
    const lookup = await request(`/api/v1/listing-problems/lookup?reference=${referenceFor(closed.id)}`);
    const body = (await lookup.json()) as { problem: Record<string, unknown> };
    expect(Object.keys(body.problem).sort()).toEqual(['fixedOn', 'reference', 'reportedOn', 'state']);
    expect((await request('/api/v1/listing-problems/lookup?reference=SP-00000-00000')).status).toBe(404);
    expect((await request('/api/v1/listing-problems/lookup?reference=hello')).status).toBe(400);
    expect((await request('/api/v1/listing-problems/lookup')).status).toBe(400);
  });

  it('refuses a state that does not exist', async () => {
    const response = await request(`/api/v1/listing-problems/${closed.id}`, {
      method: 'PATCH',
      cookie: admin.cookie,
      body: { state: 'done' },
    });
    expect(response.status).toBe(400);
  });
});

describe(`staff accounts on ${databaseKind}`, () => {
  const accounts = async () =>
    (
      (await (await request('/api/v1/staff/users', { cookie: admin.cookie })).json()) as {
        users: StaffAccount[];
      }
    ).users;

  it('invites someone with a one-time password shown once, and refuses a second account for the same email', async () => {
    const created = await request('/api/v1/staff/users', {
      method: 'POST',
      cookie: admin.cookie,
      body: { email: ' Jo.Field@Signpost.Example ', role: 'field' },
    });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { user: StaffAccount; oneTimePassword: string };
    expect(body.user).toMatchObject({
      email: 'jo.field@signpost.example',
      role: 'field',
      mustChangePassword: true,
    });
    expect(body.oneTimePassword).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    expect(JSON.stringify(await accounts())).not.toContain(body.oneTimePassword);

    const signIn = await request('/api/v1/session', {
      method: 'POST',
      body: { email: 'jo.field@signpost.example', password: body.oneTimePassword },
    });
    expect(signIn.status).toBe(200);

    const again = await request('/api/v1/staff/users', {
      method: 'POST',
      cookie: admin.cookie,
      body: { email: 'jo.field@signpost.example', role: 'analyst' },
    });
    expect(again.status).toBe(409);
    const bad = await request('/api/v1/staff/users', {
      method: 'POST',
      cookie: admin.cookie,
      body: { email: 'not an email', role: 'boss' },
    });
    expect(bad.status).toBe(400);
  });

  it('changes a role, and disabling an account signs it out everywhere', async () => {
    const analyst = await signedIn(db, 'analyst');
    const promoted = await request(`/api/v1/staff/users/${analyst.user.id}`, {
      method: 'PATCH',
      cookie: admin.cookie,
      body: { role: 'field' },
    });
    expect(((await promoted.json()) as { user: StaffAccount }).user.role).toBe('field');
    expect((await request('/api/v1/stories', { cookie: analyst.cookie })).status).toBe(403);

    const disabled = await request(`/api/v1/staff/users/${analyst.user.id}`, {
      method: 'PATCH',
      cookie: admin.cookie,
      body: { disabled: true },
    });
    expect(((await disabled.json()) as { user: StaffAccount }).user.disabled).toBe(true);
    expect((await request('/api/v1/session', { cookie: analyst.cookie })).status).toBe(401);

    const enabled = await request(`/api/v1/staff/users/${analyst.user.id}`, {
      method: 'PATCH',
      cookie: admin.cookie,
      body: { disabled: false },
    });
    expect(((await enabled.json()) as { user: StaffAccount }).user.disabled).toBe(false);
    const empty = await request(`/api/v1/staff/users/${analyst.user.id}`, {
      method: 'PATCH',
      cookie: admin.cookie,
      body: {},
    });
    expect(empty.status).toBe(400);
  });

  it('never leaves the service without an enabled admin', async () => {
    const ownRole = await request(`/api/v1/staff/users/${admin.user.id}`, {
      method: 'PATCH',
      cookie: admin.cookie,
      body: { role: 'analyst' },
    });
    expect(ownRole.status).toBe(403);
    expect(((await ownRole.json()) as { error: { code: string } }).error.code).toBe('own_role');
    const response = await request(`/api/v1/staff/users/${admin.user.id}`, {
      method: 'PATCH',
      cookie: admin.cookie,
      body: { disabled: true },
    });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('last_admin');
    const second = await signedIn(db, 'admin');
    const stepDown = await request(`/api/v1/staff/users/${admin.user.id}`, {
      method: 'PATCH',
      cookie: second.cookie,
      body: { role: 'analyst' },
    });
    expect(stepDown.status).toBe(200);
    const last = await request(`/api/v1/staff/users/${second.user.id}`, {
      method: 'PATCH',
      cookie: second.cookie,
      body: { disabled: true },
    });
    expect(last.status).toBe(409);
    admin = second;
  });

  it('issues a new one-time password, which ends the old sessions', async () => {
    const field = await signedIn(db, 'field');
    const reset = await request(`/api/v1/staff/users/${field.user.id}/one-time-password`, {
      method: 'POST',
      cookie: admin.cookie,
    });
    const body = (await reset.json()) as { user: StaffAccount; oneTimePassword: string };
    expect(body.user.mustChangePassword).toBe(true);
    expect(body.oneTimePassword).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    expect((await request('/api/v1/session', { cookie: field.cookie })).status).toBe(401);
  });
});
