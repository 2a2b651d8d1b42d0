import { handlersFor } from '../handlerTable.ts';
import { completeReminder, listNotificationItems, markNotificationsRead, openNotification, snoozeReminder } from './reminderActions.ts';
import { readReminderSettings } from './reminderConfig.ts';
import { importHolidays, previewReminders, runRemind, setContractLadder, updateReminderSettings } from './reminders.service.ts';

export const remindersHandlers = handlersFor('reminders', {
  'reminders:run': (ctx, input) => runRemind(ctx, input),
  'reminders:preview': (ctx, input) => previewReminders(ctx, input),
  'reminders:getSettings': (ctx) => readReminderSettings(ctx.db),
  'reminders:setSettings': (ctx, input) => updateReminderSettings(ctx, input),
  'reminders:importHolidays': (ctx, input) => importHolidays(ctx, input.json),
  'reminders:setContractLadder': (ctx, input) => setContractLadder(ctx, input),
  'reminders:snooze': (ctx, input) => snoozeReminder(ctx, input),
  'reminders:done': (ctx, input) => completeReminder(ctx, input.reminderId),
});

export const notificationsHandlers = handlersFor('notifications', {
  'notifications:list': (ctx, input) => listNotificationItems(ctx, input),
  'notifications:markRead': (ctx, input) => markNotificationsRead(ctx, input),
  'notifications:open': (ctx, input) => openNotification(ctx, input.id),
});
