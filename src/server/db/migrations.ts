import { DIRECTORY_MIGRATIONS } from './migrations/directory.ts';
import { DIRECTORY_QUALITY_MIGRATIONS } from './migrations/directory-quality.ts';
import { EVIDENCE_MIGRATIONS } from './migrations/evidence.ts';
import { FEEDBACK_MIGRATIONS } from './migrations/feedback.ts';
import { FOUNDATION_MIGRATIONS } from './migrations/foundation.ts';
import { INSIGHT_MIGRATIONS } from './migrations/insight.ts';
import { MEASURES_MIGRATIONS } from './migrations/measures.ts';
import { SECURITY_MIGRATIONS } from './migrations/security.ts';
import { STAFF_MIGRATIONS } from './migrations/staff.ts';

/**
 * Forward-only migrations, applied in this order. Never edit one that has shipped: add the next.
 * The same SQL runs on PGlite and PostgreSQL. Ids are numbered by part: 00x foundation and directory,
 * 01x staff, 02x feedback, 03x insight, 04x security, 05x directory quality, 06x evidence,
 * 07x measures. Ids sort in list order.
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
  ...DIRECTORY_QUALITY_MIGRATIONS,
  ...EVIDENCE_MIGRATIONS,
  ...MEASURES_MIGRATIONS,
];
