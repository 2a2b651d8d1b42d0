import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
//
// Reindexing a customer has to know which bigrams it holds now. 0002 answered that with an index on
// customer_bigrams(customer_id), but entries arrive in bigram order (searches need the table keyed that way),
// so every insert landed at a random place in that index: about a quarter of an import's write time went to
// it. Each customer's bigram set is now stored once, space-separated (a bigram never holds whitespace), in a
// table of its own so search probes on customer_search keep their small rows.
export const migration0007CustomerBigramSets: MigrationDefinition = {
  version: 7,
  name: 'customer_bigram_sets',
  sql: `
CREATE TABLE customer_bigram_sets (
  customer_id TEXT PRIMARY KEY NOT NULL,
  bigrams TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO customer_bigram_sets (customer_id, bigrams)
  SELECT customer_id, group_concat(bigram, ' ') FROM customer_bigrams GROUP BY customer_id ORDER BY customer_id;
DROP INDEX customer_bigrams_customer;
`,
};
