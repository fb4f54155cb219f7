import postgres from 'postgres';
import { DatabaseUnavailableError, type Database, type Queryable } from './database.ts';

const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EPIPE',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57P01', // admin_shutdown
  '57P03', // cannot_connect_now
]);

function translate(error: unknown): unknown {
  const code = (error as { code?: string } | null)?.code;
  return code && CONNECTION_ERRORS.has(code) ? new DatabaseUnavailableError(error) : error;
}

/**
 * How long a statement may wait for PostgreSQL before the API gives up and answers 503. A database
 * behind a network that drops packets, or a pooler with nothing behind it, raises no error by itself.
 */
export const QUERY_DEADLINE_MS = 10_000;

function unanswered(ms: number): DatabaseUnavailableError {
  return new DatabaseUnavailableError(new Error(`PostgreSQL did not answer within ${ms} ms`));
}

export async function openPostgres(
  url: string,
  options: { max?: number; queryDeadlineMs?: number } = {},
): Promise<Database> {
  const deadlineMs = options.queryDeadlineMs ?? QUERY_DEADLINE_MS;
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connect_timeout: 5,
    // Dates stay ISO strings, as PGlite gives them, so both backends return the same shapes.
    types: { date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x } },
  });
  const wrap = (q: postgres.Sql | postgres.TransactionSql): Queryable => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const pending = q.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          pending.cancel();
          reject(unanswered(deadlineMs));
        }, deadlineMs);
      });
      try {
        return (await Promise.race([pending, deadline])) as unknown as Row[];
      } catch (error) {
        throw translate(error);
      } finally {
        clearTimeout(timer);
      }
    },
  });
  const root = wrap(sql);
  await root.query('select 1');
  return {
    kind: 'postgres',
    query: root.query,
    async transaction(work) {
      // Waiting for a connection has the same deadline; a transaction that starts after it is abandoned.
      let abandoned = false;
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          abandoned = true;
          reject(unanswered(deadlineMs));
        }, deadlineMs);
      });
      const begun = sql.begin((tx) => {
        clearTimeout(timer);
        if (abandoned) throw unanswered(deadlineMs);
        return work(wrap(tx));
      });
      begun.catch(() => {});
      try {
        return (await Promise.race([begun, deadline])) as Awaited<ReturnType<typeof work>>;
      } catch (error) {
        throw translate(error);
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
