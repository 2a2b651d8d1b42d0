import * as z from './zodSetup.ts';
import { channelField, foldLineBreaks, idField, isoDate, noControlCharacters, optionalText, tierField, versionField } from './fields.ts';
import { MAX_GREETING_DAYS_AHEAD, MESSAGE_KINDS } from '../messages/customerMessages.ts';

// Messages to the customer (issue 14): the wording per tier and kind, a message rendered for one customer (or for a
// reminder), and the 已发送 mark that logs it as a follow-up and closes the reminder. Also the greeting settings
// (how many days ahead, which tiers get holiday greetings) and a renewal's offer (优惠, 分期, 赠品).

export const messageKindField = z.enum(MESSAGE_KINDS);

export const messageTemplateSchema = z.object({
  tier: z.string(),
  kind: messageKindField,
  body: z.string(),
  /** No wording of its own: the built-in one in the archive's language. */
  isDefault: z.boolean(),
});
export type MessageTemplate = z.infer<typeof messageTemplateSchema>;

export const renderedMessageSchema = z.object({
  kind: messageKindField,
  tier: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  contractId: z.string().nullable(),
  text: z.string(),
});
export type RenderedMessage = z.infer<typeof renderedMessageSchema>;

export const greetingSettingsSchema = z.object({
  daysAhead: z.number().int().min(0).max(MAX_GREETING_DAYS_AHEAD),
  holidayTiers: z.array(tierField).max(50),
});

export const renewalOfferSchema = z.object({
  contractId: z.string(),
  contractNo: z.string(),
  discount: z.string(),
  gift: z.string(),
  note: z.string(),
  /** 0 while no offer was saved. */
  version: z.number().int(),
  /** The contract's instalments (set in the 续约 dialog or the 回款 tab): the offer's instalment part. */
  instalments: z.array(z.object({ dueOn: z.string(), dueAmountFen: z.number().int() })),
  /** The instalments in words, as {分期} fills them. */
  instalmentText: z.string(),
});
export type RenewalOffer = z.infer<typeof renewalOfferSchema>;

/** A template or a message: several lines allowed, no other control characters. */
const messageTextField = z
  .string()
  .transform(foldLineBreaks)
  .pipe(z.string().min(1).max(2000).superRefine(noControlCharacters(true)));
const reasonField = z.string().trim().min(1).max(200).superRefine(noControlCharacters(false));

export const messagesContract = {
  'messages:templates': { input: z.object({}), output: z.object({ items: z.array(messageTemplateSchema), total: z.number().int() }) },
  /** `template: null` goes back to the built-in wording. */
  'messages:setTemplate': {
    input: z.object({ tier: tierField, kind: messageKindField, template: messageTextField.nullable() }),
    output: messageTemplateSchema,
    changes: ['messages'],
  },
  /**
   * The message for one customer: for a reminder (its kind, customer, contract or contact follow from it), or for
   * a kind and a customer with, optionally, the contract (expiry, offer) or the contact (birthday) it is about.
   */
  'messages:render': {
    input: z.object({
      reminderId: idField.optional(),
      kind: messageKindField.optional(),
      customerId: idField.optional(),
      contractId: idField.optional(),
      contactId: idField.optional(),
    }),
    output: renderedMessageSchema,
  },
  /** 已发送: logs a follow-up (kind other, the channel it went by) with the text, and closes the reminder if any. */
  'messages:markSent': {
    input: z.object({
      customerId: idField,
      contractId: idField.nullable().optional(),
      kind: messageKindField,
      channel: channelField.default('wechat'),
      messageText: messageTextField,
      reminderId: idField.optional(),
    }),
    output: z.object({ followUpId: z.string(), reminderClosed: z.boolean() }),
    changes: ['messages', 'followups', 'customers', 'reminders', 'notifications', 'renewals'],
  },
  'messages:getGreetingSettings': { input: z.object({}), output: greetingSettingsSchema },
  'messages:setGreetingSettings': {
    input: greetingSettingsSchema,
    output: greetingSettingsSchema,
    changes: ['messages', 'settings', 'reminders', 'notifications'],
  },
  'messages:getOffer': { input: z.object({ contractId: idField }), output: renewalOfferSchema },
  'messages:setOffer': {
    input: z.object({ contractId: idField, discount: optionalText(500), gift: optionalText(500), note: optionalText(2000), version: versionField }),
    output: renewalOfferSchema,
    changes: ['messages', 'renewals'],
  },
} as const;

// Loyalty (issue 14): dated point entries with a reason (negative when redeemed) and referrals, per customer.

export const loyaltyEntrySchema = z.object({ id: z.string(), occurredOn: z.string(), points: z.number().int(), reason: z.string() });
export const referralSchema = z.object({
  id: z.string(),
  referrerId: z.string(),
  referrerName: z.string(),
  referredId: z.string(),
  referredName: z.string(),
  referredOn: z.string(),
  reward: z.string(),
});
export type LoyaltyEntry = z.infer<typeof loyaltyEntrySchema>;
export type Referral = z.infer<typeof referralSchema>;

export const loyaltyContract = {
  'loyalty:get': {
    input: z.object({ customerId: idField }),
    output: z.object({
      balance: z.number().int(),
      entries: z.array(loyaltyEntrySchema),
      /** Customers this one referred, and who referred it (if anyone). */
      referrals: z.array(referralSchema),
      referredBy: z.array(referralSchema),
    }),
  },
  'loyalty:addPoints': {
    input: z.object({
      customerId: idField,
      occurredOn: isoDate,
      points: z.number().int().min(-1_000_000).max(1_000_000).refine((n) => n !== 0),
      reason: reasonField,
    }),
    output: loyaltyEntrySchema,
    changes: ['loyalty', 'customers'],
  },
  'loyalty:addReferral': {
    input: z.object({ referrerId: idField, referredId: idField, referredOn: isoDate, reward: optionalText(500) }),
    output: referralSchema,
    changes: ['loyalty', 'customers', 'tiers'],
  },
  'loyalty:remove': {
    input: z.object({ what: z.enum(['points', 'referral']), id: idField }),
    output: z.object({ id: z.string() }),
    changes: ['loyalty', 'customers', 'tiers'],
  },
} as const;
