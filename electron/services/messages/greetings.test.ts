import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDaysIso } from '../../../shared/domain/dates.ts';
import { localDueInstant } from '../../../shared/reminders/localDueInstant.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

// Greetings (issue 14): holiday greetings from the chinese-days data and the birthday reminder ahead of the day,
// with an injected clock (reminders:run { now }); a rendered message marked 已发送 logs a follow-up.

let t: TestContext;
let vipId: string;
let normalId: string;
const at = (date: string, time = '09:00') => localDueInstant(date, time);
const iso = (d: Date) => d.toISOString();
const fired = async (now: Date) => (await t.call('reminders:run', { now: iso(now) })).fired.map((f: any) => [f.kind, f.customer, f.dueAt]);

/** The centre's newest notification (the reminder it fired, its title). */
const latestNotice = async () => (await t.call('notifications:list')).items[0];

beforeEach(async () => {
  t = await openTestContext(iso(at('2025-12-20', '10:00')));
  const owner = (await t.call('owners:create', { name: '李娜' })).id;
  vipId = (await t.call('customers:create', { name: '杭州云启科技有限公司', tier: 'vip', ownerId: owner })).id;
  normalId = (await t.call('customers:create', { name: '宁波海曙物流', tier: 'normal' })).id;
  await t.call('contacts:create', { customerId: vipId, name: '王建华', isPrimary: true });
});
afterEach(async () => {
  await t.close();
});

describe('holiday greetings', () => {
  it('greets a VIP customer 3 days before each of 2026’s holidays, and a normal-tier one never', async () => {
    const expected: [string, string][] = [
      ['2025-12-29', '元旦'],
      ['2026-02-12', '春节'],
      ['2026-04-01', '清明'],
      ['2026-04-28', '劳动节'],
      ['2026-06-16', '端午'],
      ['2026-09-22', '中秋'],
      ['2026-09-28', '国庆节'],
    ];
    for (const [day, name] of expected) {
      expect(await fired(new Date(at(day).getTime() - 1))).toEqual([]);
      const outcome = await t.call('reminders:run', { now: iso(at(day)) });
      expect(outcome.fired.map((f: any) => [f.kind, f.customer, f.dueAt])).toEqual([['holiday', '杭州云启科技有限公司', iso(at(day))]]);
      expect((await latestNotice()).title).toBe(`杭州云启科技有限公司：${name}问候`);
    }
    // The data ends with 2026: nothing more is armed.
    expect(await fired(at('2027-12-31'))).toEqual([]);
  });

  it('the settings choose the days ahead and the tiers; the greeting renders the holiday and marks sent', async () => {
    await t.call('messages:setGreetingSettings', { daysAhead: 1, holidayTiers: ['normal'] });
    const outcome = await t.call('reminders:run', { now: iso(at('2025-12-31')) });
    expect(outcome.fired.map((f: any) => [f.kind, f.customer])).toEqual([['holiday', '宁波海曙物流']]);
    const { reminderId } = await latestNotice();
    const message = await t.call('messages:render', { reminderId });
    expect(message.text).toBe('您好，元旦将至，祝您和家人元旦快乐、阖家幸福！感谢宁波海曙物流一直以来的信任与支持。');
    const sent = await t.call('messages:markSent', { customerId: normalId, kind: 'holiday', channel: 'sms', messageText: message.text, reminderId });
    expect(sent.reminderClosed).toBe(true);
    const log = await t.call('followups:list', { customerId: normalId });
    expect(log.items.map((f: any) => [f.kind, f.channel, f.summary])).toEqual([['other', 'sms', `已发送节日问候（短信）：${message.text}`]]);
    const centre = await t.call('notifications:list');
    expect(centre.items.map((n: any) => [n.kind, n.actionable, n.readAt !== null])).toEqual([['holiday', false, true]]);
  });
});

describe('birthday greetings and messages', () => {
  it('the birthday reminder comes the configured days ahead and carries the tier’s greeting', async () => {
    await t.call('messages:setGreetingSettings', { daysAhead: 5, holidayTiers: [] });
    await t.call('contacts:create', { customerId: vipId, name: '陈静', birthday: '1990-03-10' });
    expect(await fired(at(addDaysIso('2026-03-10', -6)))).toEqual([]);
    const outcome = await t.call('reminders:run', { now: iso(at('2026-03-05')) });
    expect(outcome.fired.map((f: any) => f.kind)).toEqual(['birthday']);
    const message = await t.call('messages:render', { reminderId: (await latestNotice()).reminderId });
    expect(message.text).toBe('尊敬的陈静，值此生日（3月10日）之际，谨代表公司全体同仁祝您生日快乐、事业兴旺！杭州云启科技有限公司是我们最珍视的伙伴，感谢您的长期信任。李娜');
  });

  it('a renewal offer fills its discount, gift and the contract’s instalments; blank parts are left out', async () => {
    const k = await t.call('contracts:create', { customerId: vipId, number: 'HT-7', endsOn: '2026-06-30', amountFen: 12_800_000 });
    const bare = await t.call('messages:render', { kind: 'offer', customerId: vipId });
    expect(bare.text).toBe('王建华您好，贵司合同 HT-7 将于 2026-06-30 到期。期待继续合作！李娜');
    await t.call('payments:set', { contractId: k.id, dueOn: '2026-07-01', dueAmountFen: 6_400_000 });
    await t.call('payments:set', { contractId: k.id, dueOn: '2027-01-01', dueAmountFen: 6_400_000 });
    const offer = await t.call('messages:setOffer', { contractId: k.id, discount: '续约两年九折', gift: '免费上门培训一次' });
    expect(offer.instalmentText).toBe('分 2 期：2026-07-01 ¥64,000.00，2027-01-01 ¥64,000.00');
    const full = await t.call('messages:render', { kind: 'offer', customerId: vipId, contractId: k.id });
    expect(full.text).toBe(
      '王建华您好，贵司合同 HT-7 将于 2026-06-30 到期。本次续约优惠：续约两年九折。付款方式：分 2 期：2026-07-01 ¥64,000.00，2027-01-01 ¥64,000.00。续约赠品：免费上门培训一次。期待继续合作！李娜',
    );
    // A tier's own wording wins; back to the default with null.
    await t.call('messages:setTemplate', { tier: 'vip', kind: 'offer', template: '{客户}：{优惠}' });
    expect((await t.call('messages:render', { kind: 'offer', customerId: vipId })).text).toBe('杭州云启科技有限公司：续约两年九折');
    await t.call('messages:setTemplate', { tier: 'vip', kind: 'offer', template: null });
    expect((await t.call('messages:templates')).items.find((i: any) => i.tier === 'vip' && i.kind === 'offer').isDefault).toBe(true);
  });
});

