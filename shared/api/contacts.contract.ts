import * as z from './zodSetup.ts';
import { emailField, idField, isoDate, multiLineText, optionalText, phoneField, trimmedName, versionField } from './fields.ts';

export const contactSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  birthday: z.string().nullable(),
  isPrimary: z.boolean(),
  notes: z.string().nullable(),
  version: z.number(),
});
export type Contact = z.infer<typeof contactSchema>;

export const contactInput = z.object({
  name: trimmedName('label.contactName', 50),
  title: optionalText(50),
  phone: phoneField,
  email: emailField,
  birthday: isoDate.nullable().optional(),
  isPrimary: z.boolean().optional(),
  notes: multiLineText(1000),
});
export type ContactInput = z.input<typeof contactInput>;

export const contactCreateInput = contactInput.extend({ customerId: idField });
export const contactUpdateInput = contactInput.partial().extend({ id: idField, version: versionField });

export const contactsContract = {
  'contacts:list': { input: z.object({ customerId: idField }), output: z.object({ items: z.array(contactSchema), total: z.number() }) },
  'contacts:create': { input: contactCreateInput, output: contactSchema, changes: ['contacts', 'customers', 'reminders', 'notifications'] },
  'contacts:update': { input: contactUpdateInput, output: contactSchema, changes: ['contacts', 'customers', 'reminders', 'notifications'] },
  'contacts:delete': {
    input: z.object({ id: idField }),
    output: z.object({ id: z.string() }),
    changes: ['contacts', 'customers', 'reminders', 'notifications'],
  },
} as const;
