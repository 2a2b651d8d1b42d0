import type { Page } from '@playwright/test';
import { expect, hostApi as api, isoDaysFromToday, pickDate, test } from './fixtures.ts';

// A contract entered by hand that looks like the next term of an earlier one: the app asks before linking it.
// 关联 links (the earlier term shows 已续约); 稍后 leaves both as they are. Never linked without the click.

/** Fills the contract form (new contract dialog, in either language) and saves it. */
async function addContract(page: Page, names: { button: string; dialog: string; number: string; service: string; starts: string; ends: string; save: RegExp }, c: { number: string; service: string }) {
  await page.getByRole('button', { name: names.button }).click();
  const dialog = page.getByRole('dialog', { name: names.dialog });
  await dialog.getByLabel(names.number).fill(c.number);
  await pickDate(page, names.starts, isoDaysFromToday(26));
  await pickDate(page, names.ends, isoDaysFromToday(390));
  await dialog.getByLabel(names.service).fill(c.service);
  await dialog.getByRole('button', { name: names.save }).click();
  await expect(dialog).toBeHidden();
}

test('a contract entered by hand is offered as the renewal of the earlier term, and linked only on 关联', async ({ app: page, webHost, shot }) => {
  test.setTimeout(120_000);
  const customer = await api(webHost, 'customers:create', { name: '杭州云启科技有限公司', tier: 'normal' });
  const common = { customerId: customer.id, startsOn: isoDaysFromToday(-340), endsOn: isoDaysFromToday(25), cycle: 'year', amountFen: 1_280_000 };
  await api(webHost, 'contracts:create', { ...common, number: 'HT-2025-001', service: '云主机' });
  await api(webHost, 'contracts:create', { ...common, number: 'HT-2025-002', service: '短信包' });
  await page.goto(`${webHost.origin}/#/customers/${customer.id}`);
  const rowOf = (no: string) => page.getByRole('row').filter({ has: page.getByText(no, { exact: true }) });
  await expect(rowOf('HT-2025-001')).toBeVisible();

  const zh = { button: '新建合同', dialog: '新建合同', number: '合同编号', service: '服务内容', starts: '开始日期', ends: '到期日期', save: /保\s?存$/ };
  await addContract(page, zh, { number: 'HT-2026-001', service: '云主机' });
  const ask = page.getByRole('dialog', { name: '关联为续约？' });
  await expect(ask).toBeVisible();
  await expect(ask).toContainText(`这份合同看起来是 HT-2025-001（云主机、到期日 ${isoDaysFromToday(25)}）的续约。关联为续约吗？`);
  await expect(ask).toContainText('¥12,800.00');
  // Asking links nothing.
  await expect(rowOf('HT-2025-001')).not.toContainText('已续约');
  await shot('renewal-link-offer-zh');
  await ask.getByRole('button', { name: /^关\s?联$/ }).click();
  await expect(ask).toBeHidden();
  await expect(rowOf('HT-2025-001')).toContainText('已续约');
  await expect(rowOf('HT-2026-001')).toContainText('续自 HT-2025-001');

  // In English, 稍后 (Later) leaves both terms as they are.
  await api(webHost, 'settings:set', { locale: 'en-US' });
  await page.reload();
  const en = { button: 'New contract', dialog: 'New contract', number: 'Contract no.', service: 'Service', starts: 'Starts on', ends: 'Ends on', save: /Save$/ };
  await expect(rowOf('HT-2025-002')).toBeVisible();
  await addContract(page, en, { number: 'HT-2026-002', service: '短信包' });
  const askEn = page.getByRole('dialog', { name: 'Link as a renewal?' });
  await expect(askEn).toContainText(`This contract looks like the renewal of HT-2025-002 (短信包, ends ${isoDaysFromToday(25)}). Link it as a renewal?`);
  await shot('renewal-link-offer-en');
  await askEn.getByRole('button', { name: 'Later' }).click();
  await expect(askEn).toBeHidden();
  await expect(rowOf('HT-2025-002')).not.toContainText('Renewed');
  await expect(rowOf('HT-2026-002')).not.toContainText('HT-2025-002');
});
