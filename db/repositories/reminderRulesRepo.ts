import type { ReminderRulePatch } from '../../shared/api/recordWrites.ts';
import { q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import { insertAudited, updateAudited, type AuditMeta } from './auditedWrites.ts';

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

/** Changes the scope's live rule, or creates it with the given fields. */
export async function upsertReminderRule(tx: Tx, scope: 'tier' | 'contract', scopeId: string, patch: ReminderRulePatch, meta: AuditMeta): Promise<void> {
  const [existing] = await listReminderRules(tx, scope, scopeId);
  const values = { steps: patch.steps === undefined ? undefined : patch.steps === null ? null : JSON.stringify(patch.steps), template: patch.template };
  if (existing) await updateAudited(tx, 'reminder_rules', existing.id, values, { ...meta, action: 'update' });
  else {
    await insertAudited(
      tx,
      'reminder_rules',
      { id: newId(), scope, scope_id: scopeId, deleted_at: null, steps: values.steps ?? null, template: values.template ?? null },
      { ...meta, action: 'create' },
    );
  }
}
