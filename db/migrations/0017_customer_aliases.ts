import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
export const migration0017CustomerAliases: MigrationDefinition = {
  version: 17,
  name: 'customer_aliases',
  sql: `
-- A merged customer's name lives on as an alias of the survivor (the data check's merge): customer search finds the survivor
-- by it, and an import row naming it updates the survivor instead of bringing the duplicate back. Audited like the
-- other records, so undoing the merge soft-deletes the alias.
CREATE TABLE customer_aliases (
  id TEXT PRIMARY KEY NOT NULL,
  customer_id TEXT NOT NULL REFERENCES customers(id),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  merged_from_id TEXT REFERENCES customers(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  deleted_at TEXT
);
CREATE UNIQUE INDEX customer_aliases_name_live ON customer_aliases(name) WHERE deleted_at IS NULL;
CREATE INDEX customer_aliases_customer ON customer_aliases(customer_id) WHERE deleted_at IS NULL;
-- The hygiene lists: customers without any contact phone are found through the contacts by customer.
CREATE INDEX contacts_customer_phone ON contacts(customer_id, phone) WHERE deleted_at IS NULL;
`,
};
