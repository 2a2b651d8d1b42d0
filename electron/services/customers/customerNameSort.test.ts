import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { q } from '../../../db/handle.ts';
import { nameSortKey } from '../../../shared/domain/nameSortKey.ts';
import { importFile, writeFixture } from '../../../test-support/import/importTestKit.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

// Polyphones read as the places: 长沙 chang sha, 重庆 chong qing, 厦门 xia men. By code point the order would be
// Latin first, then 上 北 南 厦 重 长.
const EXPECTED = ['Apple Trading', '北京云帆科技', '长沙湘江传媒', '重庆山城火锅', 'Mango Ltd', '南京紫金软件', '上海浦江物流', '厦门鹭岛贸易', 'Zeta Labs'];
const SCRAMBLED = ['厦门鹭岛贸易', 'Mango Ltd', '重庆山城火锅', 'Zeta Labs', '北京云帆科技', '上海浦江物流', 'Apple Trading', '南京紫金软件', '长沙湘江传媒'];

async function seed(): Promise<{ owners: string[]; ids: Map<string, string> }> {
  const owners = [(await t.call('owners:create', { name: '张伟' })).id, (await t.call('owners:create', { name: '李娜' })).id];
  const ids = new Map<string, string>();
  for (const [i, name] of SCRAMBLED.entries()) {
    const c = await t.call('customers:create', { name, ownerId: owners[i % 2], tier: i % 3 === 0 ? 'vip' : 'normal' });
    ids.set(name, c.id);
  }
  return { owners, ids };
}

const listNames = async (input: Record<string, unknown> = {}) =>
  ((await t.call('customers:list', { sort: 'name', ...input })).items as { name: string }[]).map((c) => c.name);

async function exportedFirstColumn(kind: 'customers' | 'followups'): Promise<string[]> {
  const page = await t.call(`export:${kind}`, {});
  const lines = Buffer.from(page.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '').split('\r\n').filter((l) => l !== '');
  return lines.slice(1).map((l) => l.split(',')[0]!);
}

describe('customer names sort by pinyin', () => {
  it('in customers:list, ascending and descending, page by page and with owner and tier filters', async () => {
    const { owners } = await seed();
    expect(await listNames({ order: 'asc' })).toEqual(EXPECTED);
    expect(await listNames({ order: 'desc' })).toEqual([...EXPECTED].reverse());
    const paged: string[] = [];
    for (let offset = 0; offset < EXPECTED.length; offset += 4) paged.push(...(await listNames({ offset, limit: 4 })));
    expect(paged).toEqual(EXPECTED);

    const ownerOf = (name: string) => owners[SCRAMBLED.indexOf(name) % 2];
    const tierOf = (name: string) => (SCRAMBLED.indexOf(name) % 3 === 0 ? 'vip' : 'normal');
    expect(await listNames({ ownerId: owners[0] })).toEqual(EXPECTED.filter((n) => ownerOf(n) === owners[0]));
    expect(await listNames({ tier: 'normal', order: 'desc' })).toEqual(EXPECTED.filter((n) => tierOf(n) === 'normal').reverse());
    expect(await listNames({ ownerId: owners[1], tier: 'normal' })).toEqual(
      EXPECTED.filter((n) => ownerOf(n) === owners[1] && tierOf(n) === 'normal'),
    );
    // A search pages its matches in the same order.
    expect(await listNames({ search: '科技' })).toEqual(['北京云帆科技']);
    expect(await listNames({ search: 'a', order: 'desc' })).toEqual(['Zeta Labs', 'Mango Ltd', 'Apple Trading']);
  });

  it('follows a rename, and keeps the key of every write equal to nameSortKey(name)', async () => {
    const { ids } = await seed();
    const zeta = await t.call('customers:get', { id: ids.get('Zeta Labs') });
    // 长春 (chang chun) sorts before 长沙 (chang sha).
    await t.call('customers:update', { id: zeta.id, version: zeta.version, name: '长春一汽配套' });
    expect(await listNames()).toEqual(['Apple Trading', '北京云帆科技', '长春一汽配套', '长沙湘江传媒', '重庆山城火锅', 'Mango Ltd', '南京紫金软件', '上海浦江物流', '厦门鹭岛贸易']);
    const beijing = await t.call('customers:get', { id: ids.get('北京云帆科技') });
    await t.call('customers:update', { id: beijing.id, version: beijing.version, notes: '只改备注' });
    const rows = await q(t.ctx.db).selectFrom('customers').select(['name', 'name_sort_key']).execute();
    expect(rows).toHaveLength(EXPECTED.length);
    for (const r of rows) expect(r.name_sort_key).toBe(nameSortKey(r.name));
  });

  it('in the customer and follow-up exports', async () => {
    const { ids } = await seed();
    expect(await exportedFirstColumn('customers')).toEqual(EXPECTED);
    // Follow-ups logged at the same instant fall back to the customer's name order.
    for (const name of SCRAMBLED) {
      await t.call('followups:create', { customer: ids.get(name), at: '2026-11-20T06:30:00.000Z', channel: 'phone', kind: 'revisit', summary: '回访' });
    }
    expect(await exportedFirstColumn('followups')).toEqual(EXPECTED);
  });

  it('for customers the import creates, and an export imported elsewhere exports the same bytes', async () => {
    // 张三 and 章三 read the same (zhang san): the name breaks the tie, whatever the ids are in each archive.
    const names = [...SCRAMBLED, '章三商行', '张三商行'];
    const sheet = ['客户名称,客户等级', ...names.map((n) => `${n},普通`)].join('\r\n');
    const r = await importFile(t, writeFixture(t, sheet), { kind: 'customers' });
    expect(r).toMatchObject({ committed: true, rejectedRows: 0 });
    // zhang after zeta; 张 (U+5F20) before 章 (U+7AE0).
    const expected = [...EXPECTED, '张三商行', '章三商行'];
    expect(await listNames({ limit: 100 })).toEqual(expected);
    const rows = await q(t.ctx.db).selectFrom('customers').select(['name', 'name_sort_key']).execute();
    for (const row of rows) expect(row.name_sort_key).toBe(nameSortKey(row.name));

    const first = Buffer.from((await t.call('export:customers', {})).contentBase64, 'base64');
    const other = await openTestContext();
    try {
      // Created in reverse, so the other archive's ids run the other way.
      for (const name of [...names].reverse()) await other.call('customers:create', { name });
      // The import ran the tier rules over its customers (their 等级依据 is the rules' reason): so do they here.
      await other.call('tiers:classify', {});
      const second = Buffer.from((await other.call('export:customers', {})).contentBase64, 'base64');
      expect(second.toString('utf8')).toBe(first.toString('utf8'));
    } finally {
      await other.close();
    }
  });
});
