import type { Migration } from '../migration.ts';

/**
 * Feedback as the measures need it. Each response's answers are one row per question, carrying the
 * month and every breakdown group with them, so a month's counts are one `group by` over one index.
 * Words and contact details live apart from answers, only when the person agreed, so retention can
 * delete them and keep the answers; deleting a response removes all of it.
 */
const migration: Migration = {
  id: '020-feedback',
  statements: [
    `create table feedback_responses (
      id uuid primary key,
      reference text not null,
      form_version integer not null,
      created_at timestamptz not null,
      received_at timestamptz not null default now(),
      period date not null,
      respondent text not null,
      how_answered text not null,
      channel text not null,
      district text,
      age_band text,
      sex text,
      ethnic_group text,
      disability text,
      areas_of_focus text[] not null default '{}',
      safety_concern boolean not null,
      safeguarding_concern boolean,
      submitted_by uuid references staff_users (id) on delete set null,
      consent_store_words boolean not null,
      consent_quote boolean not null,
      consent_contact boolean not null,
      content_hash text not null
    )`,
    'create index feedback_responses_reference on feedback_responses (reference)',
    'create index feedback_responses_period on feedback_responses (period, received_at)',
    'create index feedback_responses_safety on feedback_responses (received_at) where safety_concern',
    `create table feedback_answers (
      response_id uuid not null references feedback_responses (id) on delete cascade,
      question text not null,
      answer text not null,
      form_version integer not null,
      period date not null,
      how_answered text not null,
      respondent text not null,
      channel text not null,
      district text,
      age_band text,
      sex text,
      ethnic_group text,
      disability text,
      primary key (response_id, question)
    )`,
    // Covers every breakdown, so counting a month needs no visit to the table itself.
    `create index feedback_answers_by_month on feedback_answers (period, question, answer)
      include (how_answered, respondent, channel, district, age_band, sex, ethnic_group, disability)`,
    `create table feedback_stories (
      response_id uuid primary key references feedback_responses (id) on delete cascade,
      words text not null,
      may_quote boolean not null,
      form_version integer not null,
      received_at timestamptz not null default now()
    )`,
    'create index feedback_stories_received on feedback_stories (received_at)',
    `create table feedback_contacts (
      response_id uuid primary key references feedback_responses (id) on delete cascade,
      method text not null check (method in ('email', 'phone')),
      value text not null,
      received_at timestamptz not null default now()
    )`,
    'create index feedback_contacts_received on feedback_contacts (received_at)',
    `create table listing_problems (
      id uuid primary key,
      reference text not null,
      service_id text not null,
      problem text not null,
      details text,
      contact_method text check (contact_method in ('email', 'phone')),
      contact_value text,
      state text not null default 'new' check (state in ('new', 'in-hand', 'fixed', 'not-a-problem')),
      created_at timestamptz not null,
      received_at timestamptz not null default now(),
      state_changed_at timestamptz,
      fixed_at timestamptz,
      content_hash text not null,
      check ((contact_method is null) = (contact_value is null))
    )`,
    'create index listing_problems_by_state on listing_problems (state, received_at)',
    'create index listing_problems_service on listing_problems (service_id)',
    'create index listing_problems_reference on listing_problems (reference)',
  ],
};

export default migration;
