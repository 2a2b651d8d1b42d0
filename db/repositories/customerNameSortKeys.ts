import type BetterSqlite3 from 'better-sqlite3';
import { nameSortKey } from '../../shared/domain/nameSortKey.ts';
import { schemaVersionOf } from '../migrate.ts';

/** The schema version that added customers.name_sort_key (migration 0009). */
const NAME_SORT_KEY_SINCE = 9;
const SLICE = 2000;

/**
 * Gives every customer without a name sort key its key, in one transaction; returns how many were filled.
 * Migration 0009 leaves every existing row NULL (SQL cannot read pinyin). The key is derived from the name, so
 * like next_expiry_on it is written without a version bump or audit row. Deleted rows get one too: an undone
 * delete brings them back into the list.
 */
export function fillMissingNameSortKeys(raw: BetterSqlite3.Database): number {
  if (schemaVersionOf(raw) < NAME_SORT_KEY_SINCE) return 0;
  const missing = raw.prepare(
    `SELECT id, name FROM customers INDEXED BY customers_name_sort_key_missing WHERE name_sort_key IS NULL LIMIT ${SLICE}`,
  );
  // Checked before taking the write lock, so an archive with every key filled opens without one.
  if (missing.get() === undefined) return 0;
  const set = raw.prepare('UPDATE customers SET name_sort_key = ? WHERE id = ?');
  return raw
    .transaction(() => {
      let filled = 0;
      for (;;) {
        const rows = missing.all() as { id: string; name: string }[];
        for (const r of rows) set.run(nameSortKey(r.name), r.id);
        filled += rows.length;
        if (rows.length < SLICE) return filled;
      }
    })
    .immediate();
}
