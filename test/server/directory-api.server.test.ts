import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { feedTextReader } from '../../src/server/directory/feed-html.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryResponse } from '../../src/domain/api/directory.ts';
import { toService } from '../../src/domain/oruk/to-service.ts';
import { Service } from '../../src/domain/service.ts';
import type { Database } from '../../src/server/db/database.ts';
import { importDirectory } from '../../src/server/directory/import.ts';
import { createApp } from '../../src/server/http/app.ts';
import { databaseKind, openTestDatabase } from '../support/database.ts';

// Open Referral's own example (attribution and licence: test/fixtures/oruk/README.md).
const fixtures = new URL('../fixtures/oruk/', import.meta.url).pathname;
const serviceFull = JSON.parse(readFileSync(join(fixtures, 'oruk3-service_full.json'), 'utf8')) as Record<
  string,
  unknown
>;

let db: Database;
let drop: () => Promise<void>;
let dir: string;
const app = () => createApp({ db, version: 'test' });

const feed = (ids: string[], extra: Record<string, Record<string, unknown>> = {}) =>
  ids.map((id) => ({ ...serviceFull, id, name: `Service ${id}`, ...extra[id] }));

async function load(name: string, records: unknown[]) {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(records));
  return importDirectory(db, path);
}

type DirectoryBody = DirectoryResponse;

beforeAll(async () => {
  ({ db, drop } = await openTestDatabase());
  dir = mkdtempSync(join(tmpdir(), 'signpost-api-'));
  await load('initial.json', feed(['svc-a', 'svc-b', 'svc-c']));
});

afterAll(async () => {
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

describe(`GET /api/v1/directory on ${databaseKind}`, () => {
  it('sends the whole directory, compressed, with an ETag', async () => {
    const response = await app().request('/api/v1/directory', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const body = JSON.parse(
      gunzipSync(Buffer.from(await response.arrayBuffer())).toString(),
    ) as DirectoryBody;
    expect(body.full).toBe(true);
    expect(body.services.map((s) => s.id)).toEqual(['svc-a', 'svc-b', 'svc-c']);

    const again = await app().request('/api/v1/directory', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('sends only what changed since a time, with the ids removed', async () => {
    const first = (await (await app().request('/api/v1/directory')).json()) as DirectoryBody;
    // Changes are reported with a safety margin: move the existing rows back in time so they are old.
    await db.query("update services set changed_at = now() - interval '1 hour'");
    await load('next.json', feed(['svc-a', 'svc-b', 'svc-d'], { 'svc-b': { name: 'Renamed service' } }));
    const since = new Date(Date.parse(first.generatedAt) - 1000).toISOString();
    const delta = (await (await app().request(`/api/v1/directory?since=${since}`)).json()) as DirectoryBody;
    expect(delta.full).toBe(false);
    expect(delta.services.map((s) => s.id).sort()).toEqual(['svc-b', 'svc-d']);
    expect(delta.services.find((s) => s.id === 'svc-b')?.name).toBe('Renamed service');
    expect(delta.removed).toEqual(['svc-c']);

    const full = await app().request('/api/v1/directory');
    expect(full.headers.get('etag')).not.toBe(first);
  });

  it('sends one active service by id in the directory’s own form, and 404 for any other id', async () => {
    const whole = (await (await app().request('/api/v1/directory')).json()) as DirectoryBody;
    const one = await app().request('/api/v1/directory/services/svc-a');
    expect(one.status).toBe(200);
    expect(one.headers.get('cache-control')).toBe('no-cache');
    const body = (await one.json()) as Service;
    expect(body).toEqual(whole.services.find((s) => s.id === 'svc-a'));
    expect(Service.safeParse(body).success).toBe(true);

    // svc-c was left out of the later feed, so it is inactive: gone for the app as for the directory.
    for (const id of ['svc-c', 'nope', encodeURIComponent('bad\u0000id')]) {
      const missing = await app().request(`/api/v1/directory/services/${id}`);
      expect(missing.status, id).toBe(404);
      expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
  });

  it('refuses a since that is not a timestamp with 400 in the JSON error shape', async () => {
    const response = await app().request('/api/v1/directory?since=yesterday');
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_query');
    expect(body.error.message).toMatch(/ISO 8601/);
  });
});

describe(`the ORUK 3.0 API on ${databaseKind}`, () => {
  const PAGE_FIELDS = [
    'total_items',
    'total_pages',
    'page_number',
    'size',
    'first_page',
    'last_page',
    'empty',
    'contents',
  ];

  it('describes itself, open to other origins', async () => {
    const response = await app().request('/api/oruk/');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(((await response.json()) as { version: string }).version).toBe('3.0');
  });

  it('pages services in the shape the ORUK validator checks', async () => {
    const response = await app().request('/api/oruk/services?page=2&per_page=1');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const page = (await response.json()) as Record<string, unknown> & { contents: Array<{ id: string }> };
    for (const field of PAGE_FIELDS) expect(page, field).toHaveProperty(field);
    expect(page).toMatchObject({
      total_items: 3,
      total_pages: 3,
      page_number: 2,
      size: 1,
      first_page: false,
      last_page: false,
      empty: false,
    });
    expect(page.contents.map((s) => s.id)).toEqual(['svc-b']);
  });

  it('filters by search text, taxonomy term and modified_after', async () => {
    const search = (await (await app().request('/api/oruk/services?search=renamed')).json()) as {
      contents: Array<{ id: string }>;
    };
    expect(search.contents.map((s) => s.id)).toEqual(['svc-b']);

    const [term] = (await db.query<{ id: string }>(
      "select t ->> 'id' as id from services, jsonb_array_elements(record -> 'taxonomy') t limit 1",
    )) as [{ id: string }?];
    if (term) {
      const byTerm = (await (
        await app().request(`/api/oruk/services?taxonomy_term_id=${encodeURIComponent(term.id)}`)
      ).json()) as { total_items: number };
      expect(byTerm.total_items).toBeGreaterThan(0);
    }
    const none = (await (await app().request('/api/oruk/services?taxonomy_term_id=no-such-term')).json()) as {
      empty: boolean;
    };
    expect(none.empty).toBe(true);
    const future = (await (
      await app().request('/api/oruk/services?modified_after=2100-01-01T00:00:00Z')
    ).json()) as { total_items: number };
    expect(future.total_items).toBe(0);
  });

  it('answers one service by id, and 404 for an unknown id', async () => {
    const one = await app().request('/api/oruk/services/svc-a');
    expect(((await one.json()) as { id: string; name: string }).name).toBe('Service svc-a');
    const missing = await app().request('/api/oruk/services/nope');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it.each([['page=0'], ['per_page=100000'], ['page=abc'], ['modified_after=last-week']])(
    'refuses %s with 400 naming the parameter',
    async (query) => {
      const response = await app().request(`/api/oruk/services?${query}`);
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('invalid_query');
      expect(body.error.message).toContain(query.split('=')[0]);
    },
  );

  it('round-trips: importing Signpost’s own ORUK output gives the same directory', async () => {
    const page = (await (await app().request('/api/oruk/services?per_page=500')).json()) as {
      contents: unknown[];
    };
    const before = (
      await db.query<{ record: Service }>('select record from services where active order by id')
    ).map((r) => r.record);
    const reimported = page.contents.map((raw) => {
      const result = toService(raw, { importedAt: new Date().toISOString(), text: feedTextReader });
      if (!result.ok) throw new Error(result.reasons.join('; '));
      return result.service;
    });
    expect(reimported).toEqual(before);
  });
});
