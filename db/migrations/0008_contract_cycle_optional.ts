import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
//
// A sheet may leave 续费周期 blank, and the blank must be kept (and exported) as blank rather than guessed as 年,
// so contracts.cycle becomes nullable. SQLite cannot relax a NOT NULL or a CHECK in place: this is its 12-step
// rebuild (https://www.sqlite.org/lang_altertable.html#otheralter). follow_ups, renewals and contracts itself
// reference contracts(id), so the runner turns foreign keys off around this transaction (rebuildsTables) and
// runs PRAGMA foreign_key_check before committing.
//
// The table CHECK says `cycle IS 'once'`, not `cycle = 'once'`: a CHECK passes when it evaluates to NULL, so the
// latter would let a contract with neither an end date nor a cycle through.
//
// Columns keep their order, and rows keep their rowids (copied explicitly), so the rebuilt table is the old one
// with only the two constraints changed. Every index on contracts from 0001, 0003 and 0005 is recreated with its
// original name and definition; there are no triggers or views on contracts.
export const migration0008ContractCycleOptional: MigrationDefinition = {
  version: 8,
  name: 'contract_cycle_optional',
  rebuildsTables: true,
  sql: `
CREATE TABLE contracts_new (
  id TEXT PRIMARY KEY NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  number TEXT NOT NULL,
  signed_on TEXT,
  starts_on TEXT,
  ends_on TEXT,
  amount_fen INTEGER CHECK (amount_fen IS NULL OR amount_fen >= 0),
  currency TEXT NOT NULL DEFAULT 'CNY',
  cycle TEXT CHECK (cycle IS NULL OR cycle IN ('month', 'quarter', 'half_year', 'year', 'once')),
  service TEXT,
  status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'expired', 'renewed', 'terminated')),
  owner_id TEXT REFERENCES owners(id),
  renewal_of TEXT REFERENCES contracts(id),
  notes TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT,
  CHECK (ends_on IS NOT NULL OR cycle IS 'once'),
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
INSERT INTO contracts_new (
  rowid, id, customer_id, number, signed_on, starts_on, ends_on, amount_fen, currency, cycle, service, status, owner_id,
  renewal_of, notes, created_at, updated_at, version, deleted_at
)
SELECT
  rowid, id, customer_id, number, signed_on, starts_on, ends_on, amount_fen, currency, cycle, service, status, owner_id,
  renewal_of, notes, created_at, updated_at, version, deleted_at
FROM contracts;
DROP TABLE contracts;
ALTER TABLE contracts_new RENAME TO contracts;
CREATE UNIQUE INDEX contracts_number_live ON contracts(number) WHERE deleted_at IS NULL;
CREATE INDEX contracts_customer ON contracts(customer_id, ends_on) WHERE deleted_at IS NULL;
CREATE INDEX contracts_ends_on ON contracts(ends_on) WHERE deleted_at IS NULL;
CREATE INDEX contracts_renewal_of ON contracts(renewal_of) WHERE renewal_of IS NOT NULL;
CREATE INDEX contracts_updated ON contracts(updated_at);
`,
};
