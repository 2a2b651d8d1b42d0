import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../test-support/openTestContext.ts';
import { pinyinReadingOf } from '../../shared/domain/pinyinReading.ts';
import { pinyinMatches, pinyinQueryOf } from '../../shared/domain/pinyinSearch.ts';
import { q } from '../handle.ts';

// The database's pinyin_match (SQLite: registered on the connection; PostgreSQL: migration 0041's function)
// against shared/domain/pinyinSearch.ts's pinyinMatches, over polyphones, Latin runs, punctuation, Han characters
// in the query, typed prefixes and misses: every pair answers the same.

let t: TestContext;
beforeAll(async () => {
  t = await openTestContext();
});
afterAll(async () => {
  await t.close();
});

const NAMES = [
  '杭州云启科技有限公司', '重庆长沙厦门银行', 'ＡＢＣ Studio（上海）科技', '北京中关村软件园', '行长办公室', 'Zhang Wei 工作室',
  '汉GZ后云', '杭 州云启', '招商银行', '中国银行重庆长沙厦门分行', '123 商行', '云',
];
const QUERIES = [
  'hzyq', 'yqkj', 'hangzhouyunqi', 'hangzhouyun', 'hangzho', 'hzyqkjyxgs', 'yunqkj', 'kejiyouxian', '杭州yq', '杭zyq', 'hzh', 'gs', 'gongsi',
  'angz', 'hzyqx', 'gsx', 'hzyql', 'ouy', '云q杭', 'cq', 'chongqing', 'zhongqing', 'zq', 'chq', 'cs', 'changsha', 'zhangsha', 'xm', 'xiamen',
  'shamen', 'zsyh', 'yinhang', 'yh', 'yx', 'yinxing', 'abcstudio', 'as', 'shkj', 'kj', 'zw', 'zhangwei', 'gzs', 'zhangw', 'bj', 'rjy', 'y',
  'h', 'z', 'sh', 'shanghai', 'hz办', 'hangxing', 'hxbgs', 'yun', 'yunq', 'gzh', 'hgz', 'hanggz',
];

describe('pinyin_match in the database', () => {
  it('answers as pinyinMatches for every name and query', async () => {
    const pairs = NAMES.flatMap((name) => QUERIES.map((query) => ({ name, reading: pinyinReadingOf(name), query: pinyinQueryOf(query)! })));
    expect(pairs.every((p) => p.query !== null)).toBe(true);
    let hits = 0;
    for (const p of pairs) {
      const row = (await sql<{ m: unknown }>`SELECT pinyin_match(${p.reading}, ${p.query}) AS m`.execute(q(t.ctx.db))).rows[0];
      const expected = pinyinMatches(p.reading, p.query);
      if (expected) hits++;
      // SQLite's function gives 1 or 0, PostgreSQL's a boolean.
      expect({ name: p.name, query: p.query, match: Boolean(row?.m) }).toEqual({ name: p.name, query: p.query, match: expected });
    }
    expect(hits).toBeGreaterThan(60);
    expect(hits).toBeLessThan(pairs.length - 200);
  });

  it('never matches an empty or missing reading', async () => {
    const m = async (reading: string | null) => (await sql<{ m: unknown }>`SELECT pinyin_match(${reading}, ${'hz'}) AS m`.execute(q(t.ctx.db))).rows[0]?.m;
    expect(Boolean(await m(''))).toBe(false);
    expect(Boolean(await m(null))).toBe(false);
  });
});
