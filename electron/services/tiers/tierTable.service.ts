import type { ApiOutput, ApiParsedInput } from '../../../shared/api/apiContract.ts';
import { AppError } from '../../../shared/api/appError.ts';
import type { TierItem } from '../../../shared/api/tierTable.contract.ts';
import type { Tier } from '../../../shared/domain/enums.ts';
import { msg } from '../../../shared/i18n/message.ts';
import { normalizeSteps } from '../../../shared/reminders/reminderLadder.ts';
import type { TierRuleSet } from '../../../shared/tiers/tierRules.ts';
import { LADDER_SOURCE_TIER, tierName, tierNameKey, type TierInfo } from '../../../shared/tiers/tierTable.ts';
import { undoByToken } from '../../../db/audit/undoBatch.ts';
import type { Executor, Tx } from '../../../db/handle.ts';
import { newId } from '../../../db/newId.ts';
import { upsertReminderRule } from '../../../db/repositories/reminderRulesRepo.ts';
import {
  countCustomersByTier,
  customerIdsInBatch,
  customerIdsWithTier,
  findTier,
  insertTier,
  isTierRemovalBatch,
  listTiers,
  moveCustomerTier,
  patchTier,
  TIER_REMOVAL_ACTION,
} from '../../../db/repositories/tiersRepo.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { archiveLocale } from '../archiveLocale.ts';
import { auditMeta } from '../auditMeta.ts';
import { loadReminderConfig } from '../reminders/reminderConfig.ts';
import { recomputeAllReminders, recomputeRemindersForCustomers } from '../reminders/recomputeReminders.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { readTierRules } from './tierClassification.ts';

// 设置 › 客户等级: the tier table (migration 0019). The built-ins (vip, important, normal) keep their codes and
// cannot be removed; a custom tier starts with 普通's reminder ladder and template (its own reminder_rules row, so
// later edits of 普通 do not change it). Removing a custom tier moves its customers to another tier in one audited
// batch (undone by the one undo engine) and is refused while a classification rule names it.

const RECOMPUTE_SLICE = 500;

/** A tier code that exists now, checked where a service takes one (customers, rules, the reminder settings). */
export async function assertTier(x: Executor, code: Tier, field = 'tier'): Promise<TierInfo> {
  const t = await findTier(x, code);
  if (!t || t.deleted) throw new AppError('VALIDATION', msg('validation.tier'), field);
  return t;
}

const rulesName = (rules: TierRuleSet, code: Tier) => rules.fallback === code || rules.rules.some((r) => r.tier === code);

/** Every tier the rules name exists, and they run from the highest rank down to the fallback (so raising a
 *  threshold never moves a customer up). */
export async function assertRuleTiers(x: Executor, rules: TierRuleSet): Promise<void> {
  const ranks = new Map((await listTiers(x)).map((t) => [t.code, t.rank]));
  const order = [...rules.rules.map((r) => r.tier), rules.fallback];
  for (const code of order) if (!ranks.has(code)) throw new AppError('VALIDATION', msg('validation.tier'), 'rules');
  if (!order.every((c, i) => i === 0 || ranks.get(c)! >= ranks.get(order[i - 1]!)!)) throw new AppError('VALIDATION', msg('validation.tierRuleOrder'), 'rules');
}

export async function listTierItems(x: Executor): Promise<{ items: TierItem[]; total: number }> {
  const [tiers, counts, config, rules, locale] = await Promise.all([listTiers(x), countCustomersByTier(x), loadReminderConfig(x), readTierRules(x), archiveLocale(x)]);
  const items = tiers.map((t) => ({
    code: t.code,
    name: t.name,
    label: tierName(t, locale),
    colour: t.colour,
    rank: t.rank,
    builtin: t.builtin,
    version: t.version,
    customers: counts.get(t.code) ?? 0,
    ladder: config.ladders[t.code] ?? config.ladders.normal,
    template: config.templates[t.code] ?? config.templates.normal,
    usedByRules: rulesName(rules, t.code),
  }));
  return { items, total: items.length };
}

async function itemOf(x: Executor, code: Tier): Promise<TierItem> {
  const item = (await listTierItems(x)).items.find((i) => i.code === code);
  if (!item) throw new AppError('NOT_FOUND', msg('tierTable.missing', { code }), 'code');
  return item;
}

/** Names are unique among live tiers as people read them (case and width folded), the built-ins' names included. */
async function assertNameFree(x: Executor, name: string, exceptCode?: Tier): Promise<void> {
  const key = tierNameKey(name);
  for (const t of await listTiers(x)) {
    if (t.code === exceptCode) continue;
    const taken = [t.code, t.name ?? '', ...(t.name === null ? [tierName(t, 'zh-CN'), tierName(t, 'en-US')] : [])].some((w) => w !== '' && tierNameKey(w) === key);
    if (taken) throw new AppError('DUPLICATE', msg('tierTable.nameTaken', { name }), 'name');
  }
}

async function freeCode(x: Executor): Promise<string> {
  for (let n = 1; ; n++) {
    const code = `custom_${n}`;
    if (!(await findTier(x, code))) return code;
  }
}

