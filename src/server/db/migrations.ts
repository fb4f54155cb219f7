import type { Migration } from './migration.ts';
import meta from './migrations/001-meta.ts';
import directory from './migrations/002-directory.ts';
import staffAccounts from './migrations/010-staff-accounts.ts';
import feedback from './migrations/020-feedback.ts';
import insight from './migrations/030-insight.ts';
import keyedHashesOutsideDatabase from './migrations/040-keyed-hashes-outside-database.ts';
import sharedComputerSessionsAndRoleLog from './migrations/041-shared-computer-sessions-and-role-log.ts';
import directoryQuality from './migrations/050-directory-quality.ts';
import evidence from './migrations/060-evidence.ts';
import measures from './migrations/070-measures.ts';
import publishedEvidence from './migrations/080-published-evidence.ts';

/**
 * Every migration, oldest first, in one list, so a fresh database and an upgraded one apply the same
 * steps in the same order. Forward only; the same SQL runs on PGlite and PostgreSQL.
 *
 * To add one: write `migrations/NNN-what-it-does.ts` whose number is one more than the last one here,
 * export it as default, and import and append it at the end of this list. Never edit, renumber,
 * reorder or remove one that has shipped: every database records the ids it has applied, and
 * `migrate` refuses a list in which a new migration comes before one already applied.
 */
export const MIGRATIONS: readonly Migration[] = [
  meta,
  directory,
  staffAccounts,
  feedback,
  insight,
  keyedHashesOutsideDatabase,
  sharedComputerSessionsAndRoleLog,
  directoryQuality,
  evidence,
  measures,
  publishedEvidence,
];
