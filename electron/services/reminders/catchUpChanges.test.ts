import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localDueInstant } from '../../../shared/reminders/localDueInstant.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { importFile } from '../../../test-support/import/importTestKit.ts';

// Writes that bypass the services (the importer's bulk path, undo of an import) still get their reminders:
// the tick recomputes whatever changed since it last looked.
let t: TestContext;
const at = (date: string) => localDueInstant(date, '09:00').toISOString();
beforeEach(async () => {
  t = await openTestContext(at('2026-11-23'));
});
afterEach(async () => {
  await t.close();
});

describe('reminders for imported contracts', () => {
  it('an imported sheet gets its ladders at the next tick, and undoing the import takes them away', async () => {
    await t.call('reminders:run', {});
    const csv = path.join(t.dir, 'sheet.csv');
    fs.writeFileSync(csv, '\uFEFF客户名称,合同编号,到期日期,合同金额,续费周期\r\n杭州云启科技有限公司,IMP-1,2027-01-31,"¥12,800",月\r\n宁波恒达贸易有限公司,IMP-2,2026-12-23,1.28万,年\r\n');
    const imported = await importFile(t, csv, { kind: 'contracts' });
    expect(imported.committed).toBe(true);

    const fired = await t.call('reminders:run', { now: at('2026-12-01') });
    expect(fired.fired).toEqual([{ kind: 'expiry', contractNo: 'IMP-2', customer: '宁波恒达贸易有限公司', step: 30, dueAt: at('2026-11-23') }]);
    // The import classifies what it wrote: ¥12,800 a month is ¥153,600 a year, so IMP-1's customer is VIP and
    // its contract gets VIP's ladder.
    expect((await t.call('reminders:preview', { contractNo: 'IMP-1' })).steps.map((s: any) => s.step)).toEqual([90, 60, 30, 15, 7, 1, 0, -1, -7]);

    t.setNow(at('2026-12-02'));
    await t.call('import:undo', { batchId: imported.batchId });
    expect((await t.call('reminders:run', { now: at('2027-01-16') })).fired).toEqual([]);
  });
});
