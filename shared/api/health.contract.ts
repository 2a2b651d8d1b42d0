import * as z from './zodSetup.ts';
import { catalogueIssue as issue } from './catalogueIssue.ts';
import { idField } from './fields.ts';
import { HEALTH_BANDS, HEALTH_FACTORS } from '../domain/healthBands.ts';
import type { HealthWeights } from '../domain/healthScore.ts';

// 健康度 (issue 13): a customer's score with its factors, change and weekly history; the weights in 设置.

const points = z.number({ message: issue('validation.healthWeight') }).int(issue('validation.healthWeight')).min(0, issue('validation.healthWeight')).max(100, issue('validation.healthWeight'));
const rate = z.number({ message: issue('validation.healthWeight') }).min(0, issue('validation.healthWeight')).max(10, issue('validation.healthWeight'));

export const healthWeightsSchema = z.object({
  paymentDelayPerDay: rate,
  paymentDelayCap: points,
  usageDropPerPercent: rate,
  usageDropCap: points,
  interactionChangePoints: points,
  competitorEventPoints: points,
  noFollowUpPoints: points,
  openComplaintPoints: points,
  openComplaintsCap: points,
  lowSatisfactionCap: points,
  noPhoneContactPoints: points,
});
// The schema and the domain type stay one shape.
const sameShape: z.infer<typeof healthWeightsSchema> extends HealthWeights ? (HealthWeights extends z.infer<typeof healthWeightsSchema> ? true : false) : false = true;
void sameShape;

const bandField = z.enum(HEALTH_BANDS);
export const healthFactorSchema = z.object({
  factor: z.enum(HEALTH_FACTORS),
  points: z.number(),
  measured: z.number().nullable(),
  absent: z.enum(['notEnoughData', 'notAvailable']).optional(),
  /** A day count's start date (the silence since the latest follow-up); measured is that count as of today. */
  since: z.string().optional(),
});
const weekPoint = z.object({ weekOf: z.string(), score: z.number().int(), band: bandField });

export const healthContract = {
  /** One customer's score, band and per-factor contributions, the change since last week and 12 weekly points. */
  'health:get': {
    input: z.object({ customerId: idField }),
    output: z.object({
      /** null when the customer was never scored (a recompute is due); `factors` are then today's, scored live, not stored. */
      score: z.number().int().nullable(),
      band: bandField.nullable(),
      factors: z.array(healthFactorSchema),
      /** When the stored row last changed (a recompute that finds the same score and factors leaves it). */
      computedAt: z.string().nullable(),
      /** This score minus last week's stored one; null when last week has none. */
      changeSinceLastWeek: z.number().int().nullable(),
      /** Oldest first, at most 12 (the weeks a score was stored). */
      weeks: z.array(weekPoint),
    }),
  },
  'health:weights': {
    input: z.object({}),
    output: z.object({ weights: healthWeightsSchema, defaults: healthWeightsSchema }),
  },
  /** Saves the weights (audited; the token undoes it) and rescores every customer with them. */
  'health:setWeights': {
    input: healthWeightsSchema,
    output: z.object({ weights: healthWeightsSchema, undoToken: z.string() }),
    changes: ['health', 'settings'],
  },
  'health:undoWeights': {
    input: z.object({ undoToken: idField }),
    output: z.object({ weights: healthWeightsSchema }),
    changes: ['health', 'settings'],
  },
  /** How many customers the weights would move to another band, and where, without writing anything. */
  'health:previewWeights': {
    input: healthWeightsSchema,
    output: z.object({
      customers: z.number().int(),
      changed: z.number().int(),
      moves: z.array(z.object({ from: bandField, to: bandField, count: z.number().int() })),
    }),
  },
  /** Rescores every customer now (also after the writes that touch a signal, and once a day). */
  'health:recompute': {
    input: z.object({}),
    output: z.object({ customers: z.number().int(), rescored: z.number().int() }),
    changes: ['health'],
  },
} as const;
