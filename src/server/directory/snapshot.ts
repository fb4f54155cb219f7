import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { DirectoryResponse } from '../../domain/api/directory.ts';
import type { Service } from '../../domain/service.ts';
import type { Queryable } from '../db/database.ts';

export interface DirectorySnapshot {
  etag: string;
  json: Buffer;
  gzip: Buffer;
  brotli: Buffer;
}

/** What identifies the directory's current content: any import that changes a row moves it. */
export async function directoryVersion(db: Queryable): Promise<string> {
  const [row] = await db.query<{ n: number; latest: string | null }>(
    `select count(*)::int as n, to_char(max(changed_at) at time zone 'UTC', 'YYYYMMDDHH24MISSUS') as latest
     from services`,
  );
  return `"dir-${row?.n ?? 0}-${row?.latest ?? '0'}"`;
}

// Changes are read with a margin, so a batch committed while an earlier request was reading is
// never missed; a service sent twice is simply stored again on the phone.
const SINCE_MARGIN_MS = 2 * 60 * 1000;

export async function readDirectory(db: Queryable, since?: Date): Promise<DirectoryResponse> {
  const [clock] = await db.query<{ now: string }>(
    `select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as now`,
  );
  if (!since) {
    const rows = await db.query<{ record: Service }>('select record from services where active order by id');
    return { generatedAt: clock!.now, full: true, services: rows.map((r) => r.record), removed: [] };
  }
  const from = new Date(since.getTime() - SINCE_MARGIN_MS).toISOString();
  const rows = await db.query<{ id: string; record: Service; active: boolean }>(
    'select id, record, active from services where changed_at > $1 order by id',
    [from],
  );
  return {
    generatedAt: clock!.now,
    full: false,
    services: rows.filter((r) => r.active).map((r) => r.record),
    removed: rows.filter((r) => !r.active).map((r) => r.id),
  };
}

/** The whole directory, serialised and compressed once per version rather than once per phone. */
export class SnapshotCache {
  private current: DirectorySnapshot | undefined;
  private pending: Promise<DirectorySnapshot> | undefined;

  async get(db: Queryable): Promise<DirectorySnapshot> {
    const etag = await directoryVersion(db);
    if (this.current?.etag === etag) return this.current;
    if (!this.pending) {
      this.pending = (async () => {
        const body = await readDirectory(db);
        const json = Buffer.from(JSON.stringify(body));
        const snapshot = {
          etag,
          json,
          gzip: gzipSync(json, { level: 6 }),
          brotli: brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
        };
        this.current = snapshot;
        return snapshot;
      })().finally(() => (this.pending = undefined));
    }
    return this.pending;
  }
}
