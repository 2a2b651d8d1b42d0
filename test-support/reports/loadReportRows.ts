import { nameSortKey } from '../../shared/domain/nameSortKey.ts';
import { sql } from 'kysely';
import { engineOf, q, rawOf, type Db } from '../../db/handle.ts';

// Writes generated owners, customers, contracts and renewal records straight into the tables, fast, for the
// report's property tests and the dashboard benchmark (the fixture test goes through the handlers instead).

export interface ReportOwnerRow {
  id: string;
  name: string;
}
export interface ReportCustomerRow {
  id: string;
  name: string;
  tier: string;
  ownerId: string | null;
  deleted: boolean;
}
export interface ReportContractRow {
  id: string;
  customerId: string;
  number: string;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  amountFen: number | null;
  cycle: string | null;
  status: string;
  ownerId: string | null;
  renewalOf: string | null;
  deleted: boolean;
}
export interface ReportRenewalRow {
  id: string;
  contractId: string;
  stage: string;
  outcomeOn: string | null;
  outcomeAmountFen: number | null;
  lostReason: string | null;
}
export interface ReportRows {
  owners: ReportOwnerRow[];
  customers: ReportCustomerRow[];
  contracts: ReportContractRow[];
  renewals: ReportRenewalRow[];
}

const STAMP = '2020-01-01T00:00:00.000Z';

/** Empties the four tables (nothing else may point at their rows). */
export function clearReportRows(db: Db): void {
  const raw = rawOf(db);
  raw.transaction(() => {
    for (const table of ['renewals', 'contracts', 'customers', 'owners']) raw.prepare(`DELETE FROM ${table}`).run();
  })();
}

