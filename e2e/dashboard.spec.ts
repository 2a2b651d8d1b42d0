import fs from 'node:fs';
import { countIn, menu } from './appNavigation.ts';
import { expect, test } from './fixtures.ts';

// 首页 and 报表 over the demo archive: every number opens the list behind it, with the same count, and the charts
// draw their Chinese labels (a person looks at e2e/artifacts/dashboard-*.png and reports-*.png).

test('the dashboard over the demo data: a number opens its list with the same count; both pages in zh and en', async ({ app: page, shot }) => {
  test.setTimeout(120_000);
  await menu(page, '首页').click();
  await expect(page.getByText('还没有合同数据')).toBeVisible();
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await expect(page.getByText(/已载入 \d+ 位示例客户/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('近 12 个月续约趋势')).toBeVisible();
  await expect(page.locator('.echart svg text').filter({ hasText: '已续约' }).first()).toBeVisible();
  await shot('dashboard-zh');

  // This year's due contracts open the report's list of them.
  const due = await countIn(page, /^今年至今 到期：\d+ 份，打开清单$/);
  expect(due.n).toBeGreaterThan(0);
  await due.link.click();
  await expect(page.getByRole('heading', { level: 1, name: '报表' })).toBeVisible();
  await expect(page.getByText(`共 ${due.n} 份合同`)).toBeVisible();
  await expect(page.locator('.echart svg text').filter({ hasText: '未决定' }).first()).toBeVisible();
  // It scrolled to the list; the picture is of the whole page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('reports-zh');
  // Printed: no menu, header or buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await expect(page.getByRole('button', { name: /打\s?印/ })).toBeHidden();
  await shot('reports-print-zh');
  await page.emulateMedia({ media: 'screen' });

  // The figures export as a sheet, saved as a browser download: a row per owner, then the total.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: /导\s?出/ }).click();
  await page.getByRole('menuitem', { name: '导出统计（CSV）' }).click();
  const csv = fs.readFileSync(await (await downloading).path(), 'utf8');
  expect(csv.split(/\r?\n/).find((line) => line.startsWith('合计,'))).toMatch(new RegExp(`^合计,${due.n},`));

  // The table view of a chart shows the same numbers.
  await page.getByRole('radiogroup', { name: '显示方式' }).first().getByText('表格').click();
  await expect(page.getByRole('columnheader', { name: '分组' })).toBeVisible();

  await menu(page, '设置').click();
  await page.getByText('English', { exact: true }).click();
  await menu(page, 'Home').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(page.locator('.echart svg text').filter({ hasText: 'Renewed' }).first()).toBeVisible();
  await shot('dashboard-en');
  await menu(page, 'Reports').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();
  await expect(page.getByText('Definitions')).toBeVisible();
  await shot('reports-en');
});
