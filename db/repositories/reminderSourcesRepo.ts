import { sql } from 'kysely';
import { engineOf, q, type Executor } from '../handle.ts';
import { chunks } from './remindersRepo.ts';
import { readSetting } from './settingsRepo.ts';
import { writerXidOf } from './rowWriterXid.ts';

// The inputs of reminder recomputation, read in one query per kind: a contract with its customer's tier, its
// renewal stage and its own ladder override; a contact's birthday; a follow-up's next date.

export interface ContractReminderSource {
  id: string;
  customerId: string;
  endsOn: string | null;
  status: string;
  deleted: boolean;
  /** The customer is archived: its steps are suspended until it comes back. */
  archived: boolean;
  tier: string;
  stage: string | null;
  overrideSteps: string | null;
  /** 提醒日期: a one-off reminder on top of the ladder. */
  remindOn: string | null;
}

function contractSources(x: Executor) {
  return q(x)
    .selectFrom('contracts as k')
    .innerJoin('customers as c', 'c.id', 'k.customer_id')
    .leftJoin('renewals as r', (j) => j.onRef('r.contract_id', '=', 'k.id').on('r.deleted_at', 'is', null))
    .leftJoin('reminder_rules as rr', (j) =>
      j.onRef('rr.scope_id', '=', 'k.id').on('rr.scope', '=', 'contract').on('rr.deleted_at', 'is', null),
    )
    .select((eb) => [
      'k.id',
      'k.customer_id as customerId',
      'k.ends_on as endsOn',
      'k.status',
      eb.or([eb('k.deleted_at', 'is not', null), eb('c.deleted_at', 'is not', null)]).as('deleted'),
      eb('c.archived_at', 'is not', null).as('archived'),
      'c.tier',
      'r.stage',
      'rr.steps as overrideSteps',
      'k.remind_on as remindOn',
    ]);
}

const toBool = <T extends { deleted: unknown }>(r: T) => ({ ...r, deleted: Boolean(r.deleted) });
const contractToBool = <T extends { deleted: unknown; archived: unknown }>(r: T) => ({ ...r, deleted: Boolean(r.deleted), archived: Boolean(r.archived) });

// The same select as contractSources, as plain SQL: recomputation runs inside every contract write, and
// building this four-table join through the query builder cost about a millisecond a call. Aliases are quoted:
// PostgreSQL folds bare ones to lower case.
const CONTRACT_SOURCE_SQL = sql.raw(`
  SELECT k.id, k.customer_id AS "customerId", k.ends_on AS "endsOn", k.status,
         (k.deleted_at IS NOT NULL OR c.deleted_at IS NOT NULL) AS deleted, (c.archived_at IS NOT NULL) AS archived, c.tier, r.stage,
         rr.steps AS "overrideSteps", k.remind_on AS "remindOn"
  FROM contracts k
  JOIN customers c ON c.id = k.customer_id
  LEFT JOIN renewals r ON r.contract_id = k.id AND r.deleted_at IS NULL
  LEFT JOIN reminder_rules rr ON rr.scope_id = k.id AND rr.scope = 'contract' AND rr.deleted_at IS NULL`);

export async function contractReminderSources(x: Executor, ids: readonly string[]): Promise<ContractReminderSource[]> {
  const out: ContractReminderSource[] = [];
  for (const part of chunks(ids)) {
    const { rows } = await sql<ContractReminderSource>`${CONTRACT_SOURCE_SQL} WHERE k.id IN (${sql.join(part)})`.execute(q(x));
    out.push(...rows.map(contractToBool));
  }
  return out;
}

/** Every contract of these customers, in one statement (tier classification passes tens of thousands). */
export async function contractReminderSourcesOfCustomers(x: Executor, customerIds: readonly string[]): Promise<ContractReminderSource[]> {
  if (customerIds.length === 0) return [];
  // PostgreSQL has no json_each: there the ids go as one array parameter.
  const inList = engineOf(x) === 'postgres' ? sql`= ANY(${[...customerIds]}::text[])` : sql`IN (SELECT value FROM json_each(${JSON.stringify(customerIds)}))`;
  const { rows } = await sql<ContractReminderSource>`${CONTRACT_SOURCE_SQL} WHERE k.customer_id ${inList}`.execute(q(x));
  return rows.map(contractToBool);
}

