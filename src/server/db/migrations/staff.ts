import type { Migration } from '../migrations.ts';

export const STAFF_MIGRATIONS: Migration[] = [];
