import type { TierClassifyResult, TierMove } from '../../../shared/api/tiers.contract.ts';
import { tierRuleSetSchema } from '../../../shared/api/tiers.contract.ts';
import type { Tier } from '../../../shared/domain/enums.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import type { Locale } from '../../../shared/i18n/enumLabels.ts';
import { msg, renderIn, type Message } from '../../../shared/i18n/message.ts';
import { classifyTier, DEFAULT_TIER_RULES, type TierRuleSet } from '../../../shared/tiers/tierRules.ts';
import type { Executor, Tx } from '../../../db/handle.ts';
import { newId } from '../../../db/newId.ts';
import { loadTierFacts, writeTierChange, writeTierPin, writeTierReasons, type TierFactsRow } from '../../../db/repositories/tierFactsQuery.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { archiveLocale } from '../archiveLocale.ts';
import { auditMeta } from '../auditMeta.ts';
import { requireCustomer } from '../references/customerRefs.ts';
import { recomputeRemindersForCustomers } from '../reminders/recomputeReminders.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { readStoredSetting, saveSetting } from '../settings/appSettings.ts';

// Tiers by rule: the rules (settings 'tiers.rules', DEFAULT_TIER_RULES when absent) over every live customer's
// facts. A pinned tier (set by hand) is never overwritten; an import pin whose tier the rules agree with is
// released. An apply writes the moves as one audited batch and the reasons beside them.

export async function readTierRules(x: Executor): Promise<TierRuleSet> {
  const parsed = tierRuleSetSchema.safeParse(await readStoredSetting(x, 'tierRules'));
  return parsed.success ? parsed.data : DEFAULT_TIER_RULES;
}

export async function saveTierRules(ctx: ServiceContext, rules: TierRuleSet): Promise<TierRuleSet> {
  await withTransaction(ctx.db, (tx) => saveSetting(tx, 'tierRules', rules, auditMeta(ctx, 'update')));
  return rules;
}

/** Whole years from `from` to `to` (ISO dates): a birthday count. */
function wholeYears(from: string | null, to: string): number {
  if (from === null || from > to) return 0;
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) >= from.slice(5) ? years : years - 1;
}

function yearsBefore(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;
}

/** Moved customers whose reminders are recomputed together (one config load and one query per slice). */
const RECOMPUTE_SLICE = 500;

interface Decision {
  row: TierFactsRow;
  to: Tier;
  reasonJson: string;
  reason: Message[];
}

/** Each live customer's rule outcome, against its stored tier, pin and reason. */
async function decide(x: Executor, rules: TierRuleSet, today: string, onlyCustomerId?: string): Promise<Decision[]> {
  const rows = await loadTierFacts(x, yearsBefore(today, rules.purchaseYears), onlyCustomerId);
  return rows.map((row) => {
    const outcome = classifyTier({ ...row.facts, yearsAsCustomer: wholeYears(row.firstOn, today) }, rules);
    return { row, to: outcome.tier, reasonJson: JSON.stringify(outcome.reason), reason: outcome.reason };
  });
}

export interface ClassifyOptions {
  dryRun: boolean;
  /** Classify this customer only (after an unpin). */
  customerId?: string;
  /** Instead of the stored rules: previewed in a dry run, saved with the apply otherwise. */
  rules?: TierRuleSet | undefined;
  /** At most this many moves are listed (total counts them all). */
  limit: number;
}

export async function classifyTiers(ctx: ServiceContext, options: ClassifyOptions): Promise<TierClassifyResult> {
  const locale = await archiveLocale(ctx.db);
  const run = async (x: Executor, tx: Tx | null): Promise<TierClassifyResult> => {
    const rules = options.rules ?? (await readTierRules(x));
    if (tx !== null && options.rules !== undefined) await saveSetting(tx, 'tierRules', options.rules, auditMeta(ctx, 'update'));
    const decisions = await decide(x, rules, localDateOf(ctx.now()), options.customerId);
    const listed: { d: Decision; pinned: boolean }[] = [];
    const moves: Decision[] = [];
    const reasons: { id: string; reasonJson: string }[] = [];
    let classified = 0;
    for (const d of decisions) {
      const { row } = d;
      const moved = d.to !== row.tier;
      const releasedImportPin = row.pinned === 'import' && !moved;
      if (row.pinned !== null && !releasedImportPin) {
        if (moved) listed.push({ d, pinned: true });
        continue;
      }
      classified++;
      if (moved || releasedImportPin) {
        moves.push(d);
        if (moved) listed.push({ d, pinned: false });
      } else if (d.reasonJson !== row.reasonJson) {
        reasons.push({ id: row.id, reasonJson: d.reasonJson });
      }
    }
    const total = moves.filter((d) => d.to !== d.row.tier).length;
    // Listed by name; only the first `limit` are worded.
    listed.sort((a, b) => (a.d.row.name < b.d.row.name ? -1 : a.d.row.name > b.d.row.name ? 1 : 0));
    const items: TierMove[] = listed.slice(0, options.limit).map((l) => moveItem(l.d, locale, l.pinned));
    let batchId: string | null = null;
    if (tx !== null && moves.length > 0) {
      batchId = newId();
      const meta = auditMeta(ctx, 'classify-tier', batchId);
      for (const d of moves) await writeTierChange(tx, d.row.id, d.to, d.reasonJson, meta);
      // A tier picks the reminder ladder: the moved customers' steps follow their new tier.
      const moved = moves.filter((d) => d.to !== d.row.tier).map((d) => d.row.id);
      for (let i = 0; i < moved.length; i += RECOMPUTE_SLICE) await recomputeRemindersForCustomers(ctx, tx, moved.slice(i, i + RECOMPUTE_SLICE));
    }
    if (tx !== null) await writeTierReasons(tx, reasons);
    return { items, total, classified, reasonsUpdated: reasons.length, applied: tx !== null, batchId };
  };
  return options.dryRun ? run(ctx.db, null) : withTransaction(ctx.db, (tx) => run(tx, tx));
}

/** Lets the rules decide a pinned customer's tier again, now. */
export async function unpinTier(ctx: ServiceContext, id: string): Promise<{ id: string }> {
  await withTransaction(ctx.db, async (tx) => {
    await requireCustomer(tx, id);
    await writeTierPin(tx, id, null, auditMeta(ctx, 'unpin-tier'));
  });
  await classifyTiers(ctx, { dryRun: false, limit: 1, customerId: id });
  return { id };
}

function moveItem(d: Decision, locale: Locale, pinned: boolean): TierMove {
  return {
    customerId: d.row.id,
    name: d.row.name,
    from: d.row.tier as Tier,
    to: d.to,
    reason: renderIn(locale, msg('tiers.reason.all', { parts: { list: d.reason } })),
    pinned,
  };
}
