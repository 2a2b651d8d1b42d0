import * as z from './zodSetup.ts';
import {
  amountFenField,
  contractStatusField,
  currencyField,
  cycleField,
  idField,
  isoDate,
  multiLineText,
  optionalText,
  pageInput,
  pageOf,
  trimmedName,
  versionField,
} from './fields.ts';
import { RENEWAL_STAGES } from '../domain/enums.ts';
import { DISPLAY_STATUSES } from '../renewals/displayStatus.ts';

export const contractSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  number: z.string(),
  signedOn: z.string().nullable(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  amountFen: z.number().nullable(),
  currency: currencyField,
  /** null: the 续费周期 is unknown (a blank cell in an imported sheet). */
  cycle: cycleField.nullable(),
  service: z.string().nullable(),
  status: contractStatusField,
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  renewalOf: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  /** The term's live renewal record: its stage (null: none, 待跟进), and why it was lost. */
  stage: z.enum(RENEWAL_STAGES).nullable(),
  lostReason: z.string().nullable(),
  lostNote: z.string().nullable(),
});
export type Contract = z.infer<typeof contractSchema>;

/** A contract as lists show it: with its derived display status and the window that makes it 即将到期. */
export const contractListItemSchema = contractSchema.extend({
  displayStatus: z.enum(DISPLAY_STATUSES),
  /** The tier's first reminder step: a term ending within this many days is 即将到期. */
  dueSoonDays: z.number().int(),
});
export type ContractListItem = z.infer<typeof contractListItemSchema>;

const contractFields = {
  number: trimmedName('label.contractNumber', 64),
  signedOn: isoDate.nullable().optional(),
  startsOn: isoDate.nullable().optional(),
  endsOn: isoDate.nullable().optional(),
  amountFen: amountFenField.nullable().optional(),
  currency: currencyField,
  cycle: cycleField.nullable(),
  service: optionalText(500),
  status: contractStatusField,
  ownerId: idField.nullable().optional(),
  renewalOf: idField.nullable().optional(),
  notes: multiLineText(5000),
};

export const contractCreateInput = z.object({
  customerId: idField,
  ...contractFields,
  currency: contractFields.currency.default('CNY'),
  cycle: contractFields.cycle.default('year'),
  status: contractFields.status.default('active'),
});
export type ContractCreateInput = z.input<typeof contractCreateInput>;

export const contractUpdateInput = z.object({
  id: idField,
  version: versionField,
  number: contractFields.number.optional(),
  signedOn: contractFields.signedOn,
  startsOn: contractFields.startsOn,
  endsOn: contractFields.endsOn,
  amountFen: contractFields.amountFen,
  currency: contractFields.currency.optional(),
  cycle: contractFields.cycle.optional(),
  service: contractFields.service,
  status: contractFields.status.optional(),
  ownerId: contractFields.ownerId,
  renewalOf: contractFields.renewalOf,
  notes: contractFields.notes,
});
export type ContractUpdateInput = z.input<typeof contractUpdateInput>;

export const contractListInput = z.object({
  customerId: idField.optional(),
  status: contractStatusField.optional(),
  ...pageInput,
});

export const contractsContract = {
  'contracts:list': { input: contractListInput, output: pageOf(contractListItemSchema) },
  'contracts:get': { input: z.object({ id: idField }), output: contractSchema },
  'contracts:create': {
    input: contractCreateInput,
    output: contractSchema,
    changes: ['contracts', 'customers', 'followups', 'renewals', 'reminders', 'notifications'],
  },
  'contracts:update': {
    input: contractUpdateInput,
    output: contractSchema,
    changes: ['contracts', 'customers', 'followups', 'renewals', 'reminders', 'notifications'],
  },
  'contracts:delete': {
    input: z.object({ id: idField }),
    output: z.object({ id: z.string() }),
    changes: ['contracts', 'customers', 'followups', 'renewals', 'reminders', 'notifications'],
  },
} as const;
