import * as z from './zodSetup.ts';
import { channelField, idField, isoDate, multiLineText, optionalText, pageInput, tierField, trimmedName, versionField } from './fields.ts';

// Satisfaction surveys / 满意度 (issue 14): dimensions (three built-ins, renamed, added, retired), surveys per customer
// and optionally per contract, campaigns that give each picked customer a task (a reminder of kind 'survey'), the
// results (exact averages per dimension, period, tier and owner; the customers below the threshold) and the
// improvement actions (改进措施) recorded under a survey. Every write answers with an undo token (surveys:undo).

export const SURVEY_DIMENSION_CODES = ['productQuality', 'serviceAttitude', 'resolutionSpeed'] as const;
export const DEFAULT_SURVEY_THRESHOLD = 3;

export const surveyDimensionSchema = z.object({
  id: z.string(),
  /** A built-in's code; null for one the user added. */
  code: z.enum(SURVEY_DIMENSION_CODES).nullable(),
  /** null: a built-in never renamed, named by the catalogue in the reader's language. */
  name: z.string().nullable(),
  position: z.number().int(),
  /** Retired: off new surveys; the scores given keep it. */
  retiredOn: z.string().nullable(),
  version: z.number().int(),
});
export type SurveyDimension = z.infer<typeof surveyDimensionSchema>;

const scoreField = z.number().int().min(1).max(5);

export const surveyActionSchema = z.object({
  id: z.string(),
  surveyId: z.string(),
  onDate: z.string(),
  text: z.string(),
  doneBy: z.string(),
});
export type SurveyAction = z.infer<typeof surveyActionSchema>;

export const surveySchema = z.object({
  id: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  contractId: z.string().nullable(),
  contractNo: z.string().nullable(),
  campaignId: z.string().nullable(),
  onDate: z.string(),
  channel: channelField,
  /** Dimension id → score 1..5. */
  scores: z.record(z.string(), z.number().int()),
  /** The mean of its scores; null when it has none. */
  average: z.number().nullable(),
  comment: z.string().nullable(),
  version: z.number().int(),
  actions: z.array(surveyActionSchema),
});
export type Survey = z.infer<typeof surveySchema>;

/** One group's figures: per dimension and over all its scores, as exact sums and counts (average = sum / count). */
export const surveyAggregateSchema = z.object({
  /** '' (all), 'YYYY-MM', 'YYYY-Qn', a tier code or an owner id ('' for no owner). */
  key: z.string(),
  label: z.string(),
  surveys: z.number().int(),
  dimensions: z.array(z.object({ dimensionId: z.string(), sum: z.number().int(), count: z.number().int(), average: z.number() })),
  sum: z.number().int(),
  count: z.number().int(),
  average: z.number().nullable(),
});
export type SurveyAggregate = z.infer<typeof surveyAggregateSchema>;

export const lowCustomerSchema = z.object({
  customerId: z.string(),
  customerName: z.string(),
  ownerName: z.string().nullable(),
  /** The mean of every score of the customer's surveys in the range. */
  average: z.number(),
  surveys: z.number().int(),
  /** The latest survey in the range: an improvement action is recorded under it. */
  latestSurveyId: z.string(),
  latestOn: z.string(),
  actions: z.array(surveyActionSchema),
});

export const surveySelectionSchema = z.union([
  z.object({ by: z.literal('tier'), tiers: z.array(tierField).min(1).max(20) }),
  z.object({ by: z.literal('due'), days: z.number().int().min(1).max(366) }),
]);
export type SurveySelection = z.infer<typeof surveySelectionSchema>;

export const surveyCampaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  onDate: z.string(),
  selection: surveySelectionSchema,
  customers: z.number().int(),
  answered: z.number().int(),
});

export const campaignRowSchema = z.object({
  taskId: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  ownerName: z.string().nullable(),
  surveyId: z.string().nullable(),
});

const undoable = { undoToken: z.string() };
const changes = ['surveys', 'health', 'customers'] as const;
const campaignChanges = ['surveys', 'health', 'customers', 'reminders', 'notifications'] as const;
const scoresInput = z.record(idField, scoreField);

