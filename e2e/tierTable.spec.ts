import { chooseOption, expect, hostApi as api, test } from './fixtures.ts';

// 设置 › 客户等级 (the tier table, migration 0019): add a tier from the keyboard, see it in a customer's tier
// choice and as its coloured tag in the list, then remove it moving its customers, and undo that.

test('add a tier, put a customer in it, remove it moving its customers, undo', async ({ app: page, webHost, shot }) => {
  test.setTimeout(120_000);
  const kept = await api(webHost, 'customers:create', { name: '杭州云启科技有限公司' });
  const other = await api(webHost, 'customers:create', { name: '宁波小店' });

  await page.goto(`${webHost.origin}/#/settings`);
  const card = page.getByTestId('tier-table');
  await expect(card.getByRole('row')).toHaveCount(4);
  // Added with the keyboard only: the button, the name, Enter.
  await page.getByRole('button', { name: '新增等级' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '新增客户等级' });
  await dialog.getByLabel('名称').fill('战略');
  await dialog.getByLabel('名称').press('Enter');
  await expect(dialog).toBeHidden();
  const row = card.getByRole('row').filter({ hasText: '战略' });
  await expect(row).toContainText('到期前 30 天起，共 6 次');
  await row.getByRole('button', { name: '上移「战略」' }).click();
  await expect(card.getByRole('row').nth(3)).toContainText('战略');
  await shot('tier-table-zh');

  // The customer's tier choice offers it; the list shows its tag.
  await page.goto(`${webHost.origin}/#/customers/${kept.id}`);
  await page.getByRole('button', { name: /编\s?辑$/ }).click();
  const edit = page.getByRole('dialog', { name: '编辑客户' });
  await edit.getByText('战略', { exact: true }).click();
  await edit.getByRole('button', { name: /保\s?存$/ }).click();
  await expect(edit).toBeHidden();
  await api(webHost, 'customers:update', { id: other.id, tier: (await api(webHost, 'tiers:list')).items.find((i: { label: string }) => i.label === '战略').code });
  await page.goto(`${webHost.origin}/#/customers`);
  await expect(page.getByRole('row').filter({ hasText: '宁波小店' }).locator('.ant-tag-green')).toHaveText('战略');

  // Removed: its two customers go to 重要, in one batch that the notice undoes.
  await page.goto(`${webHost.origin}/#/settings`);
  await row.getByRole('button', { name: '删除 战略' }).click();
  const remove = page.getByRole('dialog', { name: '删除等级「战略」' });
  await expect(remove).toContainText('该等级下有 2 位客户');
  await chooseOption(page, remove, '重要');
  await shot('tier-remove-zh');
  await remove.getByRole('button', { name: '删除并移动客户' }).click();
  await expect(page.getByText('已删除等级，2 位客户移到「重要」')).toBeVisible();
  await expect(card.getByRole('row')).toHaveCount(4);
  expect((await api(webHost, 'customers:get', { id: kept.id })).tier).toBe('important');
  await page.getByRole('button', { name: /^撤\s?销$/ }).click();
  await expect(page.getByText('已撤销删除等级')).toBeVisible();
  await expect(card.getByRole('row').filter({ hasText: '战略' })).toContainText('2');

  await api(webHost, 'settings:set', { locale: 'en-US' });
  await page.goto(`${webHost.origin}/#/settings`);
  await expect(page.getByTestId('tier-table')).toContainText('Standard');
  await shot('tier-table-en');
});
