import postgres from 'postgres';
import type { Database } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { openPglite } from '../../src/server/db/pglite.ts';
import { openPostgres } from '../../src/server/db/postgres.ts';

/**
 * The database a server test runs on: in-memory PGlite, or, when DATABASE_URL names a PostgreSQL
 * server, a new database of its own there, dropped afterwards, so test files never share state.
 */
export async function openTestDatabase(options: { migrated?: boolean } = {}): Promise<{
  db: Database;
  url?: string;
  drop: () => Promise<void>;
}> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await openPglite(undefined);
    if (options.migrated !== false) await migrate(db);
    return { db, drop: () => db.close() };
  }
  const name = `signpost_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  if (options.migrated !== false) await migrate(db);
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export const databaseKind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
