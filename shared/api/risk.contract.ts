import * as z from './zodSetup.ts';
import { HEALTH_BANDS } from '../domain/healthBands.ts';
import { healthFactorSchema } from './health.contract.ts';
import { WARNING_ACTION_KINDS, WARNING_ROLES, WARNING_STATUSES } from '../domain/riskWarnings.ts';
import { idField, isoDate, multiLineText, optionalText, versionField } from './fields.ts';

// Renewal risk warnings (issue 13): the 风险预警 list (terms ending within the window whose customer is 关注 or
// 高危), publishing a warning with a role and an owner, its response plan, its status, and the effectiveness review.
// Scores, bands and factors are read from customer_health (the health score's own recompute writes them).
// Every write answers with an undo token (risk:undo).

const bandField = z.enum(HEALTH_BANDS);
const statusField = z.enum(WARNING_STATUSES);
const roleField = z.enum(WARNING_ROLES);
const actionKindField = z.enum(WARNING_ACTION_KINDS);


export const riskItemSchema = z.object({
  contractId: z.string(),
  contractNo: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  endsOn: z.string(),
  /** The amount at risk: the contract's amount; null when unknown. */
  amountFen: z.number().int().nullable(),
  score: z.number().int(),
  band: bandField,
  /** The factors that took points off, most first (at most 3). */
  topFactors: z.array(healthFactorSchema),
  /** The open warning on the term, if published. */
  warningId: z.string().nullable(),
  warningStatus: statusField.nullable(),
});
export type RiskItem = z.infer<typeof riskItemSchema>;

export const warningSchema = z.object({
  id: z.string(),
  contractId: z.string(),
  contractNo: z.string(),
  contractEndsOn: z.string().nullable(),
  amountFen: z.number().int().nullable(),
  customerId: z.string(),
  customerName: z.string(),
  status: statusField,
  role: roleField,
  ownerId: z.string(),
  ownerName: z.string(),
  /** The score, band and factors the warning was published with. */
  score: z.number().int(),
  band: bandField,
  factors: z.array(healthFactorSchema),
  /** The customer's score now (null when never computed). */
  currentScore: z.number().int().nullable(),
  currentBand: bandField.nullable(),
  currentFactors: z.array(healthFactorSchema).nullable(),
  /**
   * An open warning's renewal probability, 0..1, in `risk:warnings` (the CLI's `risk --json`): the fitted model's,
   * or the rule-based fallback's below 50 decided terms (see prediction:model). Null for a closed warning and elsewhere.
   */
  probability: z.number().nullable(),
  publishedOn: z.string(),
  closedOn: z.string().nullable(),
  closeReason: z.enum(['auto', 'manual']).nullable(),
  note: z.string().nullable(),
  actions: z.number().int(),
  openActions: z.number().int(),
  version: z.number().int(),
});
export type Warning = z.infer<typeof warningSchema>;

export const warningActionSchema = z.object({
  id: z.string(),
  warningId: z.string(),
  kind: actionKindField,
  text: z.string().nullable(),
  ownerId: z.string(),
  ownerName: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  /** The follow-up logged when the action was completed. */
  followUpId: z.string().nullable(),
  /** Past its due date and not done, as of today. */
  overdue: z.boolean(),
});
export type WarningAction = z.infer<typeof warningActionSchema>;

export const warningActivitySchema = z.object({
  at: z.string(),
  actor: z.string(),
  /** create, start, close, autoClose, reopen, addAction, completeAction, removeAction, undo… */
  action: z.string(),
  /** The warning's status after the change, for a status change. */
  status: statusField.nullable(),
  /** The action's kind and text, for a change of an action. */
  actionKind: actionKindField.nullable(),
  actionText: z.string().nullable(),
});

const reviewItemSchema = z.object({
  contractId: z.string(),
  contractNo: z.string(),
  customerName: z.string(),
  endsOn: z.string(),
  outcome: z.enum(['renewed', 'lost']),
  amountFen: z.number().int().nullable(),
  warned: z.boolean(),
  warningStatus: statusField.nullable(),
});

const undoable = { undoToken: z.string() };
const changes = ['risk'] as const;

