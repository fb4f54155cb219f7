import { DIRECTORY_MIGRATIONS } from './migrations/directory.ts';
import { FEEDBACK_MIGRATIONS } from './migrations/feedback.ts';
import { FOUNDATION_MIGRATIONS } from './migrations/foundation.ts';
import { INSIGHT_MIGRATIONS } from './migrations/insight.ts';
import { SECURITY_MIGRATIONS } from './migrations/security.ts';
import { STAFF_MIGRATIONS } from './migrations/staff.ts';

/**
 * Forward-only migrations, applied in this order. Never edit one that has shipped: add the next.
 * The same SQL runs on PGlite and PostgreSQL. Ids are numbered by part: 00x foundation and directory,
 * 01x staff, 02x feedback, 03x insight.
 */
export interface Migration {
  id: string;
  statements: string[];
}

export const MIGRATIONS: Migration[] = [
  ...FOUNDATION_MIGRATIONS,
  ...DIRECTORY_MIGRATIONS,
  ...STAFF_MIGRATIONS,
  ...FEEDBACK_MIGRATIONS,
  ...INSIGHT_MIGRATIONS,
  ...SECURITY_MIGRATIONS,
];
