import { rawOf, type Db } from '../../db/handle.ts';

// report_terms is kept by triggers (migration 0013). Its drift is the rows that differ from a refill of the
// whole table from contracts, customers and renewals, done inside a savepoint and rolled back: empty when every
// write so far kept it right.

export interface ReportTermsDrift {
  /** Rows the refill has and the table lacks or holds differently. */
  missing: unknown[];
  /** Rows the table holds that the refill does not. */
  extra: unknown[];
}

export function reportTermsDrift(db: Db): ReportTermsDrift {
  const raw = rawOf(db);
  const rows = () => raw.prepare('SELECT * FROM report_terms ORDER BY contract_id').all().map((r) => JSON.stringify(r));
  const kept = rows();
  raw.exec('SAVEPOINT report_terms_drift');
  let refilled: string[];
  try {
    raw.exec('DELETE FROM report_terms; INSERT INTO report_terms_refresh SELECT id FROM contracts;');
    refilled = rows();
  } finally {
    raw.exec('ROLLBACK TO report_terms_drift; RELEASE report_terms_drift');
  }
  const keptSet = new Set(kept);
  const refilledSet = new Set(refilled);
  return {
    missing: refilled.filter((r) => !keptSet.has(r)).map((r) => JSON.parse(r)),
    extra: kept.filter((r) => !refilledSet.has(r)).map((r) => JSON.parse(r)),
  };
}
