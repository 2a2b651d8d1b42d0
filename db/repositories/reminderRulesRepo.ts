import { q, type Executor } from '../handle.ts';

// Ladders and templates per tier ('tier', 'vip') and ladder overrides per contract ('contract', <id>).

export interface ReminderRuleRow {
  id: string;
  scope: 'tier' | 'contract';
  scopeId: string;
  steps: number[] | null;
  template: string | null;
  version: number;
}

export async function listReminderRules(x: Executor, scope: 'tier' | 'contract', scopeId?: string): Promise<ReminderRuleRow[]> {
  let query = q(x)
    .selectFrom('reminder_rules')
    .select(['id', 'scope', 'scope_id as scopeId', 'steps', 'template', 'version'])
    .where('scope', '=', scope)
    .where('deleted_at', 'is', null);
  if (scopeId !== undefined) query = query.where('scope_id', '=', scopeId);
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, scope: r.scope as 'tier' | 'contract', steps: r.steps ? (JSON.parse(r.steps) as number[]) : null }));
}

/** Several settings in one read, parsed; absent keys are left out. */
export async function readSettingValues(x: Executor, keys: readonly string[]): Promise<Map<string, unknown>> {
  const rows = await q(x).selectFrom('settings').select(['key', 'value']).where('key', 'in', [...keys]).execute();
  return new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}
