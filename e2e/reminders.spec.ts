import { chooseOption, expect, pickUntil, test } from './fixtures.ts';
import { startDbusWebHost, type DbusWebHost } from './dbusWebHost.ts';
import { menu } from './appNavigation.ts';

function apiOf(host: DbusWebHost) {
  return async (name: string, input: unknown = {}) => {
    const res = await fetch(`${host.origin}/api/${name}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    const envelope = (await res.json()) as { ok: boolean; data?: any; error?: unknown };
    if (!envelope.ok) throw new Error(`${name}: ${JSON.stringify(envelope.error)}`);
    return envelope.data;
  };
}

const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('a due contract reaches D-Bus as a real Notify call, shows in the notification centre, and snooze re-arms it', async ({ page, shot }) => {
  test.setTimeout(120_000);
  const host = await startDbusWebHost();
  try {
    const api = apiOf(host);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(host.url);
    await expect(page.getByRole('heading', { level: 1, name: '首页' })).toBeVisible();

    // Reminders at 00:00 make today's step already due, whatever time the test runs.
    await api('reminders:setSettings', { timeOfDay: '00:00' });
    const customer = await api('customers:create', { name: '杭州云启科技有限公司', tier: 'vip', primaryContact: { name: '王建华' } });
    await api('contracts:create', { customerId: customer.id, number: 'HT-DBUS-1', endsOn: localToday(), amountFen: 12_800_000 });

    await expect.poll(() => host.notifyCalls().length, { timeout: 20_000 }).toBeGreaterThan(0);
    const [call] = host.notifyCalls();
    expect(call).toMatchObject({ app_name: '续约管家', summary: '杭州云启科技有限公司：合同今天到期' });
    expect(call!.body).toContain('【VIP】杭州云启科技有限公司的合同 HT-DBUS-1');

    // The bell updates live over SSE; the drawer is the notification centre.
    const bell = page.getByRole('button', { name: /通知中心，1 条未读/ });
    await expect(bell).toBeVisible({ timeout: 10_000 });
    await bell.click();
    const item = page.getByTestId('notification-item').filter({ hasText: '杭州云启科技有限公司：合同今天到期' });
    await expect(item).toBeVisible();
    await expect(item).toContainText('已推送到系统通知');
    await shot('notification-centre');

    // A menu click can land while the dropdown is still opening and be lost under load: retried until the notice shows.
    await expect(async () => {
      if (!(await page.getByRole('menuitem', { name: '1 小时后' }).isVisible())) await item.getByRole('button', { name: /推迟/ }).click();
      await page.getByRole('menuitem', { name: '1 小时后' }).click({ timeout: 2_000 });
      await expect(page.getByText(/已推迟到 .*，届时会再次提醒/)).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 20_000 });
    const preview = await api('reminders:preview', { contractNo: 'HT-DBUS-1' });
    const step0 = preview.steps.find((s: any) => s.step === 0);
    expect(step0.status).toBe('snoozed');
    const delay = Date.parse(step0.dueAt) - Date.now();
    expect(delay).toBeGreaterThan(55 * 60_000);
    expect(delay).toBeLessThan(61 * 60_000);
    await expect(item.getByRole('button', { name: /推迟/ })).toBeDisabled();
    await expect(page.getByRole('button', { name: /通知中心，0 条未读/ })).toBeAttached();
    await shot('notification-centre-snoozed');
    // Nothing else went out: the snoozed step waits for its hour.
    expect(host.notifyCalls()).toHaveLength(1);

    // The centre keeps keys and facts, not words: in English the same record reads in English.
    await api('settings:set', { locale: 'en-US' });
    await page.reload();
    await page.getByRole('button', { name: 'Notifications, 0 unread' }).click();
    const english = page.getByTestId('notification-item').filter({ hasText: '杭州云启科技有限公司: contract ends today' });
    await expect(english).toBeVisible();
    await expect(english).toContainText('[VIP] 杭州云启科技有限公司: contract HT-DBUS-1 (¥128,000.00) ends on');
    await expect(english).toContainText('Sent to system notifications');
    await shot('notification-centre-english');
    expect(problems).toEqual([]);
  } finally {
    await host.stop();
  }
});

test('renewals page: windows, totals, stages, renew with anchor dates; reminder settings with live preview', async ({ app: page, shot }) => {
  // Three pages and six writes in one scenario: under a loaded CI machine it has taken over 50 s.
  test.slow();
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await expect(page.getByText(/已载入 \d+ 位示例客户/)).toBeVisible({ timeout: 30_000 });
  await menu(page, '续约').click();
  await expect(page.getByRole('heading', { name: '续约' })).toBeVisible();
  await expect(page.getByText(/共 \d+ 份合同/)).toBeVisible();
  await shot('renewals-30');

  await page.getByRole('tab', { name: '已逾期' }).click();
  await expect(page.locator('tbody tr').first()).toContainText(/已逾期 \d+ 天/);
  await shot('renewals-overdue');

  await page.getByRole('tab', { name: '90 天内' }).click();
  const row = page.locator('tbody tr').first();
  // The list keeps the 已逾期 rows on screen until the new tab's answer arrives (under load, seconds): wait for it.
  await expect(row).not.toContainText('已逾期');
  // The first cell is the row's selection box; the demo's contract numbers are HT-00001….
  const contractNo = (await row.getByText(/^HT-\d{5}$/).first().textContent())!.trim();
  // The list may still swap its rows in as the tab's data arrives: act on the row of that number.
  await page.locator('tbody tr').filter({ hasText: contractNo }).getByRole('button', { name: /^续\s?约$/ }).click();
  const dialog = page.getByRole('dialog', { name: /续约：/ });
  await expect(dialog.getByLabel('新合同编号')).toHaveValue(`${contractNo}-R1`);
  await dialog.getByLabel('优惠说明').fill('老客户续费 9 折');
  await shot('renew-dialog');
  await dialog.getByRole('button', { name: '确认续约' }).click();
  await expect(page.getByText(`已续约：新合同 ${contractNo}-R1，本期标记为已续费`)).toBeVisible();

  await page.locator('tbody tr').first().getByRole('button', { name: '提醒节点' }).click();
  await expect(page.getByText('这份合同将在以下时间提醒你')).toBeVisible();
  await expect(page.getByText('本合同单独设置提醒节点（留空则按客户等级）：')).toBeVisible();
  await shot('ladder-preview');
  await page.keyboard.press('Escape');

  const stage = page.locator('tbody tr').first().getByLabel(/的续约阶段/);
  const lost = page.getByRole('dialog', { name: /标记为已流失/ });
  await pickUntil(page, stage, '已流失', () => expect(lost).toBeVisible({ timeout: 2_000 }));
  await chooseOption(page, lost.locator('.ant-form-item').filter({ hasText: '流失原因' }), '竞品');
  await lost.getByLabel('补充说明').fill('客户改用本地服务商');
  await lost.getByRole('button', { name: '标记为已流失' }).click();
  await expect(page.getByText('已标记为流失，该合同不再提醒')).toBeVisible();

  await menu(page, '提醒规则').click();
  await expect(page.getByRole('heading', { name: '提醒规则' })).toBeVisible();
  await page.getByRole('tab', { name: '普通' }).click();
  const editor = page.getByRole('textbox', { name: '普通 模板' });
  await editor.fill('{客户名称}：合同 {合同编号} 还有 {剩余天数} 天到期，请{负责人}跟进。');
  await expect(page.getByTestId('template-preview')).toHaveText('杭州云启科技有限公司：合同 HT-00042 还有 30 天到期，请李娜跟进。');
  await shot('reminder-settings');
});
