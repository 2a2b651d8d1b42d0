import * as z from './zodSetup.ts';
import { catalogueIssue as issue } from './catalogueIssue.ts';
import { exportResultSchema } from './export.contract.ts';
import { idField, messageKeyField, messageParamsField, pageInput, pageOf } from './fields.ts';
import { isColumnTarget, isTargetOfKind } from '../importExport/columnTargets.ts';
import { IMPORT_KINDS } from '../importExport/importFields.ts';

export const importKindField = z.enum(IMPORT_KINDS, { message: issue('validation.importKind') });
export const encodingChoiceField = z.enum(['auto', 'utf8', 'gb18030'], { message: issue('validation.encoding') });
/** A field name, `custom:名称` for a customer custom field, or null to ignore the column. */
export const columnTargetField = z.string().max(60).nullable();
const unknownTarget = (target: unknown) => issue('validation.unknownTarget', { target: String(target) });
/** A target the user chose: one that exists (refined to ColumnTarget), checked against the kind below. */
const chosenColumnTarget = columnTargetField.refine(isColumnTarget, { error: (issue) => unknownTarget(issue.input) });

/** `message` is worded in the archive's language; `key` and `params` word it in another. */
const issueSchema = z.object({ line: z.number().int(), column: z.string().nullable(), message: z.string(), key: messageKeyField, params: messageParamsField });
export type ImportIssue = z.infer<typeof issueSchema>;

const changeSchema = z.object({
  line: z.number().int(),
  entity: z.enum(['customer', 'contact', 'contract', 'followup']),
  key: z.string(),
  fields: z.array(z.object({ field: z.string(), from: z.string().nullable(), to: z.string().nullable() })),
});
export type ImportChange = z.infer<typeof changeSchema>;

const switchableEncoding = z.enum(['utf8', 'gb18030']);
/** Bytes the encoding used could not read, over the whole file (each became one U+FFFD); null when none. */
const invalidBytesSchema = z.object({ encoding: z.string(), sequences: z.number().int(), lines: z.number().int() }).nullable();

export const importResultSchema = z.object({
  /** The batch to undo; null unless committed. */
  batchId: z.string().nullable(),
  committed: z.boolean(),
  dryRun: z.boolean(),
  /** True when --strict refused the batch because some rows were rejected. */
  strictAborted: z.boolean(),
  kind: importKindField,
  file: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  encodingDetected: z.string().nullable(),
  invalidBytes: invalidBytesSchema,
  delimiter: z.string().nullable(),
  sheet: z.string().nullable(),
  /** Data rows read: non-blank records after the header. */
  rows: z.number().int(),
  contractsCreated: z.number().int(),
  contractsUpdated: z.number().int(),
  contractsUnchanged: z.number().int(),
  customersCreated: z.number().int(),
  customersUpdated: z.number().int(),
  customersUnchanged: z.number().int(),
  followupsCreated: z.number().int(),
  followupsUnchanged: z.number().int(),
  /** One entry per bad cell (column = header text) or bad row (column = null): the first 1000 in line order. */
  rejected: z.array(issueSchema),
  /** Rows rejected (a row can have several entries in `rejected`). */
  rejectedRows: z.number().int(),
  /** The first 1000 warnings in line order. */
  warnings: z.array(issueSchema),
  /** In-file repeats, the first 1000: the row at `line` was superseded by the later row at `supersededBy`. */
  duplicates: z.array(z.object({ line: z.number().int(), supersededBy: z.number().int() })),
  /** Rows superseded by a later row of the file (all of them; `duplicates` lists the first 1000). */
  duplicateRows: z.number().int(),
  /** How many entries `rejected` and `warnings` had before each was cut to its first 1000. */
  issueCounts: z.object({ rejected: z.number().int(), warnings: z.number().int() }),
  /** Every rejection, warning and repeat as one CSV (`import:issues`), kept a day; null when there are none. */
  issuesReport: z.string().nullable(),
  ignoredColumns: z.array(z.string()),
  /** Which field each column went to, by position. */
  columns: z.array(z.object({ header: z.string(), field: columnTargetField })),
  /** Field-level differences of updated records (the first 1000). */
  changes: z.array(changeSchema),
  changesTruncated: z.boolean(),
  /** The chain rule's work: pairs of terms linked, and old undecided terms stored as 已到期 history. */
  chains: z.object({ linked: z.number().int(), history: z.number().int() }),
  /** Terms already overdue, and terms already inside their reminder ladder: their past steps are not notified. */
  newTerms: z.object({ overdue: z.number().int(), insideLadder: z.number().int() }),
  elapsedMs: z.number(),
});
export type ImportResult = z.infer<typeof importResultSchema>;

const runOptions = {
  kind: importKindField.optional(),
  encoding: encodingChoiceField.default('auto'),
  /** Sheet name for .xlsx; the first sheet when absent. */
  sheet: z.string().max(100).optional(),
  dryRun: z.boolean().default(false),
  strict: z.boolean().default(false),
};

