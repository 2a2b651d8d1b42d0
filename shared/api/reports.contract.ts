import * as z from './zodSetup.ts';
import { catalogueIssue as issue } from './catalogueIssue.ts';
import { cycleField, idField, isoDate, noControlCharacters, pageInput, pageOf, tierField } from './fields.ts';
import { parseReportPeriod } from '../reports/reportPeriod.ts';

// How renewals are going. Definitions (also on the report page, the README and `renewal-desk report`):
// - due: contracts not terminated, cycle not 一次性 (unknown cycles count), whose end date lies in the period;
// - due = renewed + lost + pending; pending is every undecided stage (待跟进, 已联系, 谈判中, and 已到期 history);
// - amounts are the due term's own amount; a term with an unknown amount is left out of every amount and
//   counted in unknownAmount.count;
// - a rate is null when its denominator is 0; byAmount = renewed amount ÷ due amount, so it lies in [0, 1];
// - netChangeFen: over renewed due terms whose two amounts are known, the renewal's amount minus the term's.

// - cohorts group the due terms by their own signing year (signed_on, else starts_on; '' when neither is known).

export const REPORT_GROUPINGS = ['owner', 'tier', 'cycle'] as const;
/** A group's key: an owner id, a tier or a cycle code; these two stand for "no owner" and "cycle unknown". */
export const NO_OWNER_KEY = 'none';
export const NO_CYCLE_KEY = 'unset';
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/** '2026', '2026-Q3', '2026-07' or '2026-01-01..2026-06-30'. */
export const reportPeriodField = z
  .string()
  .max(32)
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .superRefine(noControlCharacters(false))
      .refine((s) => parseReportPeriod(s) !== null, { message: issue('validation.reportPeriod') }),
  );

const tally = z.object({ count: z.number().int(), amountFen: z.number() });
const rates = z.object({ byCount: z.number().nullable(), byAmount: z.number().nullable() });

export const renewalReportGroupSchema = z.object({
  key: z.string(),
  label: z.string(),
  due: tally,
  renewed: tally,
  lost: tally,
  pending: tally,
  rate: rates,
});

export const renewalReportSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  due: tally,
  renewed: tally,
  lost: tally,
  pending: tally,
  unknownAmount: z.object({ count: z.number().int() }),
  rate: rates,
  netChangeFen: z.number(),
  groups: z.array(renewalReportGroupSchema).optional(),
});
export type RenewalReport = z.infer<typeof renewalReportSchema>;

/** Which due terms a report list shows. */
export const REPORT_OUTCOMES = ['due', 'renewed', 'lost', 'pending'] as const;

export const reportTermSchema = z.object({
  contractId: z.string(),
  contractNo: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  tier: tierField,
  ownerName: z.string().nullable(),
  cycle: cycleField.nullable(),
  endsOn: z.string(),
  amountFen: z.number().nullable(),
  outcome: z.enum(['renewed', 'lost', 'pending']),
  /** The renewing term's amount, when renewed and known. */
  renewalAmountFen: z.number().nullable(),
  /** Days between the end and the renewing term's start: positive is a gap, negative an early renewal. */
  gapDays: z.number().int().nullable(),
  lostReason: z.string().nullable(),
});

const bucket = z.object({ count: z.number().int(), amountFen: z.number() });

export const dashboardSchema = z.object({
  today: z.string(),
  /** Undecided terms ending within 30, 90 and 365 days from today (today included). */
  upcoming: z.object({ d30: bucket, d90: bucket, d365: bucket }),
  /** Active terms past their end with no decision (已逾期); 已到期 history is counted apart. */
  overdue: bucket,
  history: bucket,
  rates: z.object({ month: renewalReportSchema, quarter: renewalReportSchema, yearToDate: renewalReportSchema }),
  /** The last 12 months, oldest first. */
  trend: z.array(z.object({ month: z.string(), due: z.number().int(), renewed: z.number().int(), rate: rates })),
  owners: z.array(
    z.object({
      ownerId: z.string().nullable(),
      ownerName: z.string().nullable(),
      upcoming90: bucket,
      overdue: bucket,
      yearToDate: rates,
    }),
  ),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const reportsContract = {
  'reports:renewal': {
    input: z.object({ period: reportPeriodField, by: z.enum(REPORT_GROUPINGS).optional() }),
    output: renewalReportSchema,
  },
  'reports:terms': {
    input: z.object({
      period: reportPeriodField,
      outcome: z.enum(REPORT_OUTCOMES).default('due'),
      /** A group's key: an owner id, or NO_OWNER_KEY for the terms with no owner. */
      ownerId: idField.optional(),
      tier: tierField.optional(),
      /** A cycle code, or NO_CYCLE_KEY for terms whose cycle is unknown. */
      cycle: z.union([cycleField, z.literal(NO_CYCLE_KEY)]).optional(),
      ...pageInput,
    }),
    output: pageOf(reportTermSchema),
  },
  'reports:cohorts': {
    input: z.object({ period: reportPeriodField }),
    output: z.object({
      items: z.array(
        z.object({ signedYear: z.string(), due: tally, renewed: tally, lost: tally, pending: tally, rate: rates }),
      ),
    }),
  },
  'reports:dashboard': {
    input: z.object({ today: isoDate.optional() }),
    output: dashboardSchema,
  },
} as const;
