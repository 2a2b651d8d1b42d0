import * as z from './zodSetup.ts';
import { PREDICTION_FEATURES } from '../domain/renewalFeatures.ts';

// Issue 13's local renewal prediction. `prediction:model` says how the odds are made: a logistic regression fitted on
// the archive's own decided terms (once there are enough), with its accuracy on the newest 25% held out, or the
// rule-based fallback and why. `prediction:upcoming` gives the odds and top drivers of live contracts ending soon.

const featureField = z.enum(PREDICTION_FEATURES);

export const predictionDriverSchema = z.object({
  feature: featureField,
  /** The feature's value for this contract (days, percent, count…; see PREDICTION_FEATURES). */
  value: z.number(),
  /** Its share of the log-odds: > 0 raises the renewal odds, < 0 lowers them. */
  contribution: z.number(),
});

export const fallbackDriverSchema = z.object({
  /** tierRate: the archive's renewal rate in the customer's tier; healthBand: the stored health band's adjustment. */
  kind: z.enum(['tierRate', 'healthBand']),
  tier: z.string().optional(),
  band: z.string().optional(),
  rate: z.number().optional(),
  oddsFactor: z.number().optional(),
});

export const contractPredictionSchema = z.object({
  contractId: z.string(),
  contractNo: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  endsOn: z.string(),
  /** The date the inputs were read as of: today (the model learnt from decided terms as of 90 days before their end). */
  asOf: z.string(),
  method: z.enum(['model', 'fallback']),
  /** The renewal probability, 0..1. */
  probability: z.number(),
  /** Model: the 3 features that moved the odds most, largest first. */
  drivers: z.array(predictionDriverSchema),
  /** Fallback: what the rule-based odds were made of. */
  fallbackDrivers: z.array(fallbackDriverSchema),
});
export type ContractPrediction = z.infer<typeof contractPredictionSchema>;

export const calibrationBandSchema = z.object({
  from: z.number(),
  to: z.number(),
  count: z.number().int(),
  predicted: z.number().nullable(),
  observed: z.number().nullable(),
});

export const predictionModelSchema = z.object({
  status: z.enum(['fitted', 'fallback']),
  /** Why the fallback: too few decided terms, or all of them went one way. */
  fallbackReason: z.enum(['tooFew', 'oneOutcome']).nullable(),
  /** Decided terms (renewed or lost) that ended 90 or more days ago, and how many the model needs. */
  decided: z.number().int(),
  needed: z.number().int(),
  renewed: z.number().int(),
  lost: z.number().int(),
  /** Terms ending on or before this date count (today − 90 days). */
  endedBy: z.string(),
  trainCount: z.number().int(),
  testCount: z.number().int(),
  /** The held-out terms' end dates (the newest 25%). */
  testFrom: z.string().nullable(),
  testTo: z.string().nullable(),
  /** Held-out AUC, 0..1; null when the held-out terms all went one way. */
  auc: z.number().nullable(),
  calibration: z.array(calibrationBandSchema),
  /** Per feature: the weight on its standardized value (> 0 raises the odds). */
  weights: z.array(z.object({ feature: featureField, weight: z.number() })),
  /** The fallback's rates: the archive's overall renewal rate and per tier (smoothed towards the overall one). */
  fallback: z.object({
    overallRate: z.number(),
    tiers: z.array(z.object({ tier: z.string(), decided: z.number().int(), renewed: z.number().int(), rate: z.number() })),
    healthOddsFactors: z.record(z.string(), z.number()),
  }),
});
export type PredictionModelReport = z.infer<typeof predictionModelSchema>;

export const predictionContract = {
  'prediction:model': { input: z.object({}), output: predictionModelSchema },
  'prediction:upcoming': {
    input: z.object({ withinDays: z.number().int().min(1).max(730).default(90) }),
    output: z.object({ items: z.array(contractPredictionSchema), total: z.number().int(), status: z.enum(['fitted', 'fallback']), today: z.string() }),
  },
} as const;
