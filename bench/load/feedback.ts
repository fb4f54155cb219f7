import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queryable } from '../../src/server/db/database.ts';
import { feedbackBody, staffSubmission } from './feedback-payloads.ts';
import { runLoad, type LoadSummary } from './plan.ts';

/** Where the feedback API keeps submissions, keyed by the client's UUID. */
export const FEEDBACK_TABLE = 'feedback_responses';

export const SOAK = { connections: 200, durationSeconds: 60 } as const;
export const DRAIN = { items: 1_000, batchSize: 100 } as const;

/** Whether `POST /api/v1/feedback` is there: anything but the API's own "no such address" 404. */
export async function feedbackEndpointExists(serverUrl: string): Promise<boolean> {
  const response = await fetch(`${serverUrl}/api/v1/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: feedbackBody(1, 0).body,
  });
  if (response.status !== 404) return true;
  const body = (await response.json().catch(() => null)) as { error?: { code?: string } } | null;
  return body?.error?.code !== 'not_found';
}

export interface SoakOutcome {
  summary: LoadSummary;
  acceptedIds: string[];
}

/** 200 clients submitting fresh feedback as fast as they can for a minute, keeping every accepted id. */
export async function soakFeedback(serverUrl: string): Promise<SoakOutcome> {
  const folder = mkdtempSync(join(tmpdir(), 'signpost-bench-soak-'));
  const acceptedIdsFile = join(folder, 'accepted.json');
  try {
    const summary = await runLoad({
      url: serverUrl,
      target: { kind: 'feedback', batchSize: 1 },
      connections: SOAK.connections,
      durationSeconds: SOAK.durationSeconds,
      acceptedIdsFile,
    });
    return { summary, acceptedIds: JSON.parse(readFileSync(acceptedIdsFile, 'utf8')) as string[] };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Every accepted submission is stored, and none twice: the figures the soak is for. */
export async function verifyStoredOnce(
  db: Queryable,
  acceptedIds: readonly string[],
): Promise<{ accepted: number; stored: number; missing: number; duplicated: number }> {
  const rows = await db.query<{ id: string; copies: number }>(
    `select id::text as id, count(*)::int as copies from ${FEEDBACK_TABLE}
     where id::text = any($1::text[]) group by id`,
    [acceptedIds],
  );
  const unique = new Set(acceptedIds);
  return {
    accepted: unique.size,
    stored: rows.length,
    missing: unique.size - rows.length,
    duplicated: rows.filter((r) => r.copies > 1).length,
  };
}

export interface DrainFigures {
  how: string;
  items: number;
  totalMs: number;
  stored: number;
}

/**
 * A field worker's 1,000 queued submissions sent in batches of 100, one after the other, as the
 * outbox drains when a connection returns. Measured through the API: the server's share of it.
 */
export async function drainThroughApi(serverUrl: string, cookie: string): Promise<DrainFigures> {
  let stored = 0;
  const started = performance.now();
  for (let sent = 0; sent < DRAIN.items; sent += DRAIN.batchSize) {
    const batch = Array.from({ length: DRAIN.batchSize }, (_, i) =>
      staffSubmission(crypto.randomUUID(), sent + i),
    );
    const response = await fetch(`${serverUrl}/api/v1/feedback`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: serverUrl },
      body: JSON.stringify(batch),
    });
    const body = (await response.json()) as { results?: Array<{ status: string }> };
    stored += body.results?.filter((r) => r.status === 'stored').length ?? 0;
  }
  return { how: 'API, batches of 100', items: DRAIN.items, totalMs: performance.now() - started, stored };
}
