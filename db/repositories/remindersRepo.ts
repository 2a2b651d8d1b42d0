import { sql } from 'kysely';
import { engineOf, q, type Executor, type Tx } from '../handle.ts';
import { newId } from '../newId.ts';
import { lockReminderWritesShared } from './reminderWriteLock.ts';

// Materialized reminder rows: recompute writes the pending ones; the tick (reminderClaimRepo) claims them.

export type ReminderKind = 'expiry' | 'birthday' | 'followup' | 'remind' | 'payment' | 'complaint' | 'holiday' | 'survey';

export interface DesiredReminder {
  occurrenceDate: string;
  step: number;
  localDate: string;
  timeOfDay: string;
  /** ISO UTC. */
  dueAt: string;
}

export interface ReminderSubject {
  kind: ReminderKind;
  subjectId: string;
  customerId: string;
  /** Every step this subject should have; pending rows not listed are removed. Fired rows are never touched. */
  desired: readonly DesiredReminder[];
}

export interface StoredReminder {
  id: string;
  kind: ReminderKind;
  subjectId: string;
  customerId: string;
  occurrenceDate: string;
  step: number;
  localDate: string;
  timeOfDay: string;
  dueAt: string;
  snoozedUntil: string | null;
  firedAt: string | null;
  outcome: 'fired' | 'superseded' | 'done' | 'missed' | null;
  doneAt: string | null;
}

const CHUNK = 400;

/** Splits a list for `IN (…)` lists, under SQLite's bound-parameter limit. */
export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function baseQuery(x: Executor) {
  return q(x)
    .selectFrom('reminders')
    .select([
      'id',
      'kind',
      'subject_id as subjectId',
      'customer_id as customerId',
      'occurrence_date as occurrenceDate',
      'step',
      'local_date as localDate',
      'time_of_day as timeOfDay',
      'due_at as dueAt',
      'snoozed_until as snoozedUntil',
      'fired_at as firedAt',
      'outcome',
      'done_at as doneAt',
    ]);
}

export async function remindersOfSubjects(x: Executor, kind: ReminderKind, subjectIds: readonly string[]): Promise<StoredReminder[]> {
  const out: StoredReminder[] = [];
  for (const part of chunks(subjectIds)) {
    const rows = await baseQuery(x).where('kind', '=', kind).where('subject_id', 'in', part).execute();
    out.push(...(rows as StoredReminder[]));
  }
  return out;
}

export async function getReminder(x: Executor, id: string): Promise<StoredReminder | undefined> {
  return (await baseQuery(x).where('id', '=', id).executeTakeFirst()) as StoredReminder | undefined;
}

const keyOf = (r: { occurrenceDate: string; step: number }) => `${r.occurrenceDate}|${r.step}`;

function newRow(kind: ReminderKind, subjectId: string, customerId: string, d: DesiredReminder, nowIso: string) {
  return {
    id: newId(),
    kind,
    subject_id: subjectId,
    customer_id: customerId,
    occurrence_date: d.occurrenceDate,
    step: d.step,
    local_date: d.localDate,
    time_of_day: d.timeOfDay,
    due_at: d.dueAt,
    snoozed_until: null,
    fired_at: null,
    outcome: null,
    done_at: null,
    created_at: nowIso,
    updated_at: nowIso,
  };
}

/**
 * Brings the pending rows of each subject in line with its desired steps: inserts the missing, moves the
 * changed (unless the user snoozed them), deletes the ones no longer wanted. Rows that fired stay as they are,
 * which is what stops a step from firing twice when its date is edited away and back.
 */
export async function syncPendingReminders(tx: Tx, kind: ReminderKind, subjects: readonly ReminderSubject[], nowIso: string) {
  // Before the read: no tick claims, and no full recompute rewrites, the rows this diff is planned on.
  await lockReminderWritesShared(tx);
  const existing = await remindersOfSubjects(
    tx,
    kind,
    subjects.map((s) => s.subjectId),
  );
  const plan = planReminderSync(kind, subjects, existing, nowIso);
  // Another client's snooze since the read (PostgreSQL): the instant the user chose stays. SQLite's statement is
  // left as it was: there nothing changes a row between this transaction's read and its write.
  const sharedArchive = engineOf(tx) === 'postgres';
  for (const u of plan.updates) {
    await q(tx)
      .updateTable('reminders')
      .set({ local_date: u.localDate, time_of_day: u.timeOfDay, due_at: u.dueAt, customer_id: u.customerId, updated_at: nowIso })
      .where('id', '=', u.id)
      .where('fired_at', 'is', null)
      .$if(sharedArchive, (qb) => qb.where('snoozed_until', 'is', null))
      .execute();
  }
  // Only still-pending rows: a fired step must stay fired (on PostgreSQL a snooze or done from another client may
  // have changed the row since it was read; this statement waits on its row lock, then skips it).
  for (const part of chunks(plan.deletes)) await q(tx).deleteFrom('reminders').where('id', 'in', part).where('fired_at', 'is', null).execute();
  // 14 columns a row keeps each statement under SQLite's bound-parameter limit.
  for (const part of chunks(plan.inserts, 60)) await insertPlanned(tx, part);
  return { inserted: plan.inserts.length, updated: plan.updates.length, deleted: plan.deletes.length };
}

export type NewReminderRow = ReturnType<typeof newRow>;