/** One page of every contract, in id order, for recomputing everything after a settings change. */
export async function contractReminderSourcePage(x: Executor, afterId: string, limit: number): Promise<ContractReminderSource[]> {
  const rows = await contractSources(x).where('k.id', '>', afterId).orderBy('k.id').limit(limit).execute();
  return rows.map(contractToBool);
}

export async function contractIdsOfCustomers(x: Executor, customerIds: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const part of chunks(customerIds)) {
    const rows = await q(x).selectFrom('contracts').select('id').where('customer_id', 'in', part).execute();
    out.push(...rows.map((r) => r.id));
  }
  return out;
}

/** Sources by their own ids, or by their customers' ids; read in chunks under SQLite's parameter limit. */
export interface SourceFilter {
  ids?: readonly string[];
  customerIds?: readonly string[];
}

export interface BirthdaySource {
  id: string;
  customerId: string;
  birthday: string | null;
  deleted: boolean;
}

function birthdaySources(x: Executor) {
  return q(x)
    .selectFrom('contacts as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .select((eb) => [
      'p.id',
      'p.customer_id as customerId',
      'p.birthday',
      // An archived customer's birthdays are suspended like its contracts.
      eb.or([eb('p.deleted_at', 'is not', null), eb('c.deleted_at', 'is not', null), eb('c.archived_at', 'is not', null)]).as('deleted'),
    ]);
}

export async function birthdaySourcesOf(x: Executor, filter: SourceFilter): Promise<BirthdaySource[]> {
  const out: BirthdaySource[] = [];
  for (const part of chunks(filter.ids ?? [])) out.push(...(await birthdaySources(x).where('p.id', 'in', part).execute()).map(toBool));
  for (const part of chunks(filter.customerIds ?? [])) out.push(...(await birthdaySources(x).where('p.customer_id', 'in', part).execute()).map(toBool));
  return out;
}

export async function allBirthdaySources(x: Executor): Promise<BirthdaySource[]> {
  return (await birthdaySources(x).where('p.birthday', 'is not', null).execute()).map(toBool);
}

export interface FollowUpSource {
  id: string;
  customerId: string;
  nextOn: string | null;
  /** Done, deleted, or its customer deleted: no reminder. */
  closed: boolean;
}

function followUpSources(x: Executor) {
  return q(x)
    .selectFrom('follow_ups as f')
    .innerJoin('customers as c', 'c.id', 'f.customer_id')
    .select((eb) => [
      'f.id',
      'f.customer_id as customerId',
      'f.next_follow_up_on as nextOn',
      eb.or([eb('f.deleted_at', 'is not', null), eb('f.next_done_at', 'is not', null), eb('c.deleted_at', 'is not', null), eb('c.archived_at', 'is not', null)]).as('closed'),
    ]);
}

export async function followUpSourcesOf(x: Executor, filter: SourceFilter): Promise<FollowUpSource[]> {
  const out: FollowUpSource[] = [];
  const shape = (rows: (Omit<FollowUpSource, 'closed'> & { closed: unknown })[]) => rows.map((r) => ({ ...r, closed: Boolean(r.closed) }));
  for (const part of chunks(filter.ids ?? [])) out.push(...shape(await followUpSources(x).where('f.id', 'in', part).execute()));
  for (const part of chunks(filter.customerIds ?? [])) out.push(...shape(await followUpSources(x).where('f.customer_id', 'in', part).execute()));
  return out;
}

export async function allOpenFollowUpSources(x: Executor): Promise<FollowUpSource[]> {
  const rows = await followUpSources(x).where('f.next_follow_up_on', 'is not', null).where('f.next_done_at', 'is', null).execute();
  return rows.map((r) => ({ ...r, closed: Boolean(r.closed) }));
}

