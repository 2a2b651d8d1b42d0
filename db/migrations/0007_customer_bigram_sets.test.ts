import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { rawOf } from '../handle.ts';
import { openDatabase } from '../openDatabase.ts';
import { rebuildSearchIndex } from '../repositories/customerSearchIndex.ts';
import { loadPinyinReading } from '../repositories/pinyinReadings.ts';
import { pinyinReadingOf } from '../../shared/domain/pinyinReading.ts';
import { pinyinGramsOf } from '../../shared/domain/pinyinSearch.ts';
import { bigramsOf } from '../../shared/domain/searchText.ts';
import { ALL_MIGRATIONS } from './allMigrations.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-0007-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const AT = '2026-01-05T01:00:00.000Z';

it('0007 stores the bigram set of every indexed customer, matching a rebuild, and drops the by-customer index', async () => {
  const file = path.join(dir, 'v6.db');
  const v6 = await openDatabase({ file, migrations: ALL_MIGRATIONS.filter((m) => m.version <= 6) });
  const raw6 = rawOf(v6.db);
  const customer = raw6.prepare(`INSERT INTO customers (id, name, created_at, updated_at) VALUES (?, ?, '${AT}', '${AT}')`);
  const contact = raw6.prepare(
    `INSERT INTO contacts (id, customer_id, name, phone, is_primary, created_at, updated_at) VALUES (?, ?, ?, ?, ?, '${AT}', '${AT}')`,
  );
  customer.run('c1', '杭州云启科技有限公司');
  contact.run('p1', 'c1', '李娜', '138 0000 1111', 1);
  contact.run('p2', 'c1', 'Zhang Wei', null, 0);
  customer.run('c2', '宁波海曙物流');
  customer.run('c3', 'A'); // one character: no bigrams, so no set
  // The version-6 index as the app maintained it: the bigrams of the name and contact names.
  const grams = raw6.prepare('INSERT INTO customer_bigrams (bigram, customer_id) VALUES (?, ?)');
  for (const g of bigramsOf(['杭州云启科技有限公司', '李娜', 'Zhang Wei'])) grams.run(g, 'c1');
  for (const g of bigramsOf(['宁波海曙物流'])) grams.run(g, 'c2');
  await v6.close();

  const opened = await openDatabase({ file });
  const raw = rawOf(opened.db);
  expect(opened.schemaVersion).toBeGreaterThanOrEqual(7);
  const sets = () =>
    Object.fromEntries(
      (raw.prepare('SELECT customer_id, bigrams FROM customer_bigram_sets ORDER BY customer_id').all() as { customer_id: string; bigrams: string }[]).map(
        (r) => [r.customer_id, r.bigrams.split(' ').sort()],
      ),
    );
  const migrated = sets();
  expect(Object.keys(migrated)).toEqual(['c1', 'c2']);
  expect(migrated['c2']).toEqual(['宁波', '波海', '海曙', '曙物', '物流'].sort());
  expect(migrated['c1']).toContain('云启');
  expect(migrated['c1']).toContain('李娜');
  expect(raw.prepare("SELECT name FROM sqlite_master WHERE name = 'customer_bigrams_customer'").all()).toEqual([]);
  // What the app would write for the same customers today: the same, plus the names' pinyin grams (0014).
  await loadPinyinReading();
  rebuildSearchIndex(opened.db);
  const names: Record<string, string> = { c1: '杭州云启科技有限公司', c2: '宁波海曙物流' };
  expect(sets()).toEqual(
    Object.fromEntries(Object.entries(migrated).map(([id, grams]) => [id, [...new Set([...grams, ...pinyinGramsOf(pinyinReadingOf(names[id]!))])].sort()])),
  );
  expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  await opened.close();
});
