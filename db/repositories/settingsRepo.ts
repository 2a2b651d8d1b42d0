import { q, type Executor, type Tx } from '../handle.ts';
import { insertAudited, updateAudited, type AuditMeta } from './auditedWrites.ts';

export async function readSetting(x: Executor, key: string): Promise<unknown> {
  const row = await q(x).selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

export async function settingExists(x: Executor, key: string): Promise<boolean> {
  return (await q(x).selectFrom('settings').select('key').where('key', '=', key).executeTakeFirst()) !== undefined;
}

/** Writes one user setting (JSON) through the audit log, as every user setting is. */
export async function writeSetting(tx: Tx, key: string, value: unknown, meta: AuditMeta): Promise<void> {
  const json = JSON.stringify(value);
  if (await settingExists(tx, key)) await updateAudited(tx, 'settings', key, { value: json }, { ...meta, action: 'update' });
  else await insertAudited(tx, 'settings', { key, value: json }, { ...meta, action: 'create' });
}
