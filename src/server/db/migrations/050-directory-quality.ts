import type { Migration } from '../migration.ts';

const migration: Migration = {
  id: '050-directory-quality',
  statements: [
    // The description as the feed sent it, for Signpost's ORUK API; the app gets the converted form.
    'alter table services add column source_description text',
    'alter table import_runs add column warned integer not null default 0',
    'alter table import_runs add column no_theme integer not null default 0',
    // `command`, `sync` (the scheduled pull) or `sample`: the data-quality page says which ran last.
    "alter table import_runs add column started_by text not null default 'command'",
    // Warnings live beside quarantined records: a field set aside or repaired, on a service still listed.
    "alter table import_quarantine add column kind text not null default 'quarantined'",
    'alter table import_quarantine add column field text',
    'alter table import_quarantine add column value text',
    'alter table import_quarantine add column reason text',
    'create index import_quarantine_run on import_quarantine (run_id, kind)',
    'create index import_runs_started_by on import_runs (started_by, id)',
  ],
};

export default migration;
