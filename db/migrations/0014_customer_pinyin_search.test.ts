import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext } from '../../test-support/openTestContext.ts';
import { pinyinReadingOf } from '../../shared/domain/pinyinReading.ts';
import { rawOf } from '../handle.ts';
import { openDatabase } from '../openDatabase.ts';
import { listCustomerPage, type CustomerListFilter } from '../repositories/customerListQuery.ts';
import { ALL_MIGRATIONS } from './allMigrations.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-0014-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const AT = '2026-01-05T01:00:00.000Z';
const NAMES = ['杭州云启科技有限公司', '重庆山城火锅', '长沙湘江传媒', '厦门鹭岛贸易', '招商银行杭州分行', 'Apple Trading'];
const page = (search: string): CustomerListFilter => ({ search, archived: 'all', sort: 'name', order: 'asc', offset: 0, limit: 50 });

describe('migration 0014: pinyin search', () => {
  it('fills the reading and the pinyin grams of every live customer of a version-13 archive when it opens', async () => {
    const file = path.join(dir, 'v13.db');
    const old = await openDatabase({ file, migrations: ALL_MIGRATIONS.filter((m) => m.version <= 13) });
    const raw13 = rawOf(old.db);
    const customer = raw13.prepare('INSERT INTO customers (id, name, tier, deleted_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    const text = raw13.prepare('INSERT INTO customer_search (customer_id, text) VALUES (?, ?)');
    raw13.transaction(() => {
      NAMES.forEach((name, i) => {
        customer.run(`c${i}`, name, 'normal', null, AT, AT);
        text.run(`c${i}`, name.toLowerCase());
      });
      customer.run('gone', '杭州云启物流', 'normal', AT, AT, AT);
    })();
    await old.close();

    const opened = await openDatabase({ file, now: () => new Date(AT) });
    try {
      const raw = rawOf(opened.db);
      expect(raw.prepare('SELECT customer_id, pinyin FROM customer_search ORDER BY customer_id').all()).toEqual(
        NAMES.map((name, i) => ({ customer_id: `c${i}`, pinyin: pinyinReadingOf(name) })),
      );
      const names = async (q: string) => (await listCustomerPage(opened.db, page(q))).items.map((c) => c.name);
      expect(await names('hzyq')).toEqual(['杭州云启科技有限公司']);
      expect(await names('yqkj')).toEqual(['杭州云启科技有限公司']);
      expect(await names('hangzhouyunqi')).toEqual(['杭州云启科技有限公司']);
      expect(await names('hz')).toEqual(['杭州云启科技有限公司', '招商银行杭州分行']);
      expect(await names('apple')).toEqual(['Apple Trading']);
      // The deleted customer has no index entry, before or after.
      expect(raw.prepare("SELECT count(*) FROM customer_bigrams WHERE customer_id = 'gone'").pluck().get()).toBe(0);
    } finally {
      await opened.close();
    }
  });

  it('finds customers created, renamed, deleted and restored through the service by pinyin, polyphones in common names included', async () => {
    const t = await openTestContext('2026-01-05T02:00:00.000Z');
    try {
      for (const name of ['杭州云启科技有限公司', '重庆长江物流有限公司', '长沙湘江传媒', '厦门鹭岛贸易', '中国银行重庆分行']) {
        await t.call('customers:create', { name, tier: 'normal' });
      }
      const names = async (search: string) => ((await t.call('customers:list', { search, sort: 'name' })).items as { name: string }[]).map((c) => c.name);
      expect(await names('hzyq')).toEqual(['杭州云启科技有限公司']);
      expect(await names('HangZhouYunQi')).toEqual(['杭州云启科技有限公司']);
      expect(await names('杭州yq')).toEqual(['杭州云启科技有限公司']);
      expect(await names('cq')).toEqual(['重庆长江物流有限公司', '中国银行重庆分行']);
      expect(await names('zhongqing')).toEqual(['重庆长江物流有限公司', '中国银行重庆分行']);
      expect(await names('cs')).toEqual(['长沙湘江传媒']);
      expect(await names('xiamen')).toEqual(['厦门鹭岛贸易']);
      expect(await names('yinhang')).toEqual(['中国银行重庆分行']);
      expect(await names('zgyh')).toEqual(['中国银行重庆分行']);
      const xm = (await t.call('customers:list', { search: 'xmld' })).items[0] as { id: string; version: number };
      await t.call('customers:update', { id: xm.id, version: xm.version, name: '福州闽江贸易' });
      expect(await names('xmld')).toEqual([]);
      expect(await names('fzmj')).toEqual(['福州闽江贸易']);
      const deleted = await t.call('customers:delete', { id: xm.id });
      expect(await names('fzmj')).toEqual([]);
      await t.call('customers:undoDelete', { undoToken: deleted.undoToken });
      expect(await names('fzmj')).toEqual(['福州闽江贸易']);
    } finally {
      await t.close();
    }
  });
});