/**
 * The diff's new rows. On PostgreSQL two clients' recomputes of one subject (an edit here, a tier change there) may
 * both find a step missing and insert it: the second one meets the first one's row on the unique key and moves it
 * to its own instant while it is pending and not snoozed, the way its diff would have, and leaves a fired,
 * snoozed or closed step as it is. SQLite's single writer never meets a row its own read did not see.
 */
async function insertPlanned(tx: Tx, rows: readonly NewReminderRow[]): Promise<void> {
  if (engineOf(tx) !== 'postgres') {
    await q(tx).insertInto('reminders').values(rows).execute();
    return;
  }
  await q(tx)
    .insertInto('reminders')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['kind', 'subject_id', 'occurrence_date', 'step'])
        .doUpdateSet((eb) => ({
          local_date: eb.ref('excluded.local_date'),
          time_of_day: eb.ref('excluded.time_of_day'),
          due_at: eb.ref('excluded.due_at'),
          customer_id: eb.ref('excluded.customer_id'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .where('reminders.fired_at', 'is', null)
        .where('reminders.snoozed_until', 'is', null),
    )
    .execute();
}

/** What bringing the subjects' pending rows in line with their desired steps writes (syncPendingReminders). */
export interface ReminderSyncPlan {
  inserts: NewReminderRow[];
  updates: { id: string; localDate: string; timeOfDay: string; dueAt: string; customerId: string }[];
  deletes: string[];
}

/** The diff of syncPendingReminders, shared with its bulk twin (db/bulk/bulkReminderSync.ts). */
export function planReminderSync(kind: ReminderKind, subjects: readonly ReminderSubject[], existing: readonly StoredReminder[], nowIso: string): ReminderSyncPlan {
  const bySubject = new Map<string, StoredReminder[]>();
  for (const r of existing) {
    const list = bySubject.get(r.subjectId);
    if (list) list.push(r);
    else bySubject.set(r.subjectId, [r]);
  }
  const plan: ReminderSyncPlan = { inserts: [], updates: [], deletes: [] };
  for (const s of subjects) {
    const rows = bySubject.get(s.subjectId) ?? [];
    const have = new Map(rows.map((r) => [keyOf(r), r]));
    const want = new Set(s.desired.map(keyOf));
    for (const r of rows) if (r.firedAt === null && !want.has(keyOf(r))) plan.deletes.push(r.id);
    for (const d of s.desired) {
      const row = have.get(keyOf(d));
      if (!row) {
        plan.inserts.push(newRow(kind, s.subjectId, s.customerId, d, nowIso));
      } else if (
        row.firedAt === null &&
        row.snoozedUntil === null &&
        (row.localDate !== d.localDate || row.timeOfDay !== d.timeOfDay || row.dueAt !== d.dueAt || row.customerId !== s.customerId)
      ) {
        plan.updates.push({ id: row.id, localDate: d.localDate, timeOfDay: d.timeOfDay, dueAt: d.dueAt, customerId: s.customerId });
      }
    }
  }
  return plan;
}

/** Adds one step unless its key already exists (the yearly birthday roll-forward). */
export async function insertReminderIfAbsent(tx: Tx, kind: ReminderKind, subjectId: string, customerId: string, d: DesiredReminder, nowIso: string) {
  await lockReminderWritesShared(tx);
  await q(tx)
    .insertInto('reminders')
    .values(newRow(kind, subjectId, customerId, d, nowIso))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Pending rows that follow the settings (not snoozed), for deriving their instants again after a zone change. */
export async function pendingScheduleRows(x: Executor): Promise<{ id: string; localDate: string; timeOfDay: string; dueAt: string }[]> {
  return q(x)
    .selectFrom('reminders')
    .select(['id', 'local_date as localDate', 'time_of_day as timeOfDay', 'due_at as dueAt'])
    .where('fired_at', 'is', null)
    .where('snoozed_until', 'is', null)
    .execute();
}

export async function setDueAt(tx: Tx, id: string, dueAt: string, nowIso: string): Promise<void> {
  await lockReminderWritesShared(tx);
  await q(tx).updateTable('reminders').set({ due_at: dueAt, updated_at: nowIso }).where('id', '=', id).execute();
}

/** Re-arms a step for a later instant: it becomes claimable again exactly once. */
export async function rearmReminder(tx: Tx, id: string, untilIso: string, nowIso: string): Promise<void> {
  await lockReminderWritesShared(tx);
  await q(tx)
    .updateTable('reminders')
    .set({ due_at: untilIso, snoozed_until: untilIso, fired_at: null, outcome: null, done_at: null, updated_at: nowIso })
    .where('id', '=', id)
    .execute();
}

/** Closes a step: it never fires (again). */
export async function closeReminder(tx: Tx, id: string, nowIso: string): Promise<void> {
  await lockReminderWritesShared(tx);
  await q(tx)
    .updateTable('reminders')
    .set({
      done_at: nowIso,
      fired_at: sql<string>`coalesce(fired_at, ${nowIso})`,
      outcome: sql<string>`coalesce(outcome, 'done')`,
      updated_at: nowIso,
    })
    .where('id', '=', id)
    .execute();
}

export async function countPendingReminders(x: Executor): Promise<number> {
  const row = await q(x)
    .selectFrom('reminders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('fired_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
