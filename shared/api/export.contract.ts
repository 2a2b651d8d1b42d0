import * as z from './zodSetup.ts';
import { catalogueIssue as issue } from './catalogueIssue.ts';
import { idField, trimmedName } from './fields.ts';
import { renewalListInput } from './renewals.contract.ts';
import { REPORT_GROUPINGS, REPORT_OUTCOMES, reportPeriodField } from './reports.contract.ts';

// An export comes back as bytes for the caller to save (the CLI to its --out, the desktop to the path the user
// picked, the browser as a download): no operation writes to a path a caller names.
const exportOptions = {
  headers: z.enum(['zh', 'en'], { message: issue('validation.headerLanguage') }).default('zh'),
  format: z.enum(['csv', 'xlsx']).default('csv'),
};
/** `ownerId`: only the rows of that owner's customers (team mode's owner scope sets it for a scoped 客户经理). */
const ownedExportInput = z.object({ ...exportOptions, ownerId: idField.optional() });

export const exportResultSchema = z.object({
  /** A suggested name for the file: the sheet's name and today's date. */
  fileName: z.string(),
  /** 'ics' is the calendar export's; every sheet is 'csv' or 'xlsx'. */
  format: z.enum(['csv', 'xlsx', 'ics']),
  /** The sheet's rows; the calendar's events. */
  rows: z.number().int(),
  /** The file's bytes, base64. */
  contentBase64: z.string(),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

export const exportContract = {
  /** The renewal sheet: one row per live contract with its customer, by end date then number. */
  'export:contracts': { input: ownedExportInput, output: exportResultSchema },
  'export:customers': { input: ownedExportInput, output: exportResultSchema },
  'export:followups': { input: ownedExportInput, output: exportResultSchema },
  /** The payments sheet (回款): one row per live instalment, by contract number then due date. */
  'export:payments': { input: ownedExportInput, output: exportResultSchema },
  /** The usage sheet (用量): one row per live monthly figure, by customer name then month (week and quarter figures are not in it). */
  'export:usage': { input: ownedExportInput, output: exportResultSchema },
  /** The visit plan (回访计划) of a year (default: this year): one row per planned visit of each key customer; `ownerId`: that plan owner's (the visit manager, else the owner), as visits:plan. */
  'export:visits': { input: ownedExportInput.extend({ year: z.number().int().min(2000).max(2199).optional() }), output: exportResultSchema },
  /** The key customers' annual review (重点客户年度回顾) of a year: one row per key customer; `ownerId` as export:visits. */
  'export:keyReview': { input: ownedExportInput.extend({ year: z.number().int().min(2000).max(2199).optional() }), output: exportResultSchema },
  /** The complaints sheet (投诉, issue 14): one row per live complaint, open ones by deadline first. */
  'export:complaints': { input: ownedExportInput, output: exportResultSchema },
  /** The surveys sheet (满意度): one row per live survey, by date then customer, each dimension's score, the average and the comment. */
  'export:surveys': { input: ownedExportInput, output: exportResultSchema },
  /** The 续约 list as filtered on its page (all pages): one row per term with days left and 续费状态. */
  'export:renewals': { input: renewalListInput.omit({ offset: true, limit: true }).extend(exportOptions), output: exportResultSchema },
  /**
   * 续约日历 (.ics): an all-day event on the end date of every term that still reminds, its alarms that term's
   * reminder steps, its UID the contract's (a newer file updates the events it imported before). All owners, or
   * one owner's terms by name (the CLI's --owner) or by id (the page's picker), not both.
   */
  'export:calendar': {
    input: z
      .object({ owner: trimmedName('label.ownerName').optional(), ownerId: idField.optional() })
      .refine((i) => i.owner === undefined || i.ownerId === undefined, { message: issue('calendar.ownerTwice'), path: ['owner'] }),
    output: exportResultSchema,
  },
  /**
   * The whole archive as one .xlsx for a handover or an audit: a sheet per kind (customers, contacts, contracts,
   * renewals, follow-ups, reminders, tags, owners, import history); headers in the archive's language unless given.
   */
  'export:archive': {
    input: z.object({
      headers: exportOptions.headers.removeDefault().optional(),
      format: z.literal('xlsx', { message: issue('archive.xlsxOnly') }).default('xlsx'),
    }),
    output: exportResultSchema,
  },
  /**
   * A renewal report of a period: its figures (a row per group with `by`, then the total), or with `list` the
   * due terms of that outcome behind them ('due' for all), as on the 报表 page.
   */
  'export:report': {
    /** `ownerId`: the term list (`list`) holds only that owner's terms; the figures stay the team's, as on the report page. */
    input: z.object({
      period: reportPeriodField,
      by: z.enum(REPORT_GROUPINGS).optional(),
      list: z.enum(REPORT_OUTCOMES).optional(),
      ownerId: idField.optional(),
      ...exportOptions,
    }),
    output: exportResultSchema,
  },
} as const;
