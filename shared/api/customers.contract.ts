import * as z from './zodSetup.ts';
import { catalogueIssue as issue } from './catalogueIssue.ts';
import {
  customFieldsField,
  idField,
  lifecycleField,
  messageKeyField,
  messageParamsField,
  multiLineText,
  noControlCharacters,
  optionalText,
  pageInput,
  pageOf,
  tierField,
  trimmedName,
  versionField,
} from './fields.ts';
import { contactSchema, contactInput } from './contacts.contract.ts';
import { contractListItemSchema } from './contracts.contract.ts';
import { tagSchema } from './tags.contract.ts';

export const customerSchema = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  industry: z.string().nullable(),
  tier: tierField,
  /** 'manual': set by hand; 'import': a sheet's tier the rules disagreed with. No classification changes it. */
  tierPinned: z.enum(['manual', 'import']).nullable(),
  /** Why the customer is in its tier (shared/tiers/tierRules.ts), rendered in the reader's language. */
  tierReason: z.object({ key: messageKeyField, params: messageParamsField }).nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  lifecycleStage: lifecycleField,
  source: z.string().nullable(),
  customFields: z.record(z.string(), z.string()),
  notes: z.string().nullable(),
  nextExpiryOn: z.string().nullable(),
  archivedAt: z.string().nullable(),
  tags: z.array(tagSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Customer = z.infer<typeof customerSchema>;

export const customerListItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  tier: tierField,
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  nextExpiryOn: z.string().nullable(),
  lastFollowUpAt: z.string().nullable(),
  primaryContactName: z.string().nullable(),
  primaryContactPhone: z.string().nullable(),
  archived: z.boolean(),
  version: z.number(),
});
export type CustomerListItem = z.infer<typeof customerListItemSchema>;

export const CUSTOMER_SORTS = ['nextExpiryOn', 'name', 'updatedAt', 'createdAt'] as const;

export const customerListInput = z.object({
  search: z.string().max(100).optional(),
  tier: tierField.optional(),
  ownerId: idField.optional(),
  tagId: idField.optional(),
  /** Only customers with an active contract ending within N days (overdue included). */
  expiringWithinDays: z.number().int().min(0).max(3650).optional(),
  archived: z.enum(['active', 'archived', 'all']).default('active'),
  sort: z.enum(CUSTOMER_SORTS).default('nextExpiryOn'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...pageInput,
});
export type CustomerListInput = z.input<typeof customerListInput>;

const customerFields = {
  code: optionalText(50),
  industry: optionalText(50),
  tier: tierField,
  ownerId: idField.nullable().optional(),
  lifecycleStage: lifecycleField,
  source: optionalText(100),
  customFields: customFieldsField,
  notes: multiLineText(5000),
  /** Tag names: trimmed, blanks dropped, each once; a name no live tag has becomes a new tag. */
  tags: z
    .array(z.string().max(200).superRefine((name, ctx) => noControlCharacters(false, 'label.tagName')(name.trim(), ctx)))
    .max(50, issue('validation.tooManyTags'))
    .transform((names) => [...new Set(names.map((n) => n.trim()).filter((n) => n !== ''))])
    .refine((names) => names.every((n) => n.length <= 30), { message: issue('validation.tagTooLong') }),
};

export const customerCreateInput = z.object({
  name: trimmedName('label.customerName'),
  ...customerFields,
  tier: customerFields.tier.default('normal'),
  lifecycleStage: customerFields.lifecycleStage.default('customer'),
  customFields: customerFields.customFields.default({}),
  tags: customerFields.tags.default([]),
  primaryContact: contactInput.optional(),
});
export type CustomerCreateInput = z.input<typeof customerCreateInput>;

export const customerUpdateInput = z.object({
  id: idField,
  version: versionField,
  name: trimmedName('label.customerName').optional(),
  code: customerFields.code,
  industry: customerFields.industry,
  tier: customerFields.tier.optional(),
  ownerId: customerFields.ownerId,
  lifecycleStage: customerFields.lifecycleStage.optional(),
  source: customerFields.source,
  customFields: customerFields.customFields.optional(),
  notes: customerFields.notes,
  tags: customerFields.tags.optional(),
});
export type CustomerUpdateInput = z.input<typeof customerUpdateInput>;

export const customerDetailSchema = customerSchema.extend({
  contacts: z.array(contactSchema),
  contracts: z.array(contractListItemSchema),
  lastFollowUpAt: z.string().nullable(),
});
export type CustomerDetail = z.infer<typeof customerDetailSchema>;

const byId = z.object({ id: idField });

export const customersContract = {
  'customers:list': { input: customerListInput, output: pageOf(customerListItemSchema) },
  'customers:get': { input: byId, output: customerDetailSchema },
  'customers:create': { input: customerCreateInput, output: customerSchema, changes: ['customers', 'contacts', 'tags', 'system'] },
  'customers:update': {
    input: customerUpdateInput,
    output: customerSchema,
    changes: ['customers', 'tags', 'contracts', 'followups', 'renewals', 'reminders', 'notifications'],
  },
  'customers:archive': { input: byId, output: customerSchema, changes: ['customers', 'followups'] },
  'customers:unarchive': { input: byId, output: customerSchema, changes: ['customers', 'followups'] },
  'customers:delete': {
    input: byId,
    output: z.object({ undoToken: z.string(), name: z.string() }),
    changes: ['customers', 'contacts', 'contracts', 'followups', 'renewals', 'reminders', 'notifications', 'system'],
  },
  'customers:undoDelete': {
    input: z.object({ undoToken: idField }),
    output: customerSchema,
    changes: ['customers', 'contacts', 'contracts', 'followups', 'renewals', 'reminders', 'notifications', 'system'],
  },
} as const;
