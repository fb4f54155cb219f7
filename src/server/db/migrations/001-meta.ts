import type { Migration } from '../migration.ts';

const migration: Migration = {
  id: '001-meta',
  statements: [
    `create table app_meta (
      key text primary key,
      value jsonb not null,
      updated_at timestamptz not null default now()
    )`,
  ],
};

export default migration;
