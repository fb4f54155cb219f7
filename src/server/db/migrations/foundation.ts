import type { Migration } from '../migrations.ts';

export const FOUNDATION_MIGRATIONS: Migration[] = [
  {
    id: '001-meta',
    statements: [
      `create table app_meta (
        key text primary key,
        value jsonb not null,
        updated_at timestamptz not null default now()
      )`,
    ],
  },
];
