import type { MigrationDefinition } from './migrationDefinition.ts';

// Frozen at release: never edit, add a new numbered migration instead.
//
// Pinyin search (shared/domain/pinyinSearch.ts): each live customer's name reading is stored beside its search
// text, and its pinyin grams join the name's bigrams in customer_bigrams. SQL cannot read pinyin, so the
// column starts NULL and db/ rebuilds the search index right after migrating (repositories/pinyinReadings.ts);
// the partial index on missing readings stays empty and lets every open find rows to fill without a scan.
export const migration0014CustomerPinyinSearch: MigrationDefinition = {
  version: 14,
  name: 'customer_pinyin_search',
  sql: `
ALTER TABLE customer_search ADD COLUMN pinyin TEXT;
CREATE INDEX customer_search_pinyin_missing ON customer_search(customer_id) WHERE pinyin IS NULL;
`,
};
