import type { Migration } from '../migrations.ts';

export const INSIGHT_MIGRATIONS: Migration[] = [];
