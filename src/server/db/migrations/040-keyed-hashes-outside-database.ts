import type { Migration } from '../migration.ts';

const migration: Migration = {
  id: '040-keyed-hashes-outside-database',
  statements: [
    // The keyed-hash key moves to a secret outside the database (`server/secrets.ts`). The old one has
    // sat in backups beside the hashes it protects, so it is deleted, and so are the hashes made with it:
    // they can no longer be matched, and could be reversed by anyone with an old backup. Rate-limit
    // windows and sign-in failure counts start again from nothing.
    "delete from app_meta where key = 'rate-limit-hash-key'",
    'delete from rate_limits',
    'delete from sign_in_failures',
  ],
};

export default migration;
