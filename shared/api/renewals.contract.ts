import * as z from './zodSetup.ts';
import { catalogueIssue as issue } from './catalogueIssue.ts';
import {
  amountFenField,
  cycleField,
  idField,
  isoDate,
  multiLineText,
  noControlCharacters,
  optionalText,
  pageInput,
  pageOf,
  tierField,
  trimmedName,
} from './fields.ts';
import { RENEWAL_STAGES } from '../domain/enums.ts';
import { SHEET_RENEWAL_STATUSES } from '../renewals/sheetRenewalStatus.ts';

/** The renewal list's cycle filter value for contracts whose 续费周期 is unknown. */
export const CYCLE_UNSET = 'unset';

export const renewalStageField = z.enum(RENEWAL_STAGES, { message: issue('validation.renewalStage') });
export const RENEWAL_WINDOWS = ['overdue', '7', '30', '90', 'custom'] as const;

export const renewalItemSchema = z.object({
  contractId: z.string(),
  contractNo: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  tier: tierField,
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  /** null: the 续费周期 is unknown. */
  cycle: cycleField.nullable(),
  endsOn: z.string(),
  /** Days from today to the end date; negative when overdue. */
  daysLeft: z.number().int(),
  amountFen: z.number().nullable(),
  currency: z.string(),
  stage: renewalStageField,
  /** The Excel sheet's 续费状态 for this stage. */
  sheetStatus: z.enum(SHEET_RENEWAL_STATUSES),
  lostReason: z.string().nullable(),
  lostNote: z.string().nullable(),
});
export type RenewalItem = z.infer<typeof renewalItemSchema>;

export const renewalListInput = z.object({
  window: z.enum(RENEWAL_WINDOWS).default('30'),
  /** Custom window bounds on the end date (inclusive). */
  from: isoDate.optional(),
  to: isoDate.optional(),
  ownerId: idField.optional(),
  tier: tierField.optional(),
  /** A cycle, or 'unset' for contracts whose 续费周期 is unknown. */
  cycle: z.union([cycleField, z.literal(CYCLE_UNSET)]).optional(),
  stage: renewalStageField.optional(),
  /** The caller's local date; defaults to the app's. */
  today: isoDate.optional(),
  ...pageInput,
});

const chainTermSchema = z.object({
  id: z.string(),
  number: z.string(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  cycle: cycleField.nullable(),
  amountFen: z.number().nullable(),
  status: z.string(),
  renewalOf: z.string().nullable(),
});

const flaggedItemSchema = z.object({
  contractId: z.string(),
  contractNo: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  tier: tierField,
  endsOn: z.string().nullable(),
  amountFen: z.number().nullable(),
  stage: renewalStageField,
});

export const renewInput = z.object({
  contractId: idField,
  number: trimmedName('label.newContractNumber', 64),
  signedOn: isoDate.nullable().optional(),
  startsOn: isoDate,
  endsOn: isoDate.nullable(),
  amountFen: amountFenField.nullable().optional(),
  /**
   * The new term's 续费周期. Absent: the current term's, which may be unknown (null) and then stays unknown;
   * the dialog asks for it instead of guessing one.
   */
  cycle: cycleField.nullable().optional(),
  /** Discount and instalment terms as the user words them; kept in the new contract's notes. */
  discountNote: optionalText(500),
  instalmentNote: multiLineText(1000),
  /** When the renewal was agreed; defaults to today. */
  outcomeOn: isoDate.optional(),
});

export const renewalsContract = {
  'renewals:list': {
    input: renewalListInput,
    output: pageOf(renewalItemSchema).extend({ totalAmountFen: z.number(), from: z.string().nullable(), to: z.string().nullable() }),
  },
  'renewals:setStage': {
    input: z.object({
      contractId: idField,
      stage: renewalStageField,
      lostReason: optionalText(50),
      lostNote: multiLineText(1000),
    }),
    output: z.object({ contractId: z.string(), stage: renewalStageField }),
    changes: ['renewals', 'contracts', 'reminders', 'notifications'],
  },
  'renewals:renewDefaults': {
    input: z.object({
      contractId: idField,
      /** Dates as if the term ran on this cycle: for a contract whose 续费周期 is unknown, once the user picks one. */
      cycle: cycleField.optional(),
    }),
    output: z.object({
      number: z.string(),
      startsOn: z.string().nullable(),
      /** null when the cycle is unknown or 一次性: the user types the end date. */
      endsOn: z.string().nullable(),
      amountFen: z.number().nullable(),
      cycle: cycleField.nullable(),
      anchorEndsOn: z.string().nullable(),
    }),
  },
  'renewals:renew': {
    input: renewInput,
    output: z.object({ contractId: z.string(), newContractId: z.string(), number: z.string() }),
    changes: ['renewals', 'contracts', 'customers', 'reminders', 'notifications'],
  },
  'renewals:chain': {
    input: z.object({ contractId: idField }),
    output: z.object({
      terms: z.array(chainTermSchema),
      issues: z.array(z.object({ kind: z.enum(['gap', 'overlap']), afterId: z.string(), beforeId: z.string(), days: z.number().int() })),
    }),
  },
  'renewals:flagged': {
    input: z.object({ today: isoDate.optional() }),
    output: z.object({ overdue: z.array(flaggedItemSchema), noEndDate: z.array(flaggedItemSchema) }),
  },
  'renewals:lostReasons': { input: z.object({}), output: z.object({ items: z.array(z.string()) }) },
  'renewals:setLostReasons': {
    input: z.object({
      items: z
        .array(z.string().trim().min(1).max(50).superRefine(noControlCharacters(false)))
        .min(1, issue('validation.lostReasonsEmpty'))
        .max(30),
    }),
    output: z.object({ items: z.array(z.string()) }),
    changes: ['renewals', 'settings'],
  },
} as const;
