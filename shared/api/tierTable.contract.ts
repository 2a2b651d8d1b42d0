import * as z from './zodSetup.ts';
import { catalogueIssue as issue } from './catalogueIssue.ts';
import { idField, noControlCharacters, tierField, versionField } from './fields.ts';
import { MAX_STEP, MIN_STEP } from '../reminders/reminderLadder.ts';
import { TIER_COLOURS } from '../tiers/tierTable.ts';

// The tier table (migration 0019, 设置 › 客户等级): list, add, edit (name, colour, ladder, template), reorder, and
// remove with the customers moved to another tier. `renewal-desk tiers list --json`.

const tierNameField = z.string().trim().min(1, issue('tierTable.nameRequired')).max(20).superRefine(noControlCharacters(false));
const colourField = z.enum(TIER_COLOURS);
const stepsField = z
  .array(z.number().int(issue('validation.stepInteger')).min(MIN_STEP).max(MAX_STEP))
  .min(1, issue('validation.stepsEmpty'))
  .max(30, issue('validation.stepsTooMany'));
const templateField = z.string().trim().min(1, issue('validation.templateEmpty')).max(500).superRefine(noControlCharacters(true));

export const tierItemSchema = z.object({
  code: z.string(),
  /** The tier's own name; null for a built-in that keeps the catalogue's (VIP/重要/普通). */
  name: z.string().nullable(),
  /** The name as shown, in the archive's language. */
  label: z.string(),
  colour: colourField,
  rank: z.number().int(),
  builtin: z.boolean(),
  version: z.number().int(),
  /** Live customers in the tier. */
  customers: z.number().int(),
  /** Its reminder ladder (days before the end date) and notification template, as they apply now. */
  ladder: z.array(z.number().int()),
  template: z.string(),
  /** Classification rules that name it (as a rule's tier or the fallback): it cannot be removed while any do. */
  usedByRules: z.boolean(),
});
export type TierItem = z.infer<typeof tierItemSchema>;

export const tierTableContract = {
  'tiers:list': { input: z.object({}), output: z.object({ items: z.array(tierItemSchema), total: z.number().int() }) },
  'tiers:create': {
    input: z.object({
      name: tierNameField,
      colour: colourField.default('green'),
      /** Chosen by the caller (CLI, scripts), else made from the name's order: custom_1, custom_2… */
      code: tierField.optional(),
    }),
    output: tierItemSchema,
    changes: ['tiers', 'settings', 'reminders', 'customers'],
  },
  'tiers:update': {
    input: z.object({
      code: tierField,
      version: versionField,
      /** null gives a built-in its catalogue name back; a custom tier always keeps a name. */
      name: tierNameField.nullable().optional(),
      colour: colourField.optional(),
      ladder: stepsField.optional(),
      template: templateField.optional(),
    }),
    output: tierItemSchema,
    changes: ['tiers', 'settings', 'reminders', 'notifications', 'customers', 'renewals', 'reports'],
  },
  'tiers:move': {
    input: z.object({ code: tierField, direction: z.enum(['up', 'down']) }),
    output: z.object({ items: z.array(tierItemSchema), total: z.number().int() }),
    changes: ['tiers', 'settings', 'customers', 'reports'],
  },
  'tiers:remove': {
    input: z.object({ code: tierField, moveTo: tierField }),
    output: z.object({ undoToken: z.string(), moved: z.number().int() }),
    changes: ['tiers', 'settings', 'customers', 'reminders', 'notifications', 'renewals', 'reports', 'lifecycle'],
  },
  'tiers:undoRemove': {
    input: z.object({ undoToken: idField }),
    output: z.object({ entries: z.number().int() }),
    changes: ['tiers', 'settings', 'customers', 'reminders', 'notifications', 'renewals', 'reports', 'lifecycle'],
  },
} as const;
