import type BetterSqlite3 from 'better-sqlite3';
import { pinyinMatches } from '../../shared/domain/pinyinSearch.ts';
import { crashHooksOfConnection } from '../crashHooks.ts';
import { schemaVersionOf } from '../migrate.ts';

/** The schema version that added customer_search.pinyin (migration 0014). */
const PINYIN_SINCE = 14;

type PinyinReading = (name: string) => string;
let loaded: PinyinReading | undefined;

/**
 * shared/domain/pinyinReading.ts, imported on first use (pinyin-pro's dictionaries cost a process start about
 * 40 ms): every transaction awaits it before it starts (withTransaction), so the synchronous index writers below
 * it (the import, undo) find it loaded. A search only parses stored readings and never loads it.
 */
export async function loadPinyinReading(): Promise<PinyinReading> {
  loaded ??= (await import('../../shared/domain/pinyinReading.ts')).pinyinReadingOf;
  return loaded;
}

/** For a synchronous index writer whose caller awaited loadPinyinReading() first. */
export function pinyinReadingLoaded(name: string): string {
  if (!loaded) throw new Error('pinyinReadingLoaded before loadPinyinReading()');
  return loaded(name);
}

/**
 * pinyin_match(reading, query): 1 when the pinyin query matches the stored reading (a NULL reading never does).
 * Registered on every connection that lists customers.
 */
export function registerPinyinMatch(raw: BetterSqlite3.Database): void {
  raw.function('pinyin_match', { deterministic: true, varargs: false }, (reading: unknown, query: unknown) =>
    typeof reading === 'string' && typeof query === 'string' && pinyinMatches(reading, query) ? 1 : 0,
  );
}

/**
 * After migration 0014 every search row lacks its reading: rebuilds the search index once, in one transaction
 * (rebuildSearchIndex: every live customer's document, then the bigram rows in key order). Checked through the partial index before loading pinyin-pro, so an
 * archive with every reading filled opens without either. Returns how many customers were reindexed.
 */
export async function fillMissingPinyinReadings(
  raw: BetterSqlite3.Database,
  rebuild: (raw: BetterSqlite3.Database) => number,
): Promise<number> {
  if (schemaVersionOf(raw) < PINYIN_SINCE) return 0;
  const missing = raw.prepare('SELECT 1 FROM customer_search INDEXED BY customer_search_pinyin_missing WHERE pinyin IS NULL LIMIT 1');
  if (missing.get() === undefined) return 0;
  await loadPinyinReading();
  const hooks = crashHooksOfConnection(raw);
  const n = raw
    .transaction(() => {
      const count = rebuild(raw);
      hooks.reached('before-commit');
      return count;
    })
    .immediate();
  hooks.reached('after-commit');
  return n;
}
