import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nameSortKey } from '../../shared/domain/nameSortKey.ts';
import { rawOf } from '../handle.ts';
import { openDatabase } from '../openDatabase.ts';
import { fillMissingNameSortKeys } from '../repositories/customerNameSortKeys.ts';
import { ALL_MIGRATIONS } from './allMigrations.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-0009-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const AT = '2026-01-05T01:00:00.000Z';
const V8 = ALL_MIGRATIONS.filter((m) => m.version <= 8);
const V9 = ALL_MIGRATIONS.filter((m) => m.version <= 9);
const NAMES = ['厦门鹭岛贸易', 'Zeta Labs', '上海浦江物流', '重庆山城火锅', '北京云帆科技', '长沙湘江传媒', 'Apple Trading', '南京紫金软件'];

/** A version-8 archive: live, archived and deleted customers, more than one fill slice of them. */
async function version8Database(file: string, extra: number): Promise<void> {
  const opened = await openDatabase({ file, migrations: V8 });
  expect(opened.schemaVersion).toBe(8);
  const raw = rawOf(opened.db);
  const insert = raw.prepare(
    'INSERT INTO customers (id, name, tier, archived_at, deleted_at, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  raw.transaction(() => {
    NAMES.forEach((name, i) => insert.run(`c${i}`, name, 'normal', i === 1 ? AT : null, null, i + 1, AT, AT));
    insert.run('gone', '重庆山城火锅', 'vip', null, AT, 3, AT, AT);
    for (let i = 0; i < extra; i++) insert.run(`x${i}`, `杭州第${i}分店`, i % 2 ? 'vip' : 'important', null, null, 1, AT, AT);
  })();
  await opened.close();
}

describe('migration 0009: customers.name_sort_key', () => {
  it('adds the key and fills it for every row of an archive migrated from version 8, without touching anything else', async () => {
    const file = path.join(dir, 'v8.db');
    await version8Database(file, 4500);
    const before = new Database(file, { readonly: true });
    const oldRows = before.prepare('SELECT * FROM customers ORDER BY id').all();
    before.close();

    const opened = await openDatabase({ file, now: () => new Date(AT), migrations: V9 });
    expect(opened).toMatchObject({ migratedFrom: 8, schemaVersion: 9 });
    expect(fs.readdirSync(path.join(dir, 'v8-backups'))).toEqual([expect.stringMatching(/pre-migrate-v8\.db$/)]);
    const raw = rawOf(opened.db);
    const rows = raw.prepare('SELECT * FROM customers ORDER BY id').all() as Record<string, unknown>[];
    expect(rows).toHaveLength(NAMES.length + 1 + 4500);
    for (const r of rows) expect(r['name_sort_key']).toBe(nameSortKey(String(r['name'])));
    // The key is derived data: no version bump, no updated_at, no audit row, every other column as it was.
    expect(rows.map(({ name_sort_key: _k, ...rest }) => rest)).toEqual(oldRows);
    expect(raw.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
    expect(raw.prepare('SELECT count(*) FROM customers WHERE name_sort_key IS NULL').pluck().get()).toBe(0);
    expect(raw.prepare('SELECT version, name FROM schema_migrations WHERE version = 9').get()).toEqual({ version: 9, name: 'customer_name_sort_key' });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');

    const indexes = raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customers' AND name LIKE 'customers_name%' ORDER BY name")
      .pluck()
      .all();
    expect(indexes).toEqual([
      'customers_name', 'customers_name_live', 'customers_name_owner', 'customers_name_owner_tier', 'customers_name_sort_key_missing', 'customers_name_tier',
    ]);
    // Live customers in key order, straight from the index: the pinyin order, Latin names among it.
    const ordered = raw
      .prepare("SELECT name FROM customers INDEXED BY customers_name WHERE deleted_at IS NULL AND id NOT LIKE 'x%' ORDER BY name_sort_key")
      .pluck()
      .all();
    expect(ordered).toEqual(['Apple Trading', '北京云帆科技', '长沙湘江传媒', '重庆山城火锅', '南京紫金软件', '上海浦江物流', '厦门鹭岛贸易', 'Zeta Labs']);
    await opened.close();
  });

  it('fills a key left missing on a later open, and takes no write when none is missing', async () => {
    const file = path.join(dir, 'later.db');
    await version8Database(file, 0);
    await (await openDatabase({ file })).close();
    const raw = new Database(file);
    raw.prepare("UPDATE customers SET name_sort_key = NULL WHERE id IN ('c2', 'gone')").run();
    raw.close();

    const opened = await openDatabase({ file });
    const db = rawOf(opened.db);
    const keyOf = (id: string) => db.prepare('SELECT name_sort_key FROM customers WHERE id = ?').pluck().get(id);
    expect(keyOf('c2')).toBe(nameSortKey('上海浦江物流'));
    expect(keyOf('gone')).toBe(nameSortKey('重庆山城火锅'));
    const changesBefore = db.prepare('SELECT total_changes()').pluck().get();
    expect(await fillMissingNameSortKeys(db)).toBe(0);
    expect(db.prepare('SELECT total_changes()').pluck().get()).toBe(changesBefore);
    await opened.close();
  });

  it('leaves an archive still at version 8 alone', async () => {
    const file = path.join(dir, 'old.db');
    await version8Database(file, 0);
    const opened = await openDatabase({ file, migrations: V8 });
    expect(await fillMissingNameSortKeys(rawOf(opened.db))).toBe(0);
    await opened.close();
  });

  // An empty archive upgraded through 0009 equals a fresh one: the 0008 test's schema comparison covers it.
});