export const riskContract = {
  /** The 风险预警 list for `today` (default: the local date) and the stored window. */
  'risk:list': {
    input: z.object({ today: isoDate.optional() }),
    output: z.object({
      today: z.string(),
      windowDays: z.number().int(),
      until: z.string(),
      items: z.array(riskItemSchema),
      total: z.number().int(),
      amountFen: z.number().int(),
    }),
  },
  /** The 首页 card: the count and amount of the same list, summed in SQL. */
  'risk:summary': {
    input: z.object({ today: isoDate.optional() }),
    output: z.object({ today: z.string(), windowDays: z.number().int(), count: z.number().int(), amountFen: z.number().int() }),
  },
  /** The list's window in days (stored in settings). */
  'risk:setWindow': {
    input: z.object({ days: z.number().int().min(7).max(365) }),
    output: z.object({ windowDays: z.number().int(), ...undoable }),
    changes: ['risk', 'settings'],
  },
  /** Published warnings (open first); `open` filters. The CLI's `risk --json`. */
  'risk:warnings': {
    input: z.object({ open: z.boolean().optional() }),
    output: z.object({ items: z.array(warningSchema), total: z.number().int() }),
  },
  /** A warning with its plan and activity. */
  'risk:get': {
    input: z.object({ id: idField }),
    output: z.object({ warning: warningSchema, actions: z.array(warningActionSchema), activity: z.array(warningActivitySchema) }),
  },
  /** Publishes a warning on a term: a role label and an owner; the customer's current score is kept with it. */
  'risk:publish': {
    input: z.object({ contractId: idField, role: roleField, ownerId: idField, note: optionalText(500) }),
    output: z.object({ warning: warningSchema, ...undoable }),
    changes,
  },
  /** By hand: 新建 → 处理中, or closed as 已解除 / 已流失. */
  'risk:setStatus': {
    input: z.object({ id: idField, status: z.enum(['inProgress', 'resolved', 'churned']), version: versionField }),
    output: z.object({ warning: warningSchema, ...undoable }),
    changes,
  },
  /** Adds a plan action; the first one moves a 新建 warning to 处理中. */
  'risk:addAction': {
    input: z.object({ warningId: idField, kind: actionKindField, text: optionalText(200), ownerId: idField, dueOn: isoDate }),
    output: z.object({ action: warningActionSchema, ...undoable }),
    changes,
  },
  /** Completes an action: logs its follow-up on the customer's timeline (the action's kind and text as summary). */
  'risk:completeAction': {
    input: z.object({ id: idField, summary: multiLineText(1000) }),
    output: z.object({ action: warningActionSchema, followUpId: z.string(), ...undoable }),
    changes: ['risk', 'followups', 'customers', 'reminders', 'notifications'],
  },
  'risk:removeAction': {
    input: z.object({ id: idField }),
    output: z.object({ id: z.string(), ...undoable }),
    changes,
  },
  /** Undoes a publish, a status change or an action change (with the follow-up it logged). */
  'risk:undo': {
    input: z.object({ undoToken: idField }),
    output: z.object({ undone: z.number().int() }),
    changes: ['risk', 'followups', 'customers', 'reminders', 'notifications'],
  },
  /**
   * The effectiveness review over the terms whose outcome is known and whose end date is in [from, to]:
   * precision = warned and lost ÷ warned; recall = warned and lost ÷ lost; saved = warned and renewed, apart.
   * `ownerId`: only the terms of that owner's customers, the figures theirs (owner scoping sets it for a 客户经理).
   */
  'risk:review': {
    input: z.object({ from: isoDate, to: isoDate, ownerId: idField.optional() }),
    output: z.object({
      from: z.string(),
      to: z.string(),
      decided: z.number().int(),
      lost: z.number().int(),
      renewed: z.number().int(),
      warned: z.number().int(),
      warnedLost: z.number().int(),
      saved: z.number().int(),
      savedAmountFen: z.number().int(),
      precision: z.number().nullable(),
      recall: z.number().nullable(),
      items: z.array(reviewItemSchema),
    }),
  },
} as const;
