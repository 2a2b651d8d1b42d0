import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0003Reminders: MigrationDefinition = {
  version: 3,
  name: 'reminders',
  sql: `
-- One pipeline record per contract term, created when the user first moves it past 待跟进.
CREATE TABLE renewals (
  id TEXT PRIMARY KEY NOT NULL,
  contract_id TEXT NOT NULL REFERENCES contracts(id),
  stage TEXT NOT NULL DEFAULT 'pending' CHECK (stage IN ('pending', 'contacted', 'negotiating', 'renewed', 'lost')),
  outcome_on TEXT,
  outcome_amount_fen INTEGER CHECK (outcome_amount_fen IS NULL OR outcome_amount_fen >= 0),
  lost_reason TEXT,
  lost_note TEXT,
  new_contract_id TEXT REFERENCES contracts(id),
  notes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE UNIQUE INDEX renewals_contract_live ON renewals(contract_id) WHERE deleted_at IS NULL;
-- Walking a contract's chain of terms forwards (renewal_of points backwards).
CREATE INDEX contracts_renewal_of ON contracts(renewal_of) WHERE renewal_of IS NOT NULL;
CREATE INDEX renewals_stage ON renewals(stage) WHERE deleted_at IS NULL;

-- A ladder (JSON array of signed day steps) and a template, per tier or overriding one contract.
CREATE TABLE reminder_rules (
  id TEXT PRIMARY KEY NOT NULL,
  scope TEXT NOT NULL CHECK (scope IN ('tier', 'contract')),
  scope_id TEXT NOT NULL,
  steps TEXT CHECK (steps IS NULL OR json_valid(steps)),
  template TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE UNIQUE INDEX reminder_rules_scope_live ON reminder_rules(scope, scope_id) WHERE deleted_at IS NULL;

-- Materialized reminder steps. The key says which step of which date of which subject; a row that fired keeps
-- fired_at for ever, so recomputing never re-arms it (only an explicit snooze does).
CREATE TABLE reminders (
  id TEXT PRIMARY KEY NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('expiry', 'birthday', 'followup')),
  subject_id TEXT NOT NULL,
  customer_id TEXT NOT NULL,
  occurrence_date TEXT NOT NULL,
  step INTEGER NOT NULL,
  local_date TEXT NOT NULL,
  time_of_day TEXT NOT NULL,
  due_at TEXT NOT NULL,
  snoozed_until TEXT,
  fired_at TEXT,
  outcome TEXT CHECK (outcome IN ('fired', 'superseded', 'done')),
  done_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX reminders_key ON reminders(kind, subject_id, occurrence_date, step);
-- The tick's claim: only unclaimed rows are indexed, so "nothing due" is one probe however large the history.
CREATE INDEX reminders_due ON reminders(due_at) WHERE fired_at IS NULL;
CREATE INDEX reminders_customer ON reminders(customer_id);

-- The outbox and the in-app notification centre. No foreign key to reminders: a record outlives the step it
-- came from (a re-armed step can be recomputed away), and it carries its own text.
CREATE TABLE notifications (
  id TEXT PRIMARY KEY NOT NULL,
  tick_id TEXT NOT NULL,
  reminder_id TEXT,
  kind TEXT NOT NULL,
  subject_id TEXT,
  customer_id TEXT,
  customer_name TEXT NOT NULL,
  step INTEGER,
  due_at TEXT NOT NULL,
  fired_at TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  subject_url TEXT,
  delivered_at TEXT,
  delivery_attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  read_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
-- Exactly once per arming: a step and the due instant it was claimed at can be recorded only once.
CREATE UNIQUE INDEX notifications_claim ON notifications(reminder_id, due_at) WHERE reminder_id IS NOT NULL;
CREATE INDEX notifications_undelivered ON notifications(tick_id) WHERE delivered_at IS NULL;
CREATE INDEX notifications_fired ON notifications(fired_at);
CREATE INDEX notifications_unread ON notifications(fired_at) WHERE read_at IS NULL;
`,
};
