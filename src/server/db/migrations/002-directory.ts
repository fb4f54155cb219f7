import type { Migration } from '../migration.ts';

const migration: Migration = {
  id: '002-directory',
  statements: [
    // The compact record the app reads, kept as JSON; `changed_at` drives the app's `since` deltas.
    `create table services (
      id text primary key,
      record jsonb not null,
      search_text text not null,
      content_hash text not null,
      active boolean not null default true,
      source_modified timestamptz,
      changed_at timestamptz not null default now(),
      created_at timestamptz not null default now()
    )`,
    'create index services_changed_at on services (changed_at)',
    "create index services_taxonomy on services using gin ((record -> 'taxonomy') jsonb_path_ops)",
    `create table import_runs (
      id bigint generated always as identity primary key,
      source text not null,
      full_feed boolean not null,
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      read integer not null default 0,
      imported integer not null default 0,
      updated integer not null default 0,
      unchanged integer not null default 0,
      quarantined integer not null default 0,
      deactivated integer not null default 0,
      error text
    )`,
    `create table import_quarantine (
      id bigint generated always as identity primary key,
      run_id bigint not null references import_runs (id) on delete cascade,
      record_id text,
      reasons jsonb not null,
      record jsonb,
      created_at timestamptz not null default now()
    )`,
  ],
};

export default migration;
