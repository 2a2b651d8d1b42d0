import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0031Complaints: MigrationDefinition = {
  version: 31,
  name: 'complaints',
  sql: `
-- Complaint handling (issue 14). A complaint belongs to a customer (and optionally one of its contracts, and the
-- complaint follow-up it was opened from), carries a category (free text from the editable list in settings), a
-- severity and the deadline its SLA gave it when it was received (due_at, an instant). step is the last step recorded
-- of accepted, investigating, handling, feedback, closed; the service moves it one step at a time. handler_id is the
-- handler of the last step; satisfaction (1 to 5) is recorded at feedback or closed. Audited, so every write undoes.
CREATE TABLE complaints (
  id TEXT PRIMARY KEY NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  contract_id TEXT REFERENCES contracts(id),
  follow_up_id TEXT REFERENCES follow_ups(id),
  summary TEXT NOT NULL,
  category TEXT NOT NULL,
  severity TEXT NOT NULL CHECK (severity IN ('normal', 'serious', 'urgent')),
  step TEXT NOT NULL CHECK (step IN ('accepted', 'investigating', 'handling', 'feedback', 'closed')),
  handler_id TEXT NOT NULL REFERENCES owners(id),
  received_at TEXT NOT NULL,
  due_at TEXT NOT NULL,
  closed_at TEXT,
  satisfaction INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
  CHECK ((step = 'closed') = (closed_at IS NOT NULL))
);
-- A customer's complaints (open ones for the customer page and the health factor).
CREATE INDEX complaints_customer ON complaints(customer_id, step) WHERE deleted_at IS NULL;
-- The open complaints by deadline (the overdue flag, the list's filter, the reminders).
CREATE INDEX complaints_open_due ON complaints(due_at) WHERE deleted_at IS NULL AND closed_at IS NULL;
CREATE INDEX complaints_contract ON complaints(contract_id) WHERE deleted_at IS NULL AND contract_id IS NOT NULL;
-- A follow-up is turned into one complaint at most.
CREATE UNIQUE INDEX complaints_follow_up ON complaints(follow_up_id) WHERE deleted_at IS NULL AND follow_up_id IS NOT NULL;
-- The reminder tick's catch-up reads the complaints written since its marker.
CREATE INDEX complaints_updated ON complaints(updated_at);

-- One row per step recorded: its handler, its time and notes. One live row per step of a complaint.
CREATE TABLE complaint_steps (
  id TEXT PRIMARY KEY NOT NULL,
  complaint_id TEXT NOT NULL REFERENCES complaints(id),
  step TEXT NOT NULL CHECK (step IN ('accepted', 'investigating', 'handling', 'feedback', 'closed')),
  handler_id TEXT NOT NULL REFERENCES owners(id),
  at TEXT NOT NULL,
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE UNIQUE INDEX complaint_steps_step ON complaint_steps(complaint_id, step) WHERE deleted_at IS NULL;

-- The health score counts a customer's open complaints (and reads satisfaction): every write marks the customer.
CREATE TRIGGER health_dirty_complaint_insert AFTER INSERT ON complaints BEGIN
  INSERT OR IGNORE INTO health_dirty (customer_id) VALUES (NEW.customer_id);
END;
CREATE TRIGGER health_dirty_complaint_update AFTER UPDATE ON complaints
WHEN OLD.customer_id IS NOT NEW.customer_id OR OLD.step IS NOT NEW.step OR OLD.satisfaction IS NOT NEW.satisfaction
  OR OLD.deleted_at IS NOT NEW.deleted_at
BEGIN
  INSERT OR IGNORE INTO health_dirty (customer_id) VALUES (NEW.customer_id);
  INSERT OR IGNORE INTO health_dirty (customer_id) SELECT OLD.customer_id WHERE OLD.customer_id IS NOT NEW.customer_id;
END;
CREATE TRIGGER health_dirty_complaint_delete AFTER DELETE ON complaints BEGIN
  INSERT OR IGNORE INTO health_dirty (customer_id) VALUES (OLD.customer_id);
END;
`,
};
