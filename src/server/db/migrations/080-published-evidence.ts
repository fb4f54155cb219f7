import type { Migration } from '../migration.ts';

/**
 * A published month keeps its unmet-need table and whether services helped, protected when it was
 * published, beside its scorecard (docs/measures.md). Months published before have none.
 */
const migration: Migration = {
  id: '080-published-evidence',
  statements: ['alter table measure_publications add column evidence jsonb'],
};

export default migration;
