// `npm run secret:rotate`: starts using a new master secret (see README, "Secrets").
import { join } from 'node:path';
import { loadConfig } from '../config.ts';
import { migrate } from '../db/migrate.ts';
import { openDatabase } from '../db/open.ts';
import { rotateSecret } from '../secrets.ts';

const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: join(config.dataDir, 'pgdata') });
try {
  await migrate(db);
  await rotateSecret(db, config);
  console.log(
    config.secret
      ? 'The database now expects the secret in SIGNPOST_SECRET.'
      : `A new secret is in ${config.secretFile} (readable by this user only).`,
  );
  console.log(
    'Rate-limit windows and sign-in failure counts start again. Give every other server the same secret and restart them all.',
  );
} finally {
  await db.close();
}