export async function addTier(ctx: ServiceContext, input: ApiParsedInput<'tiers:create'>): Promise<TierItem> {
  return withTransaction(ctx.db, async (tx) => {
    await assertNameFree(tx, input.name);
    if (input.code !== undefined && (await findTier(tx, input.code))) throw new AppError('DUPLICATE', msg('tierTable.codeTaken', { code: input.code }), 'code');
    const code = input.code ?? (await freeCode(tx));
    const tiers = await listTiers(tx);
    const meta = auditMeta(ctx, 'create');
    // Last, below 普通; moved up from the table.
    await insertTier(tx, { code, name: input.name, colour: input.colour, rank: Math.max(0, ...tiers.map((t) => t.rank)) + 10 }, meta);
    // A copy of 普通's ladder and template as they are now: the new tier's own, edited apart from 普通's.
    const config = await loadReminderConfig(tx);
    await upsertReminderRule(tx, 'tier', code, { steps: config.ladders[LADDER_SOURCE_TIER], template: config.templates[LADDER_SOURCE_TIER] }, meta);
    return itemOf(tx, code);
  });
}

export async function updateTier(ctx: ServiceContext, input: ApiParsedInput<'tiers:update'>): Promise<TierItem> {
  return withTransaction(ctx.db, async (tx) => {
    const current = await assertTier(tx, input.code, 'code');
    if (input.name === null && !current.builtin) throw new AppError('VALIDATION', msg('tierTable.customNameRequired'), 'name');
    if (input.name != null) await assertNameFree(tx, input.name, input.code);
    const meta = auditMeta(ctx, 'update');
    if (input.name !== undefined || input.colour !== undefined) {
      await patchTier(tx, input.code, { name: input.name, colour: input.colour }, meta, input.version);
    }
    if (input.ladder !== undefined || input.template !== undefined) {
      await upsertReminderRule(tx, 'tier', input.code, { steps: input.ladder === undefined ? undefined : normalizeSteps(input.ladder), template: input.template }, meta);
    }
    // A new ladder moves the due dates of every pending step of the tier's customers.
    if (input.ladder !== undefined) await recomputeAllReminders(ctx, tx);
    return itemOf(tx, input.code);
  });
}

export async function moveTier(ctx: ServiceContext, input: ApiParsedInput<'tiers:move'>): Promise<ApiOutput<'tiers:move'>> {
  return withTransaction(ctx.db, async (tx) => {
    await assertTier(tx, input.code, 'code');
    const tiers = await listTiers(tx);
    const at = tiers.findIndex((t) => t.code === input.code);
    const other = tiers[input.direction === 'up' ? at - 1 : at + 1];
    const self = tiers[at]!;
    if (other) {
      const meta = auditMeta(ctx, 'reorder-tier', newId());
      await patchTier(tx, self.code, { rank: other.rank }, meta);
      await patchTier(tx, other.code, { rank: self.rank }, meta);
    }
    return listTierItems(tx);
  });
}

async function recomputeFor(ctx: ServiceContext, tx: Tx, customerIds: readonly string[]): Promise<void> {
  for (let i = 0; i < customerIds.length; i += RECOMPUTE_SLICE) await recomputeRemindersForCustomers(ctx, tx, customerIds.slice(i, i + RECOMPUTE_SLICE));
}

export async function removeTier(ctx: ServiceContext, input: ApiParsedInput<'tiers:remove'>): Promise<ApiOutput<'tiers:remove'>> {
  return withTransaction(ctx.db, async (tx) => {
    const tier = await assertTier(tx, input.code, 'code');
    if (tier.builtin) throw new AppError('VALIDATION', msg('tierTable.builtinNotRemovable'), 'code');
    if (input.moveTo === input.code) throw new AppError('VALIDATION', msg('tierTable.moveToSame'), 'moveTo');
    await assertTier(tx, input.moveTo, 'moveTo');
    const locale = await archiveLocale(tx);
    if (rulesName(await readTierRules(tx), input.code)) throw new AppError('CONFLICT', msg('tierTable.usedByRules', { name: tierName(tier, locale) }), 'code');
    const batchId = newId();
    const meta = auditMeta(ctx, TIER_REMOVAL_ACTION, batchId);
    const customers = await customerIdsWithTier(tx, input.code);
    for (const id of customers) await moveCustomerTier(tx, id, input.moveTo, meta);
    await patchTier(tx, input.code, { deletedAt: meta.at }, meta);
    // The moved customers' steps follow the ladder of the tier they are in now.
    await recomputeFor(ctx, tx, customers);
    return { undoToken: batchId, moved: customers.length };
  });
}

export async function undoRemoveTier(ctx: ServiceContext, input: ApiParsedInput<'tiers:undoRemove'>): Promise<ApiOutput<'tiers:undoRemove'>> {
  return withTransaction(ctx.db, async (tx) => {
    if (!(await isTierRemovalBatch(tx, input.undoToken))) throw new AppError('NOT_FOUND', msg('tierTable.notARemoval'), 'undoToken');
    const meta = auditMeta(ctx, 'undo', newId());
    const undone = await undoByToken(ctx.db, tx, input.undoToken, meta);
    await recomputeFor(ctx, tx, await customerIdsInBatch(tx, input.undoToken));
    return { entries: undone.entries };
  });
}
