import { menu } from './appNavigation.ts';
import { chooseOption, expect, hostApi as api, isoDaysFromToday, test } from './fixtures.ts';

// 数据体检: the likely duplicate of 杭州云启科技有限公司 is listed with its fix; merging moves its contract and keeps
// its name findable, and 撤销合并 brings it back. Screenshots in both languages go to e2e/artifacts.
test('merge two duplicates from the data check and undo, and restore a deleted customer', async ({ app: page, webHost, shot }) => {
  const into = await api(webHost, 'customers:create', { name: '杭州云启科技有限公司', primaryContact: { name: '欧阳娜娜', phone: '13800138000' } });
  const from = await api(webHost, 'customers:create', { name: '杭州云启科技', primaryContact: { name: '王强' } });
  await api(webHost, 'contracts:create', { customerId: from.id, number: 'HT-DUP', endsOn: isoDaysFromToday(-10), amountFen: 3_600_000, cycle: 'year' });

  await menu(page, '数据体检').click();
  await expect(page.getByRole('heading', { level: 1, name: '数据体检' })).toBeVisible();
  const duplicates = page.locator('[data-kind="duplicateCustomer"]');
  await expect(duplicates).toContainText('“杭州云启科技”与“杭州云启科技有限公司”去掉后缀后同名（杭州云启）');
  await expect(page.locator('[data-kind="overdueWithoutDecision"]')).toContainText('合同 HT-DUP（杭州云启科技）');
  await shot('hygiene-zh');

  await duplicates.getByRole('button', { name: /合\s?并/ }).click();
  const dialog = page.getByRole('dialog', { name: '合并客户' });
  await expect(dialog).toContainText('把“杭州云启科技”的联系人、合同');
  await shot('hygiene-merge-dialog-zh');
  await dialog.getByRole('button', { name: /合\s?并/ }).click();
  await expect(page.getByText('已把“杭州云启科技”合并到“杭州云启科技有限公司”')).toBeVisible();
  // The list refreshes: no duplicate left, and the moved contract is the survivor's now.
  await expect(duplicates).toHaveCount(0);
  await expect(page.locator('[data-kind="overdueWithoutDecision"]')).toContainText('合同 HT-DUP（杭州云启科技有限公司）');
  const found = await api(webHost, 'customers:list', { search: '王强' });
  expect(found.items.map((c: { id: string }) => c.id)).toEqual([into.id]);

  await page.getByRole('button', { name: '撤销合并' }).click();
  await expect(page.getByText('已撤销合并，“杭州云启科技”已恢复')).toBeVisible();
  await expect(duplicates).toBeVisible();
  expect((await api(webHost, 'customers:get', { id: from.id })).name).toBe('杭州云启科技');
  expect((await api(webHost, 'customers:list', {})).total).toBe(2);

  // 回收站: a deleted customer is listed and restored from the same page.
  await api(webHost, 'customers:delete', { id: from.id });
  await page.reload();
  const trash = page.locator('[data-kind="trash"]');
  await expect(trash).toContainText('杭州云启科技');
  await shot('hygiene-trash-zh');
  await trash.getByRole('button', { name: '恢复 杭州云启科技' }).click();
  await expect(page.getByText('已恢复“杭州云启科技”')).toBeVisible();
  await expect(trash).toContainText('回收站是空的');

  // 负责人交接 from 设置 → 负责人.
  const li = await api(webHost, 'owners:create', { name: '李雷' });
  await api(webHost, 'owners:create', { name: '韩梅梅' });
  await api(webHost, 'customers:update', { id: into.id, version: (await api(webHost, 'customers:get', { id: into.id })).version, ownerId: li.id });
  await menu(page, '设置').click();
  await page.getByRole('button', { name: '交接 李雷' }).click();
  const handover = page.getByRole('dialog', { name: '交接“李雷”负责的全部客户' });
  await chooseOption(page, handover, '韩梅梅');
  await shot('hygiene-handover-zh');
  await handover.getByRole('button', { name: /交\s?接/ }).click();
  await expect(page.getByText('已交接：客户 1，合同 0，跟进 0')).toBeVisible();
  expect((await api(webHost, 'customers:get', { id: into.id })).ownerName).toBe('韩梅梅');

  await api(webHost, 'settings:set', { locale: 'en-US' });
  await page.goto(`${webHost.origin}/#/hygiene`);
  await expect(page.getByRole('heading', { level: 1, name: 'Data check' })).toBeVisible();
  await expect(duplicates).toContainText('have the same name once suffixes are dropped');
  await shot('hygiene-en');
});
