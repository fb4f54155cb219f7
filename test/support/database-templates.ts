// vitest's set-up for the server tests: the databases every test database is copied from, made once
// per run. On PGlite, dumps of a new cluster and of a migrated one; on PostgreSQL, a migrated database
// used as the template of each test's own.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/server/db/migrate.ts';
import { pgliteDatabase } from '../../src/server/db/pglite.ts';
import { openPostgres } from '../../src/server/db/postgres.ts';

export interface DatabaseTemplates {
  /** Paths of the two PGlite dumps. */
  pglite?: { empty: string; migrated: string };
  /** The name of the migrated PostgreSQL database to copy. */
  postgres?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `signpost_template_${process.pid}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.unsafe(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const db = await openPostgres(url.toString());
    await migrate(db);
    await db.close();
    project.provide('databaseTemplates', { postgres: name });
    return async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const folder = join(project.config.root, '.tmp/server-test-databases', String(process.pid));
  mkdirSync(folder, { recursive: true });
  const pg = await PGlite.create();
  const empty = join(folder, 'empty.tar');
  writeFileSync(empty, Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer()));
  await migrate(pgliteDatabase(pg));
  const migrated = join(folder, 'migrated.tar');
  writeFileSync(migrated, Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer()));
  await pg.close();
  project.provide('databaseTemplates', { pglite: { empty, migrated } });
  return async () => rmSync(folder, { recursive: true, force: true });
}
