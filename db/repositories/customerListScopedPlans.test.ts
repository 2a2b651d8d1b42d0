import { describe, expect, it } from 'vitest';
import { openTestContext } from '../../test-support/openTestContext.ts';
import { explainCustomerList, listCustomerPage, type CustomerListFilter } from './customerListQuery.ts';

const page = (search: string, filter: Partial<CustomerListFilter> = {}): CustomerListFilter => ({
  search,
  archived: 'active',
  sort: 'name',
  order: 'asc',
  offset: 0,
  limit: 50,
  ...filter,
});

describe('scoped plans with a pinyin query’s clauses', () => {
  it('drive from the rarest certain gram, drop holders failing a clause, and still find every name the query reads', async () => {
    const t = await openTestContext('2026-01-05T02:00:00.000Z');
    try {
      const owner = (await t.call('owners:create', { name: '张伟' })) as { id: string };
      // 汉GZ后云 reads han|gz|hou|yun and holds no zh; 杭 州云启 reads 杭州 across a space; 海南航空 and 哈密 hold ha only.
      for (const name of ['杭州云启科技', '汉GZ后云', '杭 州云启', '海南航空', '哈密瓜业', '杭州银行']) {
        await t.call('customers:create', { name, tier: 'normal', ownerId: owner.id });
      }
      const scoped = { ownerId: owner.id, tier: 'normal' as const };
      const names = async (search: string, filter: Partial<CustomerListFilter> = {}) => {
        const r = await listCustomerPage(t.ctx.db, page(search, filter));
        return { plan: r.plan, names: r.items.map((c) => c.name), total: r.total };
      };
      expect(await names('hangzhouyun', scoped)).toEqual({ plan: 'scoped-drive', names: ['汉GZ后云', '杭 州云启', '杭州云启科技'], total: 3 });
      expect(await names('hangzhouyun')).toEqual({ plan: 'bigram-drive', names: ['汉GZ后云', '杭 州云启', '杭州云启科技'], total: 3 });
      expect((await names('杭州yq', scoped)).names).toEqual(['杭 州云启', '杭州云启科技']);
      expect((await names('hzyh', scoped)).names).toEqual(['杭州银行']);
      // The page statement carries each clause as one OR of postings probes, after the certain grams. No name
      // here holds uy or un, so yu|uy and un|yu leave yu certain: two clauses remain (zh|gz, ho|zh).
      const explained = await explainCustomerList(t.ctx.db, page('hangzhouyun', scoped));
      const pageSql = explained.statements.find((s) => s.name === 'page')!;
      expect(pageSql.sql.match(/ OR EXISTS \(SELECT 1 FROM customer_scoped_bigrams o/g)?.length).toBe(2);
      expect(pageSql.parameters).toContain('yu');
      expect(pageSql.parameters).toContain('gz');
    } finally {
      await t.close();
    }
  });
});
