import type { Migration } from '../migrations.ts';

export const FEEDBACK_MIGRATIONS: Migration[] = [];
