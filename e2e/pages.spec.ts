import type { Page } from '@playwright/test';
import { expect, pickUntil, test } from './fixtures.ts';
import { menu } from './appNavigation.ts';

async function loadDemo(page: Page) {
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await expect(page.getByText(/已载入 \d+ 位示例客户/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^共 \d+ 位客户$/)).toBeVisible();
}


test('first run loads demo data; search, filters and paging work on the list', async ({ app: page, shot }) => {
  await loadDemo(page);
  await shot('customer-list');

  // Debounced substring search in Chinese; the filters live in the URL, so Back restores them.
  await page.getByRole('textbox', { name: '搜索客户' }).fill('云启');
  await expect(page).toHaveURL(/[?&]q=/);
  await expect(page.getByRole('link', { name: '杭州云启科技有限公司' })).toBeVisible();
  await page.getByRole('link', { name: '杭州云启科技有限公司' }).click();
  await expect(page.getByRole('heading', { name: '杭州云启科技有限公司' })).toBeVisible();
  await expect(page.locator('.follow-up-entry').first()).toBeVisible();
  await shot('customer-detail-demo');
  await page.goBack();
  await expect(page.getByRole('textbox', { name: '搜索客户' })).toHaveValue('云启');
  await page.getByRole('textbox', { name: '搜索客户' }).clear();
  await expect(page).not.toHaveURL(/[?&]q=/);

  // "30 天内到期" keeps only customers whose next expiry is at most 30 days away (overdue included).
  await pickUntil(page, page.getByLabel('合同到期'), '30 天内到期', () => expect(page).toHaveURL(/within=30/, { timeout: 2_000 }));
  // The 下次到期 column, found by its header: columns come and go as the list grows.
  const expiryColumn = (await page.locator('thead th').allTextContents()).findIndex((h) => h.trim() === '下次到期') + 1;
  expect(expiryColumn).toBeGreaterThan(0);
  const expiries = page.locator(`tbody tr td:nth-child(${expiryColumn}) strong`);
  await expect(expiries.first()).toBeVisible();
  for (const text of await expiries.allTextContents()) expect(text).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // Server paging.
  await menu(page, '客户').click();
  await expect(page).not.toHaveURL(/within=/);
  await page.getByRole('listitem', { name: '2' }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByRole('listitem', { name: '2' })).toHaveClass(/ant-pagination-item-active/);
});

test('due follow-ups: log one from the list, mark another done', async ({ app: page, shot }) => {
  await loadDemo(page);
  await menu(page, /待跟进/).click();
  await expect(page.getByRole('heading', { name: '待跟进' })).toBeVisible();
  const rows = page.locator('tbody tr.ant-table-row');
  await expect(rows.first()).toBeVisible();
  await shot('due-list');
  const total = page.locator('.ant-statistic').first();
  const totalBefore = Number(await total.locator('.ant-statistic-content-value').innerText());
  expect(totalBefore).toBeGreaterThan(1);

  await rows.first().getByRole('button', { name: /记录跟进/ }).click();
  const dialog = page.getByRole('dialog', { name: /记录跟进/ });
  await dialog.getByLabel('跟进内容').fill('电话确认续费，下周发合同');
  await dialog.getByLabel('跟进内容').press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(total).toContainText(String(totalBefore - 1));

  await rows.first().getByRole('button', { name: /完\s?成/ }).click();
  await expect(page.getByText('已标记完成')).toBeVisible();
  await expect(total).toContainText(String(totalBefore - 2));
  await expect(menu(page, /待跟进/)).toContainText(String(totalBefore - 2));
});

test('settings: data file, backup now, restore with a safety backup, language switch', async ({ app: page, shot }) => {
  await loadDemo(page);
  await menu(page, '设置').click();
  await expect(page.getByText('renewal-desk.db', { exact: false }).first()).toBeVisible();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/已备份：/)).toBeVisible();
  const backups = page.locator('.ant-card').filter({ hasText: '备份与恢复' }).locator('tbody tr.ant-table-row');
  await expect(backups.first()).toBeVisible();
  await shot('settings');

  const countBefore = await backups.count();
  await backups.first().getByRole('button', { name: /恢\s?复/ }).click();
  const confirm = page.getByRole('dialog', { name: '从这份备份恢复？' });
  await expect(confirm.getByText('恢复前会先自动备份当前数据')).toBeVisible();
  await confirm.getByRole('button', { name: /恢\s?复/ }).click();
  await expect(page.getByText(/已恢复。恢复前的数据已备份为/)).toBeVisible();
  await expect(backups).toHaveCount(countBefore + 1);

  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(menu(page, 'Customers')).toBeVisible();
  await shot('settings-en');
  await menu(page, 'Customers').click();
  await expect(page.getByRole('columnheader', { name: 'Next expiry' })).toBeVisible();
  await shot('customer-list-en');

  // The choice is stored: a reload comes back in English.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();
  await page.getByRole('menuitem', { name: 'Settings' }).click();
  await page.getByText('简体中文', { exact: true }).click();
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
});

test('a write from outside the page shows up live through the event stream', async ({ app: page, webHost }) => {
  await expect(page.getByText('欢迎使用续约管家')).toBeVisible();
  // Give the EventSource a moment to connect before writing behind the page's back.
  await page.waitForTimeout(500);
  const response = await page.request.post(`${webHost.origin}/api/customers:create`, {
    data: { name: '苏州星河物流有限公司', tier: 'vip' },
  });
  expect((await response.json()) as unknown).toMatchObject({ ok: true });
  await expect(page.getByRole('link', { name: '苏州星河物流有限公司' })).toBeVisible();
});
