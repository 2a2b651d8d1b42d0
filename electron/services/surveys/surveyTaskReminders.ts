// A survey campaign's task reminds the customer's owner on the campaign's date (reminder kind 'survey', subject =
// the task). Answered (a live survey recorded in the campaign), or the task, campaign or customer gone or archived:
// the pending reminder goes; one that fired stays as it was.
import type { Tx } from '../../../db/handle.ts';
import { syncPendingReminders, type ReminderSubject } from '../../../db/repositories/remindersRepo.ts';
import { allOpenSurveyTaskSources, surveyTaskIdsOfCustomers, surveyTaskSources, type SurveyTaskSource } from '../../../db/repositories/surveyCampaignsRepo.ts';
import { computeLadder } from '../../../shared/reminders/reminderLadder.ts';
import { loadReminderConfig, type ReminderConfig } from '../reminders/reminderConfig.ts';
import type { ServiceContext } from '../serviceContext.ts';

async function syncSurveyTasks(ctx: ServiceContext, tx: Tx, sources: readonly SurveyTaskSource[], config: ReminderConfig): Promise<void> {
  if (sources.length === 0) return;
  const subjects: ReminderSubject[] = sources.map((t) => ({
    kind: 'survey',
    subjectId: t.id,
    customerId: t.customerId,
    desired: t.closed
      ? []
      : computeLadder(t.onDate, [0], { ...config.ladder, shiftToWorkingDay: false }, config.calendar).map((s) => ({
          occurrenceDate: s.occurrenceDate,
          step: s.step,
          localDate: s.localDate,
          timeOfDay: s.timeOfDay,
          dueAt: s.dueAt.toISOString(),
        })),
  }));
  await syncPendingReminders(tx, 'survey', subjects, ctx.now().toISOString());
}

/** After a campaign, a survey that answered a task, or their undo. */
export async function recomputeSurveyTaskReminders(ctx: ServiceContext, tx: Tx, taskIds: readonly string[], config?: ReminderConfig): Promise<void> {
  if (taskIds.length === 0) return;
  await syncSurveyTasks(ctx, tx, await surveyTaskSources(tx, taskIds), config ?? (await loadReminderConfig(tx)));
}

/** A customer archived, deleted or restored: its tasks close or open again. */
export async function recomputeSurveyTaskRemindersOfCustomers(ctx: ServiceContext, tx: Tx, customerIds: readonly string[], config: ReminderConfig): Promise<void> {
  await recomputeSurveyTaskReminders(ctx, tx, await surveyTaskIdsOfCustomers(tx, customerIds), config);
}

/** After a settings change: every open task. */
export async function recomputeAllSurveyTaskReminders(ctx: ServiceContext, tx: Tx, config: ReminderConfig): Promise<void> {
  await syncSurveyTasks(ctx, tx, await allOpenSurveyTaskSources(tx), config);
}
