import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0012ReportIndexes: MigrationDefinition = {
  version: 12,
  name: 'report_indexes',
  sql: `
-- The renewal report and the dashboard (db/repositories/reports): covering indexes, so a period's due terms are
-- read from one index range and joined to their customer and renewal record without touching a table row.
-- deleted_at is a column as well as the partial condition: only then does SQLite treat them as covering.
CREATE INDEX contracts_report_due ON contracts(ends_on, status, cycle, amount_fen, customer_id, owner_id, id, signed_on, starts_on, deleted_at)
  WHERE deleted_at IS NULL;
CREATE INDEX contracts_report_open ON contracts(status, ends_on, amount_fen, customer_id, owner_id, id, deleted_at)
  WHERE deleted_at IS NULL;
CREATE INDEX customers_report ON customers(id, tier, owner_id, deleted_at) WHERE deleted_at IS NULL;
-- A term's successor (renewal_of = it) with what the report reads of it: its amount and its start.
CREATE INDEX contracts_report_successor ON contracts(renewal_of, starts_on, signed_on, ends_on, id, amount_fen, deleted_at)
  WHERE renewal_of IS NOT NULL AND deleted_at IS NULL;
CREATE INDEX renewals_report ON renewals(contract_id, stage, outcome_amount_fen, deleted_at) WHERE deleted_at IS NULL;
`,
};