export interface PaymentReminderSource {
  /** The instalment's id: the reminder's subject. */
  id: string;
  customerId: string;
  dueOn: string;
  /** Paid in full: no reminder (a pending one is removed, one that fired stays as it was). */
  settled: boolean;
  /** The instalment, its contract or its customer deleted, or the customer archived: no reminder. */
  closed: boolean;
}

// An instalment with its contract's customer; plain SQL like CONTRACT_SOURCE_SQL (it runs inside every payment write).
const PAYMENT_SOURCE_SQL = sql.raw(`
  SELECT i.id, k.customer_id AS "customerId", i.due_on AS "dueOn", (i.paid_amount_fen >= i.due_amount_fen) AS settled,
         (i.deleted_at IS NOT NULL OR k.deleted_at IS NOT NULL OR c.deleted_at IS NOT NULL OR c.archived_at IS NOT NULL) AS closed
  FROM contract_instalments i
  JOIN contracts k ON k.id = i.contract_id
  JOIN customers c ON c.id = k.customer_id`);

const paymentToBool = (r: PaymentReminderSource) => ({ ...r, settled: Boolean(r.settled), closed: Boolean(r.closed) });

/**
 * Instalments by their own ids, or the live instalments of these contracts (a deleted one lost its pending step
 * when it was deleted; the filter lets the partial index contract_instalments_contract_due serve the lookup).
 */
export async function paymentSourcesOf(x: Executor, filter: { ids?: readonly string[]; contractIds?: readonly string[] }): Promise<PaymentReminderSource[]> {
  const out: PaymentReminderSource[] = [];
  for (const part of chunks(filter.ids ?? [])) {
    out.push(...(await sql<PaymentReminderSource>`${PAYMENT_SOURCE_SQL} WHERE i.id IN (${sql.join(part)})`.execute(q(x))).rows.map(paymentToBool));
  }
  for (const part of chunks(filter.contractIds ?? [])) {
    out.push(...(await sql<PaymentReminderSource>`${PAYMENT_SOURCE_SQL} WHERE i.contract_id IN (${sql.join(part)}) AND i.deleted_at IS NULL`.execute(q(x))).rows.map(paymentToBool));
  }
  return out;
}

/** Every live unpaid instalment (the partial index contract_instalments_unpaid_due), for recomputing everything. */
export async function allUnpaidPaymentSources(x: Executor): Promise<PaymentReminderSource[]> {
  const { rows } = await sql<PaymentReminderSource>`${PAYMENT_SOURCE_SQL}
    WHERE i.deleted_at IS NULL AND i.paid_amount_fen < i.due_amount_fen`.execute(q(x));
  return rows.map(paymentToBool);
}

// The reminder catch-up's marker: per watched table, the latest updated_at it has seen (stored as JSON under a
// settings key, keyed by table name).
type WatchedTable = 'contracts' | 'customers' | 'contacts' | 'follow_ups' | 'contract_instalments';
const WATCHED: readonly WatchedTable[] = ['contracts', 'customers', 'contacts', 'follow_ups', 'contract_instalments'];
type ChangeMarks = Partial<Record<WatchedTable, string>>;

/** Reminder subjects written since the marker, by kind. */
export interface ChangedSubjects {
  contracts: string[];
  customers: string[];
  contacts: string[];
  followUps: string[];
  /** Instalments (payment reminders, migration 0028). */
  instalments: string[];
}

export interface SubjectChangeScan {
  changed: ChangedSubjects;
  total: number;
  /** No marker yet: the first look at this database, where everything counts as changed. */
  firstLook: boolean;
  /** What the marker becomes: per table the latest updated_at seen (SQLite), or the server's snapshot (PostgreSQL). */
  readonly marks: ChangeMarks | { snapshot: string };
  readonly moved: boolean;
}

