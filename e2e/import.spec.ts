import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { encodeGb18030 } from '../test-support/import/encodeGb18030.ts';
import { expect, test } from './fixtures.ts';
import { menu } from './appNavigation.ts';

// A renewal sheet as Excel/WPS save it on Chinese Windows: GBK, CRLF, alias headers, 序号 and trailing
// empty columns, mixed date and amount forms, a quoted note with a comma and a line break, a blank row,
// a repeated contract number (the later row wins) and two bad rows.
const SHEET = [
  '序号,公司名称,联系人,职位,联系电话,合同号,签约日期,合同到期日,金额,服务内容,周期,等级,客户经理,备注,,',
  '1,杭州安泰电子商务有限公司,夏文博,行政专员,18730235988,XF2024-001,2025年6月24日,2026年6月23日,  200000 ,技术支持服务包,yearly,普通,刘洋,价格敏感，可申请9折,,',
  '2,南京君和医疗器械有限公司,孟凯,财务经理,13661619139,XF2024-002,20250104,46025,"￥12,800",企业邮箱服务,年,VIP,吴昊,"联系人A,联系人B均可对接',
  '第二次已确认续费",,',
  ',,,,,,,,,,,,,,,',
  '3,嘉兴云帆医疗器械有限公司,徐娜,采购专员,020-54186007,XF2024-003,45551,2026/10/15,1.28万,小程序运营托管,每月,重要,吴昊,,,',
  '4,天津永兴软件有限公司,邹国强,法务,15203228595,XF2024-004,2024/12/8,2025-02-30,4830,技术支持服务包,年,重要,孙磊,,,',
  '5,厦门合众食品有限公司,侯涛,财务主管,028-49428173,XF2024-005,2023-02-24,2024-02-23,面议,域名续费,yearly,重要,赵敏,,,',
  '6,南京君和医疗器械有限公司,孟凯,财务经理,13661619139,XF2024-002,2025.1.4,2026.1.3,RMB 13800,企业邮箱服务,年,VIP,吴昊,续约一年,,',
].join('\r\n');


