import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { inject } from 'vitest';
import type { Database } from '../../src/server/db/database.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { openPglite, pgliteDatabase } from '../../src/server/db/pglite.ts';
import { openPostgres } from '../../src/server/db/postgres.ts';

/**
 * The database a server test runs on: in-memory PGlite, or, when DATABASE_URL names a PostgreSQL
 * server, a new database of its own there, dropped afterwards, so test files never share state.
 *
 * Each starts as a copy of one made at the start of the run (test/support/database-templates.ts):
 * a new PGlite spends seconds creating its cluster, and copying a migrated one takes a fraction of that.
 * The copies are exact, so a test sees what a freshly made and migrated database would hold.
 */
export async function openTestDatabase(options: { migrated?: boolean } = {}): Promise<{
  db: Database;
  url?: string;
  drop: () => Promise<void>;
}> {
  const migrated = options.migrated !== false;
  const templates = inject('databaseTemplates') ?? {};
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = templates.pglite
      ? await openPgliteCopy(migrated ? templates.pglite.migrated : templates.pglite.empty)
      : await openPglite(undefined);
    if (migrated && !templates.pglite) await migrate(db);
    return { db, drop: () => db.close() };
  }
  const name = `signpost_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const template = migrated ? templates.postgres : undefined;
  await admin.unsafe(`create database ${name}${template ? ` template ${template}` : ''}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openPostgres(url.toString());
  if (migrated && !template) await migrate(db);
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

/** An in-memory PGlite loaded from a dump of another's data folder. */
async function openPgliteCopy(dump: string): Promise<Database> {
  return pgliteDatabase(await PGlite.create({ loadDataDir: new Blob([readFileSync(dump)]) }));
}

export const databaseKind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
