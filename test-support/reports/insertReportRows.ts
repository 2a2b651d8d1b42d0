import { nameSortKey } from '../../shared/domain/nameSortKey.ts';
import { q, type Executor } from '../../db/handle.ts';
import { withTransaction } from '../../db/withTransaction.ts';
import type { ReportRows } from './loadReportRows.ts';

// loadReportRows.ts on either engine: the same rows through the query builder, for tests that run on SQLite and
// on PostgreSQL (loadReportRows keeps its prepared statements on the raw SQLite connection, for the benchmarks).

const STAMP = '2020-01-01T00:00:00.000Z';
const CHUNK = 500;

async function inChunks<T>(xs: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < xs.length; i += CHUNK) await write(xs.slice(i, i + CHUNK));
}

/** Inserts the rows in one transaction; contracts in the given order, so a renewal_of must point backwards. */
export async function insertReportRows(x: Executor, rows: ReportRows): Promise<void> {
  await withTransaction(x, async (tx) => {
    const db = q(tx);
    await inChunks(rows.owners, (c) => db.insertInto('owners').values(c.map((o) => ({ id: o.id, name: o.name, created_at: STAMP, updated_at: STAMP }))).execute());
    await inChunks(rows.customers, (c) =>
      db
        .insertInto('customers')
        .values(
          c.map((r) => ({
            id: r.id,
            name: r.name,
            tier: r.tier,
            owner_id: r.ownerId,
            lifecycle_stage: 'customer',
            custom_fields: '{}',
            name_sort_key: nameSortKey(r.name),
            created_at: STAMP,
            updated_at: STAMP,
            deleted_at: r.deleted ? STAMP : null,
          })),
        )
        .execute(),
    );
    await inChunks(rows.contracts, (c) =>
      db
        .insertInto('contracts')
        .values(
          c.map((k) => ({
            id: k.id,
            customer_id: k.customerId,
            number: k.number,
            signed_on: k.signedOn,
            starts_on: k.startsOn,
            ends_on: k.endsOn,
            amount_fen: k.amountFen,
            currency: 'CNY',
            cycle: k.cycle,
            status: k.status,
            owner_id: k.ownerId,
            renewal_of: k.renewalOf,
            created_at: STAMP,
            updated_at: STAMP,
            deleted_at: k.deleted ? STAMP : null,
          })),
        )
        .execute(),
    );
    await inChunks(rows.renewals, (c) =>
      db
        .insertInto('renewals')
        .values(
          c.map((r) => ({
            id: r.id,
            contract_id: r.contractId,
            stage: r.stage,
            outcome_on: r.outcomeOn,
            outcome_amount_fen: r.outcomeAmountFen,
            lost_reason: r.lostReason,
            created_at: STAMP,
            updated_at: STAMP,
          })),
        )
        .execute(),
    );
  });
}
