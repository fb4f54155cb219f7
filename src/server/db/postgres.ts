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

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const sql = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connect_timeout: 5,
    // Dates stay ISO strings, as PGlite gives them, so both backends return the same shapes.
    types: { date: { to: 1082, from: [1082], serialize: (x: string) => x, parse: (x: string) => x } },
  });
  const wrap = (q: postgres.Sql | postgres.TransactionSql): Queryable => ({
    async query<Row>(text: string, params: readonly unknown[] = []) {
      try {
        return (await q.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as Row[];
      } catch (error) {
        throw translate(error);
      }
    },
  });
  const root = wrap(sql);
  await root.query('select 1');
  return {
    kind: 'postgres',
    query: root.query,
    async transaction(work) {
      try {
        return (await sql.begin((tx) => work(wrap(tx)))) as Awaited<ReturnType<typeof work>>;
      } catch (error) {
        throw translate(error);
      }
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
