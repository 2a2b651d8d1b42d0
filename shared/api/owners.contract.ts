import * as z from './zodSetup.ts';
import { emailField, idField, phoneField, trimmedName, versionField } from './fields.ts';

export const ownerSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  version: z.number(),
});
export type Owner = z.infer<typeof ownerSchema>;

export const ownersContract = {
  'owners:list': {
    input: z.object({ includeInactive: z.boolean().default(false) }),
    output: z.object({ items: z.array(ownerSchema), total: z.number() }),
  },
  'owners:create': {
    input: z.object({ name: trimmedName('label.ownerName', 50), email: emailField, phone: phoneField }),
    output: ownerSchema,
    changes: ['owners'],
  },
  'owners:update': {
    input: z.object({
      id: idField,
      version: versionField,
      name: trimmedName('label.ownerName', 50).optional(),
      email: emailField,
      phone: phoneField,
      active: z.boolean().optional(),
    }),
    output: ownerSchema,
    changes: ['owners', 'customers', 'contracts', 'followups', 'renewals'],
  },
} as const;
