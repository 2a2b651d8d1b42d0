import * as z from './zodSetup.ts';
import { catalogueIssue as issue } from './catalogueIssue.ts';
import { idField, isoInstant, noControlCharacters, pageInput, pageOf } from './fields.ts';
import { isTimeOfDay } from '../reminders/localDueInstant.ts';
import { MAX_STEP, MIN_STEP } from '../reminders/reminderLadder.ts';
import { tierField } from './fields.ts';

// 'remind': a contract's one-off 提醒日期 (migration 0011); 'payment': an overdue instalment, 回款逾期 (migration 0028);
// 'complaint': an open complaint past its SLA deadline, 投诉超时 (migration 0031).
// 'holiday': a greeting a few days before a Chinese holiday, keyed by the customer (issue 14, kind added by 0029).
// 'survey': a survey campaign's task (migration 0030).
export const REMINDER_KINDS = ['expiry', 'birthday', 'followup', 'remind', 'payment', 'complaint', 'holiday', 'survey'] as const;
export const reminderKindField = z.enum(REMINDER_KINDS);

const stepsField = z
  .array(z.number().int(issue('validation.stepInteger')).min(MIN_STEP).max(MAX_STEP))
  .min(1, issue('validation.stepsEmpty'))
  .max(30, issue('validation.stepsTooMany'));
const timeOfDayField = z.string().refine(isTimeOfDay, { message: issue('validation.timeOfDay') });
// Per tier code: the built-ins always, every custom tier of the tier table (migration 0019) besides.
const ladderMap = z.object({ vip: stepsField, important: stepsField, normal: stepsField }).catchall(stepsField);
const templateField = z.string().trim().min(1, issue('validation.templateEmpty')).max(500);
const templateMap = z.object({ vip: templateField, important: templateField, normal: templateField }).catchall(templateField);
// A template as it comes in is multi-line text: the notification body keeps line breaks, nothing else invisible.
const templateInput = templateField.superRefine(noControlCharacters(true));

export const reminderSettingsSchema = z.object({
  timeOfDay: timeOfDayField,
  shiftToWorkingDay: z.boolean(),
  ladders: ladderMap,
  templates: templateMap,
  /** How many dates the user's imported holiday file holds (0 = only the bundled chinese-days data). */
  holidayOverrideCount: z.number().int(),
  startAtLogin: z.boolean(),
  keepInTray: z.boolean(),
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

export const reminderSettingsPatch = z.object({
  timeOfDay: timeOfDayField.optional(),
  shiftToWorkingDay: z.boolean().optional(),
  /** By tier code; each code must be a live tier (the service checks). */
  ladders: z.record(tierField, stepsField).optional(),
  templates: z.record(tierField, templateInput).optional(),
  startAtLogin: z.boolean().optional(),
  keepInTray: z.boolean().optional(),
});

/** `remind --json`: exactly these keys, which other tools parse. */
export const remindRunOutput = z.object({
  now: z.string(),
  digest: z.boolean(),
  fired: z.array(
    z.object({
      kind: reminderKindField,
      contractNo: z.string().optional(),
      customer: z.string(),
      step: z.number().int().optional(),
      dueAt: z.string(),
    }),
  ),
  superseded: z.array(z.object({ contractNo: z.string(), step: z.number().int() })),
});
export type RemindRunOutput = z.infer<typeof remindRunOutput>;

export const reminderStepStatus = z.enum(['pending', 'snoozed', 'fired', 'superseded', 'done']);

export const ladderPreviewSchema = z.object({
  contractId: z.string(),
  contractNo: z.string(),
  customerName: z.string(),
  tier: tierField,
  endsOn: z.string().nullable(),
  /** Why there are no steps, when there are none (decided, once-only without end date…). */
  inactiveReason: z.string().nullable(),
  steps: z.array(
    z.object({
      step: z.number().int(),
      localDate: z.string(),
      dueAt: z.string(),
      status: reminderStepStatus,
      firedAt: z.string().nullable(),
    }),
  ),
  overrideSteps: z.array(z.number().int()).nullable(),
});
export type LadderPreview = z.infer<typeof ladderPreviewSchema>;

/** A notification comes from a reminder step, or is an import's one summary ('summary', migration 0011). */
export const NOTIFICATION_KINDS = [...REMINDER_KINDS, 'summary'] as const;

export const notificationItemSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  reminderId: z.string().nullable(),
  subjectId: z.string().nullable(),
  customerId: z.string().nullable(),
  step: z.number().int().nullable(),
  title: z.string(),
  body: z.string(),
  subjectUrl: z.string().nullable(),
  dueAt: z.string(),
  firedAt: z.string(),
  deliveredAt: z.string().nullable(),
  readAt: z.string().nullable(),
  /** Snooze and done act on the step; false once the step is gone, closed or re-armed. */
  actionable: z.boolean(),
  /** The contract, contact or follow-up it is about was deleted: it opens nothing and says so. */
  subjectGone: z.boolean(),
  /** Its e-mail copies to the owner (issue 15): sent, waiting for a retry after a failure, or given up. */
  mail: z.array(
    z.object({
      recipient: z.string(),
      status: z.enum(['pending', 'sent', 'failed']),
      attempts: z.number().int(),
      nextAttemptAt: z.string().nullable(),
      lastError: z.string().nullable(),
      sentAt: z.string().nullable(),
    }),
  ),
});
export type NotificationItem = z.infer<typeof notificationItemSchema>;

