import * as z from './zodSetup.ts';
import { catalogueIssue as issue } from './catalogueIssue.ts';
import { idField, messageKeyField, messageParamsField, pageInput, pageOf } from './fields.ts';
import { COMPUTED_STAGES, LOYALTY_LEVELS, WARNING_SIGNALS } from '../domain/lifecycleRules.ts';

// 留存: computed lifecycle stages, loyalty, the 流失预警 and 赢回 lists, and the rules' thresholds.

export const lifecycleItemSchema = z.object({
  customerId: z.string(),
  name: z.string(),
  stage: z.enum(COMPUTED_STAGES),
  /** The date the customer entered this stage. */
  since: z.string(),
  /** Why, worded in the archive's language; reasonKey and reasonParams word it in another. */
  reason: z.string(),
  reasonKey: messageKeyField,
  reasonParams: messageParamsField,
  loyalty: z.enum(LOYALTY_LEVELS),
  consecutiveRenewals: z.number().int(),
  years: z.number().int(),
  /** The last term's amount (最近合同金额); null when unknown. */
  lastAmountFen: z.number().nullable(),
  /** 已流失 only: the day it was lost, and the renewal record's lost reason. */
  lostOn: z.string().nullable(),
  lostReason: z.string().nullable(),
  signals: z.array(z.enum(WARNING_SIGNALS)),
});
export type LifecycleItem = z.infer<typeof lifecycleItemSchema>;

export const lifecycleChangeSchema = z.object({
  stage: z.enum(COMPUTED_STAGES),
  previousStage: z.enum(COMPUTED_STAGES).nullable(),
  on: z.string(),
  reason: z.string(),
  reasonKey: messageKeyField,
  reasonParams: messageParamsField,
});

const threshold = z.number({ message: issue('validation.lifecycleRule') }).int(issue('validation.lifecycleRule')).min(0, issue('validation.lifecycleRule')).max(3650, issue('validation.lifecycleRule'));
const loyaltyThreshold = z.object({ renewals: threshold, years: threshold });

export const lifecycleRulesSchema = z.object({
  churnAfterDays: threshold,
  declineDropPct: threshold,
  declineLateDays: threshold,
  declineQuietDays: threshold,
  matureTerms: threshold,
  matureYears: threshold,
  matureBandPct: threshold,
  warnDropPct: threshold,
  warnLateDays: threshold,
  warnQuietDays: threshold,
  winBackMonths: threshold,
  loyalty: z.object({ bronze: loyaltyThreshold, silver: loyaltyThreshold, gold: loyaltyThreshold }),
});

export const lifecycleContract = {
  /**
   * Every customer's stage (`renewal-desk lifecycle --json`), by name; `stage` filters. On these three lists
   * `ownerId` keeps only that owner's customers (team mode's owner scope sets it for a scoped 客户经理).
   */
  'lifecycle:list': {
    input: z.object({ stage: z.enum(COMPUTED_STAGES).optional(), ownerId: idField.optional(), ...pageInput }),
    output: pageOf(lifecycleItemSchema),
  },
  /** 流失预警: customers with a signal toward 衰退期 or 已流失, the largest last contract first. */
  'lifecycle:warning': {
    input: z.object({ ownerId: idField.optional(), ...pageInput }),
    output: pageOf(lifecycleItemSchema),
  },
  /** 赢回: customers lost within the rules' winBackMonths, the latest loss first. */
  'lifecycle:winBack': {
    input: z.object({ ownerId: idField.optional(), ...pageInput }),
    output: pageOf(lifecycleItemSchema).extend({ from: z.string() }),
  },
  /** One customer's stage, loyalty and dated stage changes (newest first). */
  'lifecycle:customer': {
    input: z.object({ customerId: idField }),
    output: z.object({ current: lifecycleItemSchema.nullable(), history: z.array(lifecycleChangeSchema) }),
  },
  /** Stage and loyalty of the customers a list shows (the 客户 list's column). */
  'lifecycle:ofCustomers': {
    input: z.object({ customerIds: z.array(idField).max(500) }),
    output: z.object({ items: z.array(z.object({ customerId: z.string(), stage: z.enum(COMPUTED_STAGES), loyalty: z.enum(LOYALTY_LEVELS) })) }),
  },
  'lifecycle:rules': {
    input: z.object({}),
    output: lifecycleRulesSchema,
  },
  /** Saves the thresholds and recomputes every customer with them. */
  'lifecycle:setRules': {
    input: lifecycleRulesSchema,
    output: lifecycleRulesSchema,
    changes: ['lifecycle', 'settings'],
  },
  /** Recomputes every customer now (also after each import and once a day). */
  'lifecycle:recompute': {
    input: z.object({}),
    output: z.object({ customers: z.number().int(), changed: z.number().int() }),
    changes: ['lifecycle'],
  },
} as const;
