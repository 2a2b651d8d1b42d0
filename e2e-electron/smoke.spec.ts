import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type Page } from '@playwright/test';
import { startNotificationServer } from './notificationServer.ts';

// The packaged app, end to end, on the runner that built it (.github/workflows/package.yml): launched from its
// app.asar with a data file of its own, a renewal sheet imported through the wizard, the reminder the import
// makes due delivered as a desktop notification over D-Bus, then a clean quit. It needs the smoke build
// (build/electron-builder.smoke.yml), whose fuses let Playwright attach through --inspect.

const ROOT = path.resolve(import.meta.dirname, '..');
const APP = path.resolve(ROOT, process.env['RENEWAL_DESK_APP'] ?? 'release-smoke/linux-unpacked/renewal-desk');
// Two contracts ended long ago (so the next reminder tick fires their last overdue step at once) and one
// ends in 2099 (nothing due).
const SHEET = path.join(import.meta.dirname, 'fixtures', 'sample-contracts.csv');
const OVERDUE = ['杭州云启科技有限公司', '苏州青禾贸易有限公司'];
const NOT_DUE = '宁波远帆物流有限公司';

function environment(dir: string): Record<string, string> {
  const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
  // userData (Chromium's profile, the single-instance lock) goes to the temp dir too, not the runner's home.
  return { ...env, XDG_CONFIG_HOME: path.join(dir, 'config'), LANG: 'zh_CN.UTF-8' };
}

async function importSheet(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: '导入导出' }).click();
  await expect(page.getByRole('heading', { name: '导入导出' })).toBeVisible();
  await page.locator('input[type=file]').setInputFiles(SHEET);
  await expect(page.getByText('表头所在行')).toBeVisible();
  await expect(page.getByRole('cell', { name: OVERDUE[0] })).toBeVisible();
  await page.getByRole('button', { name: '下一步：对应列' }).click();
  await expect(page.getByRole('combobox', { name: '「到期日期」导入到' }).locator('..')).toContainText('到期日期');
  await page.getByRole('button', { name: '下一步：预检查' }).click();
  await expect(page.getByText('到目前为止还没有写入任何数据。')).toBeVisible();
  await page.getByRole('button', { name: '确认导入' }).click();
  await expect(page.getByText('导入完成')).toBeVisible();
}

test('the packaged app imports a sheet through the wizard, notifies over D-Bus, and quits cleanly', async () => {
  test.setTimeout(300_000);
  expect(fs.existsSync(APP), `${APP} (build it with electron-builder --config build/electron-builder.smoke.yml --linux --dir)`).toBe(true);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-smoke-'));
  const dbFile = path.join(dir, 'renewal-desk.db');
  const notifications = await startNotificationServer(dir);
  const app = await electron.launch({ executablePath: APP, args: ['--db', dbFile], env: environment(dir), timeout: 90_000 });
  try {
    // The packaged app runs from its archive, not from a source folder.
    expect(await app.evaluate(({ app: electronApp }) => [electronApp.isPackaged, electronApp.getAppPath()])).toEqual([true, expect.stringMatching(/app\.asar$/)]);
    const page = await app.firstWindow();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
    });
    await expect(page.getByText('欢迎使用续约管家')).toBeVisible({ timeout: 30_000 });

    await importSheet(page);
    await page.screenshot({ path: test.info().outputPath('imported.png') });

    // The desktop scheduler ticks every minute: within two, the overdue contracts reach the notification daemon
    // (as one digest, or one toast each if the import straddled a tick).
    const delivered = () => notifications.calls().map((c) => `${c.summary}\n${c.body}`).join('\n');
    await expect.poll(delivered, { timeout: 150_000, intervals: [1_000] }).toContain(OVERDUE[0]);
    expect(delivered()).toContain(OVERDUE[1]);
    expect(delivered()).not.toContain(NOT_DUE);
    await expect(page.getByRole('button', { name: /^通知中心，[1-9]\d* 条未读$/ })).toBeVisible({ timeout: 15_000 });
    expect(problems).toEqual([]);
  } finally {
    await app.close();
    notifications.stop();
  }
  // A clean quit closes SQLite, which folds the WAL back into the file and removes it.
  expect(app.process().exitCode).toBe(0);
  expect(fs.existsSync(dbFile)).toBe(true);
  expect(fs.existsSync(`${dbFile}-wal`)).toBe(false);
  fs.rmSync(dir, { recursive: true, force: true });
});
