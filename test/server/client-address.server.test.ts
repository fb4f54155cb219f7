import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SIGN_IN_PER_ADDRESS } from '../../src/server/auth/sign-in.ts';
import { FEEDBACK_PER_ADDRESS } from '../../src/server/routes/feedback.ts';
import { parseTrustProxy } from '../../src/server/config.ts';
import type { Database } from '../../src/server/db/database.ts';
import { createApp } from '../../src/server/http/app.ts';
import { openTestDatabase } from '../support/database.ts';

let db: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
});
afterAll(async () => drop?.());

// The server's clock stands still through each test, so a test that fills a rate limit's window
// cannot straddle two of them.
let testStarted = new Date();
beforeEach(async () => {
  testStarted = new Date();
  await db.query('delete from rate_limits');
  await db.query('delete from sign_in_failures');
});

/** Wrong sign-ins through a proxy at `proxy`, each with the X-Forwarded-For that `forwardedFor(i)` gives. */
async function signInsThrough(
  trustProxy: string,
  proxy: string,
  count: number,
  forwardedFor: (i: number) => string,
): Promise<number[]> {
  const app = createApp({
    db,
    version: 'test',
    trustProxy: parseTrustProxy(trustProxy),
    clock: () => testStarted,
  });
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const response = await app.request(
      '/api/v1/session',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor(i) },
        body: JSON.stringify({ email: `nobody${i}@signpost.example`, password: 'not the password' }),
      },
      { incoming: { socket: { remoteAddress: proxy } } },
    );
    statuses.push(response.status);
  }
  return statuses;
}

/** Anonymous feedback through a proxy at `proxy`: the address's budget is 120 items in 10 minutes. */
async function feedbackThrough(
  trustProxy: string,
  proxy: string,
  forwardedFor: readonly string[],
): Promise<number[]> {
  const app = createApp({
    db,
    version: 'test',
    trustProxy: parseTrustProxy(trustProxy),
    clock: () => testStarted,
  });
  const statuses: number[] = [];
  for (const header of forwardedFor) {
    const batch = Array.from({ length: FEEDBACK_PER_ADDRESS.limit / 2 }, () => ({
      kind: 'listing-problem',
      id: randomUUID(),
      createdAt: '2025-03-14T11:00:00+01:00',
      serviceId: 'essex-carers-network',
      problem: 'wrong-phone',
    }));
    const response = await app.request(
      '/api/v1/feedback',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': header },
        body: JSON.stringify(batch),
      },
      { incoming: { socket: { remoteAddress: proxy } } },
    );
    statuses.push(response.status);
  }
  return statuses;
}

describe('the client address behind proxies (TRUST_PROXY)', () => {
  it(
    'is the hop the trusted proxy appended, so rotating X-Forwarded-For does not escape the sign-in limit',
    async () => {
      // nginx and cloud load balancers append the address they saw to whatever the client sent.
      const statuses = await signInsThrough('1', '10.0.0.5', 40, (i) => `203.0.113.${i}, 198.51.100.7`);
      expect(statuses.filter((status) => status === 429)).toHaveLength(40 - SIGN_IN_PER_ADDRESS.limit);
      expect(statuses.slice(0, SIGN_IN_PER_ADDRESS.limit).every((status) => status === 401)).toBe(true);
    },
    // Each wrong sign-in is checked against a memory-hard hash, slow on purpose.
    180_000,
  );

  it('counts two hops back behind two proxies (a CDN, then a load balancer)', async () => {
    const statuses = await feedbackThrough('2', '10.0.0.5', [
      '203.0.113.1, 198.51.100.8, 172.16.0.9',
      '203.0.113.2, 198.51.100.8, 172.16.0.9',
      '203.0.113.3, 198.51.100.8, 172.16.0.9',
    ]);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('walks past the listed proxies from the right, and stops at the first address not on the list', async () => {
    const chain = (spoof: string) => `${spoof}, 198.51.100.9, 192.0.2.1, 10.9.9.9`;
    const statuses = await feedbackThrough('10.0.0.0/8, 192.0.2.1', '10.1.2.3', [
      chain('203.0.113.1'),
      chain('203.0.113.2'),
      chain('203.0.113.3'),
    ]);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('tells different clients of one proxy apart', async () => {
    const statuses = await feedbackThrough('1', '10.0.0.5', [
      '198.51.100.10',
      '198.51.100.11',
      '198.51.100.10',
      '198.51.100.11',
    ]);
    expect(statuses).toEqual([200, 200, 200, 200]);
  });

  it('ignores X-Forwarded-For entirely when no proxy is trusted', async () => {
    const statuses = await feedbackThrough('', '198.51.100.12', [
      '203.0.113.1',
      '203.0.113.2',
      '203.0.113.3',
    ]);
    expect(statuses).toEqual([200, 200, 429]);
  });
});

describe('TRUST_PROXY', () => {
  it('reads a number of hops or a list of addresses and ranges', () => {
    expect(parseTrustProxy(undefined)).toEqual({ hops: 0 });
    expect(parseTrustProxy('')).toEqual({ hops: 0 });
    expect(parseTrustProxy('0')).toEqual({ hops: 0 });
    expect(parseTrustProxy('1')).toEqual({ hops: 1 });
    // `true` meant "behind one proxy" before hops could be counted.
    expect(parseTrustProxy('true')).toEqual({ hops: 1 });
    expect(parseTrustProxy('3')).toEqual({ hops: 3 });
    expect(parseTrustProxy(' 10.0.0.1, 192.168.0.0/16 ,fd00::/8,::1')).toEqual({
      addresses: ['10.0.0.1', '192.168.0.0/16', 'fd00::/8', '::1'],
    });
  });

  it('refuses what it cannot read, rather than trusting the wrong hop', () => {
    for (const bad of ['yes', '-1', '1.5', '10.0.0.0/33', '10.0.0.300', 'fd00::/129', '10.0.0.1,,']) {
      expect(() => parseTrustProxy(bad), bad).toThrow(/TRUST_PROXY/);
    }
  });
});

describe('HSTS behind proxies', () => {
  it('is sent when the first hop says https, even when a later hop spoke http', async () => {
    const app = createApp({ db, version: 'test', trustProxy: parseTrustProxy('2') });
    const hsts = async (proto: string) =>
      (await app.request('/api/health', { headers: { 'x-forwarded-proto': proto } })).headers.get(
        'strict-transport-security',
      );
    expect(await hsts('https, http')).toContain('max-age=');
    expect(await hsts('HTTPS')).toContain('max-age=');
    expect(await hsts('http, https')).toBeNull();
  });
});
