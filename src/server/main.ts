import { serve } from '@hono/node-server';
import { join } from 'node:path';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import { migrate } from './db/migrate.ts';
import { loadSampleIfEmpty } from './directory/sample.ts';
import { createApp } from './http/app.ts';
import { createFirstAdmin } from './staff-bootstrap.ts';

const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pgdata') });
const applied = await migrate(db);
if (applied.length > 0) console.log(`Database migrated: ${applied.join(', ')}`);
const sample = await loadSampleIfEmpty(db);
if (sample > 0) console.log(`The directory was empty: loaded ${sample} sample services (fictional).`);
await createFirstAdmin(db);
(await import('./retention.ts')).startRetentionSchedule(db);

const app = createApp({
  db,
  version: config.version,
  staticDir: config.staticDir,
  trustProxy: config.trustProxy,
});
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`Signpost ${config.version} on ${db.kind}: http://localhost:${info.port}/`);
});

// Finish requests in flight, then close the database cleanly so PGlite's files stay consistent.
let stopping = false;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received: stopping`);
  server.close(() => {
    void db.close().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
