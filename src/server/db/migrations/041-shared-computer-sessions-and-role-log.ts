import type { Migration } from '../migration.ts';

const migration: Migration = {
  id: '041-shared-computer-sessions-and-role-log',
  statements: [
    // Each session's idle limit: 30 minutes on a shared computer, two hours otherwise.
    'alter table staff_sessions add column idle_seconds integer not null default 7200',
    // Who changed whose role, from what to what: the record that makes separation of duties checkable.
    `create table staff_role_changes (
      id bigint generated always as identity primary key,
      user_id uuid not null references staff_users (id) on delete cascade,
      changed_by uuid references staff_users (id) on delete set null,
      from_role text,
      to_role text not null,
      changed_at timestamptz not null default now()
    )`,
    'create index staff_role_changes_user on staff_role_changes (user_id, changed_at)',
  ],
};

export default migration;
