import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { importFile, writeFixture } from '../../../test-support/import/importTestKit.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

describe('export renewals', () => {
  it('writes the 续约 list as filtered, every page, with days left and 续费状态 in the contract export’s words', async () => {
    const csv = ['客户名称,合同编号,到期日期,合同金额,续费周期,客户等级,负责人', '甲公司,HT-1,2026-12-01,12800,年,VIP,刘洋', '乙公司,HT-2,2026-12-20,100,月,,', '丙公司,HT-3,2027-06-30,1,年,,'];
    await importFile(t, writeFixture(t, `${csv.join('\n')}\n`));
    const k = (await t.call('contracts:list', {})).items.find((x: any) => x.number === 'HT-2');
    await t.call('renewals:setStage', { contractId: k.id, stage: 'negotiating' });
    const r = await t.call('export:renewals', { window: '30', today: '2026-11-23' });
    const text = Buffer.from(r.contentBase64, 'base64').toString('utf8');
    expect(text).toBe(
      '\uFEFF客户名称,合同编号,到期日期,剩余天数,合同金额,续费周期,客户等级,负责人,续费状态,流失原因\r\n' +
        '甲公司,HT-1,2026-12-01,8,12800.00,年,VIP,刘洋,待跟进,\r\n' +
        '乙公司,HT-2,2026-12-20,27,100.00,月,普通,,谈判中,\r\n',
    );
    expect(r).toMatchObject({ rows: 2, format: 'csv', fileName: expect.stringMatching(/^续约-.*\.csv$/) });
  });
});
