import type { TierClassifyResult, TierMove } from '../../../shared/api/tiers.contract.ts';
import { tierRuleSetSchema } from '../../../shared/api/tiers.contract.ts';
import type { Tier } from '../../../shared/domain/enums.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import type { Locale } from '../../../shared/i18n/enumLabels.ts';
import { msg, renderIn, type Message } from '../../../shared/i18n/message.ts';
import { classifyTier, DEFAULT_TIER_RULES, type TierRuleSet } from '../../../shared/tiers/tierRules.ts';
import type { Executor, Tx } from '../../../db/handle.ts';
import { newId } from '../../../db/newId.ts';
import { writeTierMovesBulk, writeTierReasonsBulk } from '../../../db/bulk/bulkTierWrite.ts';
import { loadTierFacts, writeTierPin, type TierFactsRow } from '../../../db/repositories/tierFactsQuery.ts';
import type { TierPatch } from '../../../db/import/index.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { archiveLocale } from '../archiveLocale.ts';
import { auditMeta } from '../auditMeta.ts';
import { requireCustomer } from '../references/customerRefs.ts';
import { recomputeExpiryLaddersOfCustomers } from '../reminders/recomputeReminders.ts';
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

interface Decision {
  row: TierFactsRow;
  to: Tier;
  reasonJson: string;
  reason: Message[];
}

/** Each live customer's rule outcome (or only those of `customerIds`), against its stored tier, pin and reason. */
async function decide(x: Executor, rules: TierRuleSet, today: string, customerIds?: readonly string[]): Promise<Decision[]> {
  const rows = await loadTierFacts(x, yearsBefore(today, rules.purchaseYears), customerIds);
  return rows.map((row) => {
    const outcome = classifyTier({ ...row.facts, yearsAsCustomer: wholeYears(row.firstOn, today) }, rules);
    return { row, to: outcome.tier, reasonJson: JSON.stringify(outcome.reason), reason: outcome.reason };
  });
}

/** What a run does with its decisions: the moves it writes, the moves it lists, the reasons it refreshes. */
export interface SortedDecisions {
  /** Tier changes, and import pins released because the rules agree with them. */
  writes: Decision[];
  /** Customers whose tier the rules would change, pinned ones included (marked). */
  listed: { d: Decision; pinned: boolean }[];
  /** Unpinned customers whose tier stays but whose reason changed. */
  reasons: { id: string; reasonJson: string }[];
  classified: number;
  /** Customers that move. */
  total: number;
}

/**
 * A tier set by hand stays; a tier from an import stays unless the rules agree with it, which releases it (so an
 * imported 客户等级 equal to the rules' result ends up unpinned); every other customer follows the rules.
 */
function sortDecisions(decisions: readonly Decision[]): SortedDecisions {
  const out: SortedDecisions = { writes: [], listed: [], reasons: [], classified: 0, total: 0 };
  for (const d of decisions) {
    const { row } = d;
    const moved = d.to !== row.tier;
    const releasedImportPin = row.pinned === 'import' && !moved;
    if (row.pinned !== null && !releasedImportPin) {
      if (moved) out.listed.push({ d, pinned: true });
      continue;
    }
    out.classified++;
    if (moved || releasedImportPin) {
      out.writes.push(d);
      if (moved) {
        out.listed.push({ d, pinned: false });
        out.total++;
      }
    } else if (d.reasonJson !== row.reasonJson) {
      out.reasons.push({ id: row.id, reasonJson: d.reasonJson });
    }
  }
  return out;
}

const movedIds = (writes: readonly Decision[]) => writes.filter((d) => d.to !== d.row.tier).map((d) => d.row.id);

export interface ClassifyOptions {
  dryRun: boolean;
  /** Classify these customers only (after an unpin). */
  customerIds?: readonly string[];
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
    const sorted = sortDecisions(await decide(x, rules, localDateOf(ctx.now()), options.customerIds));
    // Listed by name; only the first `limit` are worded.
    const listed = sorted.listed.sort((a, b) => (a.d.row.name < b.d.row.name ? -1 : a.d.row.name > b.d.row.name ? 1 : 0));
    const items: TierMove[] = listed.slice(0, options.limit).map((l) => moveItem(l.d, locale, l.pinned));
    let batchId: string | null = null;
    if (tx !== null && sorted.writes.length > 0) {
      batchId = newId();
      const meta = auditMeta(ctx, 'classify-tier', batchId);
      // One audited batch through prepared statements (db/bulk/bulkTierWrite.ts): undoBatch reverses it whole.
      await writeTierMovesBulk(ctx.db, tx, sorted.writes.map((d) => ({ id: d.row.id, tier: d.to, reasonJson: d.reasonJson })), { ...meta, batchId });
      // A tier picks the reminder ladder: the moved customers' expiry steps follow their new tier, in one pass.
      await recomputeExpiryLaddersOfCustomers(ctx, tx, movedIds(sorted.writes));
    }
    if (tx !== null) await writeTierReasonsBulk(ctx.db, tx, sorted.reasons);
    return { items, total: sorted.total, classified: sorted.classified, reasonsUpdated: sorted.reasons.length, applied: tx !== null, batchId };
  };
  return options.dryRun ? run(ctx.db, null) : withTransaction(ctx.db, (tx) => run(tx, tx));
}

/** What classifying an import's customers inside the import changed. */
export interface ImportedTierMoves {
  /** Customers whose tier moved. */
  moved: string[];
}

/**
 * The rules over the customers an import touched, inside the import's transaction: `write` puts each change into
 * the import's own batch (audited, so undoing the import puts the tiers, pins and reasons back exactly), and the
 * moved customers' expiry ladders follow. A dry run of the import previews it all and rolls it back.
 */
export async function classifyImportedCustomers(
  ctx: ServiceContext,
  tx: Tx,
  customerIds: readonly string[],
  write: (changes: TierPatch[]) => Promise<void>,
): Promise<ImportedTierMoves> {
  if (customerIds.length === 0) return { moved: [] };
  const sorted = sortDecisions(await decide(tx, await readTierRules(tx), localDateOf(ctx.now()), customerIds));
  await write([
    ...sorted.writes.map((d) => ({ id: d.row.id, tier: d.to, reasonJson: d.reasonJson })),
    ...sorted.reasons.map((r) => ({ id: r.id, tier: null, reasonJson: r.reasonJson })),
  ]);
  const moved = movedIds(sorted.writes);
  await recomputeExpiryLaddersOfCustomers(ctx, tx, moved);
  return { moved };
}

/** Lets the rules decide a pinned customer's tier again, now. */
export async function unpinTier(ctx: ServiceContext, id: string): Promise<{ id: string }> {
  await withTransaction(ctx.db, async (tx) => {
    await requireCustomer(tx, id);
    await writeTierPin(tx, id, null, auditMeta(ctx, 'unpin-tier'));
  });
  await classifyTiers(ctx, { dryRun: false, limit: 1, customerIds: [id] });
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
