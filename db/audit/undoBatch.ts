// The one undo, for a deleted customer and a whole import alike: replays an audited batch backwards, or refuses,
// naming the row, when anything in it changed since. SQLite keeps its tuned prepared-statement path on the raw
// connection (undoBatchSqlite.ts); PostgreSQL replays through Kysely on the caller's transaction (undoBatchPostgres.ts),
// since a pool's other connection would sit outside it.
import { engineOf, type Db, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import type { AuditMeta } from '../repositories/auditedWrites.ts';
import { undoBatchPostgres } from './undoBatchPostgres.ts';
import { undoBatchSqlite } from './undoBatchSqlite.ts';
import type { UndoMeta, UndoneBatch, UndoOptions } from './undoImages.ts';

export { type UndoMeta, type UndoneBatch, type UndoOptions } from './undoImages.ts';

/** Undoes batch `batchId` inside `tx`, the running transaction on `db`, which a refusal rolls back. */
export async function undoBatch(db: Db, tx: Tx, batchId: string, meta: UndoMeta, options: UndoOptions): Promise<UndoneBatch> {
  if (engineOf(tx) === 'postgres') return undoBatchPostgres(tx, batchId, meta, options);
  return undoBatchSqlite(db, batchId, meta, options);
}

/**
 * The undo behind a user's undo token (a toast's 撤销): the batch the token names, replayed under the undo's own
 * audit meta (a new batch id when it has none); a refusal names the `undoToken` field.
 */
export function undoByToken(db: Db, tx: Tx, undoToken: string, meta: AuditMeta): Promise<UndoneBatch> {
  return undoBatch(db, tx, undoToken, { batchId: meta.batchId ?? newId(), at: meta.at, actor: meta.actor }, { field: 'undoToken' });
}
