import * as z from './zodSetup.ts';
import { COMPLAINT_SEVERITIES, COMPLAINT_STEPS, SLA_MODES } from '../domain/complaints.ts';
import { idField, isoDate, isoInstant, multiLineText, trimmedName, versionField } from './fields.ts';

// Complaints (issue 14): the flow 受理 → 调查 → 处理 → 反馈 → 关闭, one step at a time, each step with its handler,
// time and notes; a severity whose SLA (settings) gives the deadline; a category from the editable list; the
// customer's satisfaction with the resolution (1–5) at 反馈 or 关闭. Every write answers with an undo token.

export const complaintStepField = z.enum(COMPLAINT_STEPS);
export const complaintSeverityField = z.enum(COMPLAINT_SEVERITIES);
const satisfactionField = z.number().int().min(1).max(5);

export const complaintSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  contractId: z.string().nullable(),
  contractNo: z.string().nullable(),
  /** The 投诉 follow-up it was opened from. */
  followUpId: z.string().nullable(),
  summary: z.string(),
  category: z.string(),
  severity: complaintSeverityField,
  /** The last step recorded. */
  step: complaintStepField,
  /** The step that comes next; null once closed. */
  nextStep: complaintStepField.nullable(),
  handlerId: z.string(),
  handlerName: z.string(),
  receivedAt: z.string(),
  /** The SLA deadline given at receipt. */
  dueAt: z.string(),
  closedAt: z.string().nullable(),
  /** Open past its deadline, as of now. */
  overdue: z.boolean(),
  satisfaction: z.number().int().nullable(),
  version: z.number().int(),
});
export type Complaint = z.infer<typeof complaintSchema>;

export const complaintStepSchema = z.object({
  id: z.string(),
  step: complaintStepField,
  handlerId: z.string(),
  handlerName: z.string(),
  at: z.string(),
  note: z.string().nullable(),
});
export type ComplaintStepRecord = z.infer<typeof complaintStepSchema>;

const hoursField = z.number().min(0.5).max(24 * 365);
const timeOfDayField = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const complaintSettingsSchema = z.object({
  sla: z.object({
    mode: z.enum(SLA_MODES),
    hours: z.object({ normal: hoursField, serious: hoursField, urgent: hoursField }),
    dayStart: timeOfDayField,
    dayEnd: timeOfDayField,
  }),
  categories: z.array(trimmedName('complaints.field.category', 40)).min(1).max(50),
});
export type ComplaintSettings = z.infer<typeof complaintSettingsSchema>;

const undoable = { undoToken: z.string() };
const changes = ['complaints', 'customers', 'reminders', 'notifications'] as const;

export const complaintsContract = {
  /** The 投诉 list (the CLI's export reads the same rows): open ones by deadline first, then closed, newest first. */
  'complaints:list': {
    input: z.object({
      step: complaintStepField.optional(),
      severity: complaintSeverityField.optional(),
      /** Only open ones past their deadline. */
      overdue: z.boolean().optional(),
      open: z.boolean().optional(),
      customerId: idField.optional(),
      contractId: idField.optional(),
    }),
    output: z.object({ items: z.array(complaintSchema), total: z.number().int() }),
  },
  /** A complaint with its step timeline. */
  'complaints:get': {
    input: z.object({ id: idField }),
    output: z.object({ complaint: complaintSchema, steps: z.array(complaintStepSchema) }),
  },
  /**
   * Receives a complaint (its 受理 step, by the handler). With `followUpId` (a 投诉 follow-up): the customer,
   * contract, summary, handler and time left out are the follow-up's, and the complaint stays linked to it.
   */
  'complaints:create': {
    input: z.object({
      followUpId: idField.optional(),
      customerId: idField.optional(),
      contractId: idField.nullable().optional(),
      summary: multiLineText(1000),
      category: trimmedName('complaints.field.category', 40).optional(),
      severity: complaintSeverityField,
      handlerId: idField.optional(),
      receivedAt: isoInstant.optional(),
      note: multiLineText(2000),
    }),
    output: z.object({ complaint: complaintSchema, ...undoable }),
    changes,
  },
  /** Records the next step (only the very next one): its handler, notes, and at 反馈 / 关闭 the satisfaction. */
  'complaints:advance': {
    input: z.object({
      id: idField,
      step: complaintStepField,
      handlerId: idField,
      note: multiLineText(2000),
      satisfaction: satisfactionField.nullable().optional(),
      version: versionField,
    }),
    output: z.object({ complaint: complaintSchema, ...undoable }),
    changes,
  },
  'complaints:undo': {
    input: z.object({ undoToken: idField }),
    output: z.object({ undone: z.number().int() }),
    changes,
  },
  /** The SLA per severity (calendar or working hours) and the category list. */
  'complaints:settings': {
    input: z.object({}),
    output: complaintSettingsSchema,
  },
  'complaints:setSettings': {
    input: complaintSettingsSchema,
    output: complaintSettingsSchema.extend(undoable),
    changes: ['complaints', 'settings'],
  },
  /** Complaints received in [from, to] (local dates): count, time to resolve, per category and severity. */
  'complaints:report': {
    input: z.object({ from: isoDate.optional(), to: isoDate.optional() }),
    output: z.object({
      count: z.number().int(),
      open: z.number().int(),
      closed: z.number().int(),
      overdue: z.number().int(),
      averageHours: z.number().nullable(),
      medianHours: z.number().nullable(),
      averageSatisfaction: z.number().nullable(),
      byCategory: z.array(z.object({ category: z.string(), count: z.number().int(), open: z.number().int(), averageHours: z.number().nullable() })),
      bySeverity: z.array(z.object({ severity: complaintSeverityField, count: z.number().int(), overdue: z.number().int() })),
    }),
  },
} as const;
