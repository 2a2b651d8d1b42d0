import * as z from './zodSetup.ts';
import { catalogueIssue as issue } from './catalogueIssue.ts';
import { renewalListInput } from './renewals.contract.ts';

const exportOptions = {
  /** File to write (.csv or .xlsx). Without it the content comes back in the answer, for a download. */
  out: z.string().min(1).optional(),
  headers: z.enum(['zh', 'en'], { message: issue('validation.headerLanguage') }).default('zh'),
  /** Defaults to the extension of `out`, else csv. */
  format: z.enum(['csv', 'xlsx']).optional(),
};
const exportInput = z.object(exportOptions);

export const exportResultSchema = z.object({
  file: z.string().nullable(),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  rows: z.number().int(),
  /** The file's bytes, base64, when no `out` was given. */
  contentBase64: z.string().nullable(),
});
export type ExportResult = z.infer<typeof exportResultSchema>;

export const exportContract = {
  /** The renewal sheet: one row per live contract with its customer, by end date then number. */
  'export:contracts': { input: exportInput, output: exportResultSchema },
  'export:customers': { input: exportInput, output: exportResultSchema },
  'export:followups': { input: exportInput, output: exportResultSchema },
  /** The 续约 list as filtered on its page (all pages): one row per term with days left and 续费状态. */
  'export:renewals': { input: renewalListInput.omit({ offset: true, limit: true }).extend(exportOptions), output: exportResultSchema },
} as const;
