// Owner scoping's reads (team mode, accounts/ownerScope.ts): which owner a row belongs to, through the customer it
// hangs off. One statement per kind of row, every id a parameter; a row that does not exist resolves to nothing,
// and the handler then says "not found" as it does for anyone.
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { q, type Executor } from '../handle.ts';

/** The kinds of rows a call can name, each one hop or two from its customer. */
export type ScopedRowKind =
  | 'customer'
  /** A customer id, or the exact name of a live customer (follow-ups:create's `customer`). */
  | 'customerOrName'
  | 'contact'
  | 'contract'
  /** A customer's id or a contract's (ids are unique across tables): hygiene:restore names either by its `kind`. */
  | 'customerOrContract'
  | 'contractNumber'
  | 'followUp'
  | 'reminder'
  | 'notification'
  | 'attachment'
  | 'instalment'
  | 'survey'
  | 'complaint'
  | 'riskWarning'
  | 'riskAction'
  | 'usage'
  | 'competitorEvent'
  | 'alias'
  | 'loyaltyPoints'
  | 'referral';

/** The customer ids that `ids` (rows of `kind`) belong to; rows without a customer (a system notice) give none. */
async function customerIdsOf(x: Executor, kind: ScopedRowKind, ids: readonly string[]): Promise<string[]> {
  const db = q(x);
  const list = [...ids];
  switch (kind) {
    case 'customer':
      return (await db.selectFrom('customers').select('id').where('id', 'in', list).execute()).map((r) => r.id);
    case 'customerOrName': {
      const rows = await db
        .selectFrom('customers')
        .select('id')
        .where((eb) => eb.or([eb('id', 'in', list), eb.and([eb('name', 'in', list), eb('deleted_at', 'is', null)])]))
        .execute();
      return rows.map((r) => r.id);
    }
    case 'contact':
      return pluck(await db.selectFrom('contacts').select('customer_id').where('id', 'in', list).execute());
    case 'contract':
      return pluck(await db.selectFrom('contracts').select('customer_id').where('id', 'in', list).execute());
    case 'customerOrContract': {
      const customers = await db.selectFrom('customers').select('id').where('id', 'in', list).execute();
      const contracts = await db.selectFrom('contracts').select('customer_id').where('id', 'in', list).execute();
      return [...customers.map((r) => r.id), ...pluck(contracts)];
    }
    case 'contractNumber':
      return pluck(await db.selectFrom('contracts').select('customer_id').where('number', 'in', list).execute());
    case 'followUp':
      return pluck(await db.selectFrom('follow_ups').select('customer_id').where('id', 'in', list).execute());
    case 'reminder':
      return pluck(await db.selectFrom('reminders').select('customer_id').where('id', 'in', list).execute());
    case 'notification':
      return pluck(await db.selectFrom('notifications').select('customer_id').where('id', 'in', list).execute());
    case 'attachment':
      return pluck(
        await db
          .selectFrom('contract_attachments as a')
          .innerJoin('contracts as c', 'c.id', 'a.contract_id')
          .select('c.customer_id')
          .where('a.id', 'in', list)
          .execute(),
      );
    case 'instalment':
      return pluck(
        await db
          .selectFrom('contract_instalments as i')
          .innerJoin('contracts as c', 'c.id', 'i.contract_id')
          .select('c.customer_id')
          .where('i.id', 'in', list)
          .execute(),
      );
    case 'survey':
      return pluck(await db.selectFrom('surveys').select('customer_id').where('id', 'in', list).execute());
    case 'complaint':
      return pluck(await db.selectFrom('complaints').select('customer_id').where('id', 'in', list).execute());
    case 'riskWarning':
      return pluck(await db.selectFrom('risk_warnings').select('customer_id').where('id', 'in', list).execute());
    case 'riskAction':
      return pluck(
        await db
          .selectFrom('risk_warning_actions as a')
          .innerJoin('risk_warnings as w', 'w.id', 'a.warning_id')
          .select('w.customer_id')
          .where('a.id', 'in', list)
          .execute(),
      );
    case 'usage':
      return pluck(await db.selectFrom('usage_figures').select('customer_id').where('id', 'in', list).execute());
    case 'competitorEvent':
      return pluck(await db.selectFrom('competitor_events').select('customer_id').where('id', 'in', list).execute());
    case 'alias':
      return pluck(await db.selectFrom('customer_aliases').select('customer_id').where('id', 'in', list).execute());
    case 'loyaltyPoints':
      return pluck(await db.selectFrom('loyalty_points').select('customer_id').where('id', 'in', list).execute());
    case 'referral': {
      const rows = await db.selectFrom('referrals').select(['referrer_id', 'referred_id']).where('id', 'in', list).execute();
      return rows.flatMap((r) => [r.referrer_id, r.referred_id]);
    }
  }
}

function pluck(rows: readonly { customer_id: string | null }[]): string[] {
  return rows.flatMap((r) => (r.customer_id === null ? [] : [r.customer_id]));
}

/** Whether every customer that `ids` (rows of `kind`) hang off is owned by `ownerId`; true when none resolve. */
export async function rowsOwnedBy(x: Executor, kind: ScopedRowKind, ids: readonly string[], ownerId: string): Promise<boolean> {
  if (ids.length === 0) return true;
  const customerIds = [...new Set(await customerIdsOf(x, kind, ids))];
  if (customerIds.length === 0) return true;
  const row = await q(x)
    .selectFrom('customers')
    .select(sql<number>`count(*)`.as('n'))
    .where('id', 'in', customerIds)
    .where((eb) => eb.or([eb('owner_id', 'is', null), eb('owner_id', '!=', ownerId)]))
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

/** Whether every audit row of the batch `batchId` (an undo token) was written by `actor`; true for an unknown batch. */
export async function batchWrittenBy(x: Executor, batchId: string, actor: string): Promise<boolean> {
  const row = await q(x)
    .selectFrom('audit_log')
    .select(sql<number>`count(*)`.as('n'))
    .where('batch_id', '=', batchId)
    .where('actor', '!=', actor)
    .executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

/**
 * A list's owner scope as a WHERE term: rows whose `column` (a customer id) is a customer of `ownerId`, or names no
 * customer at all (a system notice belongs to everyone).
 */
export function customerOfOwnerOrNone(column: string, ownerId: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(column)} IS NULL OR ${sql.ref(column)} IN (SELECT id FROM customers WHERE owner_id = ${ownerId}))`;
}

/** Which of `customerIds` are customers of `ownerId`. */
export async function customersOwnedBy(x: Executor, customerIds: readonly string[], ownerId: string): Promise<Set<string>> {
  if (customerIds.length === 0) return new Set();
  const rows = await q(x).selectFrom('customers').select('id').where('id', 'in', [...customerIds]).where('owner_id', '=', ownerId).execute();
  return new Set(rows.map((r) => r.id));
}
