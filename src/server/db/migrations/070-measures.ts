import type { Migration } from '../migration.ts';

/**
 * Figures people can trust (docs/measures.md). Each response gets a random record key for cell key
 * perturbation, which its answers carry so a month is still counted from one index; when and how it
 * came, for the month it counts in and the analysts' stuffing flags; and whether an analyst left it
 * out. Months are published once into `measure_publications`, each republication a new revision.
 */
const migration: Migration = {
  id: '070-measures',
  statements: [
    // A strong random byte (the first of a version 4 UUID is all random): 0 to 255, one per response.
    `alter table feedback_responses
       add column record_key smallint not null default get_byte(uuid_send(gen_random_uuid()), 0),
       add column given_at timestamptz,
       add column arrived_late boolean not null default false,
       add column source text,
       add column sent_together uuid,
       add column answer_pattern text`,
    'alter table feedback_answers add column record_key smallint not null default 0',
    `update feedback_answers a set record_key = r.record_key
     from feedback_responses r where r.id = a.response_id`,
    'alter table feedback_answers alter column record_key drop default',
    `create table measure_exclusions (
      id uuid primary key,
      period date not null,
      flag text not null check (flag in ('address-burst', 'device-burst', 'identical-answers')),
      flag_key text not null,
      reason text not null,
      responses integer not null,
      excluded_by uuid references staff_users (id) on delete set null,
      excluded_at timestamptz not null,
      restored_by uuid references staff_users (id) on delete set null,
      restored_at timestamptz
    )`,
    'create index measure_exclusions_period on measure_exclusions (period, excluded_at)',
    `alter table feedback_responses
       add column exclusion_id uuid references measure_exclusions (id) on delete set null`,
    `alter table feedback_answers
       add column exclusion_id uuid references measure_exclusions (id) on delete set null`,
    // Counting reads only answers nobody left out, with their record keys, from the index alone.
    'drop index feedback_answers_by_month',
    `create index feedback_answers_counted on feedback_answers (period, question, answer)
      include (how_answered, respondent, channel, district, age_band, sex, ethnic_group, disability, record_key)
      where exclusion_id is null`,
    'create index feedback_answers_exclusion on feedback_answers (exclusion_id) where exclusion_id is not null',
    'create index feedback_responses_exclusion on feedback_responses (exclusion_id) where exclusion_id is not null',
    `create table measure_publications (
      period date not null,
      revision integer not null check (revision >= 1),
      published_at timestamptz not null,
      published_by uuid references staff_users (id) on delete set null,
      note text,
      figures jsonb not null,
      notes jsonb not null,
      primary key (period, revision),
      check (revision = 1 or note is not null)
    )`,
  ],
};

export default migration;
