import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

// A hand-computed fixture of customer histories, today 2026-11-23, default rules (shared/domain/lifecycleRules.ts):
// 已流失 (lost; ended > 92 days) → 衰退期 (drop > 20%; > 30 days late; 90 days quiet) → 潜在 → 新客户 → 成熟期 → 成长期.

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext('2026-11-23T02:00:00.000Z');
});
afterEach(async () => {
  await t.close();
});

interface Term {
  starts: string;
  ends: string;
  fen: number;
}

/** A customer with a renewal chain of `terms` (each renewing the one before) and follow-ups on `followUps`. */
async function customer(name: string, terms: Term[], followUps: string[] = [], lost?: string) {
  const { id } = await t.call('customers:create', { name });
  let previous: string | null = null;
  for (const [i, term] of terms.entries()) {
    if (previous === null) {
      previous = (await t.call('contracts:create', { customerId: id, number: `${name}-${i}`, startsOn: term.starts, endsOn: term.ends, amountFen: term.fen })).id;
    } else {
      previous = (await t.call('renewals:renew', { contractId: previous, number: `${name}-${i}`, startsOn: term.starts, endsOn: term.ends, amountFen: term.fen })).newContractId;
    }
  }
  for (const day of followUps) await t.call('followups:create', { customer: id, summary: '回访', at: `${day}T03:00:00.000Z` });
  if (lost !== undefined && previous !== null) await t.call('renewals:setStage', { contractId: previous, stage: 'lost', lostReason: lost });
  return id;
}

const year = (y: number, fen: number): Term => ({ starts: `${y}-01-01`, ends: `${y}-12-31`, fen });
const RECENT = ['2026-11-10'];

async function fixture() {
  return {
    prospect: await customer('甲潜在', []),
    newOne: await customer('乙新客户', [year(2026, 10_000_00)], ['2026-11-01']),
    lost: await customer('丙流失', [{ starts: '2025-11-01', ends: '2026-10-31', fen: 30_000_00 }], RECENT, '价格'),
    ended: await customer('丁到期', [year(2025, 5_000_00)], RECENT),
    longGone: await customer('戊早已流失', [{ starts: '2023-07-01', ends: '2024-06-30', fen: 8_000_00 }]),
    drop: await customer('己降额', [year(2024, 100_000_00), year(2025, 100_000_00), year(2026, 70_000_00)], RECENT),
    late: await customer('庚晚续', [year(2025, 50_000_00), { starts: '2026-02-15', ends: '2027-02-14', fen: 50_000_00 }], RECENT),
    quiet: await customer('辛久未跟进', [{ starts: '2026-03-01', ends: '2027-02-28', fen: 8_000_00 }]),
    mature: await customer('壬成熟', [year(2024, 20_000_00), year(2025, 20_000_00), year(2026, 21_000_00)], RECENT),
    growth: await customer('子成长', [year(2025, 10_000_00), year(2026, 15_000_00)], RECENT),
    matureByYears: await customer('丑两年期', [{ starts: '2023-06-01', ends: '2025-05-31', fen: 30_000_00 }, { starts: '2025-06-01', ends: '2027-05-31', fen: 31_000_00 }], RECENT),
    lostOverDrop: await customer('癸降额后流失', [year(2025, 40_000_00), year(2026, 20_000_00)], RECENT, '预算'),
    warnOnly: await customer('寅小降', [year(2025, 10_000_00), year(2026, 9_000_00)], ['2026-09-10']),
    overdue: await customer('卯逾期', [{ starts: '2025-11-01', ends: '2026-10-31', fen: 12_000_00 }], RECENT),
  };
}

async function stages() {
  const all = (await t.call('lifecycle:list', { limit: 500 })).items as any[];
  return Object.fromEntries(all.map((i) => [i.name, i]));
}

