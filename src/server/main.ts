import { serve } from '@hono/node-server';
import { join } from 'node:path';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import { migrate } from './db/migrate.ts';
import { loadSampleIfEmpty } from './directory/sample.ts';
import { startFeedSync } from './directory/sync.ts';
import { createApp } from './http/app.ts';
import { createLogger } from './log.ts';
import { checkSecretFingerprint, loadSecrets } from './secrets.ts';
import { createFirstAdmin } from './staff-bootstrap.ts';

const config = loadConfig();
const logger = createLogger({ level: config.logLevel });
const { secrets, created } = loadSecrets(config);
if (created)
  logger.info(`A new secret was made and kept in ${config.secretFile} (readable by this user only).`);
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pgdata') });
const applied = await migrate(db);
if (applied.length > 0) logger.info({ migrations: applied }, `Database migrated: ${applied.join(', ')}`);
await checkSecretFingerprint(db, secrets);
const sample = await loadSampleIfEmpty(db);
if (sample > 0) logger.info(`The directory was empty: loaded ${sample} sample services (fictional).`);
await createFirstAdmin(db, {
  email: config.adminEmail,
  passwordFile: join(config.dataDir, 'first-admin.txt'),
  print: (line) => logger.info(line),
});
(await import('./retention.ts')).startRetentionSchedule(db, {
  months: config.retentionMonths,
  log: (line) => logger.info(line),
});
const feed = config.feedSync;
if (feed) {
  startFeedSync(db, feed, { info: (line) => logger.info(line), warn: (line) => logger.warn(line) });
  logger.info(`The directory will be synced from the council's feed every ${feed.intervalMinutes} minutes.`);
}

const app = createApp({
  db,
  version: config.version,
  staticDir: config.staticDir,
  trustProxy: config.trustProxy,
  logger,
  secrets,
  securityContact: config.securityContact,
  feedSync: feed,
  graceDays: config.graceDays,
});
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  logger.info(`Signpost ${config.version} on ${db.kind}: http://localhost:${info.port}/`);
});

// Finish requests in flight, then close the database cleanly so PGlite's files stay consistent.
let stopping = false;
function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info(`${signal} received: stopping`);
  server.close(() => {
    void db.close().finally(() => process.exit(0));
  });
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
