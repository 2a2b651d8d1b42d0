import { chooseOption, expect, hostApi as api, isoDaysFromToday, test } from './fixtures.ts';
import type { RunningWebHost } from './webHostProcess.ts';

// The 续约 list's bulk work: five overdue contracts selected and marked lost in one call leave the list, and
// one 撤销 brings all five back. The tab and filters live in the URL; the customer page shows each contract's
// derived status and the renewal events in its timeline.

/** Seven customers with an overdue term each, one with 已到期 history, and one whose term is due soon. */
async function seed(host: RunningWebHost) {
  const ids: string[] = [];
  const names = ['杭州云启科技', '宁波海纳贸易', '温州启航制造', '绍兴明德教育', '嘉兴禾丰农业', '湖州青山物流', '金华博远建材'];
  for (const [i, name] of names.entries()) {
    const c = await api(host, 'customers:create', { name: `${name}有限公司`, tier: i === 0 ? 'vip' : 'normal' });
    ids.push(c.id);
    await api(host, 'contracts:create', {
      customerId: c.id,
      number: `HT-${i + 1}`,
      startsOn: isoDaysFromToday(-365 - 10 * (i + 1)),
      endsOn: isoDaysFromToday(-10 * (i + 1)),
      amountFen: (i + 1) * 1_000_000,
    });
  }
  await api(host, 'contracts:create', { customerId: ids[0], number: 'HT-OLD', startsOn: '2022-01-01', endsOn: '2022-12-31', status: 'expired', amountFen: 500_000 });
  await api(host, 'contracts:create', { customerId: ids[0], number: 'HT-SOON', startsOn: isoDaysFromToday(-300), endsOn: isoDaysFromToday(20), amountFen: 800_000 });
  return ids;
}

