import type { SyncRunSummary } from '../../domain/directory-quality.ts';
import type { Database } from '../db/database.ts';
import { importDirectory, type ImportSummary } from './import.ts';

/**
 * The scheduled pull of the council's ORUK API (`SIGNPOST_FEED_URL`): each run asks only for what changed
 * since the last good run, writes all of it or nothing, and runs in one server process at a time.
 */

export const DEFAULT_SYNC_MINUTES = 24 * 60;
const MIN_SYNC_MINUTES = 5;

export interface SyncSettings {
  url: string;
  intervalMinutes: number;
  /** How long to wait for one page of the feed, in milliseconds. */
  timeoutMs?: number;
  perPage?: number;
  fetch?: typeof fetch;
}

/**
 * `SIGNPOST_FEED_URL` (an http or https ORUK API) and `SIGNPOST_FEED_INTERVAL_MINUTES` (1440, daily, by
 * default). Undefined when no feed is set; a setting that cannot be right stops the server with why.
 */
export function syncSettings(env: NodeJS.ProcessEnv): SyncSettings | undefined {
  const url = env.SIGNPOST_FEED_URL?.trim();
  if (!url) return undefined;
  if (!/^https?:\/\/[^\s/]+/i.test(url)) {
    throw new Error('SIGNPOST_FEED_URL must be the http or https address of an ORUK API');
  }
  const text = env.SIGNPOST_FEED_INTERVAL_MINUTES?.trim();
  const intervalMinutes = text ? Number(text) : DEFAULT_SYNC_MINUTES;
  if (!Number.isInteger(intervalMinutes) || intervalMinutes < MIN_SYNC_MINUTES) {
    throw new Error(
      `SIGNPOST_FEED_INTERVAL_MINUTES must be a whole number of minutes, ${MIN_SYNC_MINUTES} or more, not "${text}"`,
    );
  }
  return { url, intervalMinutes };
}

export type SyncOutcome = { ran: false } | { ran: true; summary: ImportSummary };

// PGlite's files belong to one process, so within it a flag is the whole lock.
const runningHere = new WeakSet<Database>();

/**
 * Runs `work` only if no other process (or call) is running it: the others skip rather than queue.
 * On PostgreSQL an advisory lock, held by a transaction open for the whole run, says who is running.
 */
async function exclusively<T>(
  db: Database,
  work: () => Promise<T>,
): Promise<{ ran: false } | { ran: true; value: T }> {
  if (runningHere.has(db)) return { ran: false };
  runningHere.add(db);
  try {
    if (db.kind === 'pglite') return { ran: true, value: await work() };
    return await db.transaction(async (tx) => {
      const [lock] = await tx.query<{ locked: boolean }>(
        "select pg_try_advisory_xact_lock(hashtext('signpost:feed-sync')) as locked",
      );
      if (!lock?.locked) return { ran: false } as const;
      return { ran: true, value: await work() } as const;
    });
  } finally {
    runningHere.delete(db);
  }
}

/**
 * When the last sync that succeeded began, less a margin for the feed's clock running behind ours: the
 * next asks the feed for what changed since then. Reading a record twice costs little; missing one, a lot.
 */
async function changedSince(db: Database): Promise<string | undefined> {
  const [row] = await db.query<{ started_at: string }>(
    `select to_char((started_at - interval '10 minutes') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
       as started_at
     from import_runs where started_by = 'sync' and finished_at is not null and error is null
     order by id desc limit 1`,
  );
  return row?.started_at;
}

/** One sync, now: skipped (`ran: false`) when another process is already running one. */
export async function syncOnce(
  db: Database,
  settings: Omit<SyncSettings, 'intervalMinutes'>,
): Promise<SyncOutcome> {
  const outcome = await exclusively(db, async () =>
    importDirectory(db, settings.url, {
      modifiedAfter: await changedSince(db),
      allOrNothing: true,
      startedBy: 'sync',
      timeoutMs: settings.timeoutMs,
      perPage: settings.perPage,
      fetch: settings.fetch,
    }),
  );
  return outcome.ran ? { ran: true, summary: outcome.value } : { ran: false };
}

/** A run as the import log records it; its shape is `/api/health`'s contract. */
export type SyncRun = SyncRunSummary;

/** The latest scheduled sync, finished or not, for the data-quality page and `/api/health`. */
export async function lastSyncRun(db: Database): Promise<SyncRun | undefined> {
  const [row] = await db.query<SyncRun>(
    `select to_char(started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "startedAt",
       to_char(finished_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "finishedAt",
       read, imported, updated, unchanged, warned, quarantined, deactivated, no_theme as "noTheme",
       full_feed as "fullFeed", error
     from import_runs where started_by = 'sync' order by id desc limit 1`,
  );
  return row;
}

/**
 * Starts the schedule: a first sync soon after start, then one every interval. The timers never keep
 * the process alive; `stop()` ends the schedule.
 */
export function startFeedSync(
  db: Database,
  settings: SyncSettings,
  log: { info: (line: string) => void; warn: (line: string) => void },
  options: { firstDelayMs?: number } = {},
): { stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(() => void run(), ms);
    timer.unref();
  };
  const run = async () => {
    try {
      const outcome = await syncOnce(db, settings);
      if (!outcome.ran) log.info('Feed sync skipped: another server process is running it.');
      else if (outcome.summary.error) {
        log.warn(`Feed sync failed and changed nothing: ${outcome.summary.error}`);
      } else {
        const s = outcome.summary;
        log.info(
          `Feed sync: read ${s.read}, ${s.imported} imported, ${s.updated} updated, ${s.unchanged} unchanged, ` +
            `${s.warned} warned, ${s.quarantined} quarantined, ${s.deactivated} marked inactive.`,
        );
      }
    } catch (error) {
      log.warn(`Feed sync failed and changed nothing: ${(error as Error).message}`);
    }
    schedule(settings.intervalMinutes * 60_000);
  };
  schedule(options.firstDelayMs ?? 30_000);
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
