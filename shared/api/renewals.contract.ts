import * as z from './zodSetup.ts';
import { instalmentPlanSchema } from './payments.contract.ts';
import { catalogueIssue as issue } from './catalogueIssue.ts';
import {
  amountFenField,
  cycleField,
  idField,
  isoDate,
  messageKeyField,
  messageParamsField,
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
import { DISPLAY_STATUSES } from '../renewals/displayStatus.ts';

/** The renewal list's cycle filter value for contracts whose 续费周期 is unknown. */
export const CYCLE_UNSET = 'unset';

export const renewalStageField = z.enum(RENEWAL_STAGES, { message: issue('validation.renewalStage') });
/**
 * The 续约 list's tabs: ending within 7/30/90 days; 已逾期 (active, ended, undecided); a custom range; and
 * 'history', the past terms with no decision that an import stored as 已到期.
 */
export const RENEWAL_WINDOWS = ['overdue', '7', '30', '90', 'custom', 'history'] as const;
/** Undecided stages a bulk action may set (renewed goes through 续约, lost needs a reason). */
export const BULK_STAGES = ['pending', 'contacted', 'negotiating'] as const;
export const BULK_ACTIONS = ['stage', 'lost', 'owner', 'renew', 'archive'] as const;
/** The most contracts one bulk call takes. */
export const MAX_BULK_IDS = 500;

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
  /** Stored contract status (active, expired = 已到期 history, …). */
  status: z.string(),
  displayStatus: z.enum(DISPLAY_STATUSES),
  /** The tier's first reminder step: within this many days of its end a term is 即将到期. */
  dueSoonDays: z.number().int(),
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
  /** Customer name (or a contact's name or phone), or contract number. */
  search: z.string().trim().max(100).superRefine(noControlCharacters(false)).optional(),
  /** Only contracts an import batch wrote. */
  batchId: idField.optional(),
  /** The caller's local date; defaults to the app's. */
  today: isoDate.optional(),
  ...pageInput,
});
export type RenewalListInput = z.input<typeof renewalListInput>;

const bulkRefusalSchema = z.object({
  contractId: z.string(),
  contractNo: z.string(),
  customerName: z.string(),
  key: messageKeyField,
  params: messageParamsField,
});
export type BulkRefusal = z.infer<typeof bulkRefusalSchema>;

export const renewalEventSchema = z.object({
  at: z.string(),
  actor: z.string(),
  contractId: z.string(),
  contractNo: z.string(),
  /** null: the term had no record (待跟进). */
  fromStage: renewalStageField.nullable(),
  toStage: renewalStageField,
  lostReason: z.string().nullable(),
  lostNote: z.string().nullable(),
});
export type RenewalEvent = z.infer<typeof renewalEventSchema>;

export const renewalBulkInput = z.object({
  action: z.enum(BULK_ACTIONS),
  contractIds: z.array(idField).min(1).max(MAX_BULK_IDS),
  /** For 'stage'. */
  stage: z.enum(BULK_STAGES).optional(),
  /** For 'lost'. */
  lostReason: optionalText(50),
  lostNote: multiLineText(1000),
  /** For 'owner': null clears the contract's own owner (the customer's applies). */
  ownerId: idField.nullable().optional(),
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

const linkSuggestionSchema = z.object({
  earlierId: z.string(),
  laterId: z.string(),
  /** The earlier term's number, service, start (as the chain rule tells it), end and amount. */
  number: z.string(),
  service: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  amountFen: z.number().nullable(),
  currency: z.string(),
});
export type RenewalLinkSuggestion = z.infer<typeof linkSuggestionSchema>;

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
  /** The new term's instalments (回款), summing to its amount; absent: none. */
  instalmentPlan: instalmentPlanSchema.nullable().optional(),
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
  'renewals:bulk': {
    input: renewalBulkInput,
    output: z.object({
      /** Undoes the whole call; null when nothing was changed. */
      undoToken: z.string().nullable(),
      done: z.number().int(),
      refused: z.array(bulkRefusalSchema),
    }),
    changes: ['renewals', 'contracts', 'customers', 'followups', 'reminders', 'notifications'],
  },
  'renewals:undoBulk': {
    input: z.object({ undoToken: idField }),
    output: z.object({ entries: z.number().int() }),
    changes: ['renewals', 'contracts', 'customers', 'followups', 'reminders', 'notifications'],
  },
  /** Takes a term out of its chain: its predecessor becomes undecided again, and the pair is never linked again. */
  'renewals:unlink': {
    input: z.object({
      /** The later term, whose renewalOf names the earlier one. */
      contractId: idField,
      /** 取消关联 or 不是续约: the same change, worded as the user chose it in the audit log. */
      reason: z.enum(['unlink', 'notRenewal']).default('unlink'),
    }),
    output: z.object({ contractId: z.string(), earlierId: z.string() }),
    changes: ['renewals', 'contracts', 'customers', 'reminders', 'notifications'],
  },
  /** 不是续约 for a pair not (or no longer) linked, such as a link offered when a contract is entered by hand. */
  'renewals:vetoLink': {
    input: z.object({ earlierId: idField, laterId: idField }),
    output: z.object({ earlierId: z.string(), laterId: z.string() }),
    changes: ['renewals', 'contracts'],
  },
  /**
   * The earlier term the chain rule would link this contract to (same customer, no successor, not lost, not
   * terminated, the pair not vetoed; this contract renews nothing yet), or null. Asked after a contract is
   * entered or re-dated by hand; the link is applied only by renewals:link.
   */
  'renewals:linkSuggestion': {
    input: z.object({ contractId: idField }),
    output: z.object({ suggestion: linkSuggestionSchema.nullable() }),
  },
  /** 关联为续约: the later term renews the earlier one, as an import links them; refused when the rule says no. */
  'renewals:link': {
    input: z.object({ earlierId: idField, laterId: idField }),
    output: z.object({ earlierId: z.string(), laterId: z.string() }),
    changes: ['renewals', 'contracts', 'customers', 'reminders', 'notifications'],
  },
  /** A customer's renewal events (renewed, lost, stage changes), newest first, for the follow-up timeline. */
  'renewals:events': {
    input: z.object({ customerId: idField, limit: z.number().int().min(1).max(500).default(200) }),
    output: z.object({ items: z.array(renewalEventSchema) }),
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
