import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { createTestDatabase, startTestPostgres, type TestDatabase, type TestPostgresServer } from '../test-support/postgres/testPostgres.ts';
import { spawnWebHost, type WebHostChild } from '../test-support/webHostChild.ts';

// Team mode through the real UI: the web host on a throwaway PostgreSQL server, the first admin made on the login
// page, a colleague's account added in 设置, signing out and in, and the server going away and coming back.

const ARTIFACTS = path.resolve(import.meta.dirname, 'artifacts');

interface TeamFixtures {
  team: { server: TestPostgresServer; host: WebHostChild };
}

const test = base.extend<TeamFixtures>({
  team: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-e2e-team-'));
      const server = startTestPostgres();
      let database: TestDatabase | undefined;
      let host: WebHostChild | undefined;
      try {
        database = await createTestDatabase(server.connection);
        // HOME and XDG_CONFIG_HOME: the host's own settings folder, so no chosen location of this machine applies.
        const env = { HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config'), RENEWAL_DESK_DB: '' };
        host = await spawnWebHost({ db: database.url, env });
        await use({ server, host });
      } finally {
        await host?.stop();
        await database?.drop().catch(() => {});
        server.stop();
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    { timeout: 120_000 },
  ],
});

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true, animations: 'disabled' });

test('a team archive on PostgreSQL: first admin, a colleague, sign out and in, the server away and back', async ({ page, team }) => {
  test.setTimeout(120_000);
  await page.goto(team.host.url);

  // A database without accounts asks for its first admin instead of showing the archive.
  await expect(page.getByText('创建第一个管理员账号')).toBeVisible();
  await expect(page.getByRole('navigation', { name: '主导航' })).toHaveCount(0);
  await page.getByLabel('登录名').fill('laoban');
  await page.getByLabel('显示名称').fill('王老板');
  await page.getByLabel('密码', { exact: true }).fill('kaimen-2026');
  await page.getByLabel('再次输入密码').fill('kaimen-2027');
  await page.getByRole('button', { name: '创建并登录' }).click();
  await expect(page.getByText('两次输入的密码不一致')).toBeVisible();
  await page.getByLabel('再次输入密码').fill('kaimen-2026');
  await shot(page, 'team-first-admin');
  await page.getByRole('button', { name: '创建并登录' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '首页' })).toBeVisible();

  // The admin adds a colleague's account in 设置 → 账号与角色.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: /(^| )设置$/ }).click();
  const card = page.locator('.ant-card').filter({ has: page.getByText('账号与角色', { exact: true }) });
  // The settings page is long (a dozen cards): under load its table can take seconds to render.
  await expect(card.getByRole('cell', { name: '王老板', exact: true })).toBeVisible({ timeout: 30_000 });
  await card.getByRole('button', { name: '添加账号' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('登录名').fill('lifang');
  await dialog.getByLabel('显示名称').fill('李芳');
  await dialog.getByLabel('密码', { exact: true }).fill('genjin-2026');
  await dialog.getByRole('button', { name: /确\s*定|保\s*存|添\s*加/ }).click();
  await expect(card.getByRole('cell', { name: '李芳', exact: true })).toBeVisible();
  await card.screenshot({ path: path.join(ARTIFACTS, 'team-accounts-card.png'), animations: 'disabled' });

  // Signing out brings back the login page; a wrong password is refused in words, the right one lets her in.
  await card.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByText('登录续约管家')).toBeVisible();
  await page.getByLabel('登录名').fill('lifang');
  await page.getByLabel('密码', { exact: true }).fill('wrong-password');
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(page.getByText('登录名或密码不正确')).toBeVisible();
  await expect(page.locator('.ant-btn-loading')).toHaveCount(0);
  await shot(page, 'team-login');
  await page.getByLabel('密码', { exact: true }).fill('genjin-2026');
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();

  // The server goes away: a banner says so plainly; it comes back and the banner goes by itself.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: /(^| )客户$/ }).click();
  await expect(page).toHaveURL(/#\/customers/);
  team.server.halt();
  const banner = page.getByTestId('connection-banner');
  await expect(banner).toContainText('团队数据库服务器暂时连不上', { timeout: 20_000 });
  await shot(page, 'team-server-away');
  team.server.resume();
  await expect(banner).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByText('已重新连上团队数据库服务器')).toBeVisible();
});
