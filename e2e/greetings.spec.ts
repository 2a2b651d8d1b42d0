import { expect, hostApi, isoDaysFromToday, test } from './fixtures.ts';

// Messages to the customer (issue 14): a renewal offer (discount, gift, the contract's instalments) is rendered from
// the VIP template, copied to the clipboard, marked 已发送 by SMS, and the follow-up shows on the customer; the
// settings' template editor previews live. Screenshots in zh-CN and en-US.

test('copy a renewal-offer message, mark it sent by SMS, see the follow-up logged', async ({ app: page, webHost, shot }) => {
  test.setTimeout(90_000);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: webHost.origin });
  const owner = await hostApi(webHost, 'owners:create', { name: '李娜' });
  const customer = await hostApi(webHost, 'customers:create', { name: '杭州云启科技有限公司', tier: 'vip', ownerId: owner.id });
  await hostApi(webHost, 'contacts:create', { customerId: customer.id, name: '王建华', isPrimary: true, birthday: '1980-03-10' });
  const endsOn = isoDaysFromToday(45);
  const term = await hostApi(webHost, 'contracts:create', { customerId: customer.id, number: 'HT-0042', endsOn, amountFen: 12_800_000 });
  await hostApi(webHost, 'payments:set', { contractId: term.id, dueOn: isoDaysFromToday(50), dueAmountFen: 6_400_000 });
  await hostApi(webHost, 'loyalty:addPoints', { customerId: customer.id, occurredOn: isoDaysFromToday(-10), points: 500, reason: '续约奖励' });

  await page.goto(`${webHost.origin}/#/customers/${customer.id}`);
  const offerCard = page.getByTestId('renewal-offer-card');
  await offerCard.getByLabel('优惠方案').fill('续约两年九折');
  await offerCard.getByLabel('续约赠品').fill('免费上门培训一次');
  await offerCard.getByRole('button', { name: '保存方案' }).click();
  await expect(page.getByText('续约方案已保存')).toBeVisible();
  await expect(page.getByTestId('loyalty-card')).toContainText('续约奖励');

  await offerCard.getByTestId('offer-message').click();
  const dialog = page.getByRole('dialog');
  const text = dialog.getByTestId('message-text');
  await expect(text).toHaveValue(/续约两年九折/);
  await expect(text).toHaveValue(new RegExp(`王建华您好，贵司合同 HT-0042 将于 ${endsOn} 到期。本次续约优惠：续约两年九折。付款方式：分 1 期：.*¥64,000.00。续约赠品：免费上门培训一次。期待继续合作！李娜`));
  await dialog.getByTestId('message-copy').click();
  await expect(page.getByText('已复制到剪贴板')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await text.inputValue());
  await dialog.getByText('短信', { exact: true }).click();
  await expect(dialog.getByRole('radio', { name: '短信' })).toBeChecked();
  await shot('greetings-offer-message-zh');
  await dialog.getByTestId('message-mark-sent').click();
  await expect(page.getByText('已记录为跟进（短信）')).toBeVisible();
  await expect(page.getByText(/已发送续约优惠（短信）：王建华您好/)).toBeVisible();
  await shot('greetings-customer-zh');

  await page.goto(`${webHost.origin}/#/settings`);
  const preview = page.getByTestId('message-template-preview');
  await page.getByTestId('message-template').fill('{客户}，{节日}快乐！{负责人}');
  await expect(preview).toHaveText('杭州云启科技有限公司，中秋节快乐！李娜');
  await shot('greetings-settings-zh');

  await hostApi(webHost, 'settings:set', { locale: 'en-US' });
  await page.goto(`${webHost.origin}/#/customers/${customer.id}`);
  await expect(page.getByTestId('loyalty-card')).toContainText('Points balance');
  await shot('greetings-customer-en');
  await page.goto(`${webHost.origin}/#/settings`);
  await expect(page.getByText('Message templates')).toBeVisible();
  // The built-in wording follows the archive's language (the change announces the messages domain).
  await expect(page.getByTestId('message-template')).toHaveValue(/^Dear \{contact\}/);
  await shot('greetings-settings-en');
});
