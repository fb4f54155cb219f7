import { describeWarning, type FieldWarning } from '../../domain/oruk/problems.ts';
import { toService, type ToServiceResult } from '../../domain/oruk/to-service.ts';
import type { Service } from '../../domain/service.ts';
import { DatabaseUnavailableError, type Database, type Queryable } from '../db/database.ts';
import { feedTextReader } from './feed-html.ts';
import { FeedError, readFeed, type FeedOptions } from './feed-source.ts';
import { deactivateMissing, upsertServices, type StoredService, type UpsertCounts } from './store.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** PostgreSQL text cannot hold NUL, and a lone surrogate is not Unicode: clean both from every string. */
function cleanText(value: string): string {
  return value.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');
}

function cleanStrings(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? cleanText(value) : value;
}

function clean<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, cleanStrings)) as T;
}

function readRecord(raw: unknown, importedAt: string): ToServiceResult {
  try {
    return toService(raw, { importedAt, text: feedTextReader });
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

export interface WarnedRecord {
  id: string;
  name: string;
  warnings: FieldWarning[];
}

export interface ImportSummary {
  runId: number;
  source: string;
  read: number;
  imported: number;
  updated: number;
  unchanged: number;
  /** Services listed with a field set aside or repaired. */
  warned: number;
  quarantined: number;
  deactivated: number;
  /** Services listed that reach none of the four themes, so theme browsing and guided help miss them. */
  noTheme: number;
  quarantine: QuarantinedRecord[];
  /** Each service listed with a field set aside or repaired, and what and why. */
  warnings: WarnedRecord[];
  /** Set when the feed could not be read to the end. */
  error?: string;
  /** True when the run changed nothing because it failed (`allOrNothing`). */
  rolledBack?: boolean;
}

export type ImportStarter = 'command' | 'sync' | 'sample';

export interface ImportOptions extends FeedOptions {
  /** Records per transaction. */
  batchSize?: number;
  /** Mark every service the feed does not list as inactive. Default: true unless asking for changes only. */
  fullFeed?: boolean;
  /** Mark services as the shipped sample directory, so the app can say so. */
  sample?: boolean;
  /**
   * Read the whole feed before changing anything, then change it in one transaction: a feed that fails
   * part way, or a database that fails while writing, leaves the directory as it was.
   */
  allOrNothing?: boolean;
  /** Who started the run, for the data-quality page. */
  startedBy?: ImportStarter;
  onProgress?: (progress: { read: number; page: number; totalPages: number }) => void;
  now?: () => Date;
}

interface Reject extends QuarantinedRecord {
  record: unknown;
}

interface Pending {
  services: StoredService[];
  retired: string[];
  rejects: Reject[];
}

const empty = (): Pending => ({ services: [], retired: [], rejects: [] });

/** Writes one batch. With `savepoints`, inside one transaction; otherwise a transaction of its own. */
async function writeBatch(
  db: Database,
  tx: Queryable | undefined,
  runId: number,
  pending: Pending,
  summary: ImportSummary,
): Promise<void> {
  const add = (counts: UpsertCounts) => {
    summary.imported += counts.imported;
    summary.updated += counts.updated;
    summary.unchanged += counts.unchanged;
  };
  // In one long transaction a failed statement spoils the rest unless it is rolled back to a savepoint.
  const attempt = async (services: StoredService[]): Promise<UpsertCounts> => {
    if (!tx) return db.transaction((inner) => upsertServices(inner, services));
    await tx.query('savepoint import_batch');
    try {
      const counts = await upsertServices(tx, services);
      await tx.query('release savepoint import_batch');
      return counts;
    } catch (error) {
      if (!(error instanceof DatabaseUnavailableError)) await tx.query('rollback to savepoint import_batch');
      throw error;
    }
  };
  const rejects = [...pending.rejects];
  try {
    add(await attempt(pending.services));
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) throw error;
    // One record the database refuses must not cost the batch its good records: store them one by one.
    for (const stored of pending.services) {
      try {
        add(await attempt([stored]));
      } catch (single) {
        if (single instanceof DatabaseUnavailableError) throw single;
        rejects.push({
          id: stored.service.id,
          reasons: ['the database could not store this record'],
          record: stored.service,
        });
      }
    }
  }
  const record = async (q: Queryable) => {
    if (pending.retired.length > 0) {
      const rows = await q.query(
        'update services set active = false, changed_at = now() where active and id = any($1::text[]) returning id',
        [pending.retired],
      );
      summary.deactivated += rows.length;
    }
    for (const reject of rejects) {
      await q.query(
        "insert into import_quarantine (run_id, record_id, reasons, record, kind) values ($1, $2, $3::text::jsonb, $4::text::jsonb, 'quarantined')",
        [runId, reject.id ?? null, JSON.stringify(reject.reasons, cleanStrings), asJson(reject.record)],
      );
    }
  };
  if (tx) await record(tx);
  else await db.transaction(record);
}

async function recordWarnings(q: Queryable, runId: number, warned: readonly WarnedRecord[]): Promise<void> {
  const rows = warned.flatMap(({ id, warnings }) =>
    warnings.map((warning) => ({
      record_id: id,
      reasons: [describeWarning(warning)],
      field: warning.field,
      value: warning.value,
      reason: warning.reason,
    })),
  );
  for (let start = 0; start < rows.length; start += 1000) {
    await q.query(
      `insert into import_quarantine (run_id, record_id, reasons, kind, field, value, reason)
       select $1, r.record_id, r.reasons, 'warning', r.field, r.value, r.reason
       from jsonb_to_recordset($2::text::jsonb)
         as r(record_id text, reasons jsonb, field text, value text, reason text)`,
      [runId, JSON.stringify(rows.slice(start, start + 1000), cleanStrings)],
    );
  }
}

/**
 * Imports an ORUK 3.0 or HSDS 3.0 feed. Each record is checked on its own: one that cannot be shown is
 * quarantined with reasons an administrator can act on; a bad optional field is repaired or set aside
 * with a warning, and the service listed. Upsert by id, so running it again is safe.
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
    'insert into import_runs (source, full_feed, started_by) values ($1, $2, $3) returning id::int as id',
    [source, fullFeed, options.startedBy ?? (options.sample ? 'sample' : 'command')],
  );
  const runId = run!.id;
  const summary: ImportSummary = {
    runId,
    source,
    read: 0,
    imported: 0,
    updated: 0,
    unchanged: 0,
    warned: 0,
    quarantined: 0,
    deactivated: 0,
    noTheme: 0,
    quarantine: [],
    warnings: [],
  };
  const seen = new Set<string>();
  const batches: Pending[] = [];
  let pending = empty();
  const take = () => {
    if (pending.services.length + pending.rejects.length + pending.retired.length === 0) return;
    batches.push(pending);
    pending = empty();
  };

  const consider = (raw: unknown) => {
    summary.read++;
    const result = readRecord(raw, importedAt);
    if (result.ok) {
      const service: Service = clean(options.sample ? { ...result.service, sample: true } : result.service);
      if (seen.has(service.id)) {
        pending.rejects.push({
          id: service.id,
          reasons: [`id: "${service.id}" appears more than once in this feed`],
          record: raw,
        });
        return;
      }
      seen.add(service.id);
      if (result.warnings.length > 0) {
        summary.warnings.push({ id: service.id, name: service.name, warnings: clean(result.warnings) });
      }
      if (service.themes.length === 0) summary.noTheme++;
      const sourceDescription =
        result.sourceDescription === undefined ? undefined : clean(result.sourceDescription);
      pending.services.push({ service, sourceDescription });
    } else if (result.inactive && result.id) {
      const id = cleanText(result.id);
      seen.add(id);
      pending.retired.push(id);
    } else {
      const id = result.id === undefined ? undefined : cleanText(result.id);
      pending.rejects.push({ ...(id === undefined ? {} : { id }), reasons: result.reasons, record: raw });
    }
  };

  const writeAll = async (tx: Queryable | undefined) => {
    for (const batch of batches.splice(0)) await writeBatch(db, tx, runId, batch, summary);
  };

  try {
    for await (const page of readFeed(source, options)) {
      for (const raw of page.records) {
        consider(raw);
        if (pending.services.length + pending.rejects.length + pending.retired.length >= batchSize) {
          take();
          if (!options.allOrNothing) await writeAll(undefined);
        }
      }
      options.onProgress?.({ read: summary.read, page: page.pageNumber, totalPages: page.totalPages });
    }
    take();
    if (options.allOrNothing) {
      await db.transaction(async (tx) => {
        await writeAll(tx);
        if (fullFeed && summary.read > 0) summary.deactivated += await deactivateMissing(tx, [...seen]);
      });
    } else {
      await writeAll(undefined);
      if (fullFeed && summary.read > 0) {
        summary.deactivated += await db.transaction((tx) => deactivateMissing(tx, [...seen]));
      }
    }
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    summary.error = error.message;
    if (options.allOrNothing) {
      // Nothing was written: the counts say what was read, none of it stored.
      Object.assign(summary, { imported: 0, updated: 0, unchanged: 0, deactivated: 0, rolledBack: true });
      batches.length = 0;
    } else {
      take();
      await writeAll(undefined);
    }
  }

  if (!summary.rolledBack) await recordWarnings(db, runId, summary.warnings);
  else summary.warnings = [];
  const rows = await db.query<{ record_id: string | null; reasons: string[] }>(
    "select record_id, reasons from import_quarantine where run_id = $1 and kind = 'quarantined' order by id",
    [runId],
  );
  summary.quarantine = rows.map((r) =>
    r.record_id ? { id: r.record_id, reasons: r.reasons } : { reasons: r.reasons },
  );
  summary.quarantined = rows.length;
  summary.warned = summary.warnings.length;
  if (summary.rolledBack) summary.noTheme = 0;
  await db.query(
    `update import_runs set finished_at = now(), read = $2, imported = $3, updated = $4, unchanged = $5,
       quarantined = $6, deactivated = $7, error = $8, warned = $9, no_theme = $10 where id = $1`,
    [
      runId,
      summary.read,
      summary.imported,
      summary.updated,
      summary.unchanged,
      summary.quarantined,
      summary.deactivated,
      summary.error ?? null,
      summary.warned,
      summary.noTheme,
    ],
  );
  return summary;
}
