import { q, type Executor, type Tx } from '../handle.ts';
import { lockReminderWritesExclusive } from './reminderWriteLock.ts';
import { chunks, type ReminderKind } from './remindersRepo.ts';

// The tick's side of the reminders table. The claim is one UPDATE inside the tick's BEGIN IMMEDIATE
// transaction: whichever process (desktop, web host, CLI) gets there first owns the rows, the others see none.
// On PostgreSQL the same conditional UPDATE decides (a second transaction waits on the row locks, then finds
// fired_at set and skips the row), and the tick first takes the reminder writers' lock exclusively
// (reminderWriteLock.ts), so the catch-up and the supersede rule run for one client at a time, as they do behind
// SQLite's single writer, and no other client's recompute rewrites the rows under them.

/** Waits until no other client's tick or reminder write is running on this archive (PostgreSQL); a no-op on SQLite. */
export async function serializeReminderTicks(tx: Tx): Promise<void> {
  await lockReminderWritesExclusive(tx);
}

export interface DueReminder {
  id: string;
  kind: ReminderKind;
  subjectId: string;
  customerId: string;
  occurrenceDate: string;
  step: number;
  dueAt: string;
}

const DUE_COLUMNS = [
  'id',
  'kind',
  'subject_id as subjectId',
  'customer_id as customerId',
  'occurrence_date as occurrenceDate',
  'step',
  'due_at as dueAt',
] as const;

/** UPDATE reminders SET fired_at = ? WHERE fired_at IS NULL AND due_at <= ?, returning what it claimed. */
export async function claimDueReminders(tx: Tx, nowIso: string): Promise<DueReminder[]> {
  const rows = await q(tx)
    .updateTable('reminders')
    .set({ fired_at: nowIso, outcome: 'fired', updated_at: nowIso })
    .where('fired_at', 'is', null)
    .where('due_at', '<=', nowIso)
    .returning(DUE_COLUMNS)
    .execute();
  return rows as DueReminder[];
}

/** The same rows as the claim would take, without taking them (remind --dry-run). */
export async function selectDueReminders(x: Executor, nowIso: string): Promise<DueReminder[]> {
  const rows = await q(x)
    .selectFrom('reminders')
    .select(DUE_COLUMNS)
    .where('fired_at', 'is', null)
    .where('due_at', '<=', nowIso)
    .execute();
  return rows as DueReminder[];
}

export async function markSuperseded(tx: Tx, ids: readonly string[]): Promise<void> {
  for (const part of chunks(ids)) await q(tx).updateTable('reminders').set({ outcome: 'superseded' }).where('id', 'in', part).execute();
}

export interface ExpiryFacts {
  contractId: string;
  contractNo: string;
  endsOn: string | null;
  amountFen: number | null;
  currency: string;
  customerId: string;
  customerName: string;
  tier: string;
  ownerName: string | null;
  contactName: string | null;
}

/** What a notification about a contract says: its number, customer, amount, owner and primary contact. */
export async function expiryFacts(x: Executor, contractIds: readonly string[]): Promise<Map<string, ExpiryFacts>> {
  const out = new Map<string, ExpiryFacts>();
  for (const part of chunks(contractIds)) {
    const rows = await q(x)
      .selectFrom('contracts as k')
      .innerJoin('customers as c', 'c.id', 'k.customer_id')
      .leftJoin('owners as o', (j) => j.on((eb) => eb('o.id', '=', eb.fn.coalesce('k.owner_id', 'c.owner_id'))))
      .leftJoin('contacts as p', (j) => j.onRef('p.customer_id', '=', 'c.id').on('p.is_primary', '=', 1).on('p.deleted_at', 'is', null))
      .select([
        'k.id as contractId',
        'k.number as contractNo',
        'k.ends_on as endsOn',
        'k.amount_fen as amountFen',
        'k.currency',
        'c.id as customerId',
        'c.name as customerName',
        'c.tier',
        'o.name as ownerName',
        'p.name as contactName',
      ])
      .where('k.id', 'in', part)
      .execute();
    for (const r of rows) out.set(r.contractId, r);
  }
  return out;
}

export interface CareFacts {
  subjectId: string;
  customerId: string;
  customerName: string;
  /** The contact's name (birthday) or the follow-up's summary. */
  label: string;
  /** The contact's birthday, for rolling the yearly reminder forward. */
  birthday: string | null;
}

export async function birthdayFacts(x: Executor, contactIds: readonly string[]): Promise<Map<string, CareFacts>> {
  if (contactIds.length === 0) return new Map();
  const rows = await q(x)
    .selectFrom('contacts as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .select(['p.id as subjectId', 'c.id as customerId', 'c.name as customerName', 'p.name as label', 'p.birthday'])
    .where('p.id', 'in', [...contactIds])
    .execute();
  return new Map(rows.map((r) => [r.subjectId, r]));
}

export async function followUpFacts(x: Executor, followUpIds: readonly string[]): Promise<Map<string, CareFacts>> {
  if (followUpIds.length === 0) return new Map();
  const rows = await q(x)
    .selectFrom('follow_ups as f')
    .innerJoin('customers as c', 'c.id', 'f.customer_id')
    .select(['f.id as subjectId', 'c.id as customerId', 'c.name as customerName', 'f.summary as label'])
    .where('f.id', 'in', [...followUpIds])
    .execute();
  return new Map(rows.map((r) => [r.subjectId, { ...r, birthday: null }]));
}

export interface PaymentFacts {
  instalmentId: string;
  contractId: string;
  contractNo: string;
  currency: string;
  customerId: string;
  customerName: string;
  /** The contract's owner, else its customer's. */
  ownerName: string | null;
  dueOn: string;
  dueAmountFen: number;
  paidAmountFen: number;
  /** The instalment, its contract or its customer was deleted. */
  deleted: boolean;
}

/** What a 回款逾期 notification says: the instalment with its contract, customer and owner. */
export async function paymentFacts(x: Executor, instalmentIds: readonly string[]): Promise<Map<string, PaymentFacts>> {
  const out = new Map<string, PaymentFacts>();
  for (const part of chunks(instalmentIds)) {
    const rows = await q(x)
      .selectFrom('contract_instalments as i')
      .innerJoin('contracts as k', 'k.id', 'i.contract_id')
      .innerJoin('customers as c', 'c.id', 'k.customer_id')
      .leftJoin('owners as o', (j) => j.on((eb) => eb('o.id', '=', eb.fn.coalesce('k.owner_id', 'c.owner_id'))))
      .select((eb) => [
        'i.id as instalmentId',
        'k.id as contractId',
        'k.number as contractNo',
        'k.currency',
        'c.id as customerId',
        'c.name as customerName',
        'o.name as ownerName',
        'i.due_on as dueOn',
        'i.due_amount_fen as dueAmountFen',
        'i.paid_amount_fen as paidAmountFen',
        eb.or([eb('i.deleted_at', 'is not', null), eb('k.deleted_at', 'is not', null), eb('c.deleted_at', 'is not', null)]).as('deleted'),
      ])
      .where('i.id', 'in', part)
      .execute();
    for (const r of rows) out.set(r.instalmentId, { ...r, deleted: Boolean(r.deleted) });
  }
  return out;
}