describe('loyalty', () => {
  it('keeps a balance of dated entries and records referrals both ways; a customer cannot refer itself', async () => {
    await t.call('loyalty:addPoints', { customerId: vipId, occurredOn: '2026-01-02', points: 500, reason: '续约' });
    const redeemed = await t.call('loyalty:addPoints', { customerId: vipId, occurredOn: '2026-02-02', points: -200, reason: '兑换礼品' });
    await t.call('loyalty:addReferral', { referrerId: vipId, referredId: normalId, referredOn: '2026-01-15', reward: '300 积分' });
    await expect(t.call('loyalty:addReferral', { referrerId: vipId, referredId: vipId, referredOn: '2026-01-15' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(t.call('loyalty:addReferral', { referrerId: vipId, referredId: normalId, referredOn: '2026-01-16' })).rejects.toMatchObject({ code: 'DUPLICATE' });
    const vip = await t.call('loyalty:get', { customerId: vipId });
    expect([vip.balance, vip.entries.map((e: any) => e.points), vip.referrals.map((r: any) => [r.referredName, r.reward])]).toEqual([300, [-200, 500], [['宁波海曙物流', '300 积分']]]);
    expect((await t.call('loyalty:get', { customerId: normalId })).referredBy.map((r: any) => r.referrerName)).toEqual(['杭州云启科技有限公司']);
    await t.call('loyalty:remove', { what: 'points', id: redeemed.id });
    expect((await t.call('loyalty:get', { customerId: vipId })).balance).toBe(500);
  });

  it('a customer merge moves points and referrals to the survivor (a referral between the two goes); undo puts them back', async () => {
    const dup = (await t.call('customers:create', { name: '杭州云启科技' })).id;
    await t.call('loyalty:addPoints', { customerId: dup, occurredOn: '2026-01-02', points: 120, reason: '转介绍奖励' });
    await t.call('loyalty:addReferral', { referrerId: dup, referredId: normalId, referredOn: '2026-01-03' });
    await t.call('loyalty:addReferral', { referrerId: vipId, referredId: dup, referredOn: '2026-01-04' });
    const merged = await t.call('customers:merge', { from: dup, into: vipId });
    const vip = await t.call('loyalty:get', { customerId: vipId });
    expect([vip.balance, vip.referrals.map((r: any) => r.referredName), vip.referredBy]).toEqual([120, ['宁波海曙物流'], []]);
    await t.call('customers:undoMerge', { undoToken: merged.undoToken });
    const back = await t.call('loyalty:get', { customerId: dup });
    expect([back.balance, back.referrals.length, back.referredBy.map((r: any) => r.referrerName)]).toEqual([120, 1, ['杭州云启科技有限公司']]);
    expect((await t.call('loyalty:get', { customerId: vipId })).balance).toBe(0);
  });

  it('referrals are a fact of the tier rules: one referral makes 重要 under a rule that asks for it', async () => {
    const referrer = (await t.call('customers:create', { name: '温州瓯江贸易' })).id;
    const rules = await t.call('tiers:rules');
    await t.call('tiers:setRules', { ...rules, rules: [...rules.rules.filter((r: any) => r.tier !== 'important'), { tier: 'important', combine: 'any', conditions: [{ fact: 'referrals', min: 1 }] }] });
    const before = await t.call('tiers:classify', { dryRun: true });
    expect(before.items.map((m: any) => m.name)).not.toContain('温州瓯江贸易');
    await t.call('loyalty:addReferral', { referrerId: referrer, referredId: normalId, referredOn: '2026-01-15' });
    const after = await t.call('tiers:classify', { dryRun: true });
    expect(after.items.filter((m: any) => m.name === '温州瓯江贸易').map((m: any) => [m.to, m.reason])).toEqual([['important', '转介绍 1 个客户 ≥ 1 个']]);
  });
});
