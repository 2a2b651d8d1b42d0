import type { Executor } from '../../../db/handle.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { lifecycleRulesSchema } from '../../../shared/api/lifecycle.contract.ts';
import { DEFAULT_LIFECYCLE_RULES, type LifecycleRules } from '../../../shared/domain/lifecycleRules.ts';
import { auditMeta } from '../auditMeta.ts';
import { readStoredSetting, saveSetting } from '../settings/appSettings.ts';
import type { ServiceContext } from '../serviceContext.ts';

/** The thresholds in 设置, the defaults for any that were never saved (or no longer parse). */
export async function readLifecycleRules(x: Executor): Promise<LifecycleRules> {
  const stored = await readStoredSetting(x, 'lifecycleRules');
  const parsed = lifecycleRulesSchema.safeParse({ ...DEFAULT_LIFECYCLE_RULES, ...(typeof stored === 'object' && stored !== null ? stored : {}) });
  return parsed.success ? parsed.data : DEFAULT_LIFECYCLE_RULES;
}

/** Saves the thresholds (audited, so undo-able like any setting) within the caller's transaction. */
export async function saveLifecycleRules(ctx: ServiceContext, rules: LifecycleRules): Promise<void> {
  await withTransaction(ctx.db, (tx) => saveSetting(tx, 'lifecycleRules', rules, auditMeta(ctx, 'update')));
}
