import { sql, type RawBuilder } from 'kysely';
import { engineOf, q, type Executor, type Tx } from '../handle.ts';
import { inIdList } from './idListSql.ts';
import { writerXidOf } from './rowWriterXid.ts';

// A recompute over the dirty marks (lifecycle_dirty, health_dirty, risk_outcome_dirty) reads its inputs, writes the
// results and clears the marks, in one transaction. On PostgreSQL other clients commit while it runs (READ
// COMMITTED: each statement sees what committed before it), so a write committed after the scan read a customer
// would lose its mark to the clearing and wait for the next daily run. The recompute therefore notes the server's
// snapshot before its scan and clears only the marks last written by a transaction that snapshot saw as committed
// (every statement of the scan saw at least that much), or by itself. The triggers write a mark again when it is
// already there (migration 0043), so a mark's xmin is the last transaction that marked it. SQLite: the scan and the
// clearing share one BEGIN IMMEDIATE transaction, nothing else commits between them, and every mark is seen.

/** What the scan is sure to have seen: a server snapshot on PostgreSQL, every mark on SQLite (null). */
export type MarksSeen = { snapshot: string } | null;

/** Taken before a recompute's scan, on its transaction. */
export async function marksSeenBeforeScan(tx: Tx): Promise<MarksSeen> {
  if (engineOf(tx) !== 'postgres') return null;
  const { rows } = await sql<{ snapshot: string }>`SELECT pg_current_snapshot()::text AS "snapshot"`.execute(q(tx));
  return { snapshot: rows[0]!.snapshot };
}

type MarkTable = 'health_dirty' | 'lifecycle_dirty' | 'risk_outcome_dirty';

/**
 * Deletes the marks of `table` (those of `ids` when given) that `seen` covers; PostgreSQL only. A mark's xmin is
 * widened to its 64-bit transaction id as the reminder catch-up's is (rowWriterXid.ts). A mark locked by a client
 * that is marking it again right now is skipped, not waited for (SKIP LOCKED): that write is one the scan did not
 * see, so its mark stays anyway, and not waiting means a writer marking several customers and this clearing can
 * never wait on each other in a cycle.
 */
export async function clearSeenMarks(x: Executor, table: MarkTable, seen: { snapshot: string }, ids?: readonly string[]): Promise<void> {
  const key = sql.ref(table === 'risk_outcome_dirty' ? 's.contract_id' : 's.customer_id');
  const only: RawBuilder<boolean> = ids === undefined ? sql<boolean>`TRUE` : inIdList('postgres', key, ids);
  const marker = writerXidOf('s');
  await sql`DELETE FROM ${sql.table(table)} WHERE ctid IN (
    SELECT s.ctid FROM ${sql.table(table)} s
    WHERE ${only} AND (pg_visible_in_snapshot(${marker}, ${seen.snapshot}::pg_snapshot) OR ${marker} = pg_current_xact_id_if_assigned())
    FOR UPDATE SKIP LOCKED)`.execute(q(x));
}
