import type { Database } from './db/database.ts';

/**
 * The council keeps people's words and contact details for a set time only (`RETENTION_MONTHS` in
 * config.ts, 24 by default). After that they are deleted; the answers stay, counted in the measures,
 * linked to no words.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionRun {
  /** False when another server process was already doing it. */
  ran: boolean;
  stories: number;
  contacts: number;
  listingProblems: number;
}

/**
 * Deletes words and contact details received more than `months` ago: stories (their approved quotes go
 * with them), feedback contact details, and the details and contact details of listing problems.
 * One process at a time: the others skip rather than wait.
 */
export async function applyRetention(db: Database, months: number): Promise<RetentionRun> {
  return db.transaction(async (tx) => {
    const [lock] = await tx.query<{ locked: boolean }>(
      "select pg_try_advisory_xact_lock(hashtext('signpost:retention')) as locked",
    );
    if (!lock?.locked) return { ran: false, stories: 0, contacts: 0, listingProblems: 0 };
    const cutoff = 'now() - make_interval(months => $1::int)';
    const stories = await tx.query(
      `delete from feedback_stories where received_at < ${cutoff} returning response_id`,
      [months],
    );
    const contacts = await tx.query(
      `delete from feedback_contacts where received_at < ${cutoff} returning response_id`,
      [months],
    );
    const problems = await tx.query(
      `update listing_problems set details = null, contact_method = null, contact_value = null
       where received_at < ${cutoff} and (details is not null or contact_method is not null)
       returning id`,
      [months],
    );
    return {
      ran: true,
      stories: stories.length,
      contacts: contacts.length,
      listingProblems: problems.length,
    };
  });
}

/**
 * PGlite runs no autovacuum: without this, counting the answers would read the table as well as its
 * index, and plan from stale statistics. PostgreSQL's autovacuum does it there.
 */
async function refreshCountingStatistics(db: Database): Promise<void> {
  if (db.kind === 'pglite') await db.query('vacuum analyze feedback_answers');
}

/**
 * Runs retention now and then once a day for as long as the process lives. Only counts are logged,
 * never what was deleted.
 */
export function startRetentionSchedule(
  db: Database,
  options: { months: number; everyMs?: number; log?: (line: string) => void },
): { stop: () => void } {
  const { months } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const run = async () => {
    try {
      const result = await applyRetention(db, months);
      await refreshCountingStatistics(db);
      const removed = result.stories + result.contacts + result.listingProblems;
      if (removed > 0) {
        log(
          `Retention (${months} months): deleted the words of ${result.stories} responses, ` +
            `${result.contacts} contact details and the details of ${result.listingProblems} listing problems.`,
        );
      }
    } catch (error) {
      // Only the code: a database error can quote the statement's rows.
      const code = (error as { code?: unknown } | null)?.code;
      log(
        `Retention failed (database error ${typeof code === 'string' ? code : 'unknown'}); it runs again tomorrow.`,
      );
    }
  };
  void run();
  const timer = setInterval(() => void run(), options.everyMs ?? DAY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
