import { sql } from 'kysely';
import type { Message } from '../../shared/i18n/message.ts';
import type { ComputedStage } from '../../shared/domain/lifecycleRules.ts';
import { q, type Executor } from '../handle.ts';
import { newId } from '../newId.ts';
import { inIdList } from './idListSql.ts';
import type { Row } from './lifecycleRepo.ts';
import { clearSeenMarks, type MarksSeen } from './dirtyMarkSnapshot.ts';

// The PostgreSQL side of lifecycleRepo.ts writeLifecycles: the same rows, history and clean-up, as multi-row
// statements on the transaction's connection (SQLite's path uses prepared statements of its raw connection).

/** Rows to a statement: 12 columns each, well under PostgreSQL's 65,535 bound values. */
const CHUNK = 1000;

function chunks<T>(xs: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}

/** The marks the scan saw (every one when `seen` is null), of `ids` or of everyone. */
async function clearMarks(x: Executor, seen: MarksSeen, ids?: readonly string[]): Promise<void> {
  if (seen !== null) return clearSeenMarks(x, 'lifecycle_dirty', seen, ids);
  const all = q(x).deleteFrom('lifecycle_dirty');
  await (ids === undefined ? all : all.where(inIdList('postgres', sql`customer_id`, ids))).execute();
}

export async function writeLifecyclesOnPostgres(
  x: Executor,
  rows: readonly Row[],
  changes: readonly { customerId: string; stage: ComputedStage; previousStage: ComputedStage | null; on: string; reason: Message }[],
  at: string,
  liveCount: number,
  ids: readonly string[] | undefined,
  seen: MarksSeen,
): Promise<void> {
  const db = q(x);
  // In key order, as SQLite's path writes them: concurrent recomputes lock the rows in one order.
  for (const chunk of chunks([...rows].sort((a, b) => (a.customer_id < b.customer_id ? -1 : 1)))) {
    await db
      .insertInto('customer_lifecycle')
      .values(chunk)
      .onConflict((oc) =>
        oc.column('customer_id').doUpdateSet((eb) => ({
          stage: eb.ref('excluded.stage'),
          since: eb.ref('excluded.since'),
          reason: eb.ref('excluded.reason'),
          loyalty: eb.ref('excluded.loyalty'),
          consecutive_renewals: eb.ref('excluded.consecutive_renewals'),
          years: eb.ref('excluded.years'),
          last_amount_fen: eb.ref('excluded.last_amount_fen'),
          lost_on: eb.ref('excluded.lost_on'),
          lost_reason: eb.ref('excluded.lost_reason'),
          signals: eb.ref('excluded.signals'),
          computed_on: eb.ref('excluded.computed_on'),
        })),
      )
      .execute();
  }
  for (const chunk of chunks(changes)) {
    await db
      .insertInto('customer_lifecycle_history')
      .values(
        chunk.map((c) => ({
          id: newId(),
          customer_id: c.customerId,
          stage: c.stage,
          previous_stage: c.previousStage,
          on_date: c.on,
          reason: JSON.stringify(c.reason),
          created_at: at,
        })),
      )
      .execute();
  }
  const gone = sql<boolean>`NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = customer_lifecycle.customer_id AND c.deleted_at IS NULL)`;
  if (ids === undefined) {
    // Every live customer was read and now has its row: a count above theirs means rows of customers gone.
    const stored = await db.selectFrom('customer_lifecycle').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    if (Number(stored.n) > liveCount) await db.deleteFrom('customer_lifecycle').where(gone).execute();
    await clearMarks(x, seen);
    return;
  }
  await db.deleteFrom('customer_lifecycle').where(inIdList('postgres', sql`customer_id`, ids)).where(gone).execute();
  await clearMarks(x, seen, ids);
}
