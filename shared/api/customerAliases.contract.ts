import * as z from './zodSetup.ts';
import { idField } from './fields.ts';

// A customer's 曾用名/别名: the names of customers merged into it (the data check's merge keeps them as aliases).

export const customerAliasSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** When the customer of that name was merged into this one (the alias's creation). */
  mergedAt: z.string(),
});
export type CustomerAlias = z.infer<typeof customerAliasSchema>;

export const customerAliasesContract = {
  /** The customer's 曾用名/别名: names of customers merged into it, oldest first. */
  'customers:aliases': {
    input: z.object({ customerId: idField }),
    output: z.object({ items: z.array(customerAliasSchema), total: z.number().int() }),
  },
  /** Forgets one alias (search no longer finds the customer by it; an import of that name makes a new customer). */
  'customers:removeAlias': {
    input: z.object({ id: idField }),
    output: z.object({ id: z.string(), name: z.string() }),
    changes: ['customers'],
  },
} as const;
