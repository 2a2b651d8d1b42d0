import { expect, hostApi as api, isoDaysFromToday, test } from './fixtures.ts';

// 设置 → 客户等级规则: change a rule, preview who moves (pinned tiers listed but kept), save and apply, and the
// customer page shows why the customer is in its tier; a pinned tier is marked and can be unpinned.

test('change a tier rule, preview, apply, and see the reasons on the customer pages', async ({ app: page, webHost, shot }) => {
  test.setTimeout(120_000);
  const term = { startsOn: isoDaysFromToday(-200), endsOn: isoDaysFromToday(165), cycle: 'year' };
  const big = await api(webHost, 'customers:create', { name: '杭州云启科技有限公司' });
  await api(webHost, 'contracts:create', { ...term, customerId: big.id, number: 'HT-001', amountFen: 12_000_000 });
  const small = await api(webHost, 'customers:create', { name: '宁波小店' });
  await api(webHost, 'contracts:create', { ...term, customerId: small.id, number: 'HT-002', amountFen: 500_000 });
  // Chosen as VIP by hand: pinned.
  const pinned = await api(webHost, 'customers:create', { name: '老朋友贸易', tier: 'vip' });

  await page.goto(`${webHost.origin}/#/settings`);
  const card = page.getByTestId('tier-rules');
  await expect(card).toContainText('默认规则：年合同额 ≥ ¥100,000 或连续续约 ≥ 3 次为 VIP');
  await card.getByLabel('VIP 年合同额（元）').fill('150000');
  await card.getByRole('button', { name: /^预\s?览$/ }).click();
  await expect(card).toContainText('将有 1 位客户调整等级；已固定的 1 位保持不变');
  const row = (name: string) => card.getByRole('row').filter({ hasText: name });
  await expect(row('杭州云启科技有限公司')).toContainText('年合同额 ¥120,000 ≥ ¥30,000');
  await expect(row('老朋友贸易')).toContainText('已固定，不调整');
  await shot('tiers-preview-zh');
  await card.getByRole('button', { name: '保存并应用' }).click();
  await expect(page.getByText('已应用：1 位客户调整了等级')).toBeVisible();
  expect((await api(webHost, 'tiers:rules')).rules[0].conditions[0].min).toBe(15_000_000);

  await page.goto(`${webHost.origin}/#/customers/${big.id}`);
  await expect(page.getByTestId('tier-reason')).toHaveText('年合同额 ¥120,000 ≥ ¥30,000');
  await page.goto(`${webHost.origin}/#/customers/${pinned.id}`);
  const reason = page.getByTestId('tier-reason');
  await expect(reason).toContainText('手动指定');
  await shot('tiers-pinned-zh');
  await reason.getByRole('button', { name: '取消固定' }).click();
  await expect(reason).toHaveText('未满足其他等级的条件');

  await api(webHost, 'settings:set', { locale: 'en-US' });
  await page.goto(`${webHost.origin}/#/customers/${big.id}`);
  await expect(page.getByTestId('tier-reason')).toHaveText('Annual contract value ¥120,000 ≥ ¥30,000');
  await shot('tiers-reason-en');
  await page.goto(`${webHost.origin}/#/settings`);
  await card.getByRole('button', { name: 'Preview' }).click();
  await expect(card).toContainText('0 customers change tier; 0 pinned ones stay as they are');
  await shot('tiers-rules-en');
});