test('select five overdue contracts, mark them lost in one go, see them leave, and undo', async ({ app: page, webHost, shot }) => {
  test.setTimeout(120_000);
  const customerIds = await seed(webHost);
  await page.goto(`${webHost.origin}/#/renewals?tab=overdue`);
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(7);
  // 已到期 history is not overdue: it has its own tab.
  await expect(page.getByRole('tab', { name: '已逾期' })).toHaveAttribute('aria-selected', 'true');
  await expect(rows.filter({ hasText: 'HT-OLD' })).toHaveCount(0);

  for (const no of ['HT-1', 'HT-2', 'HT-3', 'HT-4', 'HT-5']) await page.getByRole('checkbox', { name: `选择 ${no}` }).check();
  const bar = page.getByRole('toolbar', { name: '已选 5 项' });
  await expect(bar).toBeVisible();
  await shot('renewals-bulk-selected-zh');

  await bar.getByRole('button', { name: '标记为已流失' }).click();
  const dialog = page.getByRole('dialog', { name: '标记为已流失（5 份合同）' });
  await chooseOption(page, dialog.locator('.ant-form-item').filter({ hasText: '流失原因' }), '价格');
  await dialog.getByLabel('补充说明').fill('年底统一清理');
  await dialog.getByRole('button', { name: '标记为已流失' }).click();

  const done = page.locator('.ant-notification-notice').filter({ hasText: '已处理 5 项' });
  await expect(done).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: 'HT-6' })).toHaveCount(1);
  await shot('renewals-bulk-done-zh');

  await done.getByRole('button', { name: '撤 销' }).click();
  await expect(page.getByText(/已撤销/)).toBeVisible();
  await expect(rows).toHaveCount(7);

  // Mark them lost again, for good this time, and look at one on its customer's page.
  for (const no of ['HT-1', 'HT-2', 'HT-3', 'HT-4', 'HT-5']) await page.getByRole('checkbox', { name: `选择 ${no}` }).check();
  await page.getByRole('toolbar', { name: '已选 5 项' }).getByRole('button', { name: '标记为已流失' }).click();
  await chooseOption(page, page.getByRole('dialog').locator('.ant-form-item').filter({ hasText: '流失原因' }), '价格');
  await page.getByRole('dialog').getByRole('button', { name: '标记为已流失' }).click();
  await expect(rows).toHaveCount(2);

  // The history tab, with its rule written on it.
  await page.getByRole('tab', { name: '往期未决定' }).click();
  await expect(page).toHaveURL(/tab=history/);
  await expect(page.getByText(/导入时已结束超过 92 天/)).toBeVisible();
  await expect(rows).toHaveCount(1);
  await expect(rows.filter({ hasText: 'HT-OLD' })).toHaveCount(1);
  await shot('renewals-history-zh');

  // Search and the import-batch chip live in the URL too.
  await page.goto(`${webHost.origin}/#/renewals?tab=overdue&q=HT-7&batch=not-a-batch`);
  await expect(page.getByRole('searchbox', { name: '搜索客户、联系人、电话或合同编号' })).toHaveValue('HT-7');
  await expect(page.getByText('本批导入')).toBeVisible();
  await expect(rows).toHaveCount(0);
  await page.getByLabel('清除本批导入筛选').click();
  await expect(page).not.toHaveURL(/batch=/);
  await expect(rows).toHaveCount(1);

  await page.goto(`${webHost.origin}/#/customers/${customerIds[0]}`);
  const card = page.locator('.ant-card').filter({ hasText: 'HT-SOON' });
  const rowOf = (no: string) => card.locator('tr').filter({ has: page.getByText(no, { exact: true }) });
  const lostRow = rowOf('HT-1');
  await expect(lostRow.locator('[data-status="lost"]')).toHaveText('已流失');
  await expect(lostRow).toContainText('流失原因：价格');
  await expect(lostRow.getByRole('button', { name: '续约' })).toHaveCount(0);
  await expect(rowOf('HT-SOON').locator('[data-status="dueSoon"]')).toHaveText('即将到期');
  await expect(rowOf('HT-OLD').locator('[data-status="expired"]')).toHaveText('已到期');
  await expect(page.locator('.renewal-event').filter({ hasText: 'HT-1：已流失（价格）' })).toHaveCount(1);
  await shot('renewals-customer-zh');

  // 取消关联: a renewed pair, unlinked from the later term's menu after a confirmation.
  const renewed = await api(webHost, 'renewals:renew', { contractId: (await api(webHost, 'contracts:list', { customerId: customerIds[0] })).items.find((k: any) => k.number === 'HT-SOON').id, number: 'HT-NEXT', startsOn: isoDaysFromToday(21), endsOn: isoDaysFromToday(385) });
  await expect(rowOf('HT-NEXT')).toContainText('续自 HT-SOON');
  await expect(rowOf('HT-SOON').locator('[data-status="renewed"]')).toHaveText('已续约');
  await page.getByRole('button', { name: 'HT-NEXT 的更多操作' }).click();
  await page.getByRole('menuitem', { name: '取消关联' }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: '取消 HT-NEXT 与上一期 HT-SOON 的续约关联' });
  await confirm.getByRole('button', { name: '取消关联' }).click();
  await expect(page.getByText('已取消关联')).toBeVisible();
  await expect(rowOf('HT-SOON').locator('[data-status="dueSoon"]')).toHaveText('即将到期');
  await expect(rowOf('HT-NEXT')).not.toContainText('续自');
  expect((await api(webHost, 'contracts:get', { id: renewed.newContractId })).renewalOf).toBeNull();

  await api(webHost, 'settings:set', { locale: 'en-US' });
  await page.goto(`${webHost.origin}/#/renewals?tab=overdue`);
  await expect(page.getByRole('tab', { name: 'Overdue' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('checkbox', { name: 'Select HT-6' }).check();
  await expect(page.getByRole('toolbar', { name: '1 selected' })).toBeVisible();
  await shot('renewals-bulk-selected-en');
  await page.goto(`${webHost.origin}/#/customers/${customerIds[0]}`);
  await expect(page.locator('.renewal-event').filter({ hasText: 'HT-1: lost' })).toHaveCount(1);
  await shot('renewals-customer-en');
});
