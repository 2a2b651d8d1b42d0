import { sql } from 'kysely';
import { crashHooksOf } from './crashHooks.ts';
import { engineOf, isTx, makeTx, q, type Executor, type Tx } from './handle.ts';
import { loadPinyinReading } from './repositories/pinyinReadings.ts';

/**
 * Runs `work` in one transaction: all of it commits or none of it does. Inside a transaction it joins the
 * outer one, because SQLite has a single connection and a nested begin would wait on itself.
 */
export async function withTransaction<T>(x: Executor, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (isTx(x)) return work(x);
  // Index writers below a transaction (import, undo) are synchronous and may reindex a name: load pinyin first.
  await loadPinyinReading();
  const hooks = crashHooksOf(x);
  const result = await q(x)
    .transaction()
    .execute(async (trx) => {
      const out = await work(makeTx(trx, engineOf(x)));
      hooks.reached('before-commit');
      return out;
    });
  hooks.reached('after-commit');
  return result;
}

let savepointSeq = 0;

/**
 * Runs `work` inside a savepoint of the running transaction: when it throws, only its own writes are rolled
 * back and the error goes on to the caller, which may refuse that one item and carry on with the rest.
 */
export async function withSavepoint<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
  const name = sql.id(`sp_${++savepointSeq}`);
  await sql`SAVEPOINT ${name}`.execute(q(tx));
  try {
    const out = await work();
    await sql`RELEASE ${name}`.execute(q(tx));
    return out;
  } catch (e) {
    await sql`ROLLBACK TO ${name}`.execute(q(tx));
    await sql`RELEASE ${name}`.execute(q(tx));
    throw e;
  }
}
