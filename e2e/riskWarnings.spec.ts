import { menu } from './appNavigation.ts';
import { chooseOption, expect, hostApi, isoDaysFromToday, pickDate, test } from './fixtures.ts';

// The 90-day warning workflow end to end: a customer made 关注/高危 by real signals (an instalment 30 days overdue
// through payments:set, usage down 50% against its previous 3 months through usage:set) appears on 风险预警; a
// warning is published with a role and an owner, a plan action is added (新建 → 处理中), the contract is renewed, and
// the effectiveness review shows the term warned and closed as 已解除.
// The score itself is the health score's recompute (another part of issue 13, on signal changes): on a branch
// without it the customer never reaches the list and this spec fails at the first row check.

test('publish a warning, plan an action, renew: the review shows it 已解除', async ({ app: page, webHost, shot }) => {
  test.setTimeout(40_000);
  const owner = await hostApi(webHost, 'owners:create', { name: '李经理' });
  const customer = await hostApi(webHost, 'customers:create', { name: '苏州启航软件有限公司', ownerId: owner.id });
  const term = await hostApi(webHost, 'contracts:create', {
    customerId: customer.id,
    number: 'QH-2026',
    startsOn: isoDaysFromToday(-305),
    endsOn: isoDaysFromToday(60),
    amountFen: 8_600_000,
  });
  await hostApi(webHost, 'payments:set', { contractId: term.id, dueOn: isoDaysFromToday(-30), dueAmountFen: 4_300_000 });
  for (const [monthsAgo, value] of [[4, 1000], [3, 1000], [2, 1000], [1, 500]] as const) {
    await hostApi(webHost, 'usage:set', { customerId: customer.id, periodKind: 'month', periodOn: isoDaysFromToday(-30 * monthsAgo - 1), value });
  }

  await menu(page, '风险预警').click();
  await expect(page.getByRole('heading', { level: 1, name: '风险预警' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: '苏州启航软件有限公司' });
  await expect(row).toContainText(/关注|高危/);
  await expect(row).toContainText('回款逾期');
  await expect(row).toContainText('用量下降');
  await expect(row).toContainText('¥86,000.00');

  await row.getByRole('button', { name: '发布预警 QH-2026' }).click();
  const publish = page.getByRole('dialog');
  await chooseOption(page, publish.locator('.ant-form-item').filter({ hasText: '角色' }), '风险管理');
  await chooseOption(page, publish.locator('.ant-form-item').filter({ hasText: '负责人' }), '李经理');
  await publish.getByRole('button', { name: '发布预警' }).click();

  const drawer = page.locator('.ant-drawer');
  await expect(drawer).toContainText('预警：苏州启航软件有限公司（QH-2026）');
  await expect(drawer).toContainText('新建');
  await drawer.getByRole('button', { name: '添加行动' }).click();
  const action = page.getByRole('dialog', { name: '添加行动' });
  await chooseOption(page, action.locator('.ant-form-item').filter({ hasText: '行动' }).first(), '高层拜访');
  await pickDate(page, '截止日期', isoDaysFromToday(7));
  await action.getByRole('button', { name: /保\s*存/ }).click();
  await expect(drawer.getByRole('row').filter({ hasText: '高层拜访' })).toContainText('李经理');
  await expect(drawer).toContainText('处理中');
  await shot('risk-warning-zh');

  await hostApi(webHost, 'renewals:renew', { contractId: term.id, number: 'QH-2027', startsOn: isoDaysFromToday(61), endsOn: isoDaysFromToday(425) });
  await expect(drawer).toContainText('随合同结果自动关闭');
  await expect(drawer.getByRole('row').filter({ hasText: '状态' }).first()).toContainText('已解除');
  await drawer.getByRole('button', { name: 'Close' }).or(drawer.locator('.ant-drawer-close')).first().click();

  await page.getByRole('tab', { name: '效果评估' }).click();
  const reviewed = page.getByRole('row').filter({ hasText: 'QH-2026' });
  await expect(reviewed).toContainText('已续费');
  await expect(reviewed).toContainText('已解除');
  await expect(page.getByTestId('risk-review')).toContainText('发布过预警且最终续费的合同：1 份，¥86,000.00');
  await shot('risk-review-zh');
});
