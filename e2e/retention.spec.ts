import { menu } from './appNavigation.ts';
import { expect, hostApi, isoDaysFromToday, test } from './fixtures.ts';

// 留存: the 流失预警 and 赢回 lists over customers the test makes, and the 赢回 list's one-click follow-up.

test('the churn warning and win-back lists, and a one-click follow-up for a lost customer (zh and en)', async ({ app: page, webHost, shot }) => {
  test.setTimeout(90_000);
  const quiet = await hostApi(webHost, 'customers:create', { name: '杭州云启科技有限公司' });
  await hostApi(webHost, 'contracts:create', {
    customerId: quiet.id,
    number: 'YQ-1',
    startsOn: isoDaysFromToday(-200),
    endsOn: isoDaysFromToday(165),
    amountFen: 5_000_000,
  });
  const lost = await hostApi(webHost, 'customers:create', { name: '宁波恒达贸易有限公司' });
  const term = await hostApi(webHost, 'contracts:create', {
    customerId: lost.id,
    number: 'HD-1',
    startsOn: isoDaysFromToday(-400),
    endsOn: isoDaysFromToday(-35),
    amountFen: 1_280_000,
  });
  await hostApi(webHost, 'renewals:setStage', { contractId: term.id, stage: 'lost', lostReason: '价格' });

  await menu(page, '留存').click();
  await expect(page.getByRole('heading', { level: 1, name: '留存' })).toBeVisible();
  const warningRow = page.getByRole('row').filter({ hasText: '杭州云启科技有限公司' });
  await expect(warningRow).toContainText('衰退期');
  await expect(warningRow).toContainText('久未跟进');
  await expect(warningRow).toContainText('¥50,000.00');
  await expect(page.getByRole('row').filter({ hasText: '宁波恒达贸易有限公司' })).toHaveCount(0);
  await shot('retention-warning-zh');

  await page.getByRole('tab', { name: '赢回' }).click();
  const lostRow = page.getByRole('row').filter({ hasText: '宁波恒达贸易有限公司' });
  await expect(lostRow).toContainText('价格');
  await expect(lostRow).toContainText('¥12,800.00');
  await lostRow.getByRole('button', { name: '安排跟进' }).click();
  const due = isoDaysFromToday(3);
  await expect(page.getByText(`已安排 ${due} 跟进`)).toBeVisible();
  const followUps = await hostApi(webHost, 'followups:list', { customerId: lost.id });
  expect(followUps.items).toMatchObject([{ nextFollowUpOn: due, kind: 'renewal' }]);
  await shot('retention-winback-zh');

  // The customer page shows the stage, its reason and the dated changes.
  await lostRow.getByRole('link', { name: '宁波恒达贸易有限公司' }).click();
  await expect(page.getByTestId('lifecycle-card')).toContainText('最近一期合同已流失：价格');

  await menu(page, '设置').click();
  await page.getByText('English', { exact: true }).click();
  await menu(page, 'Retention').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Retention' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '杭州云启科技有限公司' })).toContainText('No recent follow-up');
  await page.getByRole('tab', { name: 'Rules' }).click();
  await expect(page.getByTestId('lifecycle-rules')).toContainText('ended more than 92 days ago');
  await shot('retention-rules-en');
});