export const importPreviewSchema = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  sizeBytes: z.number(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  encodingDetected: z.string().nullable(),
  invalidBytes: invalidBytesSchema,
  /** Where they are, by line, as the import report will list them. */
  encodingWarnings: z.array(issueSchema),
  /** The encoding the wizard offers instead (UTF-8 ⇄ GB18030); null for xlsx and UTF-16. */
  otherEncoding: switchableEncoding.nullable(),
  /** Set when the header lacks a required column as read but has them all in the other encoding (mojibake). */
  encodingSuggestion: z.object({ encoding: switchableEncoding, headers: z.array(z.string()) }).nullable(),
  delimiter: z.string().nullable(),
  sheet: z.string().nullable(),
  sheets: z.array(z.string()),
  headerLine: z.number().int().nullable(),
  headers: z.array(z.string()),
  /** The first data rows as read, so mojibake shows at once. */
  sampleRows: z.array(z.object({ line: z.number().int(), cells: z.array(z.string()) })),
  proposedKind: importKindField,
  /** Proposed target for each column (a saved preset for these headers wins over the aliases). */
  columns: z.array(columnTargetField),
  presetApplied: z.boolean(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/** What an import_batches row can be: a sheet of the import wizard, or the usage sheet (usage:import, migration 0028). */
export const IMPORT_BATCH_KINDS = [...IMPORT_KINDS, 'usage'] as const;

export const importBatchSchema = z.object({
  batchId: z.string(),
  kind: z.enum(IMPORT_BATCH_KINDS),
  fileName: z.string(),
  format: z.string(),
  encoding: z.string().nullable(),
  rows: z.number().int(),
  summary: z.record(z.string(), z.unknown()),
  actor: z.string(),
  createdAt: z.string(),
  undoneAt: z.string().nullable(),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;

/** The largest file an upload may hold; the CLI checks a file against it before sending anything. */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export const importContract = {
  /** Receives a file in pieces (base64), for the browser and the desktop window; returns its upload id. */
  'import:upload': {
    input: z.object({
      uploadId: idField.optional(),
      fileName: z.string().min(1).max(255),
      offset: z.number().int().min(0),
      dataBase64: z.string().max(8 * 1024 * 1024),
    }),
    output: z.object({ uploadId: z.string(), receivedBytes: z.number() }),
  },
  'import:preview': {
    input: z.object({ uploadId: idField, encoding: encodingChoiceField.default('auto'), sheet: z.string().max(100).optional() }),
    output: importPreviewSchema,
  },
  /**
   * Dry-runs or commits an upload. The wizard sends the mapping the user confirmed (`columns`, one target per
   * column, with its `kind`); without `columns` the headers map themselves (aliases, a saved preset), and `mapping`
   * (a mapping file's content, read by the CLI) overrides them by header.
   */
  'import:run': {
    input: z
      .object({
        uploadId: idField,
        ...runOptions,
        columns: z.array(chosenColumnTarget).max(500).optional(),
        mapping: z
          .object({
            kind: importKindField.optional(),
            columns: z.record(z.string().max(200), chosenColumnTarget).refine((c) => Object.keys(c).length <= 500, issue('validation.mappingTooLarge')),
          })
          .optional(),
        /** Remember this mapping for files with the same headers (on commit). */
        savePreset: z.boolean().default(true),
      })
      .superRefine((input, ctx) => {
        if (input.columns === undefined) return;
        if (input.kind === undefined) {
          ctx.addIssue({ code: 'custom', path: ['kind'], message: issue('validation.importKind') });
          return;
        }
        const kind = input.kind;
        const at = input.columns.findIndex((target) => !isTargetOfKind(kind, target));
        if (at >= 0) ctx.addIssue({ code: 'custom', path: ['columns', at], message: unknownTarget(input.columns[at]) });
      }),
    output: importResultSchema,
    changes: ['customers', 'contacts', 'contracts', 'followups', 'owners', 'renewals', 'reminders', 'notifications', 'system', 'import', 'tiers', 'usage'],
  },
  'import:discard': { input: z.object({ uploadId: idField }), output: z.object({ uploadId: z.string() }) },
  /** An import's whole list of problems (its result's `issuesReport`) as a CSV for the caller to save. */
  'import:issues': { input: z.object({ reportId: idField }), output: exportResultSchema },
  'import:history': { input: z.object({ ...pageInput }), output: pageOf(importBatchSchema) },
  /** Undoes a whole committed import (creates and updates), refusing if any of its rows changed since. */
  'import:undo': {
    input: z.object({ batchId: idField }),
    output: z.object({ batchId: z.string(), undoneAt: z.string(), entries: z.number().int(), customersAffected: z.number().int() }),
    changes: ['customers', 'contacts', 'contracts', 'followups', 'owners', 'renewals', 'reminders', 'notifications', 'system', 'import', 'tiers', 'usage'],
  },
} as const;
