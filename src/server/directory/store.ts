import { createHash } from 'node:crypto';
import type { Service } from '../../domain/service.ts';
import type { Queryable } from '../db/database.ts';

/** A service as the importer stores it: Signpost's record, and the description as the feed sent it. */
export interface StoredService {
  service: Service;
  /** Set only when it differs from `service.description` (HTML, entities, untidy spaces). */
  sourceDescription?: string;
}

/** What `/api/oruk/services?search=` matches: the words a person would look for. */
export function searchTextOf(service: Service): string {
  return [
    service.name,
    service.organization,
    service.summary,
    service.description,
    ...service.taxonomy.map((t) => t.name),
    ...(service.audience ?? []),
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
}

export function contentHash(service: Service, sourceDescription?: string): string {
  const hash = createHash('sha256').update(JSON.stringify(service));
  if (sourceDescription !== undefined) hash.update(`\u0000${sourceDescription}`);
  return hash.digest('base64url').slice(0, 22);
}

export interface UpsertCounts {
  imported: number;
  updated: number;
  unchanged: number;
}

/**
 * Inserts new services and updates changed ones in one statement; a record whose content is the same
 * is left alone, so its `changed_at` stays and phones are not sent it again.
 */
export async function upsertServices(tx: Queryable, services: StoredService[]): Promise<UpsertCounts> {
  if (services.length === 0) return { imported: 0, updated: 0, unchanged: 0 };
  const rows = services.map(({ service: s, sourceDescription }) => ({
    id: s.id,
    record: s,
    search_text: searchTextOf(s),
    content_hash: contentHash(s, sourceDescription),
    source_modified: s.updatedAt,
    source_description: sourceDescription ?? null,
  }));
  const changed = await tx.query<{ inserted: boolean }>(
    `insert into services (id, record, search_text, content_hash, source_modified, source_description)
       select r.id, r.record, r.search_text, r.content_hash, r.source_modified, r.source_description
       from jsonb_to_recordset($1::text::jsonb)
         as r(id text, record jsonb, search_text text, content_hash text, source_modified timestamptz,
              source_description text)
     on conflict (id) do update set
       record = excluded.record,
       search_text = excluded.search_text,
       content_hash = excluded.content_hash,
       source_modified = excluded.source_modified,
       source_description = excluded.source_description,
       active = true,
       changed_at = now()
     where services.content_hash <> excluded.content_hash or not services.active
     returning (xmax = 0) as inserted`,
    [JSON.stringify(rows)],
  );
  const imported = changed.filter((r) => r.inserted).length;
  const updated = changed.length - imported;
  return { imported, updated, unchanged: services.length - changed.length };
}

/** A full feed is the whole truth: services it no longer lists are hidden, never deleted. */
export async function deactivateMissing(tx: Queryable, seenIds: string[]): Promise<number> {
  const rows = await tx.query(
    `update services set active = false, changed_at = now()
     where active and not (id = any($1::text[]))
     returning id`,
    [seenIds],
  );
  return rows.length;
}

export async function countServices(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from services');
  return row?.n ?? 0;
}
