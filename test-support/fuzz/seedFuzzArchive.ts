// Before the fuzz starts: the demo archive, plus one of everything a payload may refer to (an import batch, a
// pending upload, a deleted customer's undo token, fired reminders, a backup, real exported sheets), all learned
// into the pools through the same handler table the fuzz calls.
import type { Envelope } from '../../shared/api/appError.ts';
import { seededRandom } from '../import/seededRandom.ts';
import type { FuzzPools } from './fuzzPools.ts';

export type Call = (op: string, input: unknown) => Promise<Envelope<unknown>>;

async function must(call: Call, pools: FuzzPools, op: string, input: unknown): Promise<Record<string, unknown>> {
  const result = await call(op, input);
  if (!result.ok) throw new Error(`seeding the fuzz archive: ${op} failed: ${result.error.code} ${result.error.message}`);
  pools.harvest(op, result.data);
  return result.data !== null && typeof result.data === 'object' ? (result.data as Record<string, unknown>) : {};
}

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** `light`: two customers instead of the demo archive, for the short runs that only show a planted fault. */
export async function seedFuzzArchive(call: Call, pools: FuzzPools, today: string, light = false): Promise<void> {
  if (light) {
    for (const name of ['模糊测试客户甲', '模糊测试客户乙']) await must(call, pools, 'customers:create', { name });
    return;
  }
  await must(call, pools, 'system:demo', { today });
  await must(call, pools, 'customers:list', { archived: 'all', limit: 500 });
  await must(call, pools, 'contracts:list', { limit: 500 });
  await must(call, pools, 'followups:list', { limit: 500 });
  await must(call, pools, 'owners:list', { includeInactive: true });
  await must(call, pools, 'tags:list', {});
  await must(call, pools, 'reminders:run', { now: `${today}T09:00:00.000Z` });
  await must(call, pools, 'notifications:list', { limit: 500 });
  await must(call, pools, 'renewals:list', { window: 'overdue', limit: 500 });
  const customer = pools.pick('customer', seededRandom(1));
  if (customer) await must(call, pools, 'customers:get', { id: customer });

  for (const [op, format] of [
    ['export:contracts', 'xlsx'],
    ['export:customers', 'csv'],
    ['export:followups', 'csv'],
  ] as const) {
    const sheet = await must(call, pools, op, { format });
    pools.sheets.push(text(sheet['contentBase64']));
  }

  // A committed import (its batch can be undone) and an upload left waiting for import:run.
  const rows = Buffer.from('客户名称,合同编号,到期日期,合同金额\n模糊测试客户甲,FZ-1,2027-01-31,12800\n模糊测试客户乙,FZ-2,2026-12-15,¥9,800\n');
  pools.sheets.push(rows.toString('base64'));
  const upload = await must(call, pools, 'import:upload', { fileName: 'fuzz.csv', offset: 0, dataBase64: rows.toString('base64') });
  await must(call, pools, 'import:run', { uploadId: text(upload['uploadId']), kind: 'contracts' });
  await must(call, pools, 'import:upload', { fileName: 'waiting.xlsx', offset: 0, dataBase64: pools.sheets[0] ?? '' });

  const deleted = await call('customers:create', { name: '模糊测试待删客户' });
  if (deleted.ok && deleted.data !== null && typeof deleted.data === 'object' && 'id' in deleted.data) {
    await must(call, pools, 'customers:delete', { id: text(deleted.data.id) });
  }
  await must(call, pools, 'system:backup', {});
  await must(call, pools, 'system:listBackups', {});
}
