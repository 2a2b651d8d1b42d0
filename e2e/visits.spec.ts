import { menu } from './appNavigation.ts';
import { chooseOption, expect, hostApi, test } from './fixtures.ts';

// The key-customer programme end to end: a VIP customer is a key customer by the default criteria, gets an account
// manager and a backup on 重点客户, and its monthly plan shows on 回访计划; 记录回访 records a 回访 follow-up and the
// owner's adherence moves from 待回访 to 已完成. Screenshots of both pages (and the annual review) in both languages.

test('mark a visit done and see the adherence update', async ({ app: page, webHost, shot }) => {
  test.setTimeout(120_000);
  const manager = await hostApi(webHost, 'owners:create', { name: '陈经理' });
  await hostApi(webHost, 'owners:create', { name: '周助理' });
  await hostApi(webHost, 'customers:create', { name: '苏州启航软件有限公司', tier: 'vip', ownerId: manager.id });
  await hostApi(webHost, 'customers:create', { name: '无锡普通商贸', tier: 'normal' });

  await menu(page, '重点客户').click();
  await expect(page.getByRole('heading', { level: 1, name: '重点客户' })).toBeVisible();
  const keyRow = page.getByRole('row').filter({ hasText: '苏州启航软件有限公司' });
  await expect(keyRow).toContainText('按条件');
  await expect(page.getByRole('row').filter({ hasText: '无锡普通商贸' })).toHaveCount(0);
  await keyRow.getByRole('button', { name: /^分\s?配$/ }).click();
  const assign = page.getByRole('dialog');
  await chooseOption(page, assign.locator('.ant-form-item').filter({ hasText: '备份负责人' }), '周助理');
  await assign.getByRole('button', { name: /保\s*存/ }).click();
  await expect(keyRow).toContainText('周助理');
  await shot('key-customers-zh');

  await menu(page, '回访计划').click();
  await expect(page.getByRole('heading', { level: 1, name: '回访计划' })).toBeVisible();
  const ownerRow = page.getByRole('row').filter({ hasText: '陈经理' }).first();
  // Columns: owner, customers, planned, due, done, missed, rate.
  const cell = (i: number) => ownerRow.getByRole('cell').nth(i);
  // Created today: planned from this period on, which is due.
  await expect(cell(2)).toHaveText('1');
  await expect(cell(3)).toHaveText('1');
  await expect(cell(4)).toHaveText('0');
  await shot('visits-zh');

  await page.getByRole('button', { name: '为「苏州启航软件有限公司」记录回访' }).click();
  const mark = page.getByRole('dialog');
  await mark.getByLabel('回访内容').fill('上门回访，续约意向明确');
  await mark.getByRole('button', { name: /记\s*录/ }).click();
  await expect(page.getByText('回访已记录')).toBeVisible();
  await expect(cell(3)).toHaveText('0');
  await expect(cell(4)).toHaveText('1');
  await expect(page.getByRole('button', { name: '为「苏州启航软件有限公司」记录回访' })).toHaveCount(0);
  await shot('visits-done-zh');

  await page.getByRole('row').filter({ hasText: '苏州启航软件有限公司' }).last().getByRole('button', { name: '年度回顾' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /苏州启航软件有限公司 · \d{4} 年度回顾/ })).toBeVisible();
  await expect(page.getByText('陈经理 / 周助理')).toBeVisible();
  await shot('key-review-zh');

  await hostApi(webHost, 'settings:set', { locale: 'en-US' });
  await page.reload();
  await menu(page, 'Priority customers').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Priority customers' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '苏州启航软件有限公司' })).toContainText('By criteria');
  await shot('key-customers-en');
  await menu(page, 'Visit plan').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Visit plan' })).toBeVisible();
  await expect(cell(4)).toHaveText('1');
  await shot('visits-en');
});
