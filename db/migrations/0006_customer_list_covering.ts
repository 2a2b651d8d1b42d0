import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
//
// A query must say deleted_at IS NULL to use 0002's partial list indexes, and SQLite then counts deleted_at
// as a column those indexes lack: it does not treat them as covering, so the unfiltered list's count read
// the whole customers table (13–18 ms at 100k customers) instead of an index (about 3 ms). Appending
// deleted_at, always NULL in these indexes and one byte per entry, makes them covering.
export const migration0006CustomerListCovering: MigrationDefinition = {
  version: 6,
  name: 'customer_list_covering',
  sql: `
DROP INDEX customers_list_owner_tier;
DROP INDEX customers_list_owner;
DROP INDEX customers_list_tier;
DROP INDEX customers_list_expiry;
CREATE INDEX customers_list_owner_tier ON customers(owner_id, tier, next_expiry_on, id, archived_at, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX customers_list_owner ON customers(owner_id, next_expiry_on, id, archived_at, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX customers_list_tier ON customers(tier, next_expiry_on, id, archived_at, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX customers_list_expiry ON customers(next_expiry_on, id, archived_at, deleted_at) WHERE deleted_at IS NULL;
`,
};