/** Inserts the rows in one transaction; contracts in the given order, so a renewal_of must point backwards. */
export function loadReportRows(db: Db, rows: ReportRows): void {
  const raw = rawOf(db);
  const owner = raw.prepare('INSERT INTO owners (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const customer = raw.prepare(
    `INSERT INTO customers (id, name, tier, owner_id, lifecycle_stage, custom_fields, name_sort_key, created_at, updated_at, deleted_at)
     VALUES (?, ?, ?, ?, 'customer', '{}', ?, ?, ?, ?)`,
  );
  const contract = raw.prepare(
    `INSERT INTO contracts (id, customer_id, number, signed_on, starts_on, ends_on, amount_fen, currency, cycle, status, owner_id,
       renewal_of, created_at, updated_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'CNY', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const renewal = raw.prepare(
    `INSERT INTO renewals (id, contract_id, stage, outcome_on, outcome_amount_fen, lost_reason, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  raw.transaction(() => {
    for (const o of rows.owners) owner.run(o.id, o.name, STAMP, STAMP);
    for (const c of rows.customers) customer.run(c.id, c.name, c.tier, c.ownerId, nameSortKey(c.name), STAMP, STAMP, c.deleted ? STAMP : null);
    for (const k of rows.contracts) {
      contract.run(
        k.id, k.customerId, k.number, k.signedOn, k.startsOn, k.endsOn, k.amountFen, k.cycle, k.status, k.ownerId,
        k.renewalOf, STAMP, STAMP, k.deleted ? STAMP : null,
      );
    }
    for (const r of rows.renewals) renewal.run(r.id, r.contractId, r.stage, r.outcomeOn, r.outcomeAmountFen, r.lostReason, STAMP, STAMP);
  })();
}

/** Sets one term's renewal record to 'renewed' (creating it when missing). */
export function markRenewed(db: Db, contractId: string): void {
  const raw = rawOf(db);
  const updated = raw.prepare(`UPDATE renewals SET stage = 'renewed' WHERE contract_id = ? AND deleted_at IS NULL`).run(contractId);
  if (updated.changes === 0) {
    raw
      .prepare(`INSERT INTO renewals (id, contract_id, stage, created_at, updated_at) VALUES (?, ?, 'renewed', ?, ?)`)
      .run(`renewed-${contractId}`, contractId, STAMP, STAMP);
  }
}

/** What the app's PRAGMA optimize would do on a database this size: gather planner statistics. */
export function analyzeReportRows(db: Db): void {
  rawOf(db).exec('ANALYZE');
}

// The same on either engine, for the tests that run on PostgreSQL too and the benchmarks' --engine postgres: on
// SQLite the prepared statements above, on PostgreSQL the same rows through Kysely (multi-row INSERTs).

export async function clearReportRowsAsync(db: Db): Promise<void> {
  if (engineOf(db) === 'sqlite') return clearReportRows(db);
  await q(db)
    .transaction()
    .execute(async (k) => {
      for (const table of ['renewals', 'contracts', 'customers', 'owners'] as const) await k.deleteFrom(table).execute();
    });
}

/** Rows per INSERT: under PostgreSQL's 65,535 bind parameters at the widest table's 15 columns. */
const PG_BATCH = 2000;

async function insertBatches<T>(rows: readonly T[], insert: (part: readonly T[]) => Promise<unknown>): Promise<void> {
  for (let at = 0; at < rows.length; at += PG_BATCH) await insert(rows.slice(at, at + PG_BATCH));
}

export async function loadReportRowsAsync(db: Db, rows: ReportRows): Promise<void> {
  if (engineOf(db) === 'sqlite') return loadReportRows(db, rows);
  await q(db)
    .transaction()
    .execute(async (k) => {
      await insertBatches(rows.owners, (part) =>
        k.insertInto('owners').values(part.map((o) => ({ id: o.id, name: o.name, created_at: STAMP, updated_at: STAMP }))).execute(),
      );
      await insertBatches(rows.customers, (part) =>
        k
          .insertInto('customers')
          .values(
            part.map((c) => ({
              id: c.id, name: c.name, tier: c.tier, owner_id: c.ownerId, lifecycle_stage: 'customer', custom_fields: '{}',
              name_sort_key: nameSortKey(c.name), created_at: STAMP, updated_at: STAMP, deleted_at: c.deleted ? STAMP : null,
            })),
          )
          .execute(),
      );
      await insertBatches(rows.contracts, (part) =>
        k
          .insertInto('contracts')
          .values(
            part.map((c) => ({
              id: c.id, customer_id: c.customerId, number: c.number, signed_on: c.signedOn, starts_on: c.startsOn, ends_on: c.endsOn,
              amount_fen: c.amountFen, currency: 'CNY', cycle: c.cycle, status: c.status, owner_id: c.ownerId,
              renewal_of: c.renewalOf, created_at: STAMP, updated_at: STAMP, deleted_at: c.deleted ? STAMP : null,
            })),
          )
          .execute(),
      );
      await insertBatches(rows.renewals, (part) =>
        k
          .insertInto('renewals')
          .values(
            part.map((r) => ({
              id: r.id, contract_id: r.contractId, stage: r.stage, outcome_on: r.outcomeOn, outcome_amount_fen: r.outcomeAmountFen,
              lost_reason: r.lostReason, created_at: STAMP, updated_at: STAMP,
            })),
          )
          .execute(),
      );
    });
}

export async function markRenewedAsync(db: Db, contractId: string): Promise<void> {
  if (engineOf(db) === 'sqlite') return markRenewed(db, contractId);
  const k = q(db);
  const updated = await k.updateTable('renewals').set({ stage: 'renewed' }).where('contract_id', '=', contractId).where('deleted_at', 'is', null).executeTakeFirst();
  if (updated.numUpdatedRows === 0n) {
    await k.insertInto('renewals').values({ id: `renewed-${contractId}`, contract_id: contractId, stage: 'renewed', created_at: STAMP, updated_at: STAMP }).execute();
  }
}

export async function analyzeReportRowsAsync(db: Db): Promise<void> {
  if (engineOf(db) === 'sqlite') return analyzeReportRows(db);
  await sql`ANALYZE`.execute(q(db));
}
