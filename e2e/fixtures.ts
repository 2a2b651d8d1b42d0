import path from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { startWebHostProcess, type RunningWebHost } from './webHostProcess.ts';

const ARTIFACTS = path.resolve(import.meta.dirname, 'artifacts');

interface Fixtures {
  /** A web host of its own on an empty database, for each test. */
  webHost: RunningWebHost;
  /** The page, signed in (token cookie set) and showing the app. */
  app: Page;
  shot: (name: string) => Promise<void>;
}

export const test = base.extend<Fixtures>({
  webHost: [
    // Playwright reads a fixture's dependencies from its destructuring pattern; this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const host = await startWebHostProcess();
      try {
        await use(host);
      } finally {
        await host.stop();
      }
    },
    // The first start may build the renderer.
    { timeout: 120_000 },
  ],
  app: async ({ page, webHost }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console.error: ${m.text()}`);
    });
    await page.goto(webHost.url);
    // The app lands on 首页; the specs start from the customer list, the user's first click on a new archive.
    await expect(page.getByRole('heading', { level: 1, name: '首页' })).toBeVisible();
    await page.getByRole('navigation', { name: '主导航' }).getByRole('menuitem', { name: /(^| )客户$/ }).click();
    await expect(page).toHaveURL(new RegExp(`^${webHost.origin}/#/customers`));
    await use(page);
    expect(problems, 'the page logged errors').toEqual([]);
  },
  shot: async ({ page }, use) => {
    await use(async (name) => {
      // Playwright fast-forwards antd's CSS motion to its end, so the picture shows the resting state without a
      // fixed wait (400 ms per picture before, 10 s of the run).
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true, animations: 'disabled' });
    });
  },
});

export { expect };

/**
 * Picks an option in an antd Select and checks it took. A click that lands while the dialog around the
 * select is still opening can hit a dropdown that is already closing (focus moves into the dialog), so
 * the pick is retried until the field shows the choice.
 */
export async function chooseOption(page: Page, field: Locator, option: string): Promise<void> {
  await expect(async () => {
    await field.getByRole('combobox').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click({ timeout: 2_000 });
    await expect(field).toContainText(option, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

/**
 * Opens a select (or any dropdown trigger) and picks an option until `took` passes: under load a click can land on
 * a dropdown that is still opening or already closing, and the pick is lost without an error.
 */
export async function pickUntil(page: Page, trigger: Locator, option: string, took: () => Promise<void>): Promise<void> {
  await expect(async () => {
    if ((await page.locator('.ant-select-dropdown:visible').count()) === 0) await trigger.click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click({ timeout: 2_000 });
    await took();
  }).toPass({ timeout: 15_000 });
}

/** The local calendar date `days` from today ('YYYY-MM-DD'), as the app's date fields take it. */
export function isoDaysFromToday(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Types a date into an antd DatePicker of the open dialog and commits it by leaving the field (Enter would submit the form). */
export async function pickDate(page: Page, label: string, date: string): Promise<void> {
  const input = page.getByRole('dialog').getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Tab');
  await expect(input).toHaveValue(date);
}

/** Calls an operation on the test's web host and returns its data, failing on an error envelope. */
export async function hostApi(host: RunningWebHost, name: string, input: unknown = {}) {
  const envelope = await host.call(name, input);
  if (!envelope.ok) throw new Error(`${name}: ${JSON.stringify(envelope.error)}`);
  return envelope.data;
}
