import { expect, isoDaysFromToday, pickDate, test } from './fixtures.ts';
import { menu } from './appNavigation.ts';

const NAME = '宁波海纳智能装备有限公司';
const RENAMED = '宁波海纳智能装备股份有限公司';

test('create a customer with a contact, add a contract and a follow-up, find, edit, delete and undo', async ({ app: page, shot }) => {
  // One long journey through every customer page; allow it more than the default minute on a busy machine.
  test.slow();
  await expect(page.getByText('欢迎使用续约管家')).toBeVisible();
  await shot('empty-state');

  // Create, submitting with Enter from the last field.
  await page.getByRole('button', { name: '新建客户' }).first().click();
  const createDialog = page.getByRole('dialog', { name: '新建客户' });
  await createDialog.getByLabel('客户名称').fill(NAME);
  await createDialog.getByText('重要', { exact: true }).click();
  // Tags are typed by name; new names become tags with the customer, in the same save.
  const tagField = createDialog.getByLabel('标签', { exact: true });
  for (const tag of ['老客户', '高意向']) {
    await tagField.fill(tag);
    await tagField.press('Enter');
  }
  await createDialog.getByLabel('姓名').fill('王建华');
  await createDialog.getByLabel('职务').fill('采购经理');
  await createDialog.getByLabel('电话').fill('138-0571-2233');
  await createDialog.getByLabel('邮箱').fill('wangjh@haina.example');
  await shot('customer-form');
  await createDialog.getByLabel('邮箱').press('Enter');
  await expect(createDialog).toBeHidden();

  // The new customer's page.
  await expect(page.getByRole('heading', { name: NAME })).toBeVisible();
  for (const tag of ['老客户', '高意向']) await expect(page.locator('.ant-tag').filter({ hasText: tag })).toBeVisible();
  const contacts = page.locator('.ant-card').filter({ hasText: '联系人（1）' });
  await expect(contacts.getByText('王建华')).toBeVisible();
  await expect(contacts.getByText('138-0571-2233')).toBeVisible();

  // A contract: the shared date rule refuses a yearly contract without an end date, in Chinese.
  await page.getByRole('button', { name: '新建合同' }).click();
  const contractDialog = page.getByRole('dialog', { name: '新建合同' });
  await contractDialog.getByLabel('合同编号').fill('HT-2025-001');
  await pickDate(page, '签订日期', isoDaysFromToday(-345));
  await pickDate(page, '开始日期', isoDaysFromToday(-340));
  await contractDialog.getByLabel('合同金额（元）').fill('12800');
  await contractDialog.getByLabel('服务内容').fill('企业邮箱 50 个账号');
  await contractDialog.getByRole('button', { name: /保\s?存$/ }).click();
  await expect(contractDialog.getByText('请填写到期日期（只有一次性合同可以不填）')).toBeVisible();
  await pickDate(page, '到期日期', isoDaysFromToday(25));
  await shot('contract-form');
  await contractDialog.getByRole('button', { name: /保\s?存$/ }).click();
  await expect(contractDialog).toBeHidden();
  const contracts = page.locator('.ant-card').filter({ hasText: '合同（1）' });
  await expect(contracts.getByText('HT-2025-001')).toBeVisible();
  await expect(contracts.getByText('¥12,800.00')).toBeVisible();
  await expect(contracts.getByText('25 天后到期')).toBeVisible();

  // A follow-up with a next date.
  const followUps = page.locator('.ant-card').filter({ hasText: '跟进记录' });
  await followUps.getByText('微信', { exact: true }).click();
  await followUps.getByText('续约沟通', { exact: true }).click();
  await followUps.getByLabel('跟进内容').fill('微信沟通续费方案，客户希望年付享受 9 折');
  await followUps.getByLabel('下次跟进日期').click();
  await followUps.getByLabel('下次跟进日期').fill(isoDaysFromToday(7));
  await followUps.getByLabel('下次跟进日期').press('Tab');
  await followUps.getByRole('button', { name: '记录跟进' }).click();
  await expect(followUps.locator('.follow-up-entry').getByText('微信沟通续费方案，客户希望年付享受 9 折')).toBeVisible();
  await expect(followUps.getByText(`下次跟进：${isoDaysFromToday(7)}`)).toBeVisible();
  await expect(page.getByLabel('跟进内容')).toHaveValue('');
  await shot('customer-detail');

  // Find it again by a Chinese substring, from the list.
  await menu(page, '客户').click();
  await page.getByRole('textbox', { name: '搜索客户' }).fill('海纳智能');
  await expect(page).toHaveURL(/[?&]q=/);
  const row = page.getByRole('row').filter({ hasText: NAME });
  await expect(row).toBeVisible();
  await expect(row.getByText('王建华')).toBeVisible();
  await expect(row.getByText('25 天后到期')).toBeVisible();
  await row.getByRole('link', { name: NAME }).click();

  // Edit it.
  await page.getByRole('button', { name: /编\s?辑$/ }).click();
  const editDialog = page.getByRole('dialog', { name: '编辑客户' });
  await editDialog.getByLabel('客户名称').fill(RENAMED);
  await editDialog.getByText('VIP', { exact: true }).click();
  await editDialog.getByLabel('行业').fill('智能制造');
  await editDialog.getByLabel('标签', { exact: true }).fill('续约重点');
  await editDialog.getByLabel('标签', { exact: true }).press('Enter');
  await editDialog.getByRole('button', { name: /保\s?存$/ }).click();
  await expect(editDialog).toBeHidden();
  await expect(page.getByRole('heading', { name: RENAMED })).toBeVisible();
  await expect(page.getByText('智能制造').first()).toBeVisible();
  for (const tag of ['老客户', '高意向', '续约重点']) await expect(page.locator('.ant-tag').filter({ hasText: tag })).toBeVisible();

  // Archive: it leaves the default list, the 已归档 switch shows it, and it can be brought back.
  await page.getByRole('button', { name: /归\s?档$/ }).click();
  await expect(page.getByRole('heading', { name: RENAMED })).toContainText('已归档');
  await page.getByRole('link', { name: '客户', exact: true }).click();
  await expect(page.getByText('所有客户都已归档')).toBeVisible();
  await page.getByRole('button', { name: '查看已归档客户' }).click();
  await expect(page.getByRole('switch', { name: '已归档' })).toBeChecked();
  await page.getByRole('link', { name: RENAMED }).click();
  await page.getByRole('button', { name: /取消归档$/ }).click();
  await expect(page.getByRole('heading', { name: RENAMED })).not.toContainText('已归档');

  // Ctrl+K from anywhere jumps to the customer search.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('textbox', { name: '搜索客户' })).toBeFocused();
  await page.getByRole('link', { name: RENAMED }).click();

  // Delete, then undo from the notification.
  await page.getByRole('button', { name: /删\s?除$/ }).click();
  await page.getByRole('tooltip').getByRole('button', { name: /删\s?除$/ }).click();
  const notice = page.locator('.ant-notification-notice').filter({ hasText: `已删除客户「${RENAMED}」` });
  await expect(notice).toBeVisible();
  await expect(page).toHaveURL(/#\/customers$/);
  await expect(page.getByText('欢迎使用续约管家')).toBeVisible();
  await notice.getByRole('button', { name: /撤\s?销/ }).click();
  await expect(page.getByRole('heading', { name: RENAMED })).toBeVisible();
  await expect(page.locator('.ant-card').filter({ hasText: '合同（1）' }).getByText('¥12,800.00')).toBeVisible();
  await expect(page.locator('.ant-card').filter({ hasText: '联系人（1）' }).getByText('王建华')).toBeVisible();
});

test('a server-side rejection lands on the form field it names', async ({ app: page }) => {
  for (const attempt of [1, 2]) {
    await page.getByRole('button', { name: '新建客户' }).first().click();
    const dialog = page.getByRole('dialog', { name: '新建客户' });
    await dialog.getByLabel('客户名称').fill('  杭州云启科技有限公司 ');
    await dialog.getByLabel('客户名称').press('Enter');
    if (attempt === 1) {
      await expect(page.getByRole('heading', { name: '杭州云启科技有限公司' })).toBeVisible();
      await menu(page, '客户').click();
    } else {
      // Names are unique after trimming; the service's message shows under the name field.
      await expect(dialog.locator('.ant-form-item-explain-error')).toHaveText('客户名称「杭州云启科技有限公司」已存在');
      await expect(dialog).toBeVisible();
    }
  }
  // Control characters a browser lets through (a pasted line separator, a bell) are refused on their field,
  // a tag's under the tags field.
  const dialog = page.getByRole('dialog', { name: '新建客户' });
  await dialog.getByLabel('客户名称').fill('杭州云启\u2028科技二部');
  await dialog.getByLabel('客户名称').press('Enter');
  // The previous error may still be fading out beside the new one.
  await expect(dialog.locator('.ant-form-item-explain-error').filter({ hasText: '客户名称只能填写一行，不能包含换行' })).toBeVisible();
  await dialog.getByLabel('客户名称').fill('杭州云启科技二部');
  await dialog.getByLabel('标签', { exact: true }).fill('老\u0007客户');
  await dialog.getByLabel('标签', { exact: true }).press('Enter');
  await dialog.getByLabel('客户名称').press('Enter');
  const tagsItem = dialog.locator('.ant-form-item').filter({ hasText: '标签' });
  await expect(tagsItem.locator('.ant-form-item-explain-error')).toHaveText('标签名称不能包含控制字符 U+0007');
});
