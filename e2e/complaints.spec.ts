import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { menu } from './appNavigation.ts';
import { chooseOption, expect, hostApi, test } from './fixtures.ts';

// A complaint end to end: a 投诉 follow-up on the customer's page is turned into a complaint (prefilled), and the
// complaint is walked through 受理 → 调查 → 处理 → 反馈 (with the customer's satisfaction) → 关闭 in the drawer, each
// step's handler and time on its timeline; the customer page shows it open, then not. Pictures in both languages,
// with axe on the page and the drawer.

async function seriousViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze();
  return axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test('turn a 投诉 follow-up into a complaint and walk it through every step', async ({ app: page, webHost, shot }) => {
  // About twenty seconds on an idle machine; several times that when other work shares it.
  test.setTimeout(180_000);
  const wang = await hostApi(webHost, 'owners:create', { name: '王经理' });
  await hostApi(webHost, 'owners:create', { name: '赵主管' });
  const customer = await hostApi(webHost, 'customers:create', { name: '宁波海曙贸易有限公司', ownerId: wang.id });
  await hostApi(webHost, 'followups:create', { customer: customer.id, kind: 'complaint', channel: 'phone', summary: '发货延误一周，客户要求赔偿', ownerId: wang.id });

  await page.goto(`${webHost.origin}/#/customers/${customer.id}`);
  const openCard = page.getByTestId('open-complaints');
  await expect(openCard).toContainText('没有未关闭的投诉');
  await page.getByRole('button', { name: '转为投诉' }).click();
  const form = page.getByRole('dialog', { name: '转为投诉' });
  await expect(form.getByLabel('投诉内容')).toHaveValue('发货延误一周，客户要求赔偿');
  await expect(form.locator('.ant-form-item').filter({ hasText: '处理人' })).toContainText('王经理');
  // The control, not the whole item: the label 严重程度 itself contains 严重.
  await chooseOption(page, form.locator('.ant-form-item').filter({ hasText: '严重程度' }).locator('.ant-form-item-control'), '严重');
  await chooseOption(page, form.locator('.ant-form-item').filter({ hasText: '类别' }).locator('.ant-form-item-control'), '交付延误');
  await form.getByRole('button', { name: /登\s?记/ }).click();
  await expect(form).toBeHidden();
  await expect(openCard).toContainText('发货延误一周');
  await expect(openCard).toContainText('受理');

  await menu(page, '投诉').click();
  await expect(page.getByRole('heading', { level: 1, name: '投诉处理' })).toBeVisible();
  const row = page.locator('tr.ant-table-row').filter({ hasText: '宁波海曙贸易有限公司' });
  await expect(row).toContainText('严重');
  await expect(row).toContainText('交付延误');
  await row.getByRole('button', { name: '发货延误一周，客户要求赔偿' }).click();

  const drawer = page.locator('.ant-drawer');
  const record = async (step: string, note: string, handler?: string) => {
    if (handler) {
      // By keyboard: type the name into the searchable owner select and take the match.
      const field = drawer.locator('.ant-form-item').filter({ hasText: '处理人' });
      await field.getByRole('combobox').fill(handler);
      await page.locator('.ant-select-dropdown:visible').getByTitle(handler, { exact: true }).click();
      await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
      await expect(field.locator('.ant-select-selection-item, .ant-select-content')).toContainText(handler);
    }
    await drawer.getByLabel('说明').fill(note);
    await drawer.getByRole('button', { name: `记录${step}` }).click();
  };
  await expect(drawer).toContainText('下一步：调查');
  await record('调查', '核对物流单号', '赵主管');
  await expect(drawer.getByTestId('complaint-step-investigating')).toContainText('赵主管');
  await record('处理', '补发并减免运费');
  await expect(drawer.getByTestId('complaint-step-handling')).toContainText('补发并减免运费');
  await expect(drawer).toContainText('下一步：反馈');
  await drawer.getByRole('radio', { name: '4 star' }).or(drawer.locator('.ant-rate-star').nth(3)).first().click();
  await record('反馈', '客户接受方案', '王经理');
  await expect(drawer.getByTestId('complaint-step-feedback')).toContainText('王经理');
  await expect(drawer).toContainText('4 分');
  await expect(row).toContainText('反馈');
  expect(await seriousViolations(page), 'axe on the drawer').toEqual([]);
  await shot('complaints-drawer-zh');

  await record('关闭', '');
  await page.getByRole('dialog').filter({ hasText: '确定关闭' }).getByRole('button', { name: '记录关闭' }).click();
  await expect(drawer).toContainText('投诉已关闭');
  for (const step of ['accepted', 'investigating', 'handling', 'feedback', 'closed']) await expect(drawer.getByTestId(`complaint-step-${step}`)).toBeVisible();
  await shot('complaints-closed-zh');
  await drawer.locator('.ant-drawer-close').click();

  await expect(row).toContainText('关闭');
  expect(await seriousViolations(page), 'axe on the list').toEqual([]);
  await shot('complaints-list-zh');
  await page.getByRole('tab', { name: '统计' }).click();
  await expect(page.getByTestId('complaints-report')).toContainText('投诉数');
  await shot('complaints-report-zh');

  await page.goto(`${webHost.origin}/#/customers/${customer.id}`);
  await expect(page.getByTestId('open-complaints')).toContainText('没有未关闭的投诉');

  // The same page in English.
  await hostApi(webHost, 'settings:set', { locale: 'en-US' });
  const { items } = await hostApi(webHost, 'complaints:list', {});
  await page.goto(`${webHost.origin}/#/complaints?id=${items[0].id}`);
  await page.reload();
  // The drawer opens from ?id= (the page behind it is hidden from the accessibility tree while it is open).
  await expect(page.locator('.ant-drawer')).toContainText('The complaint is closed');
  await shot('complaints-drawer-en');
  await page.locator('.ant-drawer-close').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Complaint handling' })).toBeVisible();
  await expect(page.locator('tr.ant-table-row').filter({ hasText: '宁波海曙贸易有限公司' })).toContainText('Closed');
  expect(await seriousViolations(page), 'axe in English').toEqual([]);
  await shot('complaints-list-en');
  await page.getByRole('tab', { name: 'Report' }).click();
  await expect(page.getByTestId('complaints-report')).toContainText('Average time to resolve');
  expect(await seriousViolations(page), 'axe on the report').toEqual([]);
  await shot('complaints-report-en');
  await page.getByRole('tab', { name: 'Deadlines and categories' }).click();
  await expect(page.getByRole('textbox', { name: 'Categories' })).toHaveValue(/Delivery delay/);
  expect(await seriousViolations(page), 'axe on the settings').toEqual([]);
  await shot('complaints-settings-en');
});
