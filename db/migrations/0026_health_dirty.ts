import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0026HealthDirty: MigrationDefinition = {
  version: 26,
  name: 'health_dirty',
  sql: `
-- Customers whose health score (issue 13, customer_health of 0025) may have changed since it was computed: filled by
-- the triggers below on every write to what the score reads (follow-ups, usage figures, competitor events,
-- instalments, contacts, and the contract moves that change which instalments count), the bulk import and undo
-- included; emptied by the recompute that follows a write (electron/services/health/recomputeHealth.ts). Only
-- CREATE TRIGGER: no table is rebuilt. The daily recompute covers what moves with the calendar (delays grow).
CREATE TABLE health_dirty (customer_id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;

CREATE TRIGGER health_dirty_customer_insert AFTER INSERT ON customers BEGIN
  INSERT OR IGNORE INTO health_dirty VALUES (NEW.id);
END;
CREATE TRIGGER health_dirty_customer_update AFTER UPDATE ON customers WHEN OLD.deleted_at IS NOT NEW.deleted_at BEGIN
  INSERT OR IGNORE INTO health_dirty VALUES (NEW.id);
END;

CREATE TRIGGER health_dirty_follow_up_insert AFTER INSERT ON follow_ups BEGIN
  INSERT OR IGNORE INTO health_dirty VALUES (NEW.customer_id);
END;
CREATE TRIGGER health_dirty_follow_up_update AFTER UPDATE ON follow_ups
WHEN OLD.customer_id IS NOT NEW.customer_id OR OLD.at IS NOT NEW.at OR OLD.kind IS NOT NEW.kind OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
  INSERT OR IGNORE INTO health_dirty VALUES (NEW.customer_id);
  INSERT OR IGNORE INTO health_dirty SELECT OLD.customer_id WHERE OLD.customer_id IS NOT NEW.customer_id;
END;
CREATE TRIGGER health_dirty_follow_up_delete AFTER DELETE ON follow_ups BEGIN
  INSERT OR IGNORE INTO health_dirty VALUES (OLD.customer_id);
END;

CREATE TRIGGER health_dirty_usage_insert AFTER INSERT ON usage_figures BEGIN
  INSERT OR IGNORE INTO health_dirty VALUES (NEW.customer_id);
END;
CREATE TRIGGER health_dirty_usage_update AFTER UPDATE ON usage_figures
WHEN OLD.customer_id IS NOT NEW.customer_id OR OLD.period_kind IS NOT NEW.period_kind OR OLD.period_start IS NOT NEW.period_start
  OR OLD.value IS NOT NEW.value OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
  INSERT OR IGNORE INTO health_dirty VALUES (NEW.customer_id);
  INSERT OR IGNORE INTO health_dirty SELECT OLD.customer_id WHERE OLD.customer_id IS NOT NEW.customer_id;
END;
CREATE TRIGGER health_dirty_usage_delete AFTER DELETE ON usage_figures BEGIN
  INSERT OR IGNORE INTO health_dirty VALUES (OLD.customer_id);
END;

CREATE TRIGGER health_dirty_competitor_insert AFTER INSERT ON competitor_events BEGIN
  INSERT OR IGNORE INTO health_dirty VALUES (NEW.customer_id);
END;
CREATE TRIGGER health_dirty_competitor_update AFTER UPDATE ON competitor_events
WHEN OLD.customer_id IS NOT NEW.customer_id OR OLD.on_date IS NOT NEW.on_date OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
  INSERT OR IGNORE INTO health_dirty VALUES (NEW.customer_id);
  INSERT OR IGNORE INTO health_dirty SELECT OLD.customer_id WHERE OLD.customer_id IS NOT NEW.customer_id;
END;
CREATE TRIGGER health_dirty_competitor_delete AFTER DELETE ON competitor_events BEGIN
  INSERT OR IGNORE INTO health_dirty VALUES (OLD.customer_id);
END;

CREATE TRIGGER health_dirty_instalment_insert AFTER INSERT ON contract_instalments BEGIN
  INSERT OR IGNORE INTO health_dirty SELECT customer_id FROM contracts WHERE id = NEW.contract_id;
END;
CREATE TRIGGER health_dirty_instalment_update AFTER UPDATE ON contract_instalments
WHEN OLD.contract_id IS NOT NEW.contract_id OR OLD.due_on IS NOT NEW.due_on OR OLD.due_amount_fen IS NOT NEW.due_amount_fen
  OR OLD.paid_amount_fen IS NOT NEW.paid_amount_fen OR OLD.paid_on IS NOT NEW.paid_on OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
  INSERT OR IGNORE INTO health_dirty SELECT customer_id FROM contracts WHERE id IN (NEW.contract_id, OLD.contract_id);
END;
CREATE TRIGGER health_dirty_instalment_delete AFTER DELETE ON contract_instalments BEGIN
  INSERT OR IGNORE INTO health_dirty SELECT customer_id FROM contracts WHERE id = OLD.contract_id;
END;

CREATE TRIGGER health_dirty_contact_insert AFTER INSERT ON contacts BEGIN
  INSERT OR IGNORE INTO health_dirty VALUES (NEW.customer_id);
END;
CREATE TRIGGER health_dirty_contact_update AFTER UPDATE ON contacts
WHEN OLD.customer_id IS NOT NEW.customer_id OR OLD.phone IS NOT NEW.phone OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
  INSERT OR IGNORE INTO health_dirty VALUES (NEW.customer_id);
  INSERT OR IGNORE INTO health_dirty SELECT OLD.customer_id WHERE OLD.customer_id IS NOT NEW.customer_id;
END;
CREATE TRIGGER health_dirty_contact_delete AFTER DELETE ON contacts BEGIN
  INSERT OR IGNORE INTO health_dirty VALUES (OLD.customer_id);
END;

-- A contract's instalments count while it is live and not terminated: moving, ending or deleting it moves them.
CREATE TRIGGER health_dirty_contract_update AFTER UPDATE ON contracts
WHEN OLD.customer_id IS NOT NEW.customer_id OR OLD.status IS NOT NEW.status OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
  INSERT OR IGNORE INTO health_dirty VALUES (NEW.customer_id);
  INSERT OR IGNORE INTO health_dirty SELECT OLD.customer_id WHERE OLD.customer_id IS NOT NEW.customer_id;
END;
CREATE TRIGGER health_dirty_contract_delete AFTER DELETE ON contracts BEGIN
  INSERT OR IGNORE INTO health_dirty VALUES (OLD.customer_id);
END;
`,
};
