import * as z from './zodSetup.ts';
import { USAGE_PERIOD_KINDS } from '../domain/enums.ts';
import { catalogueIssue as issue } from './catalogueIssue.ts';
import { idField, isoDate, noControlCharacters } from './fields.ts';

// Issue 13's hand-entered risk signals, each dated so that trends can be computed: usage figures per customer and
// period (one live figure per period: a second set replaces the first), competitor events, and the 咨询 + 工单
// follow-ups per month. A write answers with an undo token (its audit batch), undone by signals:undo.

export const usageFigureSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  periodKind: z.enum(USAGE_PERIOD_KINDS),
  /** The period's first day (a month's 1st, a week's Monday, a quarter's first day). */
  periodStart: z.string(),
  value: z.number(),
  unit: z.string(),
  updatedAt: z.string(),
});
export type UsageFigure = z.infer<typeof usageFigureSchema>;

export const competitorEventSchema = z.object({
  id: z.string(),
  customerId: z.string(),
  contractId: z.string().nullable(),
  contractNo: z.string().nullable(),
  happenedOn: z.string(),
  text: z.string(),
  createdAt: z.string(),
});
export type CompetitorEvent = z.infer<typeof competitorEventSchema>;

const undoable = { undoToken: z.string() };
const usageValue = z.number({ message: issue('signals.valueInvalid') }).finite(issue('signals.valueInvalid')).min(0, issue('signals.valueInvalid')).max(1e12, issue('signals.valueInvalid'));
const unitText = z.string().trim().max(20, issue('signals.unitTooLong')).superRefine(noControlCharacters(false));

export const signalsContract = {
  /** The customer's usage figures, latest period first, with the configured unit. */
  'usage:list': {
    input: z.object({ customerId: idField, periodKind: z.enum(USAGE_PERIOD_KINDS).optional() }),
    output: z.object({ items: z.array(usageFigureSchema), total: z.number().int(), unit: z.string() }),
  },
  /** Sets the figure of the period that holds the day `periodOn` (any day of it): a new one, or it replaces the period's figure. */
  'usage:set': {
    input: z.object({ customerId: idField, periodKind: z.enum(USAGE_PERIOD_KINDS).default('month'), periodOn: isoDate, value: usageValue, unit: unitText.optional() }),
    output: z.object({ figure: usageFigureSchema, created: z.boolean(), ...undoable }),
    changes: ['usage'],
  },
  'usage:remove': {
    input: z.object({ id: idField }),
    output: z.object({ id: z.string(), ...undoable }),
    changes: ['usage'],
  },
  /** The unit usage figures are entered in (设置): 登录次数, 席位, 订单…; blank means the catalogue's default. */
  'usage:unit': {
    input: z.object({}),
    output: z.object({ unit: z.string() }),
  },
  'usage:setUnit': {
    input: z.object({ unit: unitText }),
    output: z.object({ unit: z.string() }),
    changes: ['usage', 'settings'],
  },
  /**
   * `import --kind usage FILE`: the usage sheet (客户名称, 期间, 用量, optional 单位, or the English headers), monthly
   * figures. One transaction, recorded in the import history (import_batches kind 'usage') and undone as a batch by
   * import:undo / `undo-import`; rows that cannot be applied (unknown customer, bad period or value) are listed and skipped.
   */
  'usage:import': {
    input: z.object({ uploadId: idField }),
    output: z.object({
      rows: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      issues: z.array(z.object({ line: z.number().int(), column: z.string().nullable(), message: z.string() })),
      /** The import batch (import:undo); null when nothing was written. */
      batchId: z.string().nullable(),
    }),
    changes: ['usage', 'import'],
  },
  /** 咨询 + 工单 follow-ups per month over the last `months` months (zeros included), and the sudden-change rule's verdict. */
  'usage:interactions': {
    input: z.object({ customerId: idField, months: z.number().int().min(4).max(36).default(12) }),
    output: z.object({
      months: z.array(z.object({ month: z.string(), inquiries: z.number().int(), tickets: z.number().int() })),
      change: z.object({ kind: z.enum(['notEnoughData', 'steady', 'rise', 'drop']), latest: z.number().optional(), mean: z.number().optional() }),
    }),
  },
  'competitorEvents:list': {
    input: z.object({ customerId: idField }),
    output: z.object({ items: z.array(competitorEventSchema), total: z.number().int() }),
  },
  'competitorEvents:add': {
    input: z.object({
      customerId: idField,
      happenedOn: isoDate,
      text: z.string().trim().min(1, issue('signals.eventTextRequired')).max(500, issue('signals.eventTextTooLong')).superRefine(noControlCharacters(false)),
      contractId: idField.optional(),
    }),
    output: z.object({ event: competitorEventSchema, ...undoable }),
    changes: ['competitorEvents'],
  },
  'competitorEvents:remove': {
    input: z.object({ id: idField }),
    output: z.object({ id: z.string(), ...undoable }),
    changes: ['competitorEvents'],
  },
  /** Undoes one usage or competitor-event write (by the undo token it answered with). */
  'signals:undo': {
    input: z.object({ undoToken: idField }),
    output: z.object({ undone: z.number().int() }),
    changes: ['usage', 'competitorEvents'],
  },
} as const;
