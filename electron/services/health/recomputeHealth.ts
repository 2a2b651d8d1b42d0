// The health score's recompute (issue 13): the facts of every customer (or of some) from the set-based statements
// of db/repositories/healthFacts.ts, scored in JS by shared/domain/healthScore.ts, stored as the current score
// (and the replaced score as its week's point when it came from an earlier week: healthFacts.ts writeHealthScores),
// the marks of migration 0026 cleared. After a write (dispatch), the marked customers; once a local day (the first scheduler
// tick after 02:00, caught up at start-up), everyone, because delays and silences grow with the calendar.
import type { Db, Tx } from '../../../db/handle.ts';
import {
  clearHealthMarks,
  lacksAnyHealth,
  hasHealthMarks,
  markedHealthCustomers,
  scanHealthFacts,
  writeHealthScores,
  type HealthFactRow,
  type HealthFactsWindow,
  type HealthScoreRow,
} from '../../../db/repositories/healthFacts.ts';
import { withTransaction } from '../../../db/withTransaction.ts';
import { marksSeenBeforeScan } from '../../../db/repositories/dirtyMarkSnapshot.ts';
import { addDaysIso, localDateOf } from '../../../shared/domain/dates.ts';
import { daysFromTo, weekOf } from '../../../shared/domain/healthBands.ts';
import {
  COMPETITOR_WINDOW_DAYS,
  PAID_LATE_LOOKBACK_DAYS,
  scoreHealth,
  type HealthFacts,
  type HealthScore,
  type HealthWeights,
} from '../../../shared/domain/healthScore.ts';
import { encodeStoredFactors } from '../../../shared/domain/storedHealthFactors.ts';
import type { ServiceContext } from '../serviceContext.ts';
import { readHealthWeights } from './readHealthWeights.ts';

/** Above this many marked customers a recompute reads everyone: one pass beats a long id list. */
const FULL_PASS_FROM = 5000;

const pad = (n: number) => String(n).padStart(2, '0');

/** The day and windows the facts are measured on, from the context's clock in local time. */
export function healthWindowAt(now: Date): HealthFactsWindow & { month: string } {
  const today = localDateOf(now);
  return {
    today,
    month: `${now.getFullYear()}-${pad(now.getMonth() + 1)}`,
    eventsFrom: addDaysIso(today, -(COMPETITOR_WINDOW_DAYS - 1)),
    paidLateFrom: addDaysIso(today, -PAID_LATE_LOOKBACK_DAYS),
    interactionsFromInstant: new Date(now.getFullYear(), now.getMonth() - 3, 1).toISOString(),
    offsetMinutes: -now.getTimezoneOffset(),
    week: weekOf(today),
  };
}

/** A fact row as the score reads it. */
export function healthFactsOf(row: HealthFactRow, window: { month: string; today: string }): HealthFacts {
  return {
    customerId: row.customerId,
    paymentDelayDays: row.paymentDelayDays,
    usage: row.usage,
    interactions: row.interactions,
    month: window.month,
    competitorEvents: row.competitorEvents,
    daysSinceFollowUp: row.followUpSince === null ? null : Math.max(0, daysFromTo(row.followUpSince, window.today)),
    ...(row.followUpSince === null ? {} : { followUpSince: row.followUpSince }),
    phoneContacts: row.phoneContacts,
    openComplaints: row.openComplaints,
    averageSatisfaction: row.averageSatisfaction,
  };
}

/** Scores `ids` (every live customer when undefined) without writing: the facts and what they score. */
export async function scoreCustomers(db: Db, now: Date, weights: HealthWeights, ids?: readonly string[]): Promise<{ customerId: string; score: HealthScore }[]> {
  const window = healthWindowAt(now);
  const out: { customerId: string; score: HealthScore }[] = [];
  await scanHealthFacts(db, db, window, ids, (row) => out.push({ customerId: row.customerId, score: scoreHealth(healthFactsOf(row, window), weights) }));
  return out;
}

export interface HealthRecompute {
  customers: number;
  /** Customers whose score moved (or who had none): what a window showing scores must refetch for. */
  rescored: number;
}

/** Scores and stores `ids` (everyone when undefined) and clears their marks, in one transaction. */
export async function recomputeHealth(ctx: ServiceContext, ids?: readonly string[], weightsIn?: HealthWeights): Promise<HealthRecompute> {
  return withTransaction(ctx.db, (tx) => recomputeHealthIn(ctx, tx, ids, weightsIn));
}

/** The same within the caller's transaction (a weights save, the daily run with its marker). */
export async function recomputeHealthIn(ctx: ServiceContext, tx: Tx, ids?: readonly string[], weightsIn?: HealthWeights): Promise<HealthRecompute> {
  const now = ctx.now();
  const weights = weightsIn ?? (await readHealthWeights(tx));
  const window = healthWindowAt(now);
  // Only what changed is written: the daily pass over an archive whose signals stood still writes next to nothing.
  // computedAt is thus when the stored row last changed. Written page by page.
  const rows: HealthScoreRow[] = [];
  let rescored = 0;
  const computedAt = now.toISOString();
  // Team mode: a mark written after this point stays for the next refresh (dirtyMarkSnapshot.ts).
  const seen = await marksSeenBeforeScan(tx);
  const customers = await scanHealthFacts(
    ctx.db,
    tx,
    window,
    ids,
    (row) => {
      const scored = scoreHealth(healthFactsOf(row, window), weights);
      const factors = encodeStoredFactors(scored.factors);
      if (row.storedScore === scored.score && row.storedFactors === factors) return;
      if (row.storedScore !== scored.score) rescored++;
      // The stored score leaves its week: it is the score the customer ended that week with.
      const left = row.storedScore !== null && row.storedOn !== null && row.storedOn < window.week ? { weekOf: weekOf(row.storedOn), score: row.storedScore } : null;
      rows.push({ customerId: row.customerId, score: scored.score, band: scored.band, factors, left });
    },
    async () => {
      await writeHealthScores(ctx.db, tx, rows, computedAt);
      rows.length = 0;
    },
  );
  await clearHealthMarks(ctx.db, tx, ids, seen);
  return { customers, rescored };
}

/** After a write: rescores the customers the triggers marked. Returns how many scores moved; 0 at once when none waits. */
export async function refreshMarkedHealth(ctx: ServiceContext): Promise<number> {
  if (!(await hasHealthMarks(ctx.db))) return 0;
  const ids = await markedHealthCustomers(ctx.db, ctx.db);
  return (await recomputeHealth(ctx, ids.length >= FULL_PASS_FROM ? undefined : ids)).rescored;
}

/** Whether the archive has customers but was never scored (a first open after the upgrade): then everyone is scored once. */
export function neverScored(db: Db): Promise<boolean> {
  return lacksAnyHealth(db);
}
