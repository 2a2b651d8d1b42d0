import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateMultiYearSheet } from '../test-support/import/multiYearSheet.ts';
import { countIn, menu } from './appNavigation.ts';
import { chooseOption, expect, test } from './fixtures.ts';

// The whole path as a user walks it: a generated multi-year sheet goes in through the import wizard, the
// chain rule links its terms and keeps old ones as history, the 已逾期 tab holds exactly the overdue terms, five of
// them are marked lost in one go, the import rings once (a summary), and the 首页 numbers open their lists.

/** The web host runs on this machine's clock and zone: the sheet's "today" is the app's local date. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

test('a multi-year sheet imports with its chains, overdue count and one notification; the dashboard agrees', async ({ app: page, shot }) => {
  // About 35 s on an idle two-core machine; the limit leaves room for a busy one.
  test.setTimeout(120_000);
  const sheet = generateMultiYearSheet({ seed: 2026, customers: 40, today: localToday() });
  const { expected } = sheet;
  expect(expected.overdue).toBeGreaterThanOrEqual(6);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-e2e-picture-'));
  const file = path.join(dir, '客户续费管理表格.csv');
  fs.writeFileSync(file, sheet.csv);

  // The wizard: the renewal columns map themselves, the dry run says what the chain rule will do.
  await menu(page, '导入导出').click();
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByRole('button', { name: '下一步：对应列' }).click();
  await expect(page.getByRole('combobox', { name: '「续费状态」导入到' }).locator('..')).toContainText('续费状态');
  await page.getByRole('button', { name: '下一步：预检查' }).click();
  await expect(page.getByTestId('import-chains')).toHaveText(`将关联 ${expected.linked} 对续约，${expected.history} 份往期合同将存为已到期`);
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('导入完成')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('import-chains')).toHaveText(`已关联 ${expected.linked} 对续约，${expected.history} 份往期合同存为已到期`);
  await expect(page.getByTestId('import-new-terms')).toContainText(`${expected.overdue} 份合同已逾期，`);
  await shot('picture-import-result-zh');

  // The import rang once: its summary, which opens the 续约 list of this batch.
  const bell = page.getByRole('button', { name: /通知中心，1 条未读/ });
  await expect(bell).toBeVisible();
  await bell.click();
  const items = page.getByTestId('notification-item');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText(`导入完成：${expected.overdue} 份合同已逾期`);
  await items.first().getByRole('button', { name: /打\s?开/ }).click();
  await expect(page).toHaveURL(/#\/renewals\?.*batch=/);

  // Exactly the overdue terms in the 已逾期 tab; five of them marked lost in one go.
  await page.getByRole('tab', { name: '已逾期' }).click();
  await expect(page).toHaveURL(/tab=overdue/);
  await expect(page.getByText(`共 ${expected.overdue} 份合同`)).toBeVisible();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  for (let i = 0; i < 5; i++) await rows.nth(i).getByRole('checkbox').check();
  await page.getByRole('toolbar', { name: '已选 5 项' }).getByRole('button', { name: '标记为已流失' }).click();
  const dialog = page.getByRole('dialog', { name: '标记为已流失（5 份合同）' });
  await chooseOption(page, dialog.locator('.ant-form-item').filter({ hasText: '流失原因' }), '价格');
  await dialog.getByRole('button', { name: '标记为已流失' }).click();
  await expect(page.locator('.ant-notification-notice').filter({ hasText: '已处理 5 项' })).toBeVisible();
  const overdueLeft = expected.overdue - 5;
  await expect(page.getByText(`共 ${overdueLeft} 份合同`)).toBeVisible();
  // The undo notice stays 20 s; closed, so it does not cover the pictures.
  await page.locator('.ant-notification-notice-close').click();

  // 首页: the overdue number opens the 已逾期 list with the same count.
  await menu(page, '首页').click();
  await expect(page.locator('.echart svg text').filter({ hasText: '已续约' }).first()).toBeVisible();
  await shot('picture-dashboard-zh');
  const overdue = await countIn(page, /^已逾期未决定：\d+ 份，打开清单$/);
  expect(overdue.n).toBe(overdueLeft);
  expect((await countIn(page, /^往期未决定（已到期）：\d+ 份，打开清单$/)).n).toBe(expected.history);
  await overdue.link.click();
  await expect(page).toHaveURL(/#\/renewals\?.*tab=overdue/);
  await expect(page.getByText(`共 ${overdueLeft} 份合同`)).toBeVisible();

  // 报表 with its charts, then both pages in English.
  await menu(page, '报表').click();
  await expect(page.locator('.echart svg text').filter({ hasText: '未决定' }).first()).toBeVisible();
  await shot('picture-reports-zh');
  await menu(page, '设置').click();
  await page.getByText('English', { exact: true }).click();
  await menu(page, 'Home').click();
  await expect(page.locator('.echart svg text').filter({ hasText: 'Renewed' }).first()).toBeVisible();
  await shot('picture-dashboard-en');
  await menu(page, 'Reports').click();
  await expect(page.getByText('Definitions')).toBeVisible();
  await shot('picture-reports-en');
  fs.rmSync(dir, { recursive: true, force: true });
});