/** Ids of rows written after `since` (ISO), and the latest write among them. */
async function changedSince(x: Executor, table: WatchedTable, since: string): Promise<{ ids: string[]; latest: string | null }> {
  const rows = await q(x).selectFrom(table).select(['id', 'updated_at']).where('updated_at', '>', since).execute();
  let latest: string | null = null;
  for (const r of rows) if (latest === null || r.updated_at > latest) latest = r.updated_at;
  return { ids: rows.map((r) => r.id), latest };
}

/** What was written to contracts, customers, contacts, follow-ups and instalments since the marker under `markerKey`. */
export async function scanSubjectChanges(x: Executor, markerKey: string): Promise<SubjectChangeScan> {
  if (engineOf(x) === 'postgres') return scanSubjectChangesOnServer(x, markerKey);
  const stored = (await readSetting(x, markerKey)) as ChangeMarks | undefined;
  const before: ChangeMarks = stored ?? {};
  const marks: ChangeMarks = { ...before };
  const found: Record<WatchedTable, string[]> = { contracts: [], customers: [], contacts: [], follow_ups: [], contract_instalments: [] };
  for (const table of WATCHED) {
    const { ids, latest } = await changedSince(x, table, before[table] ?? '');
    found[table] = ids;
    if (latest) marks[table] = latest;
  }
  return {
    changed: { contracts: found.contracts, customers: found.customers, contacts: found.contacts, followUps: found.follow_ups, instalments: found.contract_instalments },
    total: WATCHED.reduce((n, t) => n + found[t].length, 0),
    firstLook: !stored,
    marks,
    moved: !stored || WATCHED.some((t) => marks[t] !== before[t]),
  };
}

/**
 * PostgreSQL's catch-up reads the server's own change sequence, not updated_at: desktops stamp updated_at with
 * their own clocks, and one running ten minutes slow would write under a marker another had already moved past.
 * The marker is a server snapshot (pg_current_snapshot, taken before the scan); a row changed since is one whose
 * writing transaction (its xmin, widened to the 64-bit id) that snapshot did not see: committed later, or still
 * running then and so looked at again next time. A row may be seen twice; recomputing it again changes nothing.
 */
async function scanSubjectChangesOnServer(x: Executor, markerKey: string): Promise<SubjectChangeScan> {
  const stored = (await readSetting(x, markerKey)) as { snapshot?: unknown } | undefined;
  const since = typeof stored?.snapshot === 'string' ? stored.snapshot : null;
  const { rows } = await sql<{ snapshot: string }>`SELECT pg_current_snapshot()::text AS "snapshot"`.execute(q(x));
  const snapshot = rows[0]!.snapshot;
  const found: Record<WatchedTable, string[]> = { contracts: [], customers: [], contacts: [], follow_ups: [], contract_instalments: [] };
  for (const table of WATCHED) {
    const query =
      since === null
        ? sql<{ id: string }>`SELECT id FROM ${sql.table(table)}`
        : sql<{ id: string }>`SELECT t.id FROM ${sql.table(table)} t WHERE NOT pg_visible_in_snapshot(${writerXidOf('t')}, ${since}::pg_snapshot)`;
    found[table] = (await query.execute(q(x))).rows.map((r) => r.id);
  }
  return {
    changed: { contracts: found.contracts, customers: found.customers, contacts: found.contacts, followUps: found.follow_ups, instalments: found.contract_instalments },
    total: WATCHED.reduce((n, t) => n + found[t].length, 0),
    firstLook: since === null,
    marks: { snapshot },
    moved: true,
  };
}

/** Moves the marker to what `scan` saw, once its changes have been handled. */
export async function saveSubjectChangeMarks(x: Executor, markerKey: string, scan: SubjectChangeScan, atIso: string): Promise<void> {
  if (scan.moved) await writeMarker(x, markerKey, scan.marks, atIso);
}

/** A machine-kept marker in settings (not a user setting, so not audited). */
export async function writeMarker(x: Executor, key: string, value: unknown, atIso: string): Promise<void> {
  const json = JSON.stringify(value);
  await q(x)
    .insertInto('settings')
    .values({ key, value: json, created_at: atIso, updated_at: atIso })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: atIso }))
    .execute();
}
