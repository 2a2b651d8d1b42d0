import { generateRenewalSheet, renewalSheetCsv } from '../test-support/import/renewalSheetGenerator.ts';
import { uploadBytes } from '../test-support/import/uploadBytes.ts';
import { expect, test } from './fixtures.ts';
import type { RunningWebHost } from './webHostProcess.ts';

/** Uploads a generated sheet and starts its import as another window would; resolves when it has committed. */
async function startImport(host: RunningWebHost, rows: number, seed: number): Promise<{ done: Promise<any> }> {
  const bytes = Buffer.from(renewalSheetCsv(generateRenewalSheet({ rows, seed, prefix: `B${seed}-` })));
  const uploaded = await uploadBytes(host.call, `sheet-${seed}.csv`, bytes);
  if (!uploaded.ok) throw new Error(`import:upload: ${uploaded.error.message}`);
  const { uploadId } = uploaded.data;
  // Wrapped: an async function returning the call's promise would wait for the import itself.
  return { done: host.call('import:run', { uploadId }) };
}

test('while a large import runs the app says so, the lists still answer, and the banner goes when it commits', async ({ app: page, webHost, shot }) => {
  test.slow();
  expect((await webHost.call('customers:create', { name: '宁波恒达贸易有限公司' })).ok).toBe(true);
  await page.reload();
  const importing = await startImport(webHost, 20_000, 21);
  const banner = page.getByRole('status').filter({ hasText: '正在导入数据' });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText('其他修改会排队');
  // A read answers from the last committed state while the import holds the write transaction.
  await page.getByPlaceholder('搜索客户名称、联系人或电话').fill('恒达');
  await expect(page.getByRole('link', { name: '宁波恒达贸易有限公司' })).toBeVisible({ timeout: 5_000 });
  await expect(banner).toBeVisible();
  await shot('busy-import-zh');
  expect((await importing.done).data.committed).toBe(true);
  await expect(banner).toBeHidden();

  expect((await webHost.call('settings:set', { locale: 'en-US' })).ok).toBe(true);
  const second = await startImport(webHost, 10_000, 22);
  const english = page.getByRole('status').filter({ hasText: 'Importing data' });
  await expect(english).toBeVisible();
  await expect(english).toContainText('other changes wait until it finishes');
  await shot('busy-import-en');
  await second.done;
  await expect(english).toBeHidden();
});