export const remindersContract = {
  'reminders:run': {
    input: z.object({
      /** The instant to run at, with its offset; defaults to now. */
      now: isoInstant.optional(),
      dryRun: z.boolean().default(false),
    }),
    output: remindRunOutput,
    changes: ['reminders', 'notifications', 'renewals'],
  },
  'reminders:preview': {
    input: z.object({
      contractNo: z.string().trim().min(1, issue('validation.contractNumberRequired')).superRefine(noControlCharacters(false)).optional(),
      contractId: idField.optional(),
    }),
    output: ladderPreviewSchema,
  },
  'reminders:getSettings': { input: z.object({}), output: reminderSettingsSchema },
  'reminders:setSettings': {
    input: reminderSettingsPatch,
    output: reminderSettingsSchema,
    changes: ['reminders', 'settings', 'notifications', 'renewals'],
  },
  /** Newer holiday/调休 data in chinese-days' JSON shape; `json: null` goes back to the bundled data. */
  'reminders:importHolidays': {
    input: z.object({ json: z.string().max(2_000_000).nullable() }),
    output: z.object({ holidayOverrideCount: z.number().int() }),
    changes: ['reminders', 'settings', 'notifications', 'renewals'],
  },
  'reminders:setContractLadder': {
    input: z.object({ contractId: idField, steps: stepsField.nullable() }),
    output: ladderPreviewSchema,
    changes: ['reminders', 'notifications'],
  },
  'reminders:snooze': {
    input: z.object({
      reminderId: idField,
      /** Re-arm at this instant; or, without it, at the configured time on the next working day. */
      until: isoInstant.optional(),
    }),
    output: z.object({ reminderId: z.string(), dueAt: z.string() }),
    changes: ['reminders', 'notifications', 'renewals'],
  },
  'reminders:done': {
    input: z.object({ reminderId: idField }),
    output: z.object({ reminderId: z.string() }),
    changes: ['reminders', 'notifications', 'renewals'],
  },
} as const;

export const notificationsContract = {
  'notifications:list': {
    /** `ownerId`: only the notices about that owner's customers (and those about none); team mode's owner scope sets it. */
    input: z.object({ unreadOnly: z.boolean().default(false), ownerId: idField.optional(), ...pageInput }),
    output: pageOf(notificationItemSchema).extend({ unread: z.number().int() }),
  },
  'notifications:markRead': {
    input: z.object({ ids: z.array(idField).max(500).optional(), all: z.boolean().default(false), ownerId: idField.optional() }),
    output: z.object({ marked: z.number().int(), unread: z.number().int() }),
    changes: ['notifications', 'reminders'],
  },
  /** Marks it read and says where to go (the contract's customer page). */
  'notifications:open': {
    input: z.object({ id: idField }),
    output: z.object({ subjectUrl: z.string().nullable() }),
    changes: ['notifications', 'reminders'],
  },
} as const;

