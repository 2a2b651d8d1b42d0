/// <reference lib="dom" />
// Its page.evaluate callbacks run in the browser, on DOM elements.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createTranslator, type MessageKey, type Translate } from '../shared/i18n/createTranslator.ts';
import type { Locale } from '../shared/i18n/enumLabels.ts';
import { expect, isoDaysFromToday, test } from './fixtures.ts';
import { CJK } from '../test-support/cjkCharacters.ts';
import { menu } from './appNavigation.ts';

// Every page, in each language, from an empty archive to one customer, one import and one reminder: exactly
// one <h1>, the menu entry of the page highlighted, no serious or critical axe violation, and in English no Chinese on
// screen (the language picker's 简体中文 and the product name 续约管家 aside). A screenshot of each state goes
// to e2e/artifacts/<lang>-<name>.png for a person to look at.

const ARTIFACTS = path.resolve(import.meta.dirname, 'artifacts');
const ALLOWED_CJK = ['简体中文', '续约管家'];


/** Chinese on screen: visible text, the title, form values, and title/aria-label/placeholder/alt attributes. */
async function chineseOnScreen(page: Page): Promise<string[]> {
  const clean = (s: string) => ALLOWED_CJK.reduce((acc, w) => acc.split(w).join(''), s);
  const text = (await page.locator('body').innerText()).split('\n').map((line) => `text: ${line.trim()}`);
  const attributes = await page
    .locator('[title], [aria-label], [placeholder], [alt]')
    .evaluateAll((els) =>
      els.flatMap((el) =>
        ['title', 'aria-label', 'placeholder', 'alt'].map((a) => `${el.tagName.toLowerCase()}[${a}]: ${el.getAttribute(a) ?? ''}`),
      ),
    );
  const values = await page.locator('input, textarea').evaluateAll((els) => els.map((el) => `${el.tagName.toLowerCase()} value: ${"value" in el ? String(el.value) : ""}`));
  return [...text, `title: ${await page.title()}`, ...attributes, ...values].filter((s) => CJK.test(clean(s)));
}

/** antd puts a space between the two characters of a Chinese button label (续约 → 续 约). */
function buttonName(label: string): string | RegExp {
  return /^[\u4e00-\u9fff]{2}$/.test(label) ? new RegExp(`^${label[0]}\\s?${label[1]}$`) : label;
}

interface Walk {
  page: Page;
  lang: 'zh' | 'en';
  t: Translate;
}

/** axe's serious and critical violations on the page as it stands, one line each with the elements to blame. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Only violations are reported in full; passes and the rest are just counted, which halves axe's time.
  // Legacy mode runs axe in the page itself: the default merges per-frame results in a blank page it opens for
  // each scan, which cost about 0.7 s of every 0.9 s scan. The app has no frames to merge.
  const axe = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] }).analyze();
  return axe.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

/** The scan itself can fail: a nameless button and pale grey text planted in the page must be reported. */
async function axeCatchesPlantedViolations(page: Page) {
  await page.evaluate(() => {
    const planted = document.createElement('div');
    planted.id = 'planted-violations';
    // Fixed on top of the page: appended below a long page, axe cannot tell the text's background and leaves
    // the contrast check out as incomplete.
    planted.style.cssText = 'position:fixed;top:0;left:0;z-index:2147483647;background:#fff';
    planted.innerHTML = '<button type="button"></button><p style="color:#eee;background:#fff">pale</p>';
    document.body.append(planted);
  });
  const found = (await seriousViolations(page)).map((line) => line.split(' ')[0]);
  await page.evaluate(() => document.getElementById('planted-violations')?.remove());
  expect(found, 'axe reports what was planted').toEqual(expect.arrayContaining(['button-name', 'color-contrast']));
}

