import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../config.ts';
import type { Database } from '../db/database.ts';
import { importDirectory } from './import.ts';
import { countServices } from './store.ts';

export const SAMPLE_DIRECTORY = join(projectRoot, 'data/sample-directory.json');

/** On first start with an empty directory, load the fictional sample so the app is useful at once. */
export async function loadSampleIfEmpty(db: Database): Promise<number> {
  if (!existsSync(SAMPLE_DIRECTORY) || (await countServices(db)) > 0) return 0;
  const summary = await importDirectory(db, SAMPLE_DIRECTORY, { sample: true });
  return summary.imported;
}
