import type { Service } from '../../domain/service.ts';
import { toService, type ToServiceResult } from '../../domain/oruk/to-service.ts';
import { DatabaseUnavailableError, type Database } from '../db/database.ts';
import { FeedError, readFeed, type FeedOptions } from './feed-source.ts';
import { deactivateMissing, upsertServices } from './store.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** PostgreSQL text cannot hold NUL, and a lone surrogate is not Unicode: clean both from every string. */
function cleanStrings(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD') : value;
}

function storable(service: Service): Service {
  return JSON.parse(JSON.stringify(service, cleanStrings)) as Service;
}

function readRecord(raw: unknown, importedAt: string): ToServiceResult {
  try {
    return toService(raw, { importedAt });
  } catch {
    return { ok: false, reasons: ['the record could not be read: it is nested too deeply or malformed'] };
  }
}

function asJson(value: unknown): string | null {
  try {
    return JSON.stringify(value ?? null, cleanStrings);
  } catch {
    return null;
  }
}

export interface QuarantinedRecord {
  id?: string;
  reasons: string[];
}

export interface ImportSummary {
  runId: number;
  source: string;
  read: number;
  imported: number;
  updated: number;
  unchanged: number;
  quarantined: number;
  deactivated: number;
  quarantine: QuarantinedRecord[];
  /** Records imported with something left out (say, an impossible map position), and why. */
  warnings: QuarantinedRecord[];
  /** Set when the feed could not be read to the end; what was read before stays imported. */
  error?: string;
}

export interface ImportOptions extends FeedOptions {
  /** Records per transaction. */
  batchSize?: number;
  /** Mark every service the feed does not list as inactive. Default: true unless asking for changes only. */
  fullFeed?: boolean;
  /** Mark services as the shipped sample directory, so the app can say so. */
  sample?: boolean;
  onProgress?: (progress: { read: number; page: number; totalPages: number }) => void;
  now?: () => Date;
}

/**
 * Imports an ORUK 3.0 or HSDS 3.0 feed. Each record is checked on its own: a bad one is quarantined
 * with reasons an administrator can act on, and every good one is imported. One transaction per batch,
 * upsert by id, so running it again is safe.
 */
export async function importDirectory(
  db: Database,
  source: string,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const fullFeed = options.fullFeed ?? !options.modifiedAfter;
  const batchSize = options.batchSize ?? 500;
  const importedAt = (options.now?.() ?? new Date()).toISOString();
  const [run] = await db.query<{ id: number }>(
    'insert into import_runs (source, full_feed) values ($1, $2) returning id::int as id',
    [source, fullFeed],
  );
  const runId = run!.id;
  const summary: ImportSummary = {
    runId,
    source,
    read: 0,
    imported: 0,
    updated: 0,
    unchanged: 0,
    quarantined: 0,
    deactivated: 0,
    quarantine: [],
    warnings: [],
  };
  const seen = new Set<string>();
  let batch: Service[] = [];
  let retired: string[] = [];
  let rejects: Array<QuarantinedRecord & { record: unknown }> = [];

  const flush = async () => {
    const [services, inactive, bad] = [batch, retired, rejects];
    [batch, retired, rejects] = [[], [], []];
    const add = (counts: { imported: number; updated: number; unchanged: number }) => {
      summary.imported += counts.imported;
      summary.updated += counts.updated;
      summary.unchanged += counts.unchanged;
    };
    try {
      add(await db.transaction((tx) => upsertServices(tx, services)));
    } catch (error) {
      if (error instanceof DatabaseUnavailableError) throw error;
      // One record the database refuses must not cost the batch its good records: store them one by one.
      for (const service of services) {
        try {
          add(await db.transaction((tx) => upsertServices(tx, [service])));
        } catch (single) {
          if (single instanceof DatabaseUnavailableError) throw single;
          bad.push({
            id: service.id,
            reasons: ['the database could not store this record'],
            record: service,
          });
        }
      }
    }
    await db.transaction(async (tx) => {
      if (inactive.length > 0) {
        const rows = await tx.query(
          'update services set active = false, changed_at = now() where active and id = any($1::text[]) returning id',
          [inactive],
        );
        summary.deactivated += rows.length;
      }
      for (const reject of bad) {
        await tx.query(
          'insert into import_quarantine (run_id, record_id, reasons, record) values ($1, $2, $3::text::jsonb, $4::text::jsonb)',
          [runId, reject.id ?? null, JSON.stringify(reject.reasons), asJson(reject.record)],
        );
      }
    });
  };

  try {
    for await (const page of readFeed(source, options)) {
      for (const raw of page.records) {
        summary.read++;
        const result = readRecord(raw, importedAt);
        if (result.ok) {
          if (result.warnings.length > 0)
            summary.warnings.push({ id: result.service.id, reasons: result.warnings });
          const service = storable(options.sample ? { ...result.service, sample: true } : result.service);
          if (seen.has(service.id)) {
            rejects.push({
              id: service.id,
              reasons: [`id: "${service.id}" appears more than once in this feed`],
              record: raw,
            });
          } else {
            seen.add(service.id);
            batch.push(service);
          }
        } else if (result.inactive && result.id) {
          seen.add(result.id);
          retired.push(result.id);
        } else {
          rejects.push({ id: result.id, reasons: result.reasons, record: raw });
        }
        if (batch.length + rejects.length + retired.length >= batchSize) await flush();
      }
      options.onProgress?.({ read: summary.read, page: page.pageNumber, totalPages: page.totalPages });
    }
    await flush();
    if (fullFeed && summary.read > 0) {
      summary.deactivated += await db.transaction((tx) => deactivateMissing(tx, [...seen]));
    }
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    await flush();
    summary.error = error.message;
  }

  const rows = await db.query<{ record_id: string | null; reasons: string[] }>(
    'select record_id, reasons from import_quarantine where run_id = $1 order by id',
    [runId],
  );
  summary.quarantine = rows.map((r) =>
    r.record_id ? { id: r.record_id, reasons: r.reasons } : { reasons: r.reasons },
  );
  summary.quarantined = rows.length;
  await db.query(
    `update import_runs set finished_at = now(), read = $2, imported = $3, updated = $4, unchanged = $5,
       quarantined = $6, deactivated = $7, error = $8 where id = $1`,
    [
      runId,
      summary.read,
      summary.imported,
      summary.updated,
      summary.unchanged,
      summary.quarantined,
      summary.deactivated,
      summary.error ?? null,
    ],
  );
  return summary;
}
