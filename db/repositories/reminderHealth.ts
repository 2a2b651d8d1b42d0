import { sql } from 'kysely';
import { q, type Executor } from '../handle.ts';

// Read-only checks of the reminder tables' invariants, for the soak and crash tests and for diagnostics.

/** The earliest instant at which something becomes claimable, or null when nothing is pending. */
export async function nextPendingDueAt(x: Executor): Promise<string | null> {
  const row = await q(x)
    .selectFrom('reminders')
    .select((eb) => eb.fn.min('due_at').as('next'))
    .where('fired_at', 'is', null)
    .executeTakeFirst();
  return (row?.next as string | null | undefined) ?? null;
}

/** Steps due at `nowIso` that nobody claimed: after a tick at that instant this must be 0. */
export async function countDueUnclaimed(x: Executor, nowIso: string): Promise<number> {
  const row = await q(x)
    .selectFrom('reminders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('fired_at', 'is', null)
    .where('due_at', '<=', nowIso)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface OutboxHealth {
  notifications: number;
  /** The same step claimed twice for the same arming. */
  duplicateClaims: number;
  /** Recorded before the instant the step was due. */
  early: number;
  undelivered: number;
  /** Fired steps with no notification row (a claim without its in-app record). */
  claimsWithoutRecord: number;
}

// Aliases quoted (PostgreSQL folds bare ones to lower case); the derived table named (PostgreSQL requires it).
export async function outboxHealth(x: Executor): Promise<OutboxHealth> {
  const { rows } = await sql<OutboxHealth>`
    SELECT
      (SELECT count(*) FROM notifications) AS "notifications",
      (SELECT count(*) FROM (SELECT 1 FROM notifications WHERE reminder_id IS NOT NULL
         GROUP BY reminder_id, due_at HAVING count(*) > 1) AS dup) AS "duplicateClaims",
      (SELECT count(*) FROM notifications WHERE fired_at < due_at) AS "early",
      (SELECT count(*) FROM notifications WHERE delivered_at IS NULL) AS "undelivered",
      (SELECT count(*) FROM reminders r WHERE r.outcome = 'fired' AND NOT EXISTS
         (SELECT 1 FROM notifications n WHERE n.reminder_id = r.id AND n.due_at = r.due_at)) AS "claimsWithoutRecord"`.execute(q(x));
  const r = rows[0]!;
  return {
    notifications: Number(r.notifications),
    duplicateClaims: Number(r.duplicateClaims),
    early: Number(r.early),
    undelivered: Number(r.undelivered),
    claimsWithoutRecord: Number(r.claimsWithoutRecord),
  };
}

/** Every reminder row's schedule, for checking that recomputation is a fixed point. */
export async function reminderFingerprint(x: Executor): Promise<string[]> {
  const rows = await q(x)
    .selectFrom('reminders')
    .select(['kind', 'subject_id', 'occurrence_date', 'step', 'due_at', 'fired_at'])
    .orderBy('kind')
    .orderBy('subject_id')
    .orderBy('occurrence_date')
    .orderBy('step')
    .execute();
  return rows.map((r) => `${r.kind}|${r.subject_id}|${r.occurrence_date}|${r.step}|${r.due_at}|${r.fired_at ?? ''}`);
}

/** How many ticks still have undelivered toasts: a start-up redelivers one toast per tick. */
export async function undeliveredTickCount(x: Executor): Promise<number> {
  const row = await q(x)
    .selectFrom('notifications')
    .select((eb) => eb.fn.count<number>('tick_id').distinct().as('n'))
    .where('delivered_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
