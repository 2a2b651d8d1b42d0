import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { undoBatch } from '../audit/undoBatch.ts';
import { rawOf } from '../handle.ts';
import { withTransaction } from '../withTransaction.ts';
import { importFile, writeFixture } from '../../test-support/import/importTestKit.ts';
import { openTestContext, type TestContext } from '../../test-support/openTestContext.ts';
import { bulkScopeMoves, movingScopesInBulk, movingScopesInBulkAsync, SCOPED_BIGRAMS_REFILL_SELECT } from './customerScopedBigrams.ts';

// The bulk mover (movingScopesInBulk): many customers changing scope at once take their postings along set-wise,
// 0018's move trigger suspended meanwhile. Forced here with a threshold of 0: the postings must equal a refill
// afterwards (the 0018 drift test's truth), the trigger must be back, and a throw inside must leave it in place.

let t: TestContext;
const defaultThreshold = bulkScopeMoves.threshold;
const NAMES = ['杭州云启科技有限公司', '宁波云启网络科技', '上海启明网络', '北京科技云服务', '杭州网络科技', '云启工作室'];

function drift(): { missing: unknown[]; extra: unknown[] } {
  const raw = rawOf(t.ctx.db);
  const table = 'SELECT bigram, scope, customer_id FROM customer_scoped_bigrams';
  return { missing: raw.prepare(`${SCOPED_BIGRAMS_REFILL_SELECT} EXCEPT ${table}`).all(), extra: raw.prepare(`${table} EXCEPT ${SCOPED_BIGRAMS_REFILL_SELECT}`).all() };
}
const NO_DRIFT = { missing: [], extra: [] };
const moveTriggerExists = () =>
  rawOf(t.ctx.db).prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'customer_scoped_bigrams_move'").pluck().get() === 1;
const tempLeftovers = () => rawOf(t.ctx.db).prepare('SELECT name FROM sqlite_temp_master').pluck().all();
const postings = () => rawOf(t.ctx.db).prepare('SELECT bigram, scope, customer_id FROM customer_scoped_bigrams ORDER BY 1, 2, 3').all();

beforeAll(async () => {
  t = await openTestContext('2026-11-23T02:00:00.000Z');
  // 36 customers with amounts from ¥2,000 to ¥72,000, their tiers left to the rules (blank cells).
  const rows = Array.from({ length: 36 }, (_, k) => `${NAMES[k % NAMES.length]}${k},HT-${k},2026-03-01,2027-02-28,${(k + 1) * 2000},年,`);
  await importFile(t, writeFixture(t, `${['客户名称,合同编号,开始日期,到期日期,合同金额,续费周期,客户等级', ...rows].join('\n')}\n`));
}, 60_000);
afterEach(() => {
  bulkScopeMoves.threshold = defaultThreshold;
});
afterAll(() => t.close());

