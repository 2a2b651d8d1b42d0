import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';
import { seedRenewalReportFixture } from '../../../test-support/reports/renewalReportFixture.ts';

// export:report over the hand-computed fixture (figures worked out in electron/services/reports/renewalReport.test.ts).

let t: TestContext;
beforeAll(async () => {
  t = await openTestContext('2026-11-23T02:00:00.000Z');
  await seedRenewalReportFixture(t);
});
afterAll(async () => {
  await t.close();
});

const csvLines = (r: { contentBase64: string }) => Buffer.from(r.contentBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');

describe('export:report', () => {
  it('writes the figures, a row per group and the total, in the header language', async () => {
    const r = await t.call('export:report', { period: '2026', by: 'tier', format: 'csv' });
    expect(r).toMatchObject({ fileName: '续约报表-2026-01-01-2026-12-31.csv', format: 'csv', rows: 4 });
    expect(csvLines(r)).toEqual([
      '分组,到期数,到期金额,已续费数,已续费金额,已流失数,已流失金额,未决定数,未决定金额,续约率（按数量）,续约率（按金额）,金额未知数,续约金额净变化',
      'VIP,7,26200.00,5,19400.00,2,6800.00,0,0.00,71.4%,74.0%,,',
      '重要,8,18800.00,3,3000.00,1,0.00,4,15800.00,37.5%,16.0%,,',
      '普通,3,3500.00,0,0.00,0,0.00,3,3500.00,0.0%,0.0%,,',
      '合计,18,48500.00,8,22400.00,3,6800.00,7,19300.00,44.4%,46.2%,2,2100.00',
    ]);
    const en = await t.call('export:report', { period: '2026-10', headers: 'en', format: 'csv' });
    expect(csvLines(en)).toEqual([
      'Group,Due,Due amount,Renewed,Renewed amount,Lost,Lost amount,Undecided,Undecided amount,Rate by count,Rate by amount,Unknown amounts,Net change',
      'Total,0,0.00,0,0.00,0,0.00,0,0.00,,,0,0.00',
    ]);
  });

  it('writes the terms behind a number, and an xlsx', async () => {
    const lost = await t.call('export:report', { period: '2026', list: 'lost', format: 'csv' });
    expect(csvLines(lost)).toEqual([
      '客户名称,合同编号,客户等级,负责人,续费周期,到期日期,合同金额,结果,续费金额,间隔天数,流失原因',
      '客户丁,K12,VIP,李四,年,2026-02-28,2000.00,已流失,,,预算',
      '客户甲,K04,VIP,张三,季,2026-06-15,4800.00,已流失,,,价格',
      '客户乙,K21,重要,李四,年,2026-09-30,,已流失,,,转竞品',
    ]);
    const renewed = await t.call('export:report', { period: '2026-Q1', list: 'renewed', format: 'csv' });
    // The export code's formula guard quotes a text cell that starts with '-' (an early renewal's gap).
    expect(csvLines(renewed).slice(1)).toEqual(['客户甲,K01,VIP,张三,年,2026-01-31,10000.00,已续费,12000.00,0,', '客户甲,K03,VIP,张三,季,2026-03-15,5000.00,已续费,4500.00,\'-24,']);
    const xlsx = await t.call('export:report', { period: '2026', list: 'due', format: 'xlsx' });
    expect(xlsx).toMatchObject({ format: 'xlsx', rows: 18 });
    expect(Buffer.from(xlsx.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
