import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { referenceFor } from '../../src/domain/feedback/reference.ts';
import type { Database } from '../../src/server/db/database.ts';
import { createApp } from '../../src/server/http/app.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

let db: Database;
let drop: () => Promise<void>;
let app: Hono;

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  app = createApp({ db, version: 'test' });
});
afterAll(async () => drop?.());
beforeEach(async () => {
  await db.query('delete from rate_limits');
});

let nextAddress = 1;

function found(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'found',
    id: randomUUID(),
    createdAt: '2026-03-02T10:15:00.000Z',
    source: 'search',
    answer: 'no',
    needs: ['money', 'caring'],
    district: 'tendring',
    forWhom: 'someone-i-care-for',
    ...overrides,
  };
}

function followUp(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    kind: 'follow-up',
    id: randomUUID(),
    createdAt: '2026-03-16T09:00:00.000Z',
    serviceId: 'sample-chelmsford-carers-cafe',
    theme: 'carers',
    district: 'chelmsford',
    answer: 'partly',
    ...overrides,
  };
}

interface Result {
  index: number;
  id?: string;
  status: string;
  reference?: string;
}

async function post(body: unknown): Promise<{ status: number; results: Result[] }> {
  const response = await app.request(
    '/api/v1/feedback',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify(body),
    },
    { incoming: { socket: { remoteAddress: `198.51.100.${nextAddress++}` } } },
  );
  const json = (await response.json()) as { result?: Result; results?: Result[] };
  return { status: response.status, results: json.results ?? (json.result ? [json.result] : []) };
}

describe(`evidence answers on ${databaseKind}`, () => {
  it('stores a No with its needs, and a follow-up, beside feedback in one batch, keeping the good over a bad one', async () => {
    const no = found();
    const later = followUp();
    const bad = found({ answer: 'yes', needs: ['money'] });
    const typed = found({ searchedFor: 'dementia cafe near me' });
    const experience = {
      kind: 'experience',
      id: randomUUID(),
      createdAt: '2026-03-02T10:20:00.000Z',
      formVersion: 1,
      answers: { info: 'fairly-easy' },
      consent: { storeWords: false, quote: false, contact: false },
      respondent: 'resident',
      howAnswered: 'own',
      channel: 'self-online',
    };
    const response = await post([no, bad, later, experience, typed]);
    expect(response.status).toBe(200);
    expect(response.results.map((r) => r.status)).toEqual([
      'stored',
      'invalid',
      'stored',
      'stored',
      'invalid',
    ]);
    expect(response.results[0]).toMatchObject({ id: no.id, reference: referenceFor(no.id as string) });

    const needs = await db.query<{ need: string; district: string; answer: string; for_whom: string }>(
      'select need, district, answer, for_whom from found_needs where answer_id = $1 order by need',
      [no.id],
    );
    expect(needs).toEqual([
      { need: 'caring', district: 'tendring', answer: 'no', for_whom: 'someone-i-care-for' },
      { need: 'money', district: 'tendring', answer: 'no', for_whom: 'someone-i-care-for' },
    ]);
    const [stored] = await db.query<Record<string, unknown>>(
      'select service_id, theme, district, answer from follow_up_answers where id = $1',
      [later.id],
    );
    expect(stored).toEqual({
      service_id: 'sample-chelmsford-carers-cafe',
      theme: 'carers',
      district: 'chelmsford',
      answer: 'partly',
    });
    const [{ n } = { n: -1 }] = await db.query<{ n: number }>(
      'select count(*)::int as n from found_answers where id = any($1::uuid[])',
      [[bad.id, typed.id]],
    );
    expect(n).toBe(0);
  });

  it('stores each exactly once however often it is sent, and refuses other content under the same id', async () => {
    const no = found({ source: 'guided', needs: ['lonely-or-low'] });
    const later = followUp({ answer: 'could-not-reach' });
    expect((await post([no, later])).results.map((r) => r.status)).toEqual(['stored', 'stored']);
    const again = await Promise.all([post([no, later]), post([later, no])]);
    for (const response of again) {
      expect(response.results.map((r) => r.status)).toEqual(['already-stored', 'already-stored']);
    }
    const changed = await post([
      { ...no, answer: 'partly' },
      { ...later, answer: 'yes' },
      found({ id: later.id }),
    ]);
    expect(changed.results.map((r) => r.status)).toEqual(['conflict', 'conflict', 'conflict']);
    const [counts] = await db.query<{ found: number; needs: number; follow_ups: number }>(
      `select (select count(*)::int from found_answers where id = $1) as found,
              (select count(*)::int from found_needs where answer_id = $1) as needs,
              (select count(*)::int from follow_up_answers where id = $2) as follow_ups`,
      [no.id, later.id],
    );
    expect(counts).toEqual({ found: 1, needs: 1, follow_ups: 1 });
  });

  it('counts an answer in the month the server received it, in UK time, whatever the device clock said', async () => {
    const no = found({ createdAt: '2001-12-31T23:59:00Z' });
    await post(no);
    const [row] = await db.query<{ same: boolean }>(
      `select period = date_trunc('month', now() at time zone 'Europe/London')::date as same
       from found_answers where id = $1`,
      [no.id],
    );
    expect(row?.same).toBe(true);
  });
});