describe('movingScopesInBulk', () => {
  it('a bulk tier apply and its undo move the postings set-wise, equal to a refill', async () => {
    const scopesBefore = rawOf(t.ctx.db).prepare('SELECT count(*) FROM search_scopes').pluck().get() as number;
    // A rule set that puts a third of them in VIP and the rest in a new scope (important).
    await t.call('tiers:setRules', {
      rules: [
        { tier: 'vip', combine: 'any', conditions: [{ fact: 'annualValueFen', min: 5_000_000 }] },
        { tier: 'important', combine: 'any', conditions: [{ fact: 'annualValueFen', min: 1 }] },
      ],
      fallback: 'normal',
      purchaseYears: 3,
    });
    bulkScopeMoves.threshold = 0;
    // The mover's DROP and CREATE TRIGGER bump the schema version; the trigger path leaves it alone.
    const schemaVersion = () => rawOf(t.ctx.db).pragma('schema_version', { simple: true }) as number;
    const version = schemaVersion();
    const applied = await t.call('tiers:classify', {});
    expect(applied.total).toBeGreaterThan(20);
    expect(schemaVersion()).toBeGreaterThan(version);
    expect(drift()).toEqual(NO_DRIFT);
    expect(moveTriggerExists()).toBe(true);
    expect(tempLeftovers()).toEqual([]);
    expect(rawOf(t.ctx.db).prepare('SELECT count(*) FROM search_scopes').pluck().get()).toBeGreaterThan(scopesBefore);

    // Its undo puts the tiers back the same way.
    const undoVersion = schemaVersion();
    await withTransaction(t.ctx.db, async (tx) => {
      await undoBatch(t.ctx.db, tx, applied.batchId!, { batchId: 'undo-classify', at: t.ctx.now().toISOString(), actor: 'test' }, { field: 'undoToken' });
    });
    expect(schemaVersion()).toBeGreaterThan(undoVersion);
    expect(drift()).toEqual(NO_DRIFT);
  });

  it('an import whose classification moves many customers (new ones and existing ones) does it set-wise too', async () => {
    bulkScopeMoves.threshold = 0;
    const version = rawOf(t.ctx.db).pragma('schema_version', { simple: true }) as number;
    // Amounts swapped end for end (tiers move both ways), and six new customers.
    const rows = Array.from({ length: 42 }, (_, k) => `${NAMES[k % NAMES.length]}${k},HT-${k},2026-03-01,2027-02-28,${(42 - k) * 2000},年,`);
    const result = await importFile(t, writeFixture(t, `${['客户名称,合同编号,开始日期,到期日期,合同金额,续费周期,客户等级', ...rows].join('\n')}\n`));
    expect(rawOf(t.ctx.db).pragma('schema_version', { simple: true })).toBeGreaterThan(version);
    expect(drift()).toEqual(NO_DRIFT);
    expect(moveTriggerExists()).toBe(true);
    await t.call('import:undo', { batchId: result.batchId });
    expect(drift()).toEqual(NO_DRIFT);
  });

  it('follows owner, tier and archive changes, a customer moved twice or moved back, with the trigger off meanwhile', async () => {
    const raw = rawOf(t.ctx.db);
    const owner = (await t.call('owners:create', { name: '张三' })).id;
    let triggerDuring: boolean | undefined;
    await withTransaction(t.ctx.db, async () => {
      const moved = movingScopesInBulk(
        raw,
        36,
        () => {
          triggerDuring = moveTriggerExists();
          const n = raw.prepare("UPDATE customers SET tier = CASE tier WHEN 'vip' THEN 'normal' ELSE 'vip' END WHERE rowid % 3 = 0").run().changes;
          raw.prepare('UPDATE customers SET owner_id = ? WHERE rowid % 3 = 1').run(owner);
          raw.prepare("UPDATE customers SET archived_at = '2026-11-23T02:00:00.000Z' WHERE rowid % 4 = 1").run();
          // Twice (vip → important → normal or back) for some of them.
          raw.prepare("UPDATE customers SET tier = 'important' WHERE rowid % 6 = 0").run();
          raw.prepare("UPDATE customers SET tier = CASE tier WHEN 'important' THEN 'normal' ELSE tier END WHERE rowid % 12 = 0").run();
          return n;
        },
        0,
      );
      expect(moved).toBeGreaterThan(5);
    });
    expect(triggerDuring).toBe(false);
    expect(moveTriggerExists()).toBe(true);
    expect(tempLeftovers()).toEqual([]);
    expect(drift()).toEqual(NO_DRIFT);
    expect(raw.prepare('SELECT count(*) FROM customer_scoped_bigrams').pluck().get()).toBe(raw.prepare('SELECT count(*) FROM customer_bigrams').pluck().get());
  });

  it('a throw inside rolls its part back and leaves the trigger in place, the caller’s transaction going on', async () => {
    const raw = rawOf(t.ctx.db);
    const before = postings();
    await withTransaction(t.ctx.db, async () => {
      expect(() =>
        movingScopesInBulk(
          raw,
          36,
          () => {
            raw.prepare("UPDATE customers SET tier = 'vip'").run();
            throw new Error('boom');
          },
          0,
        ),
      ).toThrow('boom');
      expect(moveTriggerExists()).toBe(true);
      // The trigger path works again inside the same transaction.
      raw.prepare("UPDATE customers SET tier = 'important' WHERE rowid % 5 = 0").run();
    });
    expect(moveTriggerExists()).toBe(true);
    expect(tempLeftovers()).toEqual([]);
    expect(drift()).toEqual(NO_DRIFT);
    expect(postings()).not.toEqual(before);
    // Outside a transaction it refuses (its DDL could not be rolled back with the writes).
    expect(() => movingScopesInBulk(raw, 36, () => 0, 0)).toThrow('inside a transaction');
  });

  it('负责人交接 of many customers (async, through the audited writes) does it set-wise; a throw there leaves the trigger too', async () => {
    const raw = rawOf(t.ctx.db);
    const [from, to] = [(await t.call('owners:create', { name: '王五' })).id, (await t.call('owners:create', { name: '赵六' })).id];
    raw.prepare('UPDATE customers SET owner_id = ? WHERE rowid % 2 = 0').run(from);
    expect(drift()).toEqual(NO_DRIFT);
    bulkScopeMoves.threshold = 0;
    const version = raw.pragma('schema_version', { simple: true }) as number;
    const { undoToken, customers } = await t.call('hygiene:handover', { fromOwnerId: from, toOwnerId: to });
    expect(customers).toBeGreaterThan(10);
    expect(raw.pragma('schema_version', { simple: true })).toBeGreaterThan(version);
    expect(drift()).toEqual(NO_DRIFT);
    await t.call('hygiene:undoHandover', { undoToken });
    expect(drift()).toEqual(NO_DRIFT);

    await withTransaction(t.ctx.db, async () => {
      await expect(
        movingScopesInBulkAsync(raw, 36, async () => {
          raw.prepare('UPDATE customers SET owner_id = ?').run(to);
          await Promise.resolve();
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
    });
    expect(moveTriggerExists()).toBe(true);
    expect(tempLeftovers()).toEqual([]);
    expect(drift()).toEqual(NO_DRIFT);
  });
});
