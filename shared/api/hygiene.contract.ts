import * as z from './zodSetup.ts';
import { idField } from './fields.ts';

// 数据体检 (data check): gaps and likely duplicates, each with the action that fixes it; and 合并客户, which
// folds a duplicate into the customer that stays (customers:merge, undone by customers:undoMerge).

export const HYGIENE_KINDS = ['duplicateCustomer', 'customerWithoutPhone', 'contractWithoutEndDate', 'contractWithoutAmount', 'overdueWithoutDecision'] as const;
export const hygieneKindField = z.enum(HYGIENE_KINDS);
export type HygieneKind = z.infer<typeof hygieneKindField>;

export const hygieneItemSchema = z.object({
  kind: hygieneKindField,
  customerId: z.string().optional(),
  customerName: z.string().optional(),
  contractId: z.string().optional(),
  contractNumber: z.string().optional(),
  /** duplicateCustomer: the customer listed second, which a merge folds into the first. */
  otherCustomerId: z.string().optional(),
  otherCustomerName: z.string().optional(),
  /** The entry in the archive's language. */
  message: z.string(),
});
export type HygieneItem = z.infer<typeof hygieneItemSchema>;

export const hygieneListSchema = z.object({
  items: z.array(hygieneItemSchema),
  /** Entries found of every kind; each kind lists at most `perKind` of them. */
  total: z.number(),
  counts: z.record(hygieneKindField, z.number()),
  perKind: z.number(),
});
export type HygieneList = z.infer<typeof hygieneListSchema>;

export const trashSchema = z.object({
  customers: z.array(z.object({ id: z.string(), name: z.string(), deletedAt: z.string() })),
  contracts: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      customerId: z.string(),
      customerName: z.string(),
      customerDeleted: z.boolean(),
      endsOn: z.string().nullable(),
      amountFen: z.number().nullable(),
      deletedAt: z.string(),
    }),
  ),
});
export type Trash = z.infer<typeof trashSchema>;

const mergeChanges = ['customers', 'contacts', 'contracts', 'followups', 'renewals', 'reminders', 'notifications', 'reports', 'hygiene', 'loyalty', 'messages'] as const;

export const hygieneContract = {
  /** `ownerId` here and in the trash: only that owner's customers (team mode's owner scope sets it for a scoped 客户经理). */
  'hygiene:list': { input: z.object({ kind: hygieneKindField.optional(), ownerId: idField.optional() }), output: hygieneListSchema },
  /** 回收站: the most recently deleted customers and contracts (up to 200 of each). */
  'hygiene:trash': { input: z.object({ ownerId: idField.optional() }), output: trashSchema },
  /** Restores one deleted customer or contract; a contract whose customer is deleted needs withCustomer. */
  'hygiene:restore': {
    input: z.object({ kind: z.enum(['customer', 'contract']), id: idField, withCustomer: z.boolean().default(false) }),
    output: z.object({ customerId: z.string(), name: z.string() }),
    changes: mergeChanges,
  },
  /** 负责人交接: the customers, contracts and follow-ups of one owner go to another, as one undoable batch. */
  'hygiene:handover': {
    input: z.object({ fromOwnerId: idField, toOwnerId: idField }),
    output: z.object({ undoToken: z.string(), customers: z.number(), contracts: z.number(), followUps: z.number() }),
    changes: ['customers', 'contracts', 'followups', 'renewals', 'owners', 'reports', 'hygiene'],
  },
  'hygiene:undoHandover': {
    input: z.object({ undoToken: idField }),
    output: z.object({ entries: z.number() }),
    changes: ['customers', 'contracts', 'followups', 'renewals', 'owners', 'reports', 'hygiene'],
  },
} as const;

export const customerMergeContract = {
  'customers:merge': {
    input: z.object({ from: idField, into: idField }),
    output: z.object({
      undoToken: z.string(),
      fromName: z.string(),
      intoName: z.string(),
      moved: z.object({ contacts: z.number(), contracts: z.number(), followUps: z.number(), tags: z.number(), reminders: z.number() }),
    }),
    changes: mergeChanges,
  },
  'customers:undoMerge': {
    input: z.object({ undoToken: idField }),
    output: z.object({ fromId: z.string(), intoId: z.string(), fromName: z.string() }),
    changes: mergeChanges,
  },
} as const;
