import type { Migration } from '../migration.ts';

/**
 * Evidence for commissioners: "Did you find what you needed?" and, weeks later, "Did it help?". Codes
 * only, never words. Each answer counts in the month the server received it, and carries a random record
 * key for cell key perturbation (docs/measures.md). A found answer's needs are one row each, carrying the
 * month, district and answer, so the gap table is one `group by` over one index.
 */
const migration: Migration = {
  id: '060-evidence',
  statements: [
    `create table found_answers (
      id uuid primary key,
      content_hash text not null,
      received_at timestamptz not null,
      period date not null,
      source text not null check (source in ('search', 'guided')),
      answer text not null check (answer in ('yes', 'partly', 'no')),
      district text,
      for_whom text,
      needs text[] not null default '{}',
      record_key smallint not null default get_byte(uuid_send(gen_random_uuid()), 0)
    )`,
    'create index found_answers_by_month on found_answers (period, source, answer) include (record_key)',
    `create table found_needs (
      answer_id uuid not null references found_answers (id) on delete cascade,
      need text not null,
      period date not null,
      district text,
      answer text not null,
      for_whom text,
      record_key smallint not null,
      primary key (answer_id, need)
    )`,
    `create index found_needs_by_month on found_needs (period, need, district, answer)
      include (record_key)`,
    `create table follow_up_answers (
      id uuid primary key,
      content_hash text not null,
      received_at timestamptz not null,
      period date not null,
      service_id text not null,
      theme text,
      district text,
      answer text not null check (answer in ('yes', 'partly', 'no', 'could-not-reach', 'not-contacted')),
      record_key smallint not null default get_byte(uuid_send(gen_random_uuid()), 0)
    )`,
    `create index follow_up_answers_by_month on follow_up_answers (period, theme, answer)
      include (service_id, district, record_key)`,
    'create index follow_up_answers_by_service on follow_up_answers (service_id, received_at)',
  ],
};

export default migration;
