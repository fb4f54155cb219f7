import type { Migration } from '../migration.ts';

const migration: Migration = {
  id: '010-staff-accounts',
  statements: [
    // Emails are stored in one spelling (lower case); passwords only as scrypt hashes with their parameters.
    `create table staff_users (
      id uuid primary key,
      email text not null unique check (email = lower(email)),
      role text not null check (role in ('field', 'analyst', 'admin')),
      password_hash text not null,
      must_change_password boolean not null default true,
      created_at timestamptz not null default now(),
      password_changed_at timestamptz,
      last_signed_in_at timestamptz,
      disabled_at timestamptz
    )`,
    // Only a hash of each session's token is kept, so a copy of the database signs nobody in.
    `create table staff_sessions (
      token_hash text primary key,
      user_id uuid not null references staff_users (id) on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`,
    'create index staff_sessions_user on staff_sessions (user_id)',
    'create index staff_sessions_expires on staff_sessions (expires_at)',
    // Failed sign-ins per account, keyed by a hash of the email typed, whether or not the account exists.
    `create table sign_in_failures (
      key_hash text primary key,
      failures integer not null,
      first_failed_at timestamptz not null,
      locked_until timestamptz
    )`,
    // Rate-limit windows shared by every server process; keys are keyed hashes, never addresses.
    `create table rate_limits (
      bucket text not null,
      key_hash text not null,
      window_start timestamptz not null,
      hits integer not null,
      primary key (bucket, key_hash, window_start)
    )`,
    'create index rate_limits_window on rate_limits (window_start)',
  ],
};

export default migration;
