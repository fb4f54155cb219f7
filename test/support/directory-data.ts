import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { fromService } from '../../src/domain/oruk/from-service.ts';
import type { Service } from '../../src/domain/service.ts';
import type { Database } from '../../src/server/db/database.ts';
import { importDirectory } from '../../src/server/directory/import.ts';
import type { PrepareData } from './test-server.ts';

/** Loads services into a database as the council's administrator does: an ORUK feed, through the importer. */
export async function importServices(
  db: Database,
  folder: string,
  services: Service[],
  name = 'feed',
): Promise<void> {
  const feed = join(folder, `${name}.json`);
  writeFileSync(feed, JSON.stringify(services.map(fromService)));
  const summary = await importDirectory(db, feed);
  expect(summary.quarantine, 'every test service is imported').toEqual([]);
}

/** A server whose directory is these services alone, in place of the sample directory. */
export function withDirectory(services: Service[]): PrepareData {
  return (db, dataDir) => importServices(db, dataDir, services);
}
