import * as z from './zodSetup.ts';
import { catalogueIssue as issue } from './catalogueIssue.ts';
import {
  channelField,
  foldLineBreaks,
  followUpKindField,
  idField,
  isoDate,
  isoInstant,
  pageInput,
  noControlCharacters,
  pageOf,
} from './fields.ts';

export const followUpSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  contractId: z.string().nullable(),
  contractNo: z.string().nullable(),
  at: z.string(),
  channel: channelField,
  kind: followUpKindField,
  summary: z.string(),
  nextFollowUpOn: z.string().nullable(),
  nextDoneAt: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  version: z.number(),
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const followUpCreateInput = z.object({
  /** A customer id, or the exact name of a live customer (handy on the command line). */
  customer: z.string().trim().min(1, issue('validation.customerRequired')).superRefine(noControlCharacters(false)),
  contractId: idField.nullable().optional(),
  /** When the contact happened; defaults to now. */
  at: isoInstant.optional(),
  channel: channelField.default('phone'),
  kind: followUpKindField.default('revisit'),
  summary: z
    .string({ message: issue('validation.summaryRequired') })
    .transform(foldLineBreaks)
    .pipe(
      z
        .string()
        .min(1, issue('validation.summaryBlank'))
        .max(5000, issue('validation.summaryTooLong'))
        .superRefine(noControlCharacters(true)),
    ),
  nextFollowUpOn: isoDate.nullable().optional(),
  ownerId: idField.nullable().optional(),
});
export type FollowUpCreateInput = z.input<typeof followUpCreateInput>;

export const followUpDueItemSchema = followUpSchema.extend({ overdueDays: z.number().int() });
export type FollowUpDueItem = z.infer<typeof followUpDueItemSchema>;

export const followUpsContract = {
  'followups:list': {
    input: z.object({ customerId: idField.optional(), contractId: idField.optional(), ...pageInput }),
    output: pageOf(followUpSchema),
  },
  'followups:create': {
    input: followUpCreateInput,
    output: followUpSchema,
    changes: ['followups', 'customers', 'reminders', 'notifications'],
  },
  /** Follow-ups whose next date is today or earlier and not yet done; "today" is the caller's local date. */
  'followups:due': {
    input: z.object({ today: isoDate.optional(), ownerId: idField.optional(), ...pageInput }),
    output: pageOf(followUpDueItemSchema),
  },
  'followups:complete': { input: z.object({ id: idField }), output: followUpSchema, changes: ['followups', 'reminders', 'notifications'] },
  'followups:delete': {
    input: z.object({ id: idField }),
    output: z.object({ id: z.string() }),
    changes: ['followups', 'customers', 'reminders', 'notifications'],
  },
} as const;
