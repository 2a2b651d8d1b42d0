import type { Db } from '../../../db/handle.ts';
import {
  dirtyCustomerIds,
  hasDirtyCustomers,
  digestOf,
  writeLifecycles,
  type LifecycleChange,
  type StoredLifecycle,
} from '../../../db/repositories/lifecycleRepo.ts';
import { scanLifecycleInputs } from '../../../db/repositories/lifecycleScan.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { marksSeenBeforeScan } from '../../../db/repositories/dirtyMarkSnapshot.ts';
import { localDateOf } from '../../../shared/domain/dates.ts';
import { evaluateLifecycle, warningSignals, type LifecycleRules } from '../../../shared/domain/lifecycleRules.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { readLifecycleRules } from './lifecycleRules.service.ts';

export interface RecomputeOutcome {
  customers: number;
  /** Customers whose stage changed (a history row each); a new customer's first stage counts. */
  changed: number;
}

/** Above this many waiting customers a recompute reads everyone: one scan beats a long id list. */
const FULL_SCAN_FROM = 5000;

/**
 * Computes the stage of `ids` (everyone when undefined) by the rules and writes what changed: the row, and a
 * dated history row when the stage moved. A customer's first stage (and the first after 潜在) is dated by its facts
 * (the first term's start, the loss…); a later change is dated the day it is seen. The waiting marks of those customers are cleared.
 */
export async function recomputeLifecycle(ctx: ServiceContext, ids?: readonly string[], rulesIn?: LifecycleRules): Promise<RecomputeOutcome> {
  const today = localDateOf(ctx.now());
  const at = ctx.now().toISOString();
  return withTransaction(ctx.db, async (tx) => {
    const rules = rulesIn ?? (await readLifecycleRules(tx));
    // Team mode: a mark written after this point stays for the next refresh (dirtyMarkSnapshot.ts).
    const seen = await marksSeenBeforeScan(tx);
    // The facts with each stored row's digest, read on the transaction's connection.
    const rows: StoredLifecycle[] = [];
    const changes: (LifecycleChange & { customerId: string })[] = [];
    const customers = await scanLifecycleInputs(ctx.db, tx, ids, ({ facts: f, stored: before }) => {
      const v = evaluateLifecycle(f, today, rules);
      const moved = before === undefined || before.stage !== v.stage;
      // A first stage, or the first after 潜在 (a customer made by hand, then given its history), is dated by the
      // facts; a later move by the day it is seen.
      const since = before === undefined || (moved && before.stage === 'prospect') ? v.since : moved ? today : before.since;
      const row: StoredLifecycle = {
        customerId: f.customerId,
        stage: v.stage,
        since,
        reason: v.reason,
        loyalty: v.loyalty,
        consecutiveRenewals: f.consecutiveRenewals,
        years: v.years,
        lastAmountFen: f.last?.amountFen ?? null,
        lostOn: v.lostOn,
        lostReason: v.stage === 'churned' ? (f.last?.lostReason ?? null) : null,
        signals: warningSignals(f, v.stage, today, rules),
        computedOn: before !== undefined && !moved ? before.computedOn : today,
      };
      if (moved) changes.push({ customerId: f.customerId, stage: v.stage, previousStage: before?.stage ?? null, on: since, reason: v.reason });
      if (before === undefined || before.digest !== digestOf(row)) rows.push(row);
    });
    // Also drops what was stored for customers no longer live (deleted, or merged away) and clears their marks.
    await writeLifecycles(ctx.db, tx, rows, changes, at, customers, ids, seen);
    return { customers, changed: changes.length };
  });
}

/**
 * After a write: recomputes the customers the triggers marked (its own contracts, renewals, follow-ups), so the
 * stage is current when the write answers. Returns how many stages moved; 0 at once when nothing waits.
 */
export async function refreshMarkedLifecycles(ctx: ServiceContext): Promise<number> {
  if (!(await hasDirtyCustomers(ctx.db))) return 0;
  const ids = await dirtyCustomerIds(ctx.db);
  const outcome = await recomputeLifecycle(ctx, ids.length >= FULL_SCAN_FROM ? undefined : ids);
  return outcome.changed;
}

const lastDailyRun = new WeakMap<Db, string>();

/**
 * Once per local day (the first reminder tick of the day, and the first after start-up): the stages move with
 * the calendar (a term ends, a silence grows), so everyone is recomputed. Returns how many stages moved, or null
 * when it already ran today.
 */
export async function runDailyLifecycle(ctx: ServiceContext): Promise<number | null> {
  const today = localDateOf(ctx.now());
  if (lastDailyRun.get(ctx.db) === today) return null;
  const outcome = await recomputeLifecycle(ctx);
  lastDailyRun.set(ctx.db, today);
  return outcome.changed;
}
