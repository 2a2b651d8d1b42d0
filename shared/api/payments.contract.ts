import * as z from './zodSetup.ts';
import { amountFenField, idField, isoDate, optionalText, versionField } from './fields.ts';

// Payments / 回款 (issue 13): a contract's instalments. Each has a due date and amount; payments recorded against it
// add to its paid amount and move its latest paid date. The outstanding amount and the days of delay are derived as
// of today (shared/domain/paymentDelay.ts). Every write answers with an undo token (payments:undo).

export const instalmentSchema = z.object({
  id: z.string(),
  contractId: z.string(),
  dueOn: z.string(),
  dueAmountFen: z.number().int(),
  paidAmountFen: z.number().int(),
  /** The latest payment's date; null before any. */
  paidOn: z.string().nullable(),
  invoiceNo: z.string().nullable(),
  invoiceOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Derived: due − paid, never below 0. */
  outstandingFen: z.number().int(),
  /** Derived: fully paid. */
  settled: z.boolean(),
  /** Derived as of today: paid late = latest paid date − due date; unpaid past due = today − due date; else 0. */
  delayDays: z.number().int(),
  /** Derived: unpaid (in part) and past its due date. */
  overdue: z.boolean(),
});
export type Instalment = z.infer<typeof instalmentSchema>;

export const instalmentInputSchema = z.object({
  /** Absent: a new instalment; present: that instalment's new values. */
  id: idField.optional(),
  contractId: idField,
  dueOn: isoDate,
  dueAmountFen: amountFenField,
  paidAmountFen: amountFenField.optional(),
  paidOn: isoDate.nullable().optional(),
  invoiceNo: optionalText(64),
  invoiceOn: isoDate.nullable().optional(),
  note: optionalText(500),
  version: versionField,
});
export type InstalmentInput = z.infer<typeof instalmentInputSchema>;

/**
 * A new term's instalments, as the 续约 dialog gives them: N equal instalments one period apart from a first due
 * date (the remainder fen on the last one), or the rows typed in. Either way the amounts sum to the term's amount.
 */
export const instalmentPlanSchema = z.union([
  z.object({ kind: z.literal('equal'), count: z.number().int().min(1).max(120), firstDueOn: isoDate, everyMonths: z.number().int().min(1).max(60) }),
  z.object({ kind: z.literal('rows'), rows: z.array(z.object({ dueOn: isoDate, dueAmountFen: amountFenField })).min(1).max(120) }),
]);
export type InstalmentPlan = z.infer<typeof instalmentPlanSchema>;

const undoable = { undoToken: z.string() };

export const paymentsContract = {
  /** A contract's live instalments in due order, with the totals. */
  'payments:list': {
    input: z.object({ contractId: idField }),
    output: z.object({
      items: z.array(instalmentSchema),
      total: z.number().int(),
      dueFen: z.number().int(),
      paidFen: z.number().int(),
      outstandingFen: z.number().int(),
    }),
  },
  /** Adds an instalment, or sets one's values; (contract, due date) is unique among live instalments. */
  'payments:set': {
    input: instalmentInputSchema,
    output: z.object({ instalment: instalmentSchema, ...undoable }),
    changes: ['payments', 'reminders', 'notifications'],
  },
  /** Records a payment: the paid amount grows, the latest paid date moves (see withPayment). */
  'payments:record': {
    input: z.object({ id: idField, amountFen: amountFenField.refine((n) => n > 0), paidOn: isoDate }),
    output: z.object({ instalment: instalmentSchema, ...undoable }),
    changes: ['payments', 'reminders', 'notifications'],
  },
  'payments:remove': {
    input: z.object({ id: idField }),
    output: z.object({ id: z.string(), dueOn: z.string(), ...undoable }),
    changes: ['payments', 'reminders', 'notifications'],
  },
  /** Undoes a set, a payment or a removal. */
  'payments:undo': {
    input: z.object({ undoToken: idField }),
    output: z.object({ undone: z.number().int() }),
    changes: ['payments', 'reminders', 'notifications'],
  },
  /**
   * `import --kind payments FILE`: the payments sheet (合同编号, 应收日期, 应收金额, 实收日期, 实收金额, 发票号, 开票日期,
   * or the English headers). One transaction, one undo token; rows that cannot be applied are listed and skipped.
   */
  'payments:import': {
    input: z.object({ uploadId: idField }),
    output: z.object({
      rows: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      issues: z.array(z.object({ line: z.number().int(), column: z.string().nullable(), message: z.string() })),
      /** null when nothing was written. */
      undoToken: z.string().nullable(),
    }),
    changes: ['payments', 'reminders', 'notifications'],
  },
} as const;