describe('lifecycle stages against the fixture', () => {
  it('each rule, in order of precedence, with its reason and loyalty', async () => {
    await fixture();
    const s = await stages();
    const stageOf = Object.fromEntries(Object.entries(s).map(([name, i]: [string, any]) => [name, i.stage]));
    expect(stageOf).toEqual({
      甲潜在: 'prospect',
      乙新客户: 'new',
      丙流失: 'churned',
      丁到期: 'churned',
      戊早已流失: 'churned',
      己降额: 'decline', // a drop of 30% beats 成熟期 (3 terms)
      庚晚续: 'decline', // 45 days late
      辛久未跟进: 'decline', // quiet beats 新客户
      壬成熟: 'mature',
      子成长: 'growth', // +50%, one year
      丑两年期: 'mature', // 2 terms but 3 years, +3.3%
      癸降额后流失: 'churned', // lost beats the drop
      寅小降: 'growth', // -10% and 74 days quiet: warnings, not 衰退期
      卯逾期: 'new', // 23 days past its end: not yet 已流失
    });
    expect(s['丙流失']).toMatchObject({ reason: '最近一期合同已流失：价格', lostOn: '2026-11-23', lostReason: '价格', since: '2026-11-23' });
    expect(s['丁到期']).toMatchObject({ reason: '最近一期合同 2025-12-31 到期，已过 327 天（> 92 天）仍未续约', lostOn: '2025-12-31', since: '2025-12-31' });
    expect(s['己降额'].reason).toBe('最近一次续约金额下降 30%（> 20%）');
    expect(s['庚晚续'].reason).toBe('最近一次续约晚了 45 天（> 30 天）');
    expect(s['辛久未跟进']).toMatchObject({ reason: '合同在期，已 267 天没有跟进（≥ 90 天）', since: '2026-05-30' });
    // 衰退期 (no contact since its start) until its follow-up was entered today: 新客户 since today.
    expect(s['乙新客户']).toMatchObject({ reason: '一期合同，尚未续约', since: '2026-11-23', loyalty: 'none' });
    expect(s['壬成熟']).toMatchObject({ consecutiveRenewals: 2, years: 2, loyalty: 'silver' });
    expect(s['丑两年期']).toMatchObject({ consecutiveRenewals: 1, years: 3, loyalty: 'silver' });
    expect(s['子成长']).toMatchObject({ reason: '已续约 1 次', consecutiveRenewals: 1, years: 1, loyalty: 'bronze' });
    expect(s['甲潜在']).toMatchObject({ reason: '还没有合同', loyalty: 'none', lastAmountFen: null });
  });

  it('流失预警 by amount and 赢回 within 12 months, as the fixture says', async () => {
    await fixture();
    const warning = await t.call('lifecycle:warning', {});
    expect(warning.items.map((i: any) => [i.name, i.signals])).toEqual([
      ['己降额', ['shrinking']],
      ['庚晚续', ['late']],
      ['卯逾期', ['overdue']],
      ['寅小降', ['shrinking', 'quiet']],
      ['辛久未跟进', ['quiet']],
    ]);
    const winBack = await t.call('lifecycle:winBack', {});
    expect(winBack.from).toBe('2025-11-23');
    expect(winBack.items.map((i: any) => [i.name, i.lostOn, i.lostReason, i.lastAmountFen])).toEqual([
      ['丙流失', '2026-11-23', '价格', 30_000_00],
      ['癸降额后流失', '2026-11-23', '预算', 20_000_00],
      ['丁到期', '2025-12-31', null, 5_000_00],
    ]);
  });

  it('a write moves the stage at once and dates the change; the rules are adjustable and recompute everyone', async () => {
    const quiet = await customer('辛久未跟进', [{ starts: '2026-03-01', ends: '2027-02-28', fen: 8_000_00 }]);
    const stageNow = async () => (await t.call('lifecycle:customer', { customerId: quiet })).current.stage;
    expect(await stageNow()).toBe('decline');
    const rules = await t.call('lifecycle:rules', {});
    expect(rules.declineQuietDays).toBe(90);
    await t.call('lifecycle:setRules', { ...rules, declineQuietDays: 300 });
    expect(await stageNow()).toBe('new');
    await t.call('lifecycle:setRules', rules);
    expect(await stageNow()).toBe('decline');
    await t.call('followups:create', { customer: quiet, summary: '回访' });
    const after = await t.call('lifecycle:customer', { customerId: quiet });
    expect(after.current).toMatchObject({ stage: 'new', since: '2026-11-23', reason: '一期合同，尚未续约' });
    // Made by hand (潜在 that day), then its contract (dated by the facts), the two rule changes and the follow-up.
    expect(after.history.map((h: any) => [h.previousStage, h.stage, h.on])).toEqual([
      ['decline', 'new', '2026-11-23'],
      ['new', 'decline', '2026-11-23'],
      ['decline', 'new', '2026-11-23'],
      ['prospect', 'decline', '2026-05-30'],
      [null, 'prospect', '2026-11-23'],
    ]);
    await t.call('customers:delete', { id: quiet });
    expect((await t.call('lifecycle:list', {})).total).toBe(0);
  });
});
