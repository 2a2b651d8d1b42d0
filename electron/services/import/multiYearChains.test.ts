import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { importEnvelope, writeFixture } from '../../../test-support/import/importTestKit.ts';
import { generateMultiYearSheet } from '../../../test-support/import/multiYearSheet.ts';
import { countPendingReminders } from '../../../db/repositories/remindersRepo.ts';
import { reportTermsDrift } from '../../../test-support/reports/reportTermsDrift.ts';

// A generated multi-year sheet (seeded, like the owners' sheets: several services per customer, consecutive,
// early, late and gapped terms, lost customers who came back, statuses in sheet words) imports as chains and
// history, not as a pile of overdue contracts, and rings no bell for the past.

const TODAY = '2026-11-23';

async function allContracts(t: TestContext) {
  const items: any[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = await t.call('contracts:list', { offset, limit: 500 });
    items.push(...page.items);
    if (items.length >= page.total) return items;
  }
}

describe('a multi-year sheet', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await openTestContext(`${TODAY}T02:00:00.000Z`);
  });
  afterEach(async () => t.close());

  it('links exactly the renewals, stores exactly the old undecided terms as history, and leaves exactly the recent ones overdue', async () => {
    const sheet = generateMultiYearSheet({ seed: 11, customers: 40, today: TODAY });
    // The generator decided these transitions itself; the numbers are stated, not recomputed by the rule.
    expect(sheet.expected).toEqual({ terms: 138, linked: 75, history: 9, overdue: 14, lost: 11, renewedAlone: 2 });

    const dry = await importEnvelope(t, writeFixture(t, sheet.csv), { dryRun: true });
    expect(dry.ok).toBe(true);
    expect(dry.data.chains).toEqual({ linked: 75, history: 9 });

    const run = await importEnvelope(t, writeFixture(t, sheet.csv));
    expect(run.data).toMatchObject({ contractsCreated: 138, chains: { linked: 75, history: 9 }, newTerms: { overdue: 14 } });
    const contracts = await allContracts(t);
    expect(contracts.filter((k) => k.renewalOf !== null)).toHaveLength(75);
    expect(contracts.filter((k) => k.status === 'expired')).toHaveLength(9);
    // Renewed: every linked earlier term, plus the two marked 已续费 with no later term.
    expect(contracts.filter((k) => k.status === 'renewed')).toHaveLength(75 + 2);
    const overdue = await t.call('renewals:flagged', { today: TODAY });
    expect(overdue.overdue.map((k: any) => k.contractNo).sort()).toEqual([...sheet.overdueNumbers].sort());
    // The dashboard reads report_terms, which the import's writes kept through its triggers.
    expect(await reportTermsDrift(t.ctx.db)).toEqual({ missing: [], extra: [] });
    const board = await t.call('reports:dashboard', { today: TODAY });
    expect(board.overdue.count).toBe(14);
    expect(board.history.count).toBe(9);

    // The import itself left one summary, and a tick right after it rings nothing that was already due.
    const tick = await t.call('reminders:run', { now: `${TODAY}T02:01:00.000Z` });
    expect(tick.fired).toEqual([]);
    const notes = await t.call('notifications:list', { limit: 50 });
    expect(notes.items.map((n: any) => n.kind)).toEqual(['summary']);
    expect(notes.items[0].subjectUrl).toBe(`/renewals?batch=${run.data.batchId}`);
    expect(notes.items[0].title).toContain('14');

    // Undo: the links, the history, the reminders and the summary go with the batch.
    await t.call('import:undo', { batchId: run.data.batchId });
    expect(await allContracts(t)).toEqual([]);
    await t.call('reminders:run', { now: `${TODAY}T02:02:00.000Z` });
    expect((await t.call('notifications:list', { limit: 50 })).total).toBe(0);
    expect(await countPendingReminders(t.ctx.db)).toBe(0);
    expect(await reportTermsDrift(t.ctx.db)).toEqual({ missing: [], extra: [] });
    expect((await t.call('reports:dashboard', { today: TODAY })).overdue.count).toBe(0);
  });

  it('links a later sheet to the terms an earlier import stored, and undoing the later one removes only its links', async () => {
    const header = '客户名称,合同编号,签订日期,到期日期,合同金额,服务内容,续费周期';
    const first = await importEnvelope(t, writeFixture(t, `${header}\n甲公司,A-1,2025-01-01,2025-12-31,1000,企业邮箱,年\n`));
    // Ended 327 days before this import, with nothing after it yet: history.
    expect(first.data.chains).toEqual({ linked: 0, history: 1 });
    const second = await importEnvelope(t, writeFixture(t, `${header}\n甲公司,A-2,2026-01-01,2026-12-31,1200,企业邮箱,年\n`));
    expect(second.data.chains.linked).toBe(1);
    const byNumber = async () => new Map((await allContracts(t)).map((k) => [k.number, k]));
    let terms = await byNumber();
    expect(terms.get('A-2')!.renewalOf).toBe(terms.get('A-1')!.id);
    expect(terms.get('A-1')!.status).toBe('renewed');

    await t.call('import:undo', { batchId: second.data.batchId });
    terms = await byNumber();
    expect([...terms.keys()]).toEqual(['A-1']);
    expect(terms.get('A-1')).toMatchObject({ status: 'expired', renewalOf: null });
    // The first import still undoes cleanly after the second was undone.
    await t.call('import:undo', { batchId: first.data.batchId });
    expect(await allContracts(t)).toEqual([]);
  });
});
