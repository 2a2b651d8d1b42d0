import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
//
// Issue 13 (risk signals): service interactions are counted from follow-ups, so the follow-up kinds gain 'inquiry'
// (咨询) and 'ticket' (工单), and the channels gain 'sms' (短信). SQLite cannot widen a CHECK in place: this is its
// 12-step rebuild (https://www.sqlite.org/lang_altertable.html#otheralter). No table references follow_ups(id), but
// the runner still turns foreign keys off around the transaction and checks them before committing (rebuildsTables).
//
// The same migration adds the two hand-entered signals, dated so that trends can be computed (the health score,
// the warnings and the prediction read them per customer, by period):
// - usage_figures: one live figure per customer and period (period_kind month|week|quarter, period_start the
//   period's first day, YYYY-MM-DD); the unit is the one configured when the figure was entered.
// - competitor_events: 竞品报价, 竞品上线新版本… per customer and date, optionally about one contract.
// Both are audited and soft-deleted like the other records, so a write is undone through its audit batch.
//
// Columns keep their order and rows keep their rowids (copied explicitly). Every index (0001, 0005) and every
// trigger (0016 lifecycle_dirty_follow_up_*) on follow_ups is recreated with its original name and text; a test
// compares sqlite_master before and after.
export const migration0023RiskSignals: MigrationDefinition = {
  version: 23,
  name: 'risk_signals',
  rebuildsTables: true,
  sql: `
CREATE TABLE follow_ups_new (
  id TEXT PRIMARY KEY NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  contract_id TEXT REFERENCES contracts(id),
  at TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('phone', 'wechat', 'visit', 'email', 'sms', 'other')),
  kind TEXT NOT NULL CHECK (kind IN ('revisit', 'renewal', 'complaint', 'inquiry', 'ticket', 'other')),
  summary TEXT NOT NULL,
  next_follow_up_on TEXT,
  next_done_at TEXT,
  owner_id TEXT REFERENCES owners(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
INSERT INTO follow_ups_new (
  rowid, id, customer_id, contract_id, at, channel, kind, summary, next_follow_up_on, next_done_at, owner_id,
  created_at, updated_at, version, deleted_at
)
SELECT
  rowid, id, customer_id, contract_id, at, channel, kind, summary, next_follow_up_on, next_done_at, owner_id,
  created_at, updated_at, version, deleted_at
FROM follow_ups;
DROP TABLE follow_ups;
ALTER TABLE follow_ups_new RENAME TO follow_ups;
CREATE INDEX follow_ups_customer_at ON follow_ups(customer_id, at) WHERE deleted_at IS NULL;
CREATE INDEX follow_ups_contract_at ON follow_ups(contract_id, at) WHERE deleted_at IS NULL;
CREATE INDEX follow_ups_due ON follow_ups(next_follow_up_on)
  WHERE deleted_at IS NULL AND next_done_at IS NULL AND next_follow_up_on IS NOT NULL;
CREATE INDEX follow_ups_updated ON follow_ups(updated_at);
CREATE TRIGGER lifecycle_dirty_follow_up_insert AFTER INSERT ON follow_ups BEGIN
  INSERT OR IGNORE INTO lifecycle_dirty VALUES (NEW.customer_id);
END;
CREATE TRIGGER lifecycle_dirty_follow_up_update AFTER UPDATE ON follow_ups
WHEN OLD.customer_id IS NOT NEW.customer_id OR OLD.at IS NOT NEW.at OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
  INSERT OR IGNORE INTO lifecycle_dirty VALUES (NEW.customer_id);
  INSERT OR IGNORE INTO lifecycle_dirty SELECT OLD.customer_id WHERE OLD.customer_id IS NOT NEW.customer_id;
END;
CREATE TRIGGER lifecycle_dirty_follow_up_delete AFTER DELETE ON follow_ups BEGIN
  INSERT OR IGNORE INTO lifecycle_dirty VALUES (OLD.customer_id);
END;
CREATE TABLE usage_figures (
  id TEXT PRIMARY KEY NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  period_kind TEXT NOT NULL CHECK (period_kind IN ('month', 'week', 'quarter')),
  period_start TEXT NOT NULL CHECK (length(period_start) = 10),
  value REAL NOT NULL CHECK (value >= 0),
  unit TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE UNIQUE INDEX usage_figures_period_live ON usage_figures(customer_id, period_kind, period_start) WHERE deleted_at IS NULL;
CREATE TABLE competitor_events (
  id TEXT PRIMARY KEY NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  contract_id TEXT REFERENCES contracts(id),
  on_date TEXT NOT NULL CHECK (length(on_date) = 10),
  text TEXT NOT NULL CHECK (length(text) > 0),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE INDEX competitor_events_customer_date ON competitor_events(customer_id, on_date) WHERE deleted_at IS NULL;
CREATE INDEX competitor_events_date ON competitor_events(on_date) WHERE deleted_at IS NULL;
`,
};
