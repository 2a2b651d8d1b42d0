// syncPendingReminders (db/repositories/remindersRepo.ts) for tens of thousands of subjects at once: the same diff
// (planReminderSync), read in one statement and written through prepared statements on the raw connection,
// many rows an INSERT. Tier classification moves whole tiers of customers, and only their expiry ladders follow.
import { engineOf, rawOf, type Db, type Tx } from '../handle.ts';
import { planReminderSync, syncPendingReminders, type ReminderKind, type ReminderSubject, type StoredReminder } from '../repositories/remindersRepo.ts';
import { BulkInserter, StatementCache } from '../statementCache.ts';

const REMINDER_COLUMNS = [
  'id', 'kind', 'subject_id', 'customer_id', 'occurrence_date', 'step', 'local_date', 'time_of_day', 'due_at',
  'snoozed_until', 'fired_at', 'outcome', 'done_at', 'created_at', 'updated_at',
] as const;

/**
 * Must run inside `tx`, the transaction on `db`. PostgreSQL has no raw connection to prepare on: there the same
 * diff is written through the transaction's query builder (syncPendingReminders).
 */
export async function syncPendingRemindersBulk(db: Db, tx: Tx, kind: ReminderKind, subjects: readonly ReminderSubject[], nowIso: string) {
  if (subjects.length === 0) return { inserted: 0, updated: 0, deleted: 0 };
  if (engineOf(tx) === 'postgres') return syncPendingReminders(tx, kind, subjects, nowIso);
  const cache = new StatementCache(rawOf(db));
  const existing = cache
    .get(
      `SELECT id, kind, subject_id AS subjectId, customer_id AS customerId, occurrence_date AS occurrenceDate, step,
              local_date AS localDate, time_of_day AS timeOfDay, due_at AS dueAt, snoozed_until AS snoozedUntil,
              fired_at AS firedAt, outcome, done_at AS doneAt
       FROM reminders WHERE kind = ? AND subject_id IN (SELECT value FROM json_each(?))`,
    )
    .all(kind, JSON.stringify(subjects.map((s) => s.subjectId))) as StoredReminder[];
  const plan = planReminderSync(kind, subjects, existing, nowIso);
  const update = cache.get('UPDATE reminders SET local_date = ?, time_of_day = ?, due_at = ?, customer_id = ?, updated_at = ? WHERE id = ?');
  for (const u of plan.updates) update.run(u.localDate, u.timeOfDay, u.dueAt, u.customerId, nowIso, u.id);
  const remove = cache.get('DELETE FROM reminders WHERE id = ?');
  for (const id of plan.deletes) remove.run(id);
  const insert = new BulkInserter(cache, 'reminders', REMINDER_COLUMNS);
  for (const r of plan.inserts) insert.add(REMINDER_COLUMNS.map((c) => r[c]));
  insert.flush();
  return { inserted: plan.inserts.length, updated: plan.updates.length, deleted: plan.deletes.length };
}
