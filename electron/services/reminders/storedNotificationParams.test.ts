// Found by the handler fuzz: a tick run at a far-future instant stored NaN facts as JSON null, and wording a null
// threw, so every later notifications:list failed with an internal error. A stored row whose facts cannot be
// worded shows the text it was stored with.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { withTransaction } from '../../../db/withTransaction.ts';
import { insertNotifications } from '../../../db/repositories/notificationsRepo.ts';
import { openTestContext, type TestContext } from '../../../test-support/openTestContext.ts';

let t: TestContext;
beforeEach(async () => {
  t = await openTestContext();
});
afterEach(async () => {
  await t.close();
});

it('lists a notification whose stored facts hold a null, with its stored text', async () => {
  const at = '2026-11-23T01:00:00.000Z';
  await withTransaction(t.ctx.db, (tx) =>
    insertNotifications(tx, [
      {
        tickId: 'tick-1',
        reminderId: null,
        kind: 'expiry',
        subjectId: null,
        customerId: null,
        customerName: '甲公司',
        step: 30,
        dueAt: at,
        firedAt: at,
        title: '甲公司：合同即将到期',
        body: '存储时的正文',
        subjectUrl: null,
        titleKey: 'notice.expiryAhead',
        bodyKey: null,
        messageParams: { customer: '甲公司', n: null, daysLeft: null, contractNo: 'HT-1', tier: 'vip' },
      },
    ]),
  );
  const list = await t.envelope('notifications:list', {});
  expect(list).toMatchObject({ ok: true, data: { items: [{ title: '甲公司：合同即将到期', body: '存储时的正文' }] } });
});
