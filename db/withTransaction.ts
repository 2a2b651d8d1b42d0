import { crashHooksOf } from './crashHooks.ts';
import { isTx, makeTx, q, type Executor, type Tx } from './handle.ts';

/**
 * Runs `work` in one transaction: all of it commits or none of it does. Inside a transaction it joins the
 * outer one, because SQLite has a single connection and a nested begin would wait on itself.
 */
export async function withTransaction<T>(x: Executor, work: (tx: Tx) => Promise<T>): Promise<T> {
  if (isTx(x)) return work(x);
  const hooks = crashHooksOf(x);
  const result = await q(x)
    .transaction()
    .execute(async (trx) => {
      const out = await work(makeTx(trx));
      hooks.reached('before-commit');
      return out;
    });
  hooks.reached('after-commit');
  return result;
}
