import { q, type Executor } from '../handle.ts';

export async function readSetting(x: Executor, key: string): Promise<unknown> {
  const row = await q(x).selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

export async function settingExists(x: Executor, key: string): Promise<boolean> {
  return (await q(x).selectFrom('settings').select('key').where('key', '=', key).executeTakeFirst()) !== undefined;
}
