import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0024ContractInstalments: MigrationDefinition = {
  version: 24,
  name: 'contract_instalments',
  sql: `
-- Payments (issue 13): a contract's instalments. One row per (contract, due date) among live rows; the paid
-- amount accumulates the payments recorded against it and paid_on is the latest of their dates. Money is integer
-- fen, dates 'YYYY-MM-DD'. The outstanding amount and the days of delay are derived (shared/domain/paymentDelay.ts),
-- never stored. Audited like the other records, so a set, a payment or a removal is undone.
CREATE TABLE contract_instalments (
  id TEXT PRIMARY KEY NOT NULL,
  contract_id TEXT NOT NULL REFERENCES contracts(id),
  due_on TEXT NOT NULL CHECK (length(due_on) = 10),
  due_amount_fen INTEGER NOT NULL CHECK (due_amount_fen >= 0),
  paid_amount_fen INTEGER NOT NULL DEFAULT 0 CHECK (paid_amount_fen >= 0),
  paid_on TEXT CHECK (paid_on IS NULL OR length(paid_on) = 10),
  invoice_no TEXT,
  invoice_on TEXT CHECK (invoice_on IS NULL OR length(invoice_on) = 10),
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
-- Per contract, in due order; also the key (contract, due date) among live rows.
CREATE UNIQUE INDEX contract_instalments_contract_due ON contract_instalments(contract_id, due_on) WHERE deleted_at IS NULL;
-- Unpaid by due date: the overdue reminders' and the health score's scan.
CREATE INDEX contract_instalments_unpaid_due ON contract_instalments(due_on, contract_id)
  WHERE deleted_at IS NULL AND paid_amount_fen < due_amount_fen;
`,
};
