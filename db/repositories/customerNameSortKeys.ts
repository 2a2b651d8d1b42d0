import type BetterSqlite3 from 'better-sqlite3';
import { crashHooksOfConnection } from '../crashHooks.ts';
import { schemaVersionOf } from '../migrate.ts';

/** The schema version that added customers.name_sort_key (migration 0009). */
const NAME_SORT_KEY_SINCE = 9;
const SLICE = 2000;

type NameSortKey = (name: string) => string;
let loaded: NameSortKey | undefined;

/**
 * shared/domain/nameSortKey.ts, imported on first use: pinyin-pro's dictionaries cost about 40 ms of every
 * process start (measured on a bundled CLI), which only a process that writes a customer's name should pay.
 */
export async function loadNameSortKey(): Promise<NameSortKey> {
  loaded ??= (await import('../../shared/domain/nameSortKey.ts')).nameSortKey;
  return loaded;
}

/** For a synchronous writer whose session awaited loadNameSortKey() first (withImportSession does). */
export function nameSortKeyLoaded(name: string): string {
  if (!loaded) throw new Error('nameSortKeyLoaded before loadNameSortKey()');
  return loaded(name);
}

/**
 * Gives every customer without a name sort key its key, in one transaction; returns how many were filled.
 * Migration 0009 leaves every existing row NULL (SQL cannot read pinyin). The key is derived from the name, so
 * like next_expiry_on it is written without a version bump or audit row. Deleted rows get one too: an undone
 * delete brings them back into the list.
 */
export async function fillMissingNameSortKeys(raw: BetterSqlite3.Database): Promise<number> {
  if (schemaVersionOf(raw) < NAME_SORT_KEY_SINCE) return 0;
  const missing = raw.prepare(
    `SELECT id, name FROM customers INDEXED BY customers_name_sort_key_missing WHERE name_sort_key IS NULL LIMIT ${SLICE}`,
  );
  // Checked before loading pinyin or taking the write lock: an archive with every key filled opens without either.
  if (missing.get() === undefined) return 0;
  const keyOf = await loadNameSortKey();
  const set = raw.prepare('UPDATE customers SET name_sort_key = ? WHERE id = ?');
  const hooks = crashHooksOfConnection(raw);
  const filled = raw
    .transaction(() => {
      let n = 0;
      for (;;) {
        const rows = missing.all() as { id: string; name: string }[];
        for (const r of rows) set.run(keyOf(r.name), r.id);
        n += rows.length;
        if (rows.length < SLICE) break;
      }
      hooks.reached('before-commit');
      return n;
    })
    .immediate();
  hooks.reached('after-commit');
  return filled;
}
