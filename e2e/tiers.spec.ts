import { chooseOption, expect, hostApi as api, isoDaysFromToday, test } from './fixtures.ts';

// 设置 → 客户等级规则: change a rule, preview who moves (pinned tiers listed but kept), save and apply, and the
// customer page shows why the customer is in its tier; a pinned tier is marked and can be unpinned.
// 设置 › 客户等级 (the tier table): add a tier from the keyboard, see its coloured tag in the list, remove it moving
// its customers, and undo that. One test, so the web host and the page start once.

test('change a tier rule, preview, apply, see the reasons; add a tier, remove it moving its customers, undo', async ({ app: page, webHost, shot }) => {
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

  // The tier table: added with the keyboard only (the button, the name, Enter), moved up, given two customers.
  await page.goto(`${webHost.origin}/#/settings`);
  const table = page.getByTestId('tier-table');
  await expect(table.getByRole('row')).toHaveCount(4);
  await page.getByRole('button', { name: '新增等级' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: '新增客户等级' });
  await dialog.getByLabel('名称').fill('战略');
  await dialog.getByLabel('名称').press('Enter');
  await expect(dialog).toBeHidden();
  const added = table.getByRole('row').filter({ hasText: '战略' });
  await expect(added).toContainText('到期前 30 天起，共 6 次');
  await added.getByRole('button', { name: '上移「战略」' }).click();
  await expect(table.getByRole('row').nth(3)).toContainText('战略');
  await shot('tier-table-zh');
  const code = (await api(webHost, 'tiers:list')).items.find((i: { label: string }) => i.label === '战略').code;
  for (const name of ['宁波战略客户', '温州战略客户']) await api(webHost, 'customers:create', { name, tier: code });
  await page.goto(`${webHost.origin}/#/customers`);
  await expect(page.getByRole('row').filter({ hasText: '宁波战略客户' }).locator('.ant-tag-green')).toHaveText('战略');

  // Removed: its two customers go to 重要, in one batch that the notice undoes.
  await page.goto(`${webHost.origin}/#/settings`);
  await added.getByRole('button', { name: '删除 战略' }).click();
  const remove = page.getByRole('dialog', { name: '删除等级「战略」' });
  await expect(remove).toContainText('该等级下有 2 位客户');
  await chooseOption(page, remove, '重要');
  await shot('tier-remove-zh');
  await remove.getByRole('button', { name: '删除并移动客户' }).click();
  await expect(page.getByText('已删除等级，2 位客户移到「重要」')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(4);
  await page.getByRole('button', { name: /^撤\s?销$/ }).click();
  await expect(page.getByText('已撤销删除等级')).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: '战略' })).toContainText('2');

  await api(webHost, 'settings:set', { locale: 'en-US' });
  await page.goto(`${webHost.origin}/#/customers/${big.id}`);
  await expect(page.getByTestId('tier-reason')).toHaveText('Annual contract value ¥120,000 ≥ ¥30,000');
  await shot('tiers-reason-en');
  await page.goto(`${webHost.origin}/#/settings`);
  await card.getByRole('button', { name: 'Preview' }).click();
  await expect(card).toContainText('0 customers change tier; 2 pinned ones stay as they are');
  await shot('tiers-rules-en');
});
