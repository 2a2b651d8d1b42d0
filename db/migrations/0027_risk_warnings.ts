import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0027RiskWarnings: MigrationDefinition = {
  version: 27,
  name: 'risk_warnings',
  sql: `
-- The 90-day warning workflow (issue 13). A warning is published on one contract (a term ending soon whose customer
-- is watch or danger), with a role label (fixed: account manager, data analyst, risk manager) and an owner, and keeps the score, band and
-- factors it was published with. Status runs new → inProgress → resolved / churned; closed_on and close_reason
-- ('auto' when the term's outcome closed it, 'manual' by hand) are set together. One open warning per contract.
-- Audited like the other records, so publishing, a status change or an action is undone.
CREATE TABLE risk_warnings (
  id TEXT PRIMARY KEY NOT NULL,
  contract_id TEXT NOT NULL REFERENCES contracts(id),
  customer_id TEXT NOT NULL REFERENCES customers(id),
  status TEXT NOT NULL CHECK (status IN ('new', 'inProgress', 'resolved', 'churned')),
  role TEXT NOT NULL CHECK (role IN ('accountManager', 'dataAnalyst', 'riskManager')),
  owner_id TEXT NOT NULL REFERENCES owners(id),
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
  band TEXT NOT NULL CHECK (band IN ('healthy', 'watch', 'danger')),
  factors TEXT NOT NULL,
  published_on TEXT NOT NULL CHECK (length(published_on) = 10),
  closed_on TEXT CHECK (closed_on IS NULL OR length(closed_on) = 10),
  close_reason TEXT CHECK (close_reason IS NULL OR close_reason IN ('auto', 'manual')),
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
  CHECK ((status IN ('resolved', 'churned')) = (closed_on IS NOT NULL)),
  CHECK ((closed_on IS NULL) = (close_reason IS NULL))
);
-- One open warning per contract; also the open warnings the outcome sync reads.
CREATE UNIQUE INDEX risk_warnings_open_contract ON risk_warnings(contract_id) WHERE deleted_at IS NULL AND closed_on IS NULL;
-- Every warning of a term (the review: was it warned), and per customer by period.
CREATE INDEX risk_warnings_contract ON risk_warnings(contract_id, published_on) WHERE deleted_at IS NULL;
CREATE INDEX risk_warnings_customer ON risk_warnings(customer_id, published_on) WHERE deleted_at IS NULL;

-- A warning's response plan: one action per row, a kind (revisit, offer, instalments, executive visit) or free text ('other' with
-- text), an owner and a due date. Completing an action logs its follow-up (follow_up_id) on the customer's timeline.
CREATE TABLE risk_warning_actions (
  id TEXT PRIMARY KEY NOT NULL,
  warning_id TEXT NOT NULL REFERENCES risk_warnings(id),
  kind TEXT NOT NULL CHECK (kind IN ('revisit', 'offer', 'instalments', 'executiveVisit', 'other')),
  text TEXT,
  owner_id TEXT NOT NULL REFERENCES owners(id),
  due_on TEXT NOT NULL CHECK (length(due_on) = 10),
  done_on TEXT CHECK (done_on IS NULL OR length(done_on) = 10),
  follow_up_id TEXT REFERENCES follow_ups(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
  CHECK (kind <> 'other' OR text IS NOT NULL)
);
-- The terms with a warning whose report_terms row (their outcome) was rewritten since the dispatcher last looked:
-- it brings only those warnings in step after a write (electron/services/risk/warningOutcomes.ts) instead of
-- reading every warning each time. report_terms rows are deleted and inserted on each refresh (migration 0013),
-- so these two triggers see every change; a later migration that recreates report_terms must recreate them.
CREATE TABLE risk_outcome_dirty (contract_id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;
CREATE TRIGGER risk_outcome_dirty_insert AFTER INSERT ON report_terms
WHEN EXISTS (SELECT 1 FROM risk_warnings WHERE contract_id = NEW.contract_id AND deleted_at IS NULL)
BEGIN
  INSERT OR IGNORE INTO risk_outcome_dirty (contract_id) VALUES (NEW.contract_id);
END;
CREATE TRIGGER risk_outcome_dirty_delete AFTER DELETE ON report_terms
WHEN EXISTS (SELECT 1 FROM risk_warnings WHERE contract_id = OLD.contract_id AND deleted_at IS NULL)
BEGIN
  INSERT OR IGNORE INTO risk_outcome_dirty (contract_id) VALUES (OLD.contract_id);
END;

CREATE INDEX risk_warning_actions_warning ON risk_warning_actions(warning_id, due_on) WHERE deleted_at IS NULL;
-- Open actions by due date, per owner.
CREATE INDEX risk_warning_actions_open_due ON risk_warning_actions(due_on, owner_id) WHERE deleted_at IS NULL AND done_on IS NULL;
`,
};
