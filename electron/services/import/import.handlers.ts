import { handlersFor } from '../handlerTable.ts';
import { overridesByIndex } from '../../../shared/importExport/headerAliases.ts';
import { mappingOverride, rememberMapping } from './mapping/mappingPresets.ts';
import { previewImport } from './previewImport.ts';
import { readIssuesReport } from './report/issuesReport.ts';
import { runImport } from './runImport.ts';
import { importHistory, undoImport } from './undoImport.ts';
import { appendUpload, discardUpload, stagedUpload } from './uploads/uploadStaging.ts';

export const importHandlers = handlersFor('import', {
  'import:upload': async (ctx, input) => appendUpload(ctx, input),
  'import:preview': (ctx, input) => previewImport(ctx, input),
  'import:run': async (ctx, input) => {
    const upload = stagedUpload(ctx, input.uploadId);
    // The wizard's confirmed columns, by position; else the headers map themselves, with a mapping file's
    // columns (the CLI's --map-file) overriding them by header.
    const override = input.columns ? overridesByIndex(input.columns) : input.mapping ? mappingOverride(input.mapping.columns) : undefined;
    return runImport(ctx, {
      file: upload.file,
      fileName: upload.fileName,
      kind: input.kind ?? input.mapping?.kind,
      encoding: input.encoding,
      sheet: input.sheet,
      dryRun: input.dryRun,
      strict: input.strict,
      override,
      progressId: input.uploadId,
      onCommit: input.savePreset
        ? ({ kind, headers, mapping }, tx) => rememberMapping(tx, kind, headers, mapping, ctx.now().toISOString())
        : undefined,
    });
  },
  'import:discard': async (ctx, input) => {
    discardUpload(ctx, input.uploadId);
    return { uploadId: input.uploadId };
  },
  'import:issues': async (ctx, input) => readIssuesReport(ctx, input.reportId),
  'import:history': async (ctx, input) => importHistory(ctx, input.offset, input.limit),
  'import:undo': (ctx, input) => undoImport(ctx, input.batchId),
});
