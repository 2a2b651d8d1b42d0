// Found by the handler fuzz (its bursts send calls side by side, as the web host does): system:listBackups runs
// on the reader while system:backup prunes old backups on the writer, and a backup deleted between the folder's
// listing and its stat made the list an internal error. A name that no longer leads to a file (a dangling link
// stands in for the race here) is left out.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

it('lists the backups that are there when one goes away while it lists', async () => {
  const kept = await t.call('system:backup');
  const gone = kept.name.replace(/^renewal-desk-\d{8}/, 'renewal-desk-20200101');
  fs.symlinkSync(path.join(t.ctx.backupsDir, 'pruned-meanwhile.db'), path.join(t.ctx.backupsDir, gone));
  expect(await t.envelope('system:listBackups', {})).toMatchObject({ ok: true, data: { items: [{ name: kept.name }], total: 1 } });
});