export const surveysContract = {
  /** The dimensions in order; retired ones too unless `activeOnly`. */
  'surveys:dimensions': {
    input: z.object({ activeOnly: z.boolean().optional() }),
    output: z.object({ items: z.array(surveyDimensionSchema), total: z.number().int() }),
  },
  /** Renames a dimension (id given), or adds one (no id). */
  'surveys:setDimension': {
    input: z.object({ id: idField.optional(), name: trimmedName('surveys.dimensionName', 20), version: versionField }),
    output: z.object({ dimension: surveyDimensionSchema, ...undoable }),
    changes,
  },
  /** Retires a dimension (off new surveys, its scores kept) or brings it back. */
  'surveys:retireDimension': {
    input: z.object({ id: idField, retired: z.boolean() }),
    output: z.object({ dimension: surveyDimensionSchema, ...undoable }),
    changes,
  },
  /** Surveys, newest first; of one customer when given. */
  'surveys:list': {
    input: z.object({ customerId: idField.optional(), ...pageInput }),
    output: z.object({ items: z.array(surveySchema), total: z.number().int() }),
  },
  /** The customer's latest survey (the customer page), with the low-score threshold. */
  'surveys:latest': {
    input: z.object({ customerId: idField }),
    output: z.object({ survey: surveySchema.nullable(), threshold: z.number() }),
  },
  /** Records a survey (no id) or edits one. Scores only for live dimensions (a retired one keeps scores already given). */
  'surveys:save': {
    input: z.object({
      id: idField.optional(),
      customerId: idField,
      contractId: idField.nullable().optional(),
      campaignId: idField.nullable().optional(),
      onDate: isoDate,
      channel: channelField,
      scores: scoresInput,
      comment: multiLineText(1000).nullable().optional(),
      version: versionField,
    }),
    output: z.object({ survey: surveySchema, ...undoable }),
    changes: campaignChanges,
  },
  'surveys:remove': {
    input: z.object({ id: idField }),
    output: z.object({ id: z.string(), ...undoable }),
    changes: campaignChanges,
  },
  /** Records an improvement action (改进措施) under a survey: what was done, when, by whom. */
  'surveys:addAction': {
    input: z.object({ surveyId: idField, onDate: isoDate, text: trimmedName('surveys.actionText', 500), doneBy: optionalText(40) }),
    output: z.object({ action: surveyActionSchema, ...undoable }),
    changes,
  },
  /** Undoes any survey write (a survey, a dimension, an action, a campaign, the threshold). */
  'surveys:undo': {
    input: z.object({ undoToken: idField }),
    output: z.object({ undone: z.number().int() }),
    changes: [...campaignChanges, 'settings'],
  },
  /** The threshold below which a customer's average is listed (default 3). */
  'surveys:setThreshold': {
    input: z.object({ threshold: z.number().min(1).max(5) }),
    output: z.object({ threshold: z.number(), ...undoable }),
    changes: ['surveys', 'settings'],
  },
  /**
   * The results over [from, to]: overall, per period (month or quarter of the survey date), per tier and per owner
   * (the customer's current ones), and the customers whose average is below the threshold.
   */
  'surveys:results': {
    input: z.object({ from: isoDate, to: isoDate, period: z.enum(['month', 'quarter']).default('month') }),
    output: z.object({
      dimensions: z.array(surveyDimensionSchema),
      overall: surveyAggregateSchema,
      byPeriod: z.array(surveyAggregateSchema),
      byTier: z.array(surveyAggregateSchema),
      byOwner: z.array(surveyAggregateSchema),
      threshold: z.number(),
      below: z.array(lowCustomerSchema),
    }),
  },
  'surveys:campaigns': {
    input: z.object({}),
    output: z.object({ items: z.array(surveyCampaignSchema), total: z.number().int() }),
  },
  /** Creates a campaign: one task per picked live, unarchived customer (a reminder for its owner on the date). */
  'surveys:createCampaign': {
    input: z.object({ name: trimmedName('surveys.campaignName', 60), onDate: isoDate, selection: surveySelectionSchema }),
    output: z.object({ campaign: surveyCampaignSchema, ...undoable }),
    changes: campaignChanges,
  },
  /** A campaign's customers in the grid's order (customer name), with the survey each answered, if any. */
  'surveys:campaign': {
    input: z.object({ id: idField }),
    output: z.object({ campaign: surveyCampaignSchema, rows: z.array(campaignRowSchema) }),
  },
} as const;
