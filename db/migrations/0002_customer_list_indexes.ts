import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
//
// The customer list filters live rows by owner and/or tier, hides archived ones, pages in next_expiry_on
// order and shows a total. Each index below ends in (next_expiry_on, id, archived_at): one range scan
// yields rows already in page order (id breaks ties), and both the count and the per-candidate search probe
// (which needs only id) are answered from the index without reading the table. archived_at comes last so
// the order holds whichever archived view is asked for. They supersede 0001's indexes on the same prefixes.
//
// customer_bigrams is keyed by bigram for search; reindexing one customer reads its bigrams by customer_id,
// which without customer_bigrams_customer scans the whole table (~45 ms per customer write at 100k customers).
export const migration0002CustomerListIndexes: MigrationDefinition = {
  version: 2,
  name: 'customer_list_indexes',
  sql: `
DROP INDEX customers_owner_tier_expiry;
DROP INDEX customers_tier_expiry;
DROP INDEX customers_expiry;
CREATE INDEX customers_list_owner_tier ON customers(owner_id, tier, next_expiry_on, id, archived_at) WHERE deleted_at IS NULL;
CREATE INDEX customers_list_owner ON customers(owner_id, next_expiry_on, id, archived_at) WHERE deleted_at IS NULL;
CREATE INDEX customers_list_tier ON customers(tier, next_expiry_on, id, archived_at) WHERE deleted_at IS NULL;
CREATE INDEX customers_list_expiry ON customers(next_expiry_on, id, archived_at) WHERE deleted_at IS NULL;
CREATE INDEX customer_bigrams_customer ON customer_bigrams(customer_id);
`,
};
