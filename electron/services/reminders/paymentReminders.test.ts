import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDueInstant } from '../../../shared/reminders/localDueInstant.ts';
import type { NotificationRequest, Notifier } from '../notifier/notifier.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { tickAndDeliver } from './tickScheduler.ts';

// 回款逾期: an unpaid instalment past its due date reminds once, like a contract step, through the same tick and
// claim, with the injected clock (reminders:run { now }).

let t: TestContext;
let contractId: string;
const sent: NotificationRequest[] = [];
const recorder: Notifier = { notify: async (r) => void sent.push(r) };
const at = (date: string, time = '09:00') => localDueInstant(date, time);
const iso = (d: Date) => d.toISOString();
const remind = async (now: Date) => (await t.call('reminders:run', { now: iso(now) })).fired.filter((f: any) => f.kind === 'payment');

beforeEach(async () => {
  sent.length = 0;
  t = await openTestContext(iso(at('2026-11-23', '10:00')));
  const owner = (await t.call('owners:create', { name: '李娜' })).id;
  const customerId = (await t.call('customers:create', { name: '杭州云启科技有限公司', ownerId: owner })).id;
  // No owner on the contract: the customer's owner is reminded. No end date inside the window: no expiry steps.
  contractId = (await t.call('contracts:create', { customerId, number: 'HT-9', endsOn: '2028-06-30', amountFen: 300_000 })).id;
});
afterEach(async () => {
  await t.close();
});

const setDue = async (dueOn: string, dueAmountFen = 100_050) =>
  (await t.call('payments:set', { contractId, dueOn, dueAmountFen })).instalment;

describe('overdue instalment reminders', () => {
  it('fires once the day after the due date, worded with the customer, number, amount and due date; never twice', async () => {
    await setDue('2026-12-10');
    expect(await remind(at('2026-12-10', '23:59'))).toEqual([]);
    expect(await remind(new Date(at('2026-12-11').getTime() - 1))).toEqual([]);
    const outcome = await tickAndDeliver(t.ctx, recorder, { now: at('2026-12-11') });
    expect(outcome.fired.map((f) => [f.kind, f.contractNo, f.dueAt])).toEqual([['payment', 'HT-9', iso(at('2026-12-11'))]]);
    // The OS toast and the centre say the same.
    expect(sent).toEqual([
      { title: '回款逾期：杭州云启科技有限公司 HT-9 应收 ¥1,000.50（2026-12-10）', body: '已逾期 1 天，未收 ¥1,000.50。负责人：李娜。', subjectUrl: expect.stringMatching(/^\/customers\//) },
    ]);
    const list = await t.call('notifications:list');
    expect(list.items.map((n: any) => [n.kind, n.title, n.subjectGone])).toEqual([['payment', sent[0]!.title, false]]);
    // Two more ticks, one the same instant: nothing more.
    expect(await remind(at('2026-12-11'))).toEqual([]);
    expect(await remind(at('2026-12-12'))).toEqual([]);
    expect((await t.call('notifications:list')).total).toBe(1);
    // The contract's own owner wins over the customer's.
    const wang = (await t.call('owners:create', { name: '王强' })).id;
    const k = await t.call('contracts:get', { id: contractId });
    await t.call('contracts:update', { id: contractId, ownerId: wang, version: k.version });
    await setDue('2026-12-20', 50_000);
    expect((await tickAndDeliver(t.ctx, recorder, { now: at('2026-12-21') })).fired[0]?.text.body).toBe('已逾期 1 天，未收 ¥500.00。负责人：王强。');
  });

  it('after a week off it is caught up once, saying how many days it is overdue on the day it fired', async () => {
    await setDue('2026-12-10');
    await t.call('payments:set', { contractId, dueOn: '2026-12-01', dueAmountFen: 40_000, paidAmountFen: 10_000, paidOn: '2026-12-01' });
    const back = at('2026-12-18', '08:00');
    const fired = await tickAndDeliver(t.ctx, recorder, { now: back });
    expect(fired.fired.map((f) => [f.text.title, f.text.body])).toEqual([
      ['回款逾期：杭州云启科技有限公司 HT-9 应收 ¥400.00（2026-12-01）', '已逾期 17 天，未收 ¥300.00。负责人：李娜。'],
      ['回款逾期：杭州云启科技有限公司 HT-9 应收 ¥1,000.50（2026-12-10）', '已逾期 8 天，未收 ¥1,000.50。负责人：李娜。'],
    ]);
    expect(sent).toHaveLength(1); // one digest toast for the two
    expect(await remind(back)).toEqual([]);
    expect(await remind(at('2027-01-18'))).toEqual([]);
  });

  it('paying in full stops it; undoing the payment arms it again; paying after it fired keeps it quiet', async () => {
    const i = await setDue('2026-12-10');
    const paid = await t.call('payments:record', { id: i.id, amountFen: 100_050, paidOn: '2026-12-09' });
    expect(await remind(at('2026-12-12'))).toEqual([]);
    // Undo of the payment: unpaid again and past due, so the next tick reminds (once).
    await t.call('payments:undo', { undoToken: paid.undoToken });
    expect((await remind(at('2026-12-12', '10:00'))).map((f: any) => f.contractNo)).toEqual(['HT-9']);
    // Paid after it fired, then the payment undone: it fired already for this due date, so not again.
    const again = await t.call('payments:record', { id: i.id, amountFen: 100_050, paidOn: '2026-12-13' });
    await t.call('payments:undo', { undoToken: again.undoToken });
    expect(await remind(at('2026-12-20'))).toEqual([]);
    // A part payment leaves it overdue: a new instalment partly paid still reminds.
    const j = await setDue('2027-01-10', 20_000);
    await t.call('payments:record', { id: j.id, amountFen: 5_000, paidOn: '2027-01-05' });
    expect((await remind(at('2027-01-11'))).length).toBe(1);
  });

  it('an instalment written by the payments import reminds at the next tick; a removed one is gone from the centre; archiving suspends', async () => {
    const csv = '合同编号,应收日期,应收金额,实收日期,实收金额,发票号,开票日期\nHT-9,2026-11-20,800,,,,\nHT-9,2026-11-21,800,2026-11-21,800,,\n';
    const { uploadId } = await t.call('import:upload', { fileName: 'p.csv', offset: 0, dataBase64: Buffer.from(csv).toString('base64') });
    await t.call('payments:import', { uploadId });
    const fired = await remind(at('2026-11-24'));
    expect(fired).toHaveLength(1);
    const [item] = (await t.call('payments:list', { contractId })).items;
    await t.call('payments:remove', { id: item.id });
    const list = await t.call('notifications:list');
    expect(list.items.map((n: any) => [n.kind, n.subjectGone])).toEqual([['payment', true]]);
    // Archiving the customer suspends an overdue instalment's step; unarchiving arms it again.
    await setDue('2026-12-01');
    const customerId = (await t.call('contracts:get', { id: contractId })).customerId;
    await t.call('customers:archive', { id: customerId });
    expect(await remind(at('2026-12-03'))).toEqual([]);
    await t.call('customers:unarchive', { id: customerId });
    expect((await remind(at('2026-12-03', '10:00'))).length).toBe(1);
  });
});
