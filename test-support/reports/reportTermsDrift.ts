import type { Executor } from '../../db/handle.ts';
import { withTransaction } from '../../db/withTransaction.ts';
import { sqlRows } from '../sqlRows.ts';

// report_terms is kept by triggers (migration 0013, and their PostgreSQL twins). Its drift is the rows that differ
// from a refill of the whole table from contracts, customers and renewals, done inside a savepoint and rolled back:
// empty when every write so far kept it right. Written in SQL both engines accept, so it runs on either.

export interface ReportTermsDrift {
  /** Rows the refill has and the table lacks or holds differently. */
  missing: unknown[];
  /** Rows the table holds that the refill does not. */
  extra: unknown[];
}

export async function reportTermsDrift(x: Executor): Promise<ReportTermsDrift> {
  const { kept, refilled } = await withTransaction(x, async (tx) => {
    // contract_id is report_terms' primary key: a total order, the same on both engines.
    const rows = async () =>
      (await sqlRows(tx, 'SELECT * FROM report_terms ORDER BY contract_id')).map((r) => JSON.stringify(r));
    const before = await rows();
    await sqlRows(tx, 'SAVEPOINT report_terms_drift');
    let after: string[];
    try {
      await sqlRows(tx, 'DELETE FROM report_terms');
      await sqlRows(tx, 'INSERT INTO report_terms_refresh SELECT id FROM contracts');
      after = await rows();
    } finally {
      await sqlRows(tx, 'ROLLBACK TO report_terms_drift');
      await sqlRows(tx, 'RELEASE report_terms_drift');
    }
    return { kept: before, refilled: after };
  });
  const keptSet = new Set(kept);
  const refilledSet = new Set(refilled);
  return {
    missing: refilled.filter((r) => !keptSet.has(r)).map((r) => JSON.parse(r) as unknown),
    extra: kept.filter((r) => !refilledSet.has(r)).map((r) => JSON.parse(r) as unknown),
  };
}
