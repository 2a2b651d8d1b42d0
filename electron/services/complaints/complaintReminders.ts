// 投诉超时: an open complaint reminds its handler once, at its SLA deadline (the instant itself, never moved to a
// working day: the working-hours SLA already counted those). Closed, deleted, or its customer archived: the pending
// reminder goes; one that fired stays fired, so undoing a step never reminds twice.
import { format } from 'date-fns';
import { localDateOf } from '../../../shared/domain/dates.ts';
import type { Tx } from '../../../db/handle.ts';
import { allOpenComplaintReminderSources, complaintReminderSources, complaintReminderSourcesOfCustomers, type ComplaintReminderSource } from '../../../db/repositories/complaintsRepo.ts';
import { syncPendingReminders, type DesiredReminder, type ReminderSubject } from '../../../db/repositories/remindersRepo.ts';
import type { ServiceContext } from '../serviceContext.ts';

/** The step of a complaint reminder: at the deadline. */
export const COMPLAINT_OVERDUE_STEP = 0;

export function complaintOverdueReminder(dueAtIso: string): DesiredReminder {
  const due = new Date(dueAtIso);
  const date = localDateOf(due);
  return { occurrenceDate: date, step: COMPLAINT_OVERDUE_STEP, localDate: date, timeOfDay: format(due, 'HH:mm'), dueAt: due.toISOString() };
}

async function syncComplaints(ctx: ServiceContext, tx: Tx, sources: readonly ComplaintReminderSource[]): Promise<void> {
  if (sources.length === 0) return;
  const subjects: ReminderSubject[] = sources.map((s) => ({
    kind: 'complaint',
    subjectId: s.id,
    customerId: s.customerId,
    desired: s.closed ? [] : [complaintOverdueReminder(s.dueAt)],
  }));
  await syncPendingReminders(tx, 'complaint', subjects, ctx.now().toISOString());
}

/** After a complaint was received, advanced or undone. */
export async function recomputeComplaintReminders(ctx: ServiceContext, tx: Tx, complaintIds: readonly string[]): Promise<void> {
  if (complaintIds.length === 0) return;
  await syncComplaints(ctx, tx, await complaintReminderSources(tx, complaintIds));
}

/** The complaints of customers archived, deleted, restored or merged: an archived customer's complaint stays quiet. */
export async function recomputeComplaintRemindersOfCustomers(ctx: ServiceContext, tx: Tx, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await syncComplaints(ctx, tx, await complaintReminderSourcesOfCustomers(tx, customerIds));
}

/** Every open complaint (recomputeAllReminders: a zone change, a restore). */
export async function recomputeAllComplaintReminders(ctx: ServiceContext, tx: Tx): Promise<void> {
  await syncComplaints(ctx, tx, await allOpenComplaintReminderSources(tx));
}
