import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
//
// Customer names sort by pinyin (北京 ‹ 长沙 ‹ 重庆), which SQL cannot compute: the key is stored
// (shared/domain/nameSortKey.ts) and db/ fills the rows this migration leaves NULL right after migrating
// (repositories/customerNameSortKeys.ts). The four list indexes mirror 0006's with the key in place of
// (next_expiry_on, id), so a name-sorted page with or without an owner/tier filter is one index walk that stops
// at the page end. No id breaks ties: the key ends in the name, and live names are unique (customers_name_live).
// The partial index on missing keys stays empty; it lets every open find rows to fill without a table scan.
// VARCHAR(120) is not enforced by SQLite; it tells the planner the key is wide (80–120 bytes for a 10–16
// character company name, against 0006's 10-byte dates), so counts keep reading 0006's narrower indexes
// instead of these equally covering ones (as plain TEXT, or declared under ~88, the planner took these).
export const migration0009CustomerNameSortKey: MigrationDefinition = {
  version: 9,
  name: 'customer_name_sort_key',
  sql: `
ALTER TABLE customers ADD COLUMN name_sort_key VARCHAR(120);
CREATE INDEX customers_name_owner_tier ON customers(owner_id, tier, name_sort_key, archived_at, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX customers_name_owner ON customers(owner_id, name_sort_key, archived_at, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX customers_name_tier ON customers(tier, name_sort_key, archived_at, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX customers_name ON customers(name_sort_key, archived_at, deleted_at) WHERE deleted_at IS NULL;
CREATE INDEX customers_name_sort_key_missing ON customers(id) WHERE name_sort_key IS NULL;
`,
};
