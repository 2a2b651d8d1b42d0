import { expect, hostApi as api, isoDaysFromToday, test } from './fixtures.ts';
import type { Locator, Page } from '@playwright/test';

// A contract's 附件 on the customer page: add a scanned PDF through the file picker, see it listed, remove it with
// confirmation, undo the remove; and the customer's 曾用名/别名 from a merge. Screenshots in both languages.
test('add an attachment to a contract, see it listed, remove it and undo; aliases on the customer page', async ({ app: page, webHost, shot }) => {
  const customer = await api(webHost, 'customers:create', { name: '杭州云启科技有限公司' });
  const old = await api(webHost, 'customers:create', { name: '云启老店' });
  await api(webHost, 'customers:merge', { from: old.id, into: customer.id });
  const contract = await api(webHost, 'contracts:create', { customerId: customer.id, number: 'HT-2026-01', endsOn: isoDaysFromToday(200), amountFen: 3_600_000, cycle: 'year' });

  await page.goto(`${webHost.origin}/#/customers/${customer.id}`);
  await expect(page.getByText('曾用名/别名')).toBeVisible();
  await expect(page.getByText(/云启老店 · \d{4}-\d{2}-\d{2} 合并/)).toBeVisible();

  const section = page.getByRole('region', { name: '附件 HT-2026-01' });
  await openFromMoreMenu(page, 'HT-2026-01 的更多操作', '附件', section);
  await expect(section).toContainText('还没有附件');
  await section.locator('input[type="file"]').setInputFiles({ name: '合同扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\nscan\n%%EOF\n') });
  await expect(page.getByText('已添加附件“合同扫描件.pdf”')).toBeVisible();
  await expect(section.getByRole('button', { name: 'paper-clip 合同扫描件.pdf' })).toBeVisible();
  // A file that only claims to be a PDF is refused, saying why.
  await section.locator('input[type="file"]').setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf') });
  await expect(page.getByText(/“fake\.pdf”不是 PDF、JPEG、PNG、WebP 或 HEIC 文件/)).toBeVisible();
  await shot('attachments-zh');

  // 打开 in a browser: the web host's preview route, behind the same token cookie as the API, with a single-use
  // ticket (the tab sends no session header).
  const popup = page.waitForEvent('popup');
  await section.getByRole('button', { name: /打\s?开/ }).click();
  const { items } = await api(webHost, 'contracts:attachmentsList', { contractId: contract.id });
  const tab = await popup;
  await tab.waitForURL(/\/files\/attachments\/[^?]+\?ticket=/);
  expect(new URL(tab.url()).pathname).toBe(`/files/attachments/${items[0].id}`);
  const preview = await page.request.get(`${webHost.origin}/files/attachments/${items[0].id}`);
  expect(preview.status()).toBe(200);
  expect(preview.headers()['content-type']).toBe('application/pdf');
  expect((await preview.body()).toString()).toBe('%PDF-1.7\nscan\n%%EOF\n');
  expect((await fetch(`${webHost.origin}/files/attachments/${items[0].id}`)).status).toBe(401);

  await section.getByRole('button', { name: '删除 合同扫描件.pdf' }).click();
  await page.getByRole('button', { name: /删\s?除/ }).last().click();
  await expect(section).toContainText('还没有附件');
  await page.locator('.ant-notification-notice').filter({ hasText: '已删除附件“合同扫描件.pdf”' }).getByRole('button', { name: /撤\s?销/ }).click();
  await expect(section.getByRole('button', { name: 'paper-clip 合同扫描件.pdf' })).toBeVisible();

  await api(webHost, 'settings:set', { locale: 'en-US' });
  await page.reload();
  const sectionEn = page.getByRole('region', { name: 'Attachments HT-2026-01' });
  await openFromMoreMenu(page, 'More actions for HT-2026-01', 'Attachments', sectionEn);
  await expect(sectionEn).toContainText('合同扫描件.pdf');
  await expect(page.getByText('Former names / aliases')).toBeVisible();
  await shot('attachments-en');
});

/**
 * Opens a contract's ⋯ menu and picks an entry until its section shows: on a long page a click can land while the
 * dropdown is still opening and be lost with no error (failed twice in a row in a fresh-clone run).
 */
async function openFromMoreMenu(page: Page, more: string, entry: string, shows: Locator): Promise<void> {
  await expect(async () => {
    const item = page.getByRole('menuitem', { name: entry, exact: true });
    if (!(await item.isVisible())) await page.getByRole('button', { name: more }).click();
    await item.click({ timeout: 2_000 });
    await expect(shows).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}
