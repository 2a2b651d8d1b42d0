import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyTier, DEFAULT_TIER_RULES, tierRank, TIER_FACTS, type TierFacts, type TierRuleSet } from '../../../shared/tiers/tierRules.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

// Tiers by rule against a hand-made fixture (today 2026-11-23): one customer per rule kind, AND/OR, a pinned
// tier, the reasons word for word; then the laws: a second run changes nothing, and raising a threshold never
// moves a customer up.

let t: TestContext;
const ids: Record<string, string> = {};

async function customer(name: string, tier: 'vip' | 'important' | 'normal' = 'normal') {
  ids[name] = (await t.call('customers:create', { name, tier })).id;
  return ids[name]!;
}
async function contract(name: string, number: string, fields: Record<string, unknown>) {
  return (await t.call('contracts:create', { customerId: ids[name], number, ...fields })).id as string;
}
const reasonOf = async (name: string) => {
  const c = await t.call('customers:get', { id: ids[name] });
  return { tier: c.tier, pinned: c.tierPinned, reason: c.tierReason };
};
const zhReason = async (name: string) => {
  const { renderIn } = await import('../../../shared/i18n/message.ts');
  const r = (await reasonOf(name)).reason;
  return r === null ? null : renderIn('zh-CN', r);
};

beforeAll(async () => {
  t = await openTestContext('2026-11-23T02:00:00.000Z');
  // ¥30,000 a quarter is ¥120,000 a year.
  await customer('季付大客户');
  await contract('季付大客户', 'Q-1', { signedOn: '2026-01-01', startsOn: '2026-01-01', endsOn: '2026-12-31', amountFen: 3_000_000, cycle: 'quarter' });
  // Three renewals in a row: four terms linked by renewal_of.
  await customer('老客户');
  let previous: string | null = null;
  for (const year of [2023, 2024, 2025, 2026]) {
    const status = year === 2026 ? 'active' : 'renewed';
    previous = await contract('老客户', `R-${year}`, { startsOn: `${year}-01-01`, endsOn: `${year}-12-31`, amountFen: 100_000, cycle: 'year', status, renewalOf: previous });
  }
  await customer('两年合同');
  await contract('两年合同', 'T-1', { startsOn: '2025-01-01', endsOn: '2026-12-31', amountFen: 1_000_000, cycle: 'year' });
  await customer('三万一次');
  await contract('三万一次', 'O-1', { signedOn: '2026-03-01', amountFen: 3_000_000, cycle: 'once' });
  await customer('小客户');
  await contract('小客户', 'S-1', { startsOn: '2026-01-01', endsOn: '2026-12-31', amountFen: 500_000, cycle: 'year' });
  // Both conditions of the AND rule below.
  await customer('两年三万');
  await contract('两年三万', 'B-1', { startsOn: '2025-06-01', endsOn: '2027-05-31', amountFen: 4_000_000, cycle: 'year' });
  // Pinned by hand as VIP with nothing that earns it.
  await customer('手动VIP', 'vip');
  await contract('手动VIP', 'P-1', { startsOn: '2026-01-01', endsOn: '2026-12-31', amountFen: 100, cycle: 'year' });
  // Four purchases within 3 years, and a customer since 2019.
  await customer('常客');
  for (const [i, d] of ['2019-02-01', '2024-05-01', '2025-05-01', '2026-05-01'].entries()) {
    await contract('常客', `F-${i}`, { signedOn: d, amountFen: 100, cycle: 'once', status: i === 3 ? 'active' : 'terminated' });
  }
  await customer('十年老友');
  await contract('十年老友', 'Y-1', { signedOn: '2016-06-01', amountFen: 100, cycle: 'once' });
}, 60_000);
afterAll(() => t.close());

