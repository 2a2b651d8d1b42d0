import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
//
// Issue 13 (signals), two CHECKs widened by SQLite's 12-step rebuild (https://www.sqlite.org/lang_altertable.html#otheralter),
// in one transaction:
// - reminders.kind gains 'payment': an unpaid instalment past its due date reminds its owner like a contract step.
//   Keyed like the other kinds by (kind, subject_id, occurrence_date, step): subject_id is the instalment's id,
//   occurrence_date its due date, step −1 (the day after).
// - import_batches.kind gains 'usage': `import --kind usage` (客户名称, 期间, 用量) is recorded in the import history
//   and undone as a batch like the other sheets.
// No table references reminders(id) or import_batches(id) and neither has a trigger; the runner still turns
// foreign keys off around the transaction and checks them before committing (rebuildsTables). Columns keep their
// order, rows keep their rowids (copied explicitly), and every index (0003, 0004, 0011) is recreated with its
// original name and text; a test compares sqlite_master before and after. One index is added: the tick's catch-up
// scans contract_instalments by updated_at, as it does the other reminder subjects.
export const migration0028PaymentRemindersUsageImport: MigrationDefinition = {
  version: 28,
  name: 'payment_reminders_usage_import',
  rebuildsTables: true,
  sql: `
CREATE TABLE reminders_new (
  id TEXT PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('expiry', 'birthday', 'followup', 'remind', 'payment')),
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

CREATE TABLE import_batches_new (
  id TEXT PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('contracts', 'customers', 'followups', 'usage')),
  file_name TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('csv', 'xlsx')),
  encoding TEXT,
  rows INTEGER NOT NULL,
  summary TEXT NOT NULL CHECK (json_valid(summary)),
  actor TEXT NOT NULL,
  undone_at TEXT,
  undo_batch_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
INSERT INTO import_batches_new (
  rowid, id, kind, file_name, format, encoding, rows, summary, actor, undone_at, undo_batch_id, created_at, updated_at, version
)
SELECT
  rowid, id, kind, file_name, format, encoding, rows, summary, actor, undone_at, undo_batch_id, created_at, updated_at, version
FROM import_batches;
DROP TABLE import_batches;
ALTER TABLE import_batches_new RENAME TO import_batches;
CREATE INDEX import_batches_created ON import_batches(created_at);

-- The reminder tick's catch-up reads the instalments written since its marker (like follow_ups_updated).
CREATE INDEX contract_instalments_updated ON contract_instalments(updated_at);
`,
};
