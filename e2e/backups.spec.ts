import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { menu } from './appNavigation.ts';

async function api(page: Page, origin: string, name: string, data: unknown) {
  const response = await page.request.post(`${origin}/api/${name}`, { data });
  const body = await response.json();
  expect(body.ok, JSON.stringify(body)).toBe(true);
  return body.data;
}


test('settings: an encrypted backup exported, a wrong passphrase refused, restored from the file; the whole archive as Excel', async ({
  app: page,
  webHost,
  shot,
}) => {
  // Two scrypt derivations, two restores and a workbook: longer than most walks on a loaded machine.
  test.slow();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-e2e-backups-'));
  await api(page, webHost.origin, 'customers:create', { name: '杭州云启科技有限公司', tier: 'vip' });
  await menu(page, '设置').click();
  const card = page.locator('.ant-card').filter({ hasText: '备份与恢复' });

  // Export an encrypted backup: the passphrase twice, checked before anything is sent.
  await card.getByRole('button', { name: '导出加密备份…' }).click();
  const exportDialog = page.getByRole('dialog', { name: '导出加密备份' });
  await exportDialog.getByLabel('密码', { exact: true }).fill('correct horse');
  await exportDialog.getByLabel('再次输入密码').fill('correct hors');
  await exportDialog.getByRole('button', { name: '导 出' }).click();
  await expect(exportDialog.getByText('两次输入的密码不一致')).toBeVisible();
  await shot('backups-export-encrypted');
  await exportDialog.getByLabel('再次输入密码').fill('correct horse');
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: '导 出' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^renewal-desk-\d{8}-\d{4}\.rdbackup$/);
  const sealed = path.join(dir, download.suggestedFilename());
  await download.saveAs(sealed);
  expect(fs.readFileSync(sealed).subarray(0, 8).toString('latin1')).toBe('RDESKENC');
  // Format 2: the database and the attachment files it references (README, Encrypted export).
  expect(fs.readFileSync(sealed)[8]).toBe(2);
  await expect(exportDialog).toBeHidden();

  // A customer added after the export, which the restore will take away again.
  await api(page, webHost.origin, 'customers:create', { name: '导出之后的客户' });

  // Restore from the file: a wrong passphrase is refused under the field and the dialog stays open to retry.
  await card.getByRole('button', { name: '从文件恢复…' }).click();
  const restoreDialog = page.getByRole('dialog', { name: '从文件恢复' });
  await expect(restoreDialog.getByText('恢复前会先自动备份当前数据')).toBeVisible();
  await restoreDialog.locator('input[type=file]').setInputFiles(sealed);
  await expect(restoreDialog.getByText(`已选择：${path.basename(sealed)}`)).toBeVisible();
  await restoreDialog.getByLabel('密码').fill('wrong horse');
  await restoreDialog.getByRole('button', { name: '恢 复' }).click();
  await expect(restoreDialog.getByText('密码不正确，或文件已损坏；数据没有任何改动')).toBeVisible();
  await shot('backups-restore-wrong-passphrase');
  await restoreDialog.getByLabel('密码').fill('correct horse');
  await restoreDialog.getByRole('button', { name: '恢 复' }).click();
  await expect(page.getByText(/已恢复。恢复前的数据已备份为 renewal-desk-.*-pre-restore\.db/)).toBeVisible();
  await expect(restoreDialog).toBeHidden();
  // The safety copy is listed by its reason.
  await expect(card.locator('tbody tr.ant-table-row').first()).toContainText('恢复前');
  await shot('backups-after-restore');

  // The whole archive as one workbook.
  const archiveDownload = page.waitForEvent('download');
  await card.getByRole('button', { name: '导出整个档案（Excel）' }).click();
  const workbook = await archiveDownload;
  expect(workbook.suggestedFilename()).toMatch(/^续约管家档案-\d{4}-\d{2}-\d{2}\.xlsx$/);
  await expect(page.getByText(/已导出 \d+ 行/)).toBeVisible();

  await menu(page, '客户').click();
  await expect(page.getByRole('link', { name: '杭州云启科技有限公司' })).toBeVisible();
  await expect(page.getByRole('link', { name: '导出之后的客户' })).toHaveCount(0);

  // The same card and dialogs in English.
  await menu(page, '设置').click();
  await page.getByText('English', { exact: true }).click();
  const cardEn = page.locator('.ant-card').filter({ hasText: 'Backup & restore' });
  await expect(cardEn.getByRole('button', { name: 'Restore from a file…' })).toBeVisible();
  await expect(cardEn.locator('tbody tr.ant-table-row').first()).toContainText('Before a restore');
  await shot('backups-en');
  await cardEn.locator('tbody tr.ant-table-row').first().getByRole('button', { name: 'Restore' }).click();
  const confirm = page.getByRole('dialog', { name: 'Restore this backup?' });
  await expect(confirm.getByText('The current data is backed up first')).toBeVisible();
  await shot('backups-restore-confirm-en');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await cardEn.getByRole('button', { name: 'Restore from a file…' }).click();
  const fromFileEn = page.getByRole('dialog', { name: 'Restore from a file' });
  await fromFileEn.locator('input[type=file]').setInputFiles(sealed);
  await fromFileEn.getByRole('button', { name: 'Restore' }).click();
  await expect(fromFileEn.getByText('This backup is encrypted: enter its passphrase')).toBeVisible();
  await shot('backups-restore-from-file-en');
  await fromFileEn.getByRole('button', { name: 'Cancel' }).click();
  await page.getByText('简体中文', { exact: true }).click();
  fs.rmSync(dir, { recursive: true, force: true });
});
