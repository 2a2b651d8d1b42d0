import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0011RenewalPicture: MigrationDefinition = {
  version: 11,
  name: 'renewal_picture',
  rebuildsTables: true,
  sql: `
-- 提醒日期: a one-off reminder date of the sheet, kept on the contract on top of its ladder.
ALTER TABLE contracts ADD COLUMN remind_on TEXT;

-- A pair of terms the user said is not a renewal (unlinked, or refused): the chain rule never links it again.
CREATE TABLE renewal_link_vetoes (
  id TEXT PRIMARY KEY NOT NULL,
  earlier_id TEXT NOT NULL REFERENCES contracts(id),
  later_id TEXT NOT NULL REFERENCES contracts(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE UNIQUE INDEX renewal_link_vetoes_pair ON renewal_link_vetoes(earlier_id, later_id) WHERE deleted_at IS NULL;
CREATE INDEX renewal_link_vetoes_later ON renewal_link_vetoes(later_id) WHERE deleted_at IS NULL;

-- Reminders gain the one-off 提醒日期 kind ('remind') and the outcome 'missed': a step that fell due before an
-- import created its contract (or while its customer was archived) is recorded, never notified.
CREATE TABLE reminders_new (
  id TEXT PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('expiry', 'birthday', 'followup', 'remind')),
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
INSERT INTO reminders_new SELECT id, kind, subject_id, customer_id, occurrence_date, step, local_date, time_of_day,
  due_at, snoozed_until, fired_at, outcome, done_at, created_at, updated_at, version FROM reminders;
DROP TABLE reminders;
ALTER TABLE reminders_new RENAME TO reminders;
CREATE UNIQUE INDEX reminders_key ON reminders(kind, subject_id, occurrence_date, step);
CREATE INDEX reminders_due ON reminders(due_at) WHERE fired_at IS NULL;
CREATE INDEX reminders_customer ON reminders(customer_id);
-- Undo and deletion remove a subject's reminders and notifications by subject.
CREATE INDEX reminders_subject ON reminders(subject_id);
CREATE INDEX notifications_subject ON notifications(subject_id) WHERE subject_id IS NOT NULL;
`,
};
