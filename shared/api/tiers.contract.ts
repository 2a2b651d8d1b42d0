import * as z from './zodSetup.ts';
import { idField, tierField } from './fields.ts';
import { TIER_FACTS } from '../tiers/tierRules.ts';
import type { TierRuleSet } from '../tiers/tierRules.ts';

// Tiers by rule (electron/services/tiers). The rule set is stored in settings; classify previews (dryRun) or
// applies it to every customer whose tier is not pinned. `renewal-desk tiers classify [--dry-run] --json`.

const conditionSchema = z.object({
  fact: z.enum(TIER_FACTS),
  min: z.number().int().min(0).max(1e13),
});

const ruleSchema = z.object({
  tier: tierField,
  combine: z.enum(['any', 'all']),
  conditions: z.array(conditionSchema).max(10),
});

// Tried from the highest tier down, the fallback lowest, so raising a threshold never moves a customer up: the
// order is the tier table's (migration 0019), so the service checks it (tierTable.service.ts assertRuleTiers).
export const tierRuleSetSchema = z.object({
  rules: z.array(ruleSchema).max(10),
  fallback: tierField,
  purchaseYears: z.number().int().min(1).max(50),
}) satisfies z.ZodType<TierRuleSet>;

/** One customer whose tier the rules change (or, pinned, would change). */
export const tierMoveSchema = z.object({
  customerId: z.string(),
  name: z.string(),
  from: tierField,
  to: tierField,
  /** The reason in the caller's language. */
  reason: z.string(),
  /** Pinned customers are listed when the rules disagree, but never changed. */
  pinned: z.boolean(),
});
export type TierMove = z.infer<typeof tierMoveSchema>;

export const tierClassifyResultSchema = z.object({
  items: z.array(tierMoveSchema),
  /** Customers that move (pinned ones excluded). */
  total: z.number().int(),
  /** Customers classified (live, not pinned). */
  classified: z.number().int(),
  /** Customers whose stored reason changed although their tier did not. */
  reasonsUpdated: z.number().int(),
  applied: z.boolean(),
  /** The apply's audited batch; null for a dry run or when nothing changed. */
  batchId: z.string().nullable(),
});
export type TierClassifyResult = z.infer<typeof tierClassifyResultSchema>;

export const tiersContract = {
  'tiers:rules': { input: z.object({}), output: tierRuleSetSchema },
  'tiers:setRules': { input: tierRuleSetSchema, output: tierRuleSetSchema, changes: ['tiers', 'settings'] },
  'tiers:classify': {
    input: z.object({
      dryRun: z.boolean().default(false),
      limit: z.number().int().min(1).max(100_000).default(10_000),
      /** Rules to use instead of the stored ones: previewed in a dry run, saved with the apply otherwise. */
      rules: tierRuleSetSchema.optional(),
    }),
    output: tierClassifyResultSchema,
    changes: ['tiers', 'customers', 'reminders', 'renewals', 'reports'],
  },
  'tiers:unpin': { input: z.object({ id: idField }), output: z.object({ id: z.string() }), changes: ['tiers', 'customers', 'reminders', 'renewals', 'reports'] },
} as const;
