import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0016CustomerLifecycle: MigrationDefinition = {
  version: 16,
  name: 'customer_lifecycle',
  sql: `
-- Each customer's computed lifecycle stage and loyalty level, one row per customer, written by
-- electron/services/lifecycle/ from the rules in shared/domain/lifecycleRules.ts. Derived data like report_terms:
-- not audited, left out of exports and rebuilt by a recompute. customers.lifecycle_stage, the hand-set label of
-- before, stays as it is and is no longer shown.
CREATE TABLE customer_lifecycle (
  customer_id TEXT PRIMARY KEY NOT NULL,
  stage TEXT NOT NULL,
  since TEXT NOT NULL,
  -- The reason as a message: {"key": catalogue key, "params": {...}}.
  reason TEXT NOT NULL,
  -- The loyalty level and what it is made of: facts the tier rules can read.
  loyalty TEXT NOT NULL,
  consecutive_renewals INTEGER NOT NULL,
  years INTEGER NOT NULL,
  last_amount_fen INTEGER,
  lost_on TEXT,
  lost_reason TEXT,
  -- Churn-warning signals, comma-separated ('' when none).
  signals TEXT NOT NULL,
  computed_on TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX customer_lifecycle_stage ON customer_lifecycle(stage, last_amount_fen);
CREATE INDEX customer_lifecycle_warning ON customer_lifecycle(last_amount_fen) WHERE signals <> '';
CREATE INDEX customer_lifecycle_lost ON customer_lifecycle(lost_on) WHERE stage = 'churned';

-- Every change of a customer's stage, dated; the first row of a customer has no previous stage.
CREATE TABLE customer_lifecycle_history (
  id TEXT PRIMARY KEY NOT NULL,
  customer_id TEXT NOT NULL,
  stage TEXT NOT NULL,
  previous_stage TEXT,
  on_date TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX customer_lifecycle_history_customer ON customer_lifecycle_history(customer_id, on_date);

-- Customers whose stage may have changed since it was computed: filled by the triggers below on every write to
-- what the rules read (the bulk import and undo included), emptied by the recompute that follows a write.
CREATE TABLE lifecycle_dirty (customer_id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;

CREATE TRIGGER lifecycle_dirty_customer_insert AFTER INSERT ON customers BEGIN
  INSERT OR IGNORE INTO lifecycle_dirty VALUES (NEW.id);
END;
CREATE TRIGGER lifecycle_dirty_customer_update AFTER UPDATE ON customers WHEN OLD.deleted_at IS NOT NEW.deleted_at BEGIN
  INSERT OR IGNORE INTO lifecycle_dirty VALUES (NEW.id);
END;
CREATE TRIGGER lifecycle_dirty_contract_insert AFTER INSERT ON contracts BEGIN
  INSERT OR IGNORE INTO lifecycle_dirty VALUES (NEW.customer_id);
END;
CREATE TRIGGER lifecycle_dirty_contract_update AFTER UPDATE ON contracts
WHEN OLD.customer_id IS NOT NEW.customer_id OR OLD.ends_on IS NOT NEW.ends_on OR OLD.status IS NOT NEW.status
  OR OLD.amount_fen IS NOT NEW.amount_fen OR OLD.signed_on IS NOT NEW.signed_on OR OLD.starts_on IS NOT NEW.starts_on
  OR OLD.renewal_of IS NOT NEW.renewal_of OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
  INSERT OR IGNORE INTO lifecycle_dirty VALUES (NEW.customer_id);
  INSERT OR IGNORE INTO lifecycle_dirty SELECT OLD.customer_id WHERE OLD.customer_id IS NOT NEW.customer_id;
END;
CREATE TRIGGER lifecycle_dirty_contract_delete AFTER DELETE ON contracts BEGIN
  INSERT OR IGNORE INTO lifecycle_dirty VALUES (OLD.customer_id);
END;
CREATE TRIGGER lifecycle_dirty_renewal_insert AFTER INSERT ON renewals BEGIN
  INSERT OR IGNORE INTO lifecycle_dirty SELECT customer_id FROM contracts WHERE id = NEW.contract_id;
END;
CREATE TRIGGER lifecycle_dirty_renewal_update AFTER UPDATE ON renewals
WHEN OLD.contract_id IS NOT NEW.contract_id OR OLD.stage IS NOT NEW.stage OR OLD.outcome_on IS NOT NEW.outcome_on
  OR OLD.lost_reason IS NOT NEW.lost_reason OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
  INSERT OR IGNORE INTO lifecycle_dirty SELECT customer_id FROM contracts WHERE id IN (NEW.contract_id, OLD.contract_id);
END;
CREATE TRIGGER lifecycle_dirty_renewal_delete AFTER DELETE ON renewals BEGIN
  INSERT OR IGNORE INTO lifecycle_dirty SELECT customer_id FROM contracts WHERE id = OLD.contract_id;
END;
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

-- Every customer is computed by the first recompute (the next write, or the first reminder tick of the day).
INSERT INTO lifecycle_dirty SELECT id FROM customers WHERE deleted_at IS NULL;
`,
};