/** One state of one page: its heading, the menu, axe, Chinese (in English), and a screenshot. */
async function check(w: Walk, name: string, menuEntry: string | null) {
  const { page, lang, t } = w;
  await expect(page.locator('h1'), `${name}: one <h1>`).toHaveCount(1);
  const selected = page.getByRole('navigation', { name: t('nav.label') }).locator('.ant-menu-item-selected');
  if (menuEntry === null) await expect(selected, `${name}: no menu entry highlighted`).toHaveCount(0);
  else await expect(selected, `${name}: its menu entry highlighted`).toHaveText(new RegExp(`^${menuEntry}`));

  expect.soft(await seriousViolations(page), `${lang} ${name}: serious or critical accessibility violations`).toEqual([]);
  if (lang === 'en') expect.soft(await chineseOnScreen(page), `en ${name}: Chinese on screen`).toEqual([]);
  await page.screenshot({ path: path.join(ARTIFACTS, `${lang}-${name}.png`), fullPage: true, animations: 'disabled' });
}

async function openFromMenu(w: Walk, entry: string, heading: string) {
  await menu(w.page, entry).click();
  await expect(w.page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

async function walkEmptyArchive(w: Walk) {
  const { page, t } = w;
  await openFromMenu(w, t('nav.customers'), t('nav.customers'));
  await expect(page.getByText(t('firstRun.title'))).toBeVisible();
  await check(w, 'customers-first-run', t('nav.customers'));

  await openFromMenu(w, t('nav.home'), t('nav.home'));
  await expect(page.getByText(t('dashboard.emptyTitle'))).toBeVisible();
  await check(w, 'dashboard-empty', t('nav.home'));

  await openFromMenu(w, t('nav.reports'), t('nav.reports'));
  await expect(page.getByText(t('reports.definitionsTitle'))).toBeVisible();
  await check(w, 'reports-empty', t('nav.reports'));

  await openFromMenu(w, t('nav.retention'), t('nav.retention'));
  await expect(page.getByText(t('retention.warningEmpty'))).toBeVisible();
  await check(w, 'retention-empty', t('nav.retention'));

  await openFromMenu(w, t('nav.due'), t('nav.due'));
  await expect(page.getByText(t('due.empty'))).toBeVisible();
  await check(w, 'due-empty', t('nav.due'));

  await openFromMenu(w, t('nav.import'), t('nav.import'));
  await expect(page.getByText(t('import.drop'))).toBeVisible();
  await check(w, 'import-choose-file', t('nav.import'));

  await page.getByRole('button', { name: t('import.history') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('import.history') })).toBeVisible();
  await expect(page.getByText(t('history.empty'))).toBeVisible();
  await check(w, 'import-history-empty', t('nav.import'));

  await openFromMenu(w, t('nav.reminders'), t('nav.reminders'));
  await expect(page.getByText(t('templates.cardTitle'), { exact: true })).toBeVisible();
  for (const name of ['schedule.workingDays', 'schedule.startAtLogin', 'schedule.keepInTray'] as const) {
    await expect(page.getByRole('switch', { name: t(name) })).toBeVisible();
  }
  await check(w, 'reminder-rules', t('nav.reminders'));

  await openFromMenu(w, t('nav.notifications'), t('nav.notifications'));
  await expect(page.getByText(t('notifications.empty'))).toBeVisible();
  await check(w, 'notifications-empty', t('nav.notifications'));
  // The header's bell opens the same centre in a drawer.
  await page.getByRole('button', { name: t('notifications.bell', { n: 0 }) }).click();
  const drawer = page.getByRole('dialog', { name: t('nav.notifications') });
  await expect(drawer.getByText(t('notifications.empty'))).toBeVisible();
  await check(w, 'notifications-drawer', t('nav.notifications'));
  await drawer.getByRole('button', { name: /close|关闭/i }).click();
  await expect(drawer).toBeHidden();

  await openFromMenu(w, t('nav.settings'), t('nav.settings'));
  await expect(page.getByText('renewal-desk.db').first()).toBeVisible();
  await check(w, 'settings', t('nav.settings'));

  await page.goto(`${new URL(page.url()).origin}/#/no-such-page`);
  await expect(page.getByRole('heading', { level: 1, name: t('notFound.title') })).toBeVisible();
  await check(w, 'not-found', null);
}

const CUSTOMER = { zh: '宁波海纳智能装备有限公司', en: 'Northwind Traders' };

/** One customer typed into the form, then a contract and a follow-up; nothing falls due today, so no reminder fires. */
async function walkOneCustomer(w: Walk, origin: string) {
  const { page, lang, t } = w;
  await openFromMenu(w, t('nav.customers'), t('nav.customers'));
  await page.getByRole('button', { name: t('customers.new') }).first().click();
  const dialog = page.getByRole('dialog', { name: t('customers.new') });
  await dialog.getByLabel(t('customer.name'), { exact: true }).fill(CUSTOMER[lang]);
  await dialog.getByLabel(t('contact.name'), { exact: true }).fill(lang === 'en' ? 'Jane Doe' : '王建华');
  await dialog.getByLabel(t('contact.phone'), { exact: true }).fill('138-0571-2233');
  await check(w, 'customer-create-dialog', t('nav.customers'));
  await dialog.getByLabel(t('contact.phone'), { exact: true }).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: CUSTOMER[lang] })).toBeVisible();

  const customerId = new URL(page.url()).hash.split('/').pop();
  const api = async (name: string, data: unknown) => {
    const response = await page.request.post(`${origin}/api/${name}`, { data });
    expect((await response.json()) as unknown, name).toMatchObject({ ok: true });
  };
  await api('contracts:create', {
    customerId,
    number: 'NW-2026-01',
    startsOn: isoDaysFromToday(-305),
    endsOn: isoDaysFromToday(60),
    amountFen: 1_280_000,
    cycle: 'year',
    service: lang === 'en' ? '50 company mailboxes' : '企业邮箱 50 个账号',
  });
  await api('followups:create', {
    customer: customerId,
    channel: 'phone',
    kind: 'renewal',
    summary: lang === 'en' ? 'Called about the renewal; they want annual billing.' : '电话沟通续费方案',
    nextFollowUpOn: isoDaysFromToday(7),
  });
  // Written behind the page's back; reload rather than rely on the live push (pages.spec.ts covers that).
  await page.reload();
  await expect(page.getByText('NW-2026-01').first()).toBeVisible();
  await expect(page.locator('.follow-up-entry')).toHaveCount(1);
  await check(w, 'customer-detail', t('nav.customers'));

  await openFromMenu(w, t('nav.customers'), t('nav.customers'));
  await expect(page.getByRole('link', { name: CUSTOMER[lang] })).toBeVisible();
  // A second customer of the same name: the service refuses it, and the form words the refusal in the UI's language.
  await page.getByRole('button', { name: t('customers.new') }).first().click();
  const again = page.getByRole('dialog', { name: t('customers.new') });
  await again.getByLabel(t('customer.name'), { exact: true }).fill(CUSTOMER[lang]);
  await again.getByLabel(t('customer.name'), { exact: true }).press('Enter');
  await expect(again.getByText(t('errors.customerNameTaken', { name: CUSTOMER[lang] }))).toBeVisible();
  await check(w, 'customer-duplicate-error', t('nav.customers'));
  await again.getByRole('button', { name: buttonName(t('common.cancel')) }).click();
  await expect(again).toBeHidden();
  const filters: ['textbox' | 'combobox', MessageKey][] = [
    ['textbox', 'customers.search'],
    ['combobox', 'customers.filterTier'],
    ['combobox', 'customers.filterOwner'],
    ['combobox', 'customers.filterTag'],
    ['combobox', 'customers.filterExpiring'],
  ];
  for (const [role, name] of filters) await expect(page.getByRole(role, { name: t(name) })).toBeVisible();
  await expect(page.getByRole('switch', { name: t('customers.showArchived') })).toBeVisible();
  await check(w, 'customers-list', t('nav.customers'));

  // Its contract ends in 60 days: the dashboard counts it, and the year's report lists it.
  await openFromMenu(w, t('nav.home'), t('nav.home'));
  await expect(page.getByRole('link', { name: t('dashboard.openList', { label: t('dashboard.withinDays', { n: 90 }), value: t('reports.count', { n: 1 }) }) })).toBeVisible();
  await check(w, 'dashboard', t('nav.home'));
  await openFromMenu(w, t('nav.reports'), t('nav.reports'));
  await page.getByRole('radiogroup', { name: t('reports.periodKind') }).getByText(t('reports.custom')).click();
  await expect(page.getByRole('heading', { level: 1, name: t('nav.reports') })).toBeVisible();
  await check(w, 'reports', t('nav.reports'));

  await openFromMenu(w, t('nav.renewals'), t('nav.renewals'));
  await page.getByRole('tab', { name: t('renewals.windowDays', { n: 90 }) }).click();
  const row = page.locator('tbody tr').filter({ hasText: 'NW-2026-01' });
  await expect(row).toBeVisible();
  for (const name of ['customers.filterOwner', 'customers.filterTier', 'contract.cycle', 'renewals.stageFilter'] as const) {
    await expect(page.getByRole('combobox', { name: t(name) })).toBeVisible();
  }
  await check(w, 'renewals', t('nav.renewals'));
  await row.getByRole('button', { name: t('renewals.reminderSteps') }).click();
  await expect(page.getByText(t('ladder.overrideHint'))).toBeVisible();
  await check(w, 'renewals-ladder-popover', t('nav.renewals'));
  await page.keyboard.press('Escape');
  await row.getByRole('button', { name: buttonName(t('renewals.renew')), exact: true }).click();
  const renew = page.getByRole('dialog', { name: new RegExp(t('renew.title', { customer: '.*', contractNo: '.*' })) });
  await expect(renew.getByLabel(t('renew.number'))).toHaveValue('NW-2026-01-R1');
  await check(w, 'renew-dialog', t('nav.renewals'));
  await renew.getByRole('button', { name: buttonName(t('common.cancel')) }).click();
  await expect(renew).toBeHidden();

  // Issue 13's pages over the same archive: the risk list (its tabs), and the odds with the fallback's notice.
  await openFromMenu(w, t('nav.risk'), t('risk.title'));
  await check(w, 'risk', t('nav.risk'));
  await openFromMenu(w, t('nav.prediction'), t('prediction.title'));
  await expect(page.getByText(t('prediction.fallbackTitle'))).toBeVisible();
  await check(w, 'prediction', t('nav.prediction'));

  // Issue 14's key-customer programme: the list with its criteria, and the visit plan with the standards.
  await openFromMenu(w, t('nav.keyCustomers'), t('visits.keyTitle'));
  await check(w, 'key-customers', t('nav.keyCustomers'));
  await openFromMenu(w, t('nav.visits'), t('visits.planTitle'));
  await check(w, 'visits', t('nav.visits'));
  // Issue 14's complaints: the list, its report and its settings.
  await openFromMenu(w, t('nav.complaints'), t('complaints.title'));
  await check(w, 'complaints', t('nav.complaints'));
  await page.getByRole('tab', { name: t('complaints.tab.report') }).click();
  await check(w, 'complaints-report', t('nav.complaints'));
  await page.getByRole('tab', { name: t('complaints.tab.settings') }).click();
  await check(w, 'complaints-settings', t('nav.complaints'));
  // Issue 14's 满意度 (an archive without surveys: the empty results and the threshold card).
  await openFromMenu(w, t('nav.surveys'), t('nav.surveys'));
  await expect(page.getByText(t('surveys.resultsEmpty'))).toBeVisible();
  await check(w, 'surveys', t('nav.surveys'));
}

