import type { Migration } from '../migrations.ts';

export const SECURITY_MIGRATIONS: Migration[] = [
  {
    id: '040-keyed-hashes-outside-database',
    statements: [
      // The keyed-hash key moves to a secret outside the database (`server/secrets.ts`). The old one has
      // sat in backups beside the hashes it protects, so it is deleted, and so are the hashes made with it:
      // they can no longer be matched, and could be reversed by anyone with an old backup. Rate-limit
      // windows and sign-in failure counts start again from nothing.
      "delete from app_meta where key = 'rate-limit-hash-key'",
      'delete from rate_limits',
      'delete from sign_in_failures',
    ],
  },
  {
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
  },
];
