import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
//
// Issue 14 (customer care): reminders.kind gains the care work's reminders, widened by SQLite's 12-step rebuild
// (https://www.sqlite.org/lang_altertable.html#otheralter) as 0028 did, in one transaction:
// - 'complaint': a complaint past its SLA reminds its handler;
// - 'visit': a planned visit of the key-customer programme comes due;
// - 'holiday': a greeting a few days before a Chinese holiday (birthdays keep their kind 'birthday');
// - 'survey': a survey campaign's task to ask one customer.
// Keyed like the other kinds by (kind, subject_id, occurrence_date, step). No table references reminders(id) and it
// has no trigger; columns keep their order, rows their rowids, and the four indexes (0003, 0011) are recreated with
// their original names and text; a test compares sqlite_master before and after.
export const migration0029CareReminderKinds: MigrationDefinition = {
  version: 29,
  name: 'care_reminder_kinds',
  rebuildsTables: true,
  sql: `
CREATE TABLE reminders_new (
  id TEXT PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('expiry', 'birthday', 'followup', 'remind', 'payment', 'complaint', 'visit', 'holiday', 'survey')),
  subject_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  occurrence_date TEXT NOT NULL,
  step INTEGER NOT NULL,
  local_date TEXT NOT NULL,
  time_of_day TEXT NOT NULL,
  due_at TEXT NOT NULL,
  snoozed_until TEXT,
  fired_at TEXT,
  outcome TEXT CHECK (outcome IN ('fired', 'superseded', 'done', 'missed')),
  done_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
INSERT INTO reminders_new (
  rowid, id, kind, subject_id, customer_id, occurrence_date, step, local_date, time_of_day, due_at, snoozed_until,
  fired_at, outcome, done_at, created_at, updated_at, version
)
SELECT
  rowid, id, kind, subject_id, customer_id, occurrence_date, step, local_date, time_of_day, due_at, snoozed_until,
  fired_at, outcome, done_at, created_at, updated_at, version
FROM reminders;
DROP TABLE reminders;
ALTER TABLE reminders_new RENAME TO reminders;
CREATE UNIQUE INDEX reminders_key ON reminders(kind, subject_id, occurrence_date, step);
CREATE INDEX reminders_due ON reminders(due_at) WHERE fired_at IS NULL;
CREATE INDEX reminders_customer ON reminders(customer_id);
CREATE INDEX reminders_subject ON reminders(subject_id);
`,
};
