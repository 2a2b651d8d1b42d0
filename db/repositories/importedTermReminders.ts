import { q, type Executor, type Tx } from '../handle.ts';
import { chunks, type ReminderKind } from './remindersRepo.ts';
import { lockReminderWritesShared } from './reminderWriteLock.ts';
import { overdueUndecidedTerms } from './renewalsRepo.ts';

// History is not news: the reminder rows of terms an import (or the demo) brought in, and of customers coming
// back from the archive, whose due instant has already passed are recorded as missed instead of firing.

const CONTRACT_KINDS: readonly ReminderKind[] = ['expiry', 'remind'];

/**
 * Marks the subjects' unfired steps due at or before `nowIso` as missed; returns the subjects hit. `kinds`: the
 * contract steps by default; the demo's follow-ups pass 'followup'.
 */
export async function markPastStepsMissed(tx: Tx, subjectIds: readonly string[], nowIso: string, kinds: readonly ReminderKind[] = CONTRACT_KINDS): Promise<Set<string>> {
  const hit = new Set<string>();
  await lockReminderWritesShared(tx);
  for (const part of chunks(subjectIds)) {
    const rows = await q(tx)
      .updateTable('reminders')
      .set({ fired_at: nowIso, outcome: 'missed', updated_at: nowIso })
      .where('kind', 'in', [...kinds])
      .where('fired_at', 'is', null)
      .where('due_at', '<', nowIso)
      .where('subject_id', 'in', part)
      .returning('subject_id')
      .execute();
    for (const r of rows) hit.add(r.subject_id);
  }
  return hit;
}

/** Of these contracts, the live active undecided ones whose end has passed (已逾期). */
export async function overdueUndecided(x: Executor, contractIds: readonly string[], today: string): Promise<Set<string>> {
  const out = new Set<string>();
  for (const part of chunks(contractIds)) {
    const rows = await overdueUndecidedTerms(x, today).select('k.id').where('k.id', 'in', part).execute();
    for (const r of rows) out.add(r.id);
  }
  return out;
}

/** The contracts a batch created (audited as created: no before-image), for cleaning up after its undo. */
export async function contractsCreatedByBatch(x: Executor, batchId: string): Promise<string[]> {
  const rows = await q(x)
    .selectFrom('audit_log')
    .select('entity_id')
    .where('batch_id', '=', batchId)
    .where('entity', '=', 'contracts')
    .where('before', 'is', null)
    .execute();
  return rows.map((r) => r.entity_id);
}

/**
 * After an undo: the reminder rows of the contracts it removed, their unread notifications, and the batch's own
 * summary notification go too, so nothing points at terms that are gone.
 */
export async function removeRemindersOfContracts(tx: Tx, contractIds: readonly string[], summarySubjectId: string | null): Promise<{ reminders: number; notifications: number }> {
  let reminders = 0;
  let notifications = 0;
  await lockReminderWritesShared(tx);
  for (const part of chunks(contractIds)) {
    const r = await q(tx).deleteFrom('reminders').where('kind', 'in', [...CONTRACT_KINDS]).where('subject_id', 'in', part).executeTakeFirst();
    reminders += Number(r.numDeletedRows);
    const n = await q(tx).deleteFrom('notifications').where('subject_id', 'in', part).where('read_at', 'is', null).executeTakeFirst();
    notifications += Number(n.numDeletedRows);
  }
  if (summarySubjectId !== null) {
    const n = await q(tx).deleteFrom('notifications').where('kind', '=', 'summary').where('subject_id', '=', summarySubjectId).executeTakeFirst();
    notifications += Number(n.numDeletedRows);
  }
  return { reminders, notifications };
}