// The second row's amount is no number: the report lists it with its reason, and the first row goes in.
const SHEET = {
  zh: [
    '客户名称,联系人,电话,合同编号,到期日期,合同金额,续费周期,客户等级',
    '杭州安泰电子商务有限公司,夏文博,18730235988,XF-001,{end},200000,年,普通',
    '苏州工业园区远景科技有限公司,陆婷,13912345678,XF-002,{end},面议,年,普通',
  ],
  en: [
    'Customer,Contact,Phone,Contract No,End Date,Amount,Cycle,Tier',
    'Contoso Ltd,Alex Kim,18730235988,XF-001,{end},200000,yearly,standard',
    'Fabrikam Inc,Sam Lee,13912345678,XF-002,{end},ask us,yearly,standard',
  ],
};
const UNPRICED = { zh: '面议', en: 'ask us' };

/** The import wizard through every step with a clean sheet, then its history. */
async function walkImport(w: Walk) {
  const { page, lang, t } = w;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'renewal-desk-e2e-pages-'));
  const file = path.join(dir, 'renewals.csv');
  fs.writeFileSync(file, `${SHEET[lang].join('\r\n').replaceAll('{end}', isoDaysFromToday(200))}\r\n`);
  try {
    await openFromMenu(w, t('nav.import'), t('nav.import'));
    await page.locator('input[type=file]').setInputFiles(file);
    await expect(page.getByText(t('import.headerLine'))).toBeVisible();
    await check(w, 'import-preview', t('nav.import'));
    await page.getByRole('button', { name: t('import.toMapping') }).click();
    await expect(page.getByRole('columnheader', { name: t('import.colTarget') })).toBeVisible();
    await check(w, 'import-mapping', t('nav.import'));
    await page.getByRole('button', { name: t('import.toCheck') }).click();
    await expect(page.getByText(t('import.nothingWritten'))).toBeVisible();
    const reason = page.getByRole('cell', { name: t('reasons.amountNotNumber', { text: UNPRICED[lang] }), exact: true });
    await expect(reason).toBeVisible();
    await check(w, 'import-dry-run', t('nav.import'));
    await page.getByRole('button', { name: buttonName(t('import.commit')), exact: true }).click();
    await expect(page.getByText(t('result.done'))).toBeVisible();
    await check(w, 'import-result', t('nav.import'));
    await page.getByRole('button', { name: t('import.history') }).first().click();
    await expect(page.getByRole('cell', { name: 'renewals.csv' })).toBeVisible();
    await check(w, 'import-history', t('nav.import'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A reminder that fires: the bell counts it, and the centre words it in the UI's language. */
async function walkNotification(w: Walk, origin: string) {
  const { page, lang, t } = w;
  const api = async (name: string, data: unknown) => {
    const response = await page.request.post(`${origin}/api/${name}`, { data });
    const envelope = (await response.json()) as { ok: boolean; data: { id: string } };
    expect(envelope, name).toMatchObject({ ok: true });
    return envelope.data;
  };
  // Reminders at 00:00 make today's step already due, whatever time the test runs; one tick fires it.
  await api('reminders:setSettings', { timeOfDay: '00:00' });
  const customer = await api('customers:create', { name: lang === 'en' ? 'Litware Inc' : '杭州云启科技有限公司' });
  await api('contracts:create', { customerId: customer.id, number: 'LW-1', endsOn: isoDaysFromToday(0) });
  await api('reminders:run', {});
  await page.reload();
  await page.getByRole('button', { name: t('notifications.bell', { n: 1 }) }).click();
  const drawer = page.getByRole('dialog', { name: t('notifications.drawerUnread', { n: 1 }) });
  const title = t('notice.expiryToday', { customer: lang === 'en' ? 'Litware Inc' : '杭州云启科技有限公司' });
  await expect(drawer.getByTestId('notification-item').filter({ hasText: title })).toBeVisible();
  await check(w, 'notifications-one', t('nav.import'));
  await drawer.getByRole('button', { name: /close|关闭/i }).click();
  await expect(drawer).toBeHidden();
  await openFromMenu(w, t('nav.notifications'), t('nav.notifications'));
  await expect(page.getByTestId('notification-item').filter({ hasText: title, visible: true })).toBeVisible();
  await check(w, 'notifications-page', t('nav.notifications'));
}

for (const [lang, locale] of [
  ['zh', 'zh-CN'],
  ['en', 'en-US'],
] as const satisfies readonly (readonly ['zh' | 'en', Locale])[]) {
  test(`every page in ${locale}: one h1, the menu, accessibility${lang === 'en' ? ', no Chinese on screen' : ''}`, async ({ app: page, webHost }) => {
    // About twenty page states with an axe scan each: a minute or so on an idle two-core machine, several
    // when other work shares it.
    test.setTimeout(300_000);
    const w: Walk = { page, lang, t: createTranslator(locale) };
    if (lang === 'en') {
      await openFromMenu({ ...w, t: createTranslator('zh-CN') }, '设置', '设置');
      await page.getByText('English', { exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
    }
    await axeCatchesPlantedViolations(page);
    await walkEmptyArchive(w);
    await walkOneCustomer(w, webHost.origin);
    await walkImport(w);
    await walkNotification(w, webHost.origin);
  });
}