test('import a GBK renewal sheet through the wizard, check the list, export, and undo', async ({ app: page, shot }) => {
  test.slow();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-e2e-import-'));
  const file = path.join(dir, '续费表.csv');
  fs.writeFileSync(file, encodeGb18030(`${SHEET}\r\n`));

  await menu(page, '导入导出').click();
  await expect(page.getByRole('heading', { name: '导入导出' })).toBeVisible();
  await shot('import-1-choose-file');
  await page.locator('input[type=file]').setInputFiles(file);

  // Encoding: detected as GBK, and the preview shows the Chinese text, not mojibake.
  await expect(page.getByText('表头所在行')).toBeVisible();
  await expect(page.getByRole('combobox', { name: '文字编码' }).locator('..')).toContainText('自动识别（GBK / GB18030');
  await expect(page.getByRole('cell', { name: '杭州安泰电子商务有限公司' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: '合同到期日' })).toBeVisible();
  await shot('import-2-encoding-preview');

  // Read as UTF-8 on request: the bytes it cannot read are counted by line, and the mojibake header is named
  // with the encoding it does read in, which the button beside the encoding goes back to.
  await page.getByRole('button', { name: '改用 UTF-8 重新读取' }).click();
  await expect(page.getByText(/^有 \d+ 处字节不是有效的 UTF-8（在 8 行里），已替换为 �$/)).toBeVisible();
  await expect(page.getByText('共 8 行：第 1、2、3、4、6、7、8、9 行')).toBeVisible();
  await expect(page.getByText('按 UTF-8 读取时表头对不上，像是乱码')).toBeVisible();
  await expect(page.getByText('按 GBK / GB18030 读取，表头是：序号、公司名称、联系人、', { exact: false })).toBeVisible();
  await shot('import-2b-read-as-utf8');
  await page.getByRole('button', { name: '改用 GBK / GB18030 重新读取' }).click();
  await expect(page.getByRole('cell', { name: '杭州安泰电子商务有限公司' })).toBeVisible();

  // Mapping, proposed from the Chinese aliases.
  await page.getByRole('button', { name: '下一步：对应列' }).click();
  await expect(page.getByRole('combobox', { name: '「公司名称」导入到' }).locator('..')).toContainText('客户名称');
  await expect(page.getByRole('combobox', { name: '「合同到期日」导入到' }).locator('..')).toContainText('到期日期');
  await expect(page.getByRole('combobox', { name: '「序号」导入到' }).locator('..')).toContainText('忽略此列');
  await shot('import-3-mapping');

  // Dry run: nothing written yet; bad rows listed with their physical line and a Chinese reason.
  await page.getByRole('button', { name: '下一步：预检查' }).click();
  await expect(page.getByText('到目前为止还没有写入任何数据。')).toBeVisible();
  const rejected = page.locator('.ant-card').filter({ hasText: '有错误的行（2）' });
  await expect(rejected.getByRole('row', { name: /7\s+合同到期日\s+日期不存在：2025-02-30/ })).toBeVisible();
  await expect(rejected.getByRole('row', { name: /8\s+金额\s+合同金额不是数字：面议/ })).toBeVisible();
  await shot('import-4-dry-run');
  // Every problem as one CSV, named after the sheet: what the report lists, and past its first 1000 the rest.
  const problems = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载全部问题（CSV）' }).click();
  const problemList = await problems;
  expect(problemList.suggestedFilename()).toBe('续费表-导入问题.csv');
  const problemCsv = fs.readFileSync(await problemList.path(), 'utf8');
  expect(problemCsv.startsWith('\uFEFF行号,列,类别,原因\r\n')).toBe(true);
  expect(problemCsv).toContain('7,合同到期日,错误（未导入）,日期不存在：2025-02-30');

  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('导入完成')).toBeVisible();
  await shot('import-5-result');

  // The list has the imported customers, with the later row's values for the repeated contract.
  await page.getByRole('button', { name: '查看客户' }).click();
  await expect(page.getByText('共 3 位客户')).toBeVisible();
  await expect(page.getByRole('link', { name: '南京君和医疗器械有限公司' })).toBeVisible();
  await shot('import-6-customer-list');
  await page.getByRole('link', { name: '南京君和医疗器械有限公司' }).click();
  await expect(page.getByText('XF2024-002').first()).toBeVisible();
  await expect(page.getByText('2026-01-03').first()).toBeVisible();

  // Export the renewal sheet: UTF-8 with BOM, CRLF, canonical headers.
  await menu(page, '客户').click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出' }).click();
  await page.getByText('合同续费表（CSV）').click();
  const download = await downloading;
  const csv = fs.readFileSync(await download.path(), 'utf8');
  expect(
    csv.startsWith(
      '\uFEFF客户名称,联系人,职务,电话,合同编号,签订日期,开始日期,到期日期,合同金额,服务内容,续费周期,客户等级,负责人,续费状态,续费日期,续费金额,流失原因,提醒日期,备注\r\n',
    ),
  ).toBe(true);
  expect(csv).toContain('南京君和医疗器械有限公司,孟凯,财务经理,13661619139,XF2024-002,2025-01-04,,2026-01-03,13800.00,企业邮箱服务,年,VIP,吴昊,待跟进,,,,,续约一年\r\n');
  expect(csv.split('\r\n')).toHaveLength(1 + 3 + 1);

  // The renewal calendar (issue 15): one all-day event per term still reminding, alarms from its ladder, parsed back.
  await menu(page, '导入导出').click();
  await page.getByRole('button', { name: '续约日历（.ics）' }).click();
  const calendarDialog = page.getByRole('dialog', { name: '续约日历（.ics）' });
  await expect(calendarDialog.getByText('每份未续费、未流失的合同在到期日有一个全天事件')).toBeVisible();
  await shot('import-calendar-dialog');
  const icsDownloading = page.waitForEvent('download');
  await calendarDialog.getByRole('button', { name: '下载日历' }).click();
  const icsDownload = await icsDownloading;
  expect(icsDownload.suggestedFilename()).toMatch(/\.ics$/);
  const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(await icsDownload.path(), 'utf8')));
  const events = calendar.getAllSubcomponents('vevent');
  const summaries = events.map((e) => String(e.getFirstPropertyValue('summary')));
  // The terms still reminding: undecided, and not ended more than 92 days before the import (then they are history).
  const cutoff = new Date(Date.now() - 92 * 86_400_000).toLocaleDateString('sv-SE');
  const terms = [
    ['XF2024-001', '杭州安泰电子商务有限公司', '2026-06-23'],
    ['XF2024-002', '南京君和医疗器械有限公司', '2026-01-03'],
    ['XF2024-003', '嘉兴云帆医疗器械有限公司', '2026-10-15'],
  ].filter(([, , endsOn]) => endsOn! >= cutoff);
  expect(summaries.sort()).toEqual(terms.map(([no, customer]) => `合同到期：${customer} · ${no}`).sort());
  for (const e of events) {
    const term = terms.find(([no]) => String(e.getFirstPropertyValue('summary')).endsWith(no!))!;
    expect(String(e.getFirstPropertyValue('dtstart'))).toBe(term[2]);
    expect(e.getAllSubcomponents('valarm').length).toBeGreaterThan(0);
  }
  await expect(page.getByText(`已导出 ${events.length} 个到期事件`)).toBeVisible();

  // Undo the whole batch from the history page.
  await menu(page, '导入导出').click();
  await page.getByRole('button', { name: '导入历史' }).click();
  await expect(page.getByRole('cell', { name: '续费表.csv' })).toBeVisible();
  await shot('import-7-history');
  await page.getByRole('button', { name: '撤 销' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '撤 销' }).click();
  await expect(page.getByText(/已于 .* 撤销/)).toBeVisible();
  await menu(page, '客户').click();
  await expect(page.getByText('欢迎使用续约管家')).toBeVisible();
  await shot('import-8-after-undo');
  fs.rmSync(dir, { recursive: true, force: true });
});