describe('tiers:classify with the default rules', () => {
  it('previews the moves without writing, then applies them with their reasons', async () => {
    const preview = await t.call('tiers:classify', { dryRun: true });
    const moved = Object.fromEntries(preview.items.map((m: { name: string; to: string; pinned: boolean }) => [m.name, [m.to, m.pinned]]));
    expect(moved).toEqual({
      季付大客户: ['vip', false],
      老客户: ['vip', false],
      两年合同: ['important', false],
      三万一次: ['important', false],
      两年三万: ['important', false],
      手动VIP: ['normal', true],
    });
    expect(preview).toMatchObject({ total: 5, applied: false, batchId: null });
    expect(preview.items.find((m: { name: string }) => m.name === '季付大客户').reason).toBe('年合同额 ¥120,000 ≥ ¥100,000');
    expect((await reasonOf('季付大客户')).tier).toBe('normal');

    const applied = await t.call('tiers:classify', {});
    expect(applied).toMatchObject({ total: 5, applied: true, batchId: expect.any(String) });
    expect(await reasonOf('季付大客户')).toMatchObject({ tier: 'vip', pinned: null });
    // The reminder ladder follows the new tier: VIP's starts 90 days ahead.
    const ladder = await t.call('reminders:preview', { contractNo: 'Q-1' });
    expect(ladder.tier).toBe('vip');
    expect(ladder.steps.map((x: { step: number }) => x.step)).toContain(90);
    expect(await zhReason('季付大客户')).toBe('年合同额 ¥120,000 ≥ ¥100,000');
    expect(await zhReason('老客户')).toBe('连续续约 3 次 ≥ 3 次');
    expect(await zhReason('两年合同')).toBe('合同期 24 个月 ≥ 24 个月');
    expect(await zhReason('三万一次')).toBe('年合同额 ¥30,000 ≥ ¥30,000');
    expect(await zhReason('小客户')).toBe('未满足其他等级的条件');
    expect(await reasonOf('手动VIP')).toMatchObject({ tier: 'vip', pinned: 'manual' });
    expect(await zhReason('手动VIP')).toBe('手动指定（已固定）');
    const { renderIn } = await import('../../../shared/i18n/message.ts');
    expect(renderIn('en-US', (await reasonOf('季付大客户')).reason)).toBe('Annual contract value ¥120,000 ≥ ¥100,000');

    // Again: nothing moves and no reason changes.
    expect(await t.call('tiers:classify', { dryRun: true })).toMatchObject({ total: 0, reasonsUpdated: 0 });
  });

  it('ANDs conditions, counts purchases and years as a customer, and unpins on request', async () => {
    await t.call('tiers:setRules', {
      rules: [
        { tier: 'vip', combine: 'any', conditions: [{ fact: 'purchases', min: 3 }] },
        { tier: 'important', combine: 'all', conditions: [{ fact: 'annualValueFen', min: 3_000_000 }, { fact: 'termMonths', min: 24 }] },
        { tier: 'important', combine: 'any', conditions: [{ fact: 'yearsAsCustomer', min: 3 }] },
      ],
      fallback: 'normal',
      purchaseYears: 3,
    });
    const r = await t.call('tiers:classify', {});
    expect(r.items.map((m: { name: string }) => m.name).sort()).toEqual(['三万一次', '两年合同', '十年老友', '季付大客户', '常客', '手动VIP'].sort());
    expect(r.total).toBe(5);
    expect(await zhReason('常客')).toBe('近 3 年签约 3 次 ≥ 3 次');
    expect((await reasonOf('常客')).tier).toBe('vip');
    expect(await zhReason('两年三万')).toBe('年合同额 ¥40,000 ≥ ¥30,000、合同期 24 个月 ≥ 24 个月');
    expect(await zhReason('十年老友')).toBe('合作 10 年 ≥ 3 年');
    expect((await reasonOf('两年合同')).tier).toBe('normal');
    expect((await reasonOf('三万一次')).tier).toBe('normal');
    expect((await reasonOf('季付大客户')).tier).toBe('normal');
    expect((await reasonOf('手动VIP')).tier).toBe('vip');

    await t.call('tiers:unpin', { id: ids['手动VIP'] });
    expect(await reasonOf('手动VIP')).toMatchObject({ tier: 'normal', pinned: null });
    // A tier changed by hand is pinned again.
    const c = await t.call('customers:get', { id: ids['小客户'] });
    await t.call('customers:update', { id: c.id, version: c.version, tier: 'important' });
    expect(await reasonOf('小客户')).toMatchObject({ tier: 'important', pinned: 'manual' });
    expect((await t.call('tiers:classify', {})).items).toEqual([expect.objectContaining({ name: '小客户', from: 'important', to: 'normal', pinned: true })]);
    expect((await reasonOf('小客户')).tier).toBe('important');
  });

  it('refuses rules that are not from the highest tier down', async () => {
    const bad = await t.envelope('tiers:setRules', { rules: [{ tier: 'important', combine: 'any', conditions: [] }, { tier: 'vip', combine: 'any', conditions: [] }], fallback: 'normal', purchaseYears: 3 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('is idempotent for any rule set (fast-check)', async () => {
    const rules = fc.record({
      rules: fc.array(fc.record({ tier: fc.constantFrom('vip' as const, 'important' as const), combine: fc.constantFrom('any' as const, 'all' as const), conditions: fc.array(fc.record({ fact: fc.constantFrom(...TIER_FACTS), min: fc.integer({ min: 0, max: 5_000_000 }) }), { maxLength: 3 }) }), { maxLength: 3 }).map((rs) => [...rs].sort((a, b) => tierRank(a.tier) - tierRank(b.tier))),
      fallback: fc.constant('normal' as const),
      purchaseYears: fc.integer({ min: 1, max: 5 }),
    });
    await fc.assert(
      fc.asyncProperty(rules, async (set) => {
        await t.call('tiers:setRules', set);
        await t.call('tiers:classify', {});
        const again = await t.call('tiers:classify', { dryRun: true });
        expect(again).toMatchObject({ total: 0, reasonsUpdated: 0 });
      }),
      { numRuns: 15, seed: 1212 },
    );
  });
});

describe('classifyTier (pure)', () => {
  const factsArb = fc.record({
    annualValueFen: fc.integer({ min: 0, max: 20_000_000 }),
    termMonths: fc.integer({ min: 0, max: 60 }),
    purchases: fc.integer({ min: 0, max: 10 }),
    yearsAsCustomer: fc.integer({ min: 0, max: 20 }),
    consecutiveRenewals: fc.integer({ min: 0, max: 10 }),
    referrals: fc.integer({ min: 0, max: 10 }),
  }) satisfies fc.Arbitrary<TierFacts>;

  it('never moves a customer up when a threshold is raised', () => {
    const ruleIndex = fc.nat({ max: DEFAULT_TIER_RULES.rules.length - 1 });
    fc.assert(
      fc.property(factsArb, ruleIndex, fc.nat({ max: 1 }), fc.integer({ min: 1, max: 10_000_000 }), fc.constantFrom('any' as const, 'all' as const), (facts, ri, ci, raise, combine) => {
        const base: TierRuleSet = { ...DEFAULT_TIER_RULES, rules: DEFAULT_TIER_RULES.rules.map((r) => ({ ...r, combine })) };
        const raised: TierRuleSet = {
          ...base,
          rules: base.rules.map((r, i) => (i !== ri ? r : { ...r, conditions: r.conditions.map((c, j) => (j === ci ? { ...c, min: c.min + raise } : c)) })),
        };
        expect(tierRank(classifyTier(facts, raised).tier)).toBeGreaterThanOrEqual(tierRank(classifyTier(facts, base).tier));
      }),
      { numRuns: 2000, seed: 1212 },
    );
  });
});

describe('the daily run', () => {
  it('is due for today from 02:00 local time, for yesterday before it, and runs once a day', async () => {
    const { dailyTierRunDay, runDailyTierClassification } = await import('./dailyTierRun.ts');
    expect(dailyTierRunDay(new Date(2026, 10, 23, 1, 59))).toBe('2026-11-22');
    expect(dailyTierRunDay(new Date(2026, 10, 23, 2, 0))).toBe('2026-11-23');
    t.setNow(new Date(2026, 10, 24, 1, 0).toISOString());
    expect(await runDailyTierClassification(t.ctx)).toBe(true);
    expect(await runDailyTierClassification(t.ctx)).toBe(false);
    t.setNow(new Date(2026, 10, 24, 2, 30).toISOString());
    expect(await runDailyTierClassification(t.ctx)).toBe(true);
    expect(await runDailyTierClassification(t.ctx)).toBe(false);
  });
});

describe('an imported 客户等级', () => {
  it('is classified inside the import: kept unpinned when the rules agree, pinned "from import" when not, decided by the rules when blank', async () => {
    const { importFile, writeFixture } = await import('../../../test-support/import/importTestKit.ts');
    const u = await openTestContext('2026-11-23T02:00:00.000Z');
    try {
      const sheet = [
        '客户名称,合同编号,开始日期,到期日期,合同金额,续费周期,客户等级',
        '甲公司,J-1,2026-01-01,2026-12-31,120000,年,VIP',
        '乙公司,Y-1,2026-01-01,2026-12-31,5000,年,VIP',
        '丙公司,B-1,2026-01-01,2026-12-31,50000,年,',
      ].join('\n');
      await importFile(u, writeFixture(u, `${sheet}\n`));
      const byName = async () => Object.fromEntries((await u.call('customers:list', { limit: 10 })).items.map((c: { name: string; id: string }) => [c.name, c.id]));
      const ids = await byName();
      const state = async (name: string) => {
        const c = await u.call('customers:get', { id: ids[name] });
        return [c.tier, c.tierPinned];
      };
      expect(await state('甲公司')).toEqual(['vip', null]);
      expect(await state('乙公司')).toEqual(['vip', 'import']);
      expect(await state('丙公司')).toEqual(['important', null]);
      // Nothing left for a run of the rules to do but list the pinned one.
      const r = await u.call('tiers:classify', { dryRun: true });
      expect(r).toMatchObject({ total: 0, reasonsUpdated: 0 });
      expect(r.items).toEqual([expect.objectContaining({ name: '乙公司', from: 'vip', to: 'normal', pinned: true })]);
    } finally {
      await u.close();
    }
  });
});
